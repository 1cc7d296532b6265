#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"
#include "tests/common/testdatabase.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestQueryProfiler : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;

    void selectOne(int value)
    {
        SqlQuery q(m_scratch->db(), u"SELECT COUNT(*) FROM products WHERE id = :id"_s);
        q.bind(u"id"_s, value);
        QVERIFY(q.execOne());
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
    }

    void countsEveryStatementOfAnOperation()
    {
        ProfileScope scope(u"test.count"_s);
        for (int i = 0; i < 3; ++i) {
            selectOne(i);
        }
        QCOMPARE(scope.statementCount(), 3);
        QCOMPARE(scope.statements().size(), 3);
        QVERIFY(scope.statementNanoseconds() > 0);
        QVERIFY(scope.statements().first().sql.startsWith(u"SELECT COUNT(*) FROM products"_s));
        QVERIFY(scope.statements().first().ok);
    }

    void transactionBoundariesCountAsStatements()
    {
        ProfileScope scope(u"test.transaction"_s);
        {
            Transaction tx(m_scratch->db());
            QVERIFY(tx.begin());
            selectOne(1);
            QVERIFY(tx.commit());
        }
        QCOMPARE(scope.statementCount(), 3);
        QCOMPARE(scope.statements().at(0).sql, u"BEGIN"_s);
        QCOMPARE(scope.statements().at(2).sql, u"COMMIT"_s);
    }

    void failedStatementsAreCountedAndMarked()
    {
        ProfileScope scope(u"test.failure"_s);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        SqlQuery q(m_scratch->db(), u"SELECT nothing FROM no_such_table"_s);
        QVERIFY(!q.exec());
        QCOMPARE(scope.statementCount(), 1);
        QCOMPARE(scope.statements().at(0).ok, false);
        QVERIFY(!q.error().details.isEmpty());
    }

    void nestedScopesBothCount()
    {
        ProfileScope outer(u"test.outer"_s);
        selectOne(1);
        {
            ProfileScope inner(u"test.inner"_s);
            selectOne(2);
            selectOne(3);
            QCOMPARE(inner.statementCount(), 2);
        }
        QCOMPARE(outer.statementCount(), 3);
    }

    void finishedOperationsReachTheHistoryAndTheSignal()
    {
        QSignalSpy spy(&QueryProfiler::instance(), &QueryProfiler::operationFinished);
        {
            ProfileScope scope(u"test.history"_s);
            selectOne(1);
            selectOne(2);
        }
        QCOMPARE(spy.count(), 1);
        const auto record = spy.at(0).at(0).value<OperationRecord>();
        QCOMPARE(record.name, u"test.history"_s);
        QCOMPARE(record.statementCount, 2);
        const auto history = QueryProfiler::instance().history();
        QVERIFY(!history.isEmpty());
        QCOMPARE(history.constLast().name, u"test.history"_s);
        QCOMPARE(history.constLast().sequence, record.sequence);
    }

    void repeatedStatementShapeWarnsOnce()
    {
        // Given the default threshold, a statement repeated past it inside one operation
        const int threshold = QueryProfiler::instance().repeatThreshold();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"possible N\\+1 in \"test\\.loop\": the same "
                                                "statement ran %1 times"_s.arg(threshold + 1)));
        ProfileScope scope(u"test.loop"_s);
        for (int i = 0; i < threshold + 5; ++i) {
            selectOne(i);
        }
        // Then the smell is noted once on the operation (ignoreMessage fails on a second)
        QCOMPARE(scope.statementCount(), threshold + 5);
    }

    void fewRepeatsDoNotWarn()
    {
        QTest::failOnWarning(QRegularExpression(u"N\\+1"_s));
        ProfileScope scope(u"test.few"_s);
        for (int i = 0; i < QueryProfiler::instance().repeatThreshold(); ++i) {
            selectOne(i);
        }
    }

    void expectedRepeatsDoNotWarn()
    {
        QTest::failOnWarning(QRegularExpression(u"N\\+1"_s));
        ProfileScope scope(u"test.bulk"_s, ProfileScope::Repeats::Expected);
        for (int i = 0; i < 20; ++i) {
            selectOne(i);
        }
        QCOMPARE(scope.statementCount(), 20);
    }

    void shapesIgnoreLiterals()
    {
        QCOMPARE(QueryProfiler::shapeOf(u"SELECT * FROM t WHERE id = 42 AND name = 'O''Brien'"_s),
                 u"SELECT * FROM t WHERE id = ? AND name = ?"_s);
        QCOMPARE(QueryProfiler::shapeOf(u"SELECT  a\n FROM t2"_s), u"SELECT a FROM t2"_s);
    }

    void cleanupTestCase() { m_scratch.reset(); }
};

QTEST_GUILESS_MAIN(TestQueryProfiler)
#include "tst_queryprofiler.moc"
