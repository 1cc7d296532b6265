#pragma once

#include <QtGlobal>

//! How well the conversion-rate cache answers, as the Diagnostics window shows it.
struct CacheStats
{
    quint64 hits = 0;
    quint64 misses = 0;
    quint64 loads = 0; //!< queries run to fill misses
    quint64 invalidations = 0;
    quint64 expirations = 0;
    int entries = 0;
    quint64 scanHits = 0;
    quint64 scanMisses = 0;
    int scanEntries = 0;
};
