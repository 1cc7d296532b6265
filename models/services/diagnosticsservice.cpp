#include "models/services/diagnosticsservice.h"

#include "models/db/conversionratecache.h"
#include "models/db/queryprofiler.h"

DiagnosticsService::DiagnosticsService(QueryProfiler &profiler, ConversionRateCache *cache,
                                       QObject *parent)
    : QObject(parent)
    , m_profiler(profiler)
    , m_cache(cache)
{
    // Direct, so the signal still comes on the thread that ended the operation: a view
    // queues it to its own thread, as it would from the profiler itself.
    connect(&m_profiler, &QueryProfiler::operationFinished, this,
            &DiagnosticsService::operationFinished, Qt::DirectConnection);
    if (m_cache) {
        connect(m_cache, &ConversionRateCache::statsChanged, this,
                &DiagnosticsService::cacheStatsChanged);
    }
}

int DiagnosticsService::historySize()
{
    return QueryProfiler::kHistorySize;
}

quint64 DiagnosticsService::totalStatements() const
{
    return m_profiler.totalStatements();
}

quint64 DiagnosticsService::totalPrepares() const
{
    return m_profiler.totalPrepares();
}

QList<OperationRecord> DiagnosticsService::history() const
{
    return m_profiler.history();
}

void DiagnosticsService::clearHistory()
{
    m_profiler.clearHistory();
}

CacheStats DiagnosticsService::cacheStats() const
{
    return m_cache ? m_cache->stats() : CacheStats();
}
