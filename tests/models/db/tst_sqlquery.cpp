#include "models/db/sqlquery.h"
#include "tests/common/testdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;

//! SqlQuery::execOne() tells "the statement failed" from "it ran and found no row".
class TestSqlQuery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
    }

    void aRowIsRead()
    {
        SqlQuery q(m_scratch->db(), u"SELECT COUNT(*) FROM products"_s);
        QVERIFY(q.execOne());
        QVERIFY(!q.hasError());
        QCOMPARE(q.int64(0), 0);
    }

    void noRowIsNotFoundAndNoFailure()
    {
        // Given a statement that runs but matches nothing
        SqlQuery q(m_scratch->db(), u"SELECT id FROM products WHERE id = :id"_s);
        q.bind(u"id"_s, -1);
        // Then execOne() is false, yet nothing failed, and the error a caller returns says so
        QVERIFY(!q.execOne());
        QVERIFY(!q.hasError());
        QCOMPARE(q.error().kind, DbError::Kind::NotFound);
        QVERIFY2(q.error().details.contains(u"SELECT id FROM products"_s),
                 qPrintable(q.error().details));
    }

    void aFailedStatementCarriesTheDriversError()
    {
        // Given a statement the server refuses
        SqlQuery q(m_scratch->db(), u"SELECT no_such_column FROM products"_s);
        // Then execOne() is false, with a failure that is not "no row"
        QVERIFY(!q.execOne());
        QVERIFY(q.hasError());
        QVERIFY(q.error().kind != DbError::Kind::NotFound);
        QVERIFY(!q.error().details.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSqlQuery)
#include "tst_sqlquery.moc"
