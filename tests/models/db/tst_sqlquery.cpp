#include "models/db/sqlquery.h"
#include "tests/common/testdatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

/*!
 * SqlQuery::execOne() tells "the statement failed" from "it ran and found no row"; values go
 * out and come back unchanged on both engines; on PostgreSQL each statement is one round trip
 * with its values as parameters, a kept one prepared once under Till's own name.
 */
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

    void valuesRoundTrip_data()
    {
        QTest::addColumn<QVariant>("big");
        QTest::addColumn<QVariant>("text");
        QTest::addColumn<QVariant>("flag");
        QTest::addColumn<QVariant>("data");
        QTest::addColumn<QVariant>("at");
        const QDateTime at(QDate(2026, 12, 3), QTime(19, 32, 41, 123), Qt::UTC);
        QTest::newRow("small") << QVariant(qint64(7)) << QVariant(u"plain"_s) << QVariant(true)
                               << QVariant(QByteArray("abc")) << QVariant(at);
        QTest::newRow("negative") << QVariant(qint64(-5)) << QVariant(u""_s) << QVariant(false)
                                  << QVariant(QByteArray("")) << QVariant(at.addYears(-30));
        QTest::newRow("beyond 2^31")
                << QVariant(qint64(3000000000)) << QVariant(u"O'Brien \\ \"q\" :name ::x $1 --"_s)
                << QVariant(true) << QVariant(QByteArray("a\0b\xff'\\", 6)) << QVariant(at);
        QTest::newRow("extremes") << QVariant(std::numeric_limits<qint64>::min())
                                  << QVariant(u"€ü 日本 🙂"_s) << QVariant(false)
                                  << QVariant(QByteArray(3, '\0')) << QVariant(at.addMSecs(1));
        QTest::newRow("nulls") << QVariant(QMetaType::fromType<qint64>())
                               << QVariant(QMetaType::fromType<QString>())
                               << QVariant(QMetaType::fromType<bool>())
                               << QVariant(QMetaType::fromType<QByteArray>())
                               << QVariant(QMetaType::fromType<QDateTime>());
    }

    void valuesRoundTrip()
    {
        QFETCH(QVariant, big);
        QFETCH(QVariant, text);
        QFETCH(QVariant, flag);
        QFETCH(QVariant, data);
        QFETCH(QVariant, at);
        const Database &db = m_scratch->db();
        QVERIFY_OK(SqlQuery::run(db, db.dialect().expandTemplates(
                                             u"CREATE TABLE IF NOT EXISTS round_trip (id {{id}}, "
                                             "big BIGINT, txt TEXT, flag BOOLEAN, data {{blob}}, "
                                             "at {{timestamp}})"_s)));
        // Given the values bound as parameters, the text ones through a kept statement
        SqlQuery insert(db,
                        u"INSERT INTO round_trip (big, txt, flag, data, at) "
                        "VALUES (:big, :txt, :flag, :data, :at) RETURNING id"_s,
                        SqlQuery::Prepared::Keep);
        insert.bind(u"big"_s, big).bind(u"txt"_s, text).bind(u"flag"_s, flag);
        insert.bind(u"data"_s, data)
                .bind(u"at"_s, at.isNull() ? at : Dialect::timestampText(at.toDateTime()));
        QVERIFY(insert.execOne());
        SqlQuery read(db, u"SELECT big, txt, flag, data, at FROM round_trip WHERE id = :id"_s);
        read.bind(u"id"_s, insert.int64(0));
        QVERIFY(read.execOne());
        // Then each comes back as it went, a NULL as a NULL
        QCOMPARE(read.value(0).isNull(), big.isNull());
        QCOMPARE(read.int64(0), big.toLongLong());
        QCOMPARE(read.value(1).isNull(), text.isNull());
        QCOMPARE(read.text(1), text.toString());
        QCOMPARE(read.value(2).isNull(), flag.isNull());
        QCOMPARE(read.value(2).toBool(), flag.toBool());
        QCOMPARE(read.value(3).isNull(), data.isNull());
        QCOMPARE(read.value(3).toByteArray(), data.toByteArray());
        QCOMPARE(Dialect::toDateTime(read.value(4)), at.toDateTime());
        if (TestDatabase::isPostgres()) {
            // as the types QPSQL gives, which every reader expects
            QCOMPARE(read.value(u"BIG"_s).typeId(), QMetaType::LongLong);
            QCOMPARE(read.value(2).typeId(), QMetaType::Bool);
            QCOMPARE(read.value(3).typeId(), QMetaType::QByteArray);
            QCOMPARE(read.value(4).typeId(), QMetaType::QDateTime);
        }
    }

    void aNameUsedTwiceIsOneValue()
    {
        // Given a placeholder used twice, a quoted colon and (PostgreSQL) a :: cast
        const QString cast = TestDatabase::isPostgres() ? u"CAST(:a AS BIGINT)::bigint"_s
                                                        : u"CAST(:a AS BIGINT)"_s;
        SqlQuery q(m_scratch->db(),
                   u"SELECT %1 + CAST(:a AS BIGINT), ':skip', CAST(:b AS TEXT)"_s.arg(cast));
        q.bind(u"a"_s, 20).bind(u"b"_s, u"two"_s);
        QVERIFY(q.execOne());
        QCOMPARE(q.int64(0), 40);
        QCOMPARE(q.text(1), u":skip"_s);
        QCOMPARE(q.text(2), u"two"_s);
    }

    void aUniqueViolationIsAConstraintError()
    {
        const Database &db = m_scratch->db();
        QVERIFY_OK(SqlQuery::run(db, u"CREATE TABLE uniq (k BIGINT UNIQUE)"_s));
        SqlQuery first(db, u"INSERT INTO uniq (k) VALUES (:k)"_s);
        QVERIFY(first.bind(u"k"_s, 1).exec());
        SqlQuery second(db, u"INSERT INTO uniq (k) VALUES (:k)"_s, SqlQuery::Prepared::Keep);
        QVERIFY(!second.bind(u"k"_s, 1).exec());
        QCOMPARE(second.error().kind, DbError::Kind::Constraint);
        QVERIFY(!second.error().driverText.isEmpty());
        if (TestDatabase::isPostgres()) {
            QVERIFY2(second.error().details.contains(u"[23505]"_s),
                     qPrintable(second.error().details));
        }
    }

    void rowsAffectedAreCounted()
    {
        const Database &db = m_scratch->db();
        QVERIFY_OK(SqlQuery::run(db, u"CREATE TABLE counted (k BIGINT)"_s));
        SqlQuery insert(db, u"INSERT INTO counted (k) VALUES (1), (2), (:k)"_s);
        QVERIFY(insert.bind(u"k"_s, 3).exec());
        QCOMPARE(insert.numRowsAffected(), 3);
        SqlQuery update(db, u"UPDATE counted SET k = k + 1 WHERE k >= :k"_s,
                        SqlQuery::Prepared::Keep);
        QVERIFY(update.bind(u"k"_s, 2).exec());
        QCOMPARE(update.numRowsAffected(), 2);
        QVERIFY(update.bind(u"k"_s, 100).exec());
        QCOMPARE(update.numRowsAffected(), 0);
    }

    void aKeptStatementIsPreparedOnceAndAFreshOneLeavesNone()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("Prepared statements on the server are PostgreSQL's.");
        }
        const Database &db = m_scratch->db();
        const QString tag = QUuid::createUuid().toString(QUuid::Id128);
        for (int i = 0; i < 100; ++i) {
            SqlQuery kept(db, u"SELECT CAST(:n AS BIGINT) + 1 AS kept_%1"_s.arg(tag),
                          SqlQuery::Prepared::Keep);
            QVERIFY(kept.bind(u"n"_s, i).execOne());
            QCOMPARE(kept.int64(0), i + 1);
            SqlQuery fresh(db, u"SELECT CAST(:n AS BIGINT) + 2 AS fresh_%1"_s.arg(tag));
            QVERIFY(fresh.bind(u"n"_s, i).execOne());
        }
        // One entry, prepared through the protocol under Till's name (not an SQL PREPARE
        // of the driver's), and none for the fresh one
        SqlQuery kept(db, u"SELECT name, from_sql FROM pg_prepared_statements "
                          "WHERE statement LIKE :like"_s);
        QVERIFY(kept.bind(u"like"_s, QString(u"%kept_"_s + tag + u'%')).exec());
        QVERIFY(kept.next());
        QVERIFY2(kept.text(0).startsWith(u"till_"_s), qPrintable(kept.text(0)));
        QCOMPARE(kept.value(1).toBool(), false);
        QVERIFY(!kept.next());
        SqlQuery fresh(db,
                       u"SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE :like"_s);
        QVERIFY(fresh.bind(u"like"_s, QString(u"%fresh_"_s + tag + u'%')).execOne());
        QCOMPARE(fresh.int64(0), 0);
    }

    void valuesReadAsQtsDriverReadsThem()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("Compares with Qt's PostgreSQL driver.");
        }
        const QStringList expressions{u"CAST(5 AS INTEGER)"_s,
                                      u"CAST(-7 AS SMALLINT)"_s,
                                      u"CAST(-7 AS BIGINT)"_s,
                                      u"TRUE"_s,
                                      u"CAST(1.5 AS DOUBLE PRECISION)"_s,
                                      u"CAST(2.25 AS NUMERIC)"_s,
                                      u"'text'"_s,
                                      u"CAST(NULL AS BIGINT)"_s,
                                      u"CAST(NULL AS TEXT)"_s,
                                      u"CAST(NULL AS TIMESTAMPTZ)"_s,
                                      u"CAST('2026-12-03 19:32:41.123+00' AS TIMESTAMPTZ)"_s,
                                      u"CAST('2026-12-03 19:32:41.5' AS TIMESTAMP)"_s,
                                      u"CAST('2026-12-03' AS DATE)"_s,
                                      u"CAST('10:11:12' AS TIME)"_s,
                                      u"CAST('\\x00ff27' AS BYTEA)"_s,
                                      u"CAST('{\"a\": 1}' AS JSON)"_s};
        for (const QString &expression : expressions) {
            const QString sql = u"SELECT "_s + expression;
            QSqlQuery driver(m_scratch->db().connection());
            QVERIFY(driver.exec(sql) && driver.next());
            SqlQuery ours(m_scratch->db(), sql);
            QVERIFY(ours.execOne());
            const QVariant expected = driver.value(0);
            const QVariant actual = ours.value(0);
            QCOMPARE(actual.isNull(), expected.isNull());
            if (expected.typeId() == QMetaType::ULongLong) {
                QCOMPARE(actual.typeId(), QMetaType::LongLong); // read with toLongLong()
                QCOMPARE(actual.toLongLong(), expected.toLongLong());
                continue;
            }
            QVERIFY2(actual.typeId() == expected.typeId(), qPrintable(expression));
            QVERIFY2(actual == expected, qPrintable(expression + u": "_s + actual.toString()
                                                    + u" != "_s + expected.toString()));
        }
    }

    void aLostConnectionIsReportedAndReconnectWorks()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("An SQLite file has no connection to lose.");
        }
        auto lane = Database::open(m_scratch->url());
        QVERIFY(lane);
        const Database &db = **lane;
        SqlQuery pid(db, u"SELECT pg_backend_pid()"_s, SqlQuery::Prepared::Keep);
        QVERIFY(pid.execOne());
        // Given the server ends the lane's session
        SqlQuery kill(m_scratch->db(), u"SELECT pg_terminate_backend(:pid)"_s);
        QVERIFY(kill.bind(u"pid"_s, pid.value(0)).execOne());
        QTest::qWait(100);
        // Then its next statement reports a lost connection, not a failed statement
        SqlQuery lost(db, u"SELECT 1"_s, SqlQuery::Prepared::Keep);
        QVERIFY(!lost.execOne());
        QCOMPARE(lost.error().kind, DbError::Kind::ConnectionFailed);
        // And a reconnect gives a session where kept statements are prepared anew
        QVERIFY_OK(db.reconnect());
        SqlQuery again(db, u"SELECT pg_backend_pid()"_s, SqlQuery::Prepared::Keep);
        QVERIFY(again.execOne());
        QVERIFY(again.int64(0) != pid.int64(0));
    }
};

QTEST_GUILESS_MAIN(TestSqlQuery)
#include "tst_sqlquery.moc"
