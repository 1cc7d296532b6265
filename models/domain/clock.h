#pragma once

#include <QDateTime>

#include <functional>

//! Where services read the time, so tests can move it (lockouts expiring, days changing).
using Clock = std::function<QDateTime()>;

inline Clock systemClock()
{
    return [] {
        return QDateTime::currentDateTimeUtc();
    };
}
