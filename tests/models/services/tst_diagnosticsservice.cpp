#include "models/db/conversionratecache.h"
#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/services/diagnosticsservice.h"
#include "models/services/services.h"
#include "tests/common/storefixture.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

/*!
 * What the Diagnostics window reads through the services layer: the profiler's operations
 * and totals, the conversion-rate cache's figures, and where the data lives.
 */
class TestDiagnosticsService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;

    //! An operation of `statements` statements, as the executor records them.
    static void runOperation(const QString &name, int statements)
    {
        ProfileScope scope(name);
        for (int i = 0; i < statements; ++i) {
            QueryProfiler::instance().record(u"SELECT %1"_s.arg(i), 1000, true);
        }
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        // Setting the store up is work the profiler saw too.
        QueryProfiler::instance().clearHistory();
    }

    void operationsOnAWorkerReachTheWindow()
    {
        // Given the service over the profiler
        DiagnosticsService diagnostics(QueryProfiler::instance());
        QSignalSpy finished(&diagnostics, &DiagnosticsService::operationFinished);
        const quint64 before = diagnostics.totalStatements();

        // When an operation of two statements finishes on a worker thread
        std::unique_ptr<QThread> worker(QThread::create([] { runOperation(u"test.worker"_s, 2); }));
        worker->start();
        QVERIFY(worker->wait(5000));

        // Then the window hears of it, and finds it in the history and the totals
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<OperationRecord>().name, u"test.worker"_s);
        QCOMPARE(finished.at(0).at(0).value<OperationRecord>().statementCount, 2);
        const QList<OperationRecord> history = diagnostics.history();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.constFirst().name, u"test.worker"_s);
        QCOMPARE(diagnostics.totalStatements(), before + 2);
        QCOMPARE(DiagnosticsService::historySize(), QueryProfiler::kHistorySize);

        // And clearing the window's list clears the profiler's history
        diagnostics.clearHistory();
        QVERIFY(diagnostics.history().isEmpty());
        QVERIFY(QueryProfiler::instance().history().isEmpty());
    }

    void cacheFiguresFollowTheCache()
    {
        const Product cola = m_store->addProduct(u"COLA"_s, u"Cola"_s, {{u"Can"_s, 1, 119, {}}});
        ConversionRateCache cache(m_store->db());
        DiagnosticsService diagnostics(QueryProfiler::instance(), &cache);
        QSignalSpy changed(&diagnostics, &DiagnosticsService::cacheStatsChanged);
        QVERIFY(diagnostics.hasCacheStats());

        // When a unit's rate is asked for twice: loaded once, then answered from memory
        QVERIFY(cache.rate(cola.units.at(0).id));
        QVERIFY(cache.rate(cola.units.at(0).id));

        // Then the window reads the cache's figures, and is told they changed
        const CacheStats stats = diagnostics.cacheStats();
        QCOMPARE(stats.misses, quint64(1));
        QCOMPARE(stats.loads, quint64(1));
        QCOMPARE(stats.hits, quint64(1));
        QCOMPARE(stats.entries, 1);
        QVERIFY(changed.count() >= 1);
    }

    void withoutACacheThereAreNoFigures()
    {
        DiagnosticsService diagnostics(QueryProfiler::instance());
        QVERIFY(!diagnostics.hasCacheStats());
        QCOMPARE(diagnostics.cacheStats().hits, quint64(0));
        QCOMPARE(diagnostics.cacheStats().entries, 0);
    }

    void theTillsServicesSayWhereTheDataLives()
    {
        const auto services = m_store->services(m_store->manager);
        const bool postgres = TestDatabase::isPostgres();
        QVERIFY2(services->databaseDescription().startsWith(postgres ? u"PostgreSQL "_s
                                                                     : u"SQLite "_s),
                 qPrintable(services->databaseDescription()));
        QCOMPARE(services->databaseLocation(), m_store->db().url().toDisplayString());
        QVERIFY(services->diagnostics.hasCacheStats());
    }
};

QTEST_MAIN(TestDiagnosticsService)
#include "tst_diagnosticsservice.moc"
