#pragma once

#include "models/domain/cachestats.h"
#include "models/domain/profiling.h"

#include <QList>
#include <QObject>

class ConversionRateCache;
class QueryProfiler;

/*!
 * What the Diagnostics window shows the people who look after the till: the operations
 * the query profiler saw, with their statements and totals, and how well the
 * conversion-rate cache answers. The window reads it all here, so it needs nothing of the
 * data layer.
 */
class DiagnosticsService : public QObject
{
    Q_OBJECT

public:
    //! cache may be null (there are no cache figures then); both must outlive the service.
    explicit DiagnosticsService(QueryProfiler &profiler, ConversionRateCache *cache = nullptr,
                                QObject *parent = nullptr);

    //! How many finished operations the profiler keeps.
    static int historySize();
    quint64 totalStatements() const;
    quint64 totalPrepares() const;
    //! Oldest first.
    QList<OperationRecord> history() const;
    void clearHistory();

    bool hasCacheStats() const { return m_cache != nullptr; }
    //! All zero without a cache.
    CacheStats cacheStats() const;

Q_SIGNALS:
    //! The profiler's signal, on the thread that ended the operation.
    void operationFinished(const OperationRecord &operation);
    void cacheStatsChanged();

private:
    QueryProfiler &m_profiler;
    ConversionRateCache *m_cache = nullptr;
};
