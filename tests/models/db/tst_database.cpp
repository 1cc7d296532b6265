#include "models/db/database.h"
#include "models/db/sqlquery.h"
#include "tests/common/testdatabase.h"

#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

/*!
 * The connection of a thread: reconnect() gives a new session that works at once, and a
 * listener asks once and hears each notification once, however often the session was
 * opened anew.
 */
class TestDatabaseConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;

    static qint64 count(const Database &db)
    {
        SqlQuery q(db, u"SELECT COUNT(*) FROM probe"_s, SqlQuery::Prepared::Keep);
        return q.execOne() ? q.int64(0) : -1;
    }

    // Each test its own channel: channels belong to the server's database, which other tests
    // running at the same time share.
    static QString uniqueChannel()
    {
        return u"till_test_"_s + QUuid::createUuid().toString(QUuid::Id128);
    }

    // From a connection of its own, as another lane would.
    bool notify(const QString &channel, const QString &payload)
    {
        auto other = Database::open(m_scratch->url());
        if (!other) {
            return false;
        }
        QSqlQuery q((*other)->connection());
        q.prepare(u"SELECT pg_notify(:channel, :payload)"_s);
        q.bindValue(u":channel"_s, channel);
        q.bindValue(u":payload"_s, payload);
        return q.exec();
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
        QVERIFY_OK(SqlQuery::run(m_scratch->db(), u"CREATE TABLE probe (x INTEGER)"_s));
        QVERIFY_OK(SqlQuery::run(m_scratch->db(), u"INSERT INTO probe (x) VALUES (1)"_s));
    }
    void cleanup() { m_scratch.reset(); }

    void reconnectStartsANewSessionThatWorksAtOnce()
    {
        const Database &db = m_scratch->db();
        QCOMPARE(count(db), 1); // a kept statement, prepared on the first session
        const QString pidBefore = backendPid(db);
        const quint64 openings = db.openings();

        QVERIFY_OK(db.reconnect());

        QCOMPARE(db.openings(), openings + 1);
        if (TestDatabase::isPostgres()) {
            QVERIFY(backendPid(db) != pidBefore);
        }
        // The statement kept on the old session is prepared again on the new one; the same
        // data (on SQLite the same file) is there.
        QCOMPARE(count(db), 1);
    }

    void aListenerHearsEachNotificationOnceAcrossReconnects()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("LISTEN/NOTIFY is PostgreSQL's.");
        }
        const Database &db = m_scratch->db();
        const QString channel = uniqueChannel();
        QObject receiver;
        QStringList heard;
        db.listen(channel, &receiver, [&heard](const QString &payload) { heard << payload; });
        QVERIFY(db.isListening(channel));

        QVERIFY_OK(db.reconnect());
        QVERIFY_OK(db.reconnect());
        QVERIFY(db.isListening(channel));
        QVERIFY(notify(channel, u"after two reconnects"_s));

        QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 1, 5000);
        QTest::qWait(200);
        QCOMPARE(heard, QStringList{u"after two reconnects"_s});
    }

    void aListenerAskedBeforeTheConnectionOpensHearsOnceItDoes()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("LISTEN/NOTIFY is PostgreSQL's.");
        }
        auto lane = Database::open(m_scratch->url());
        QVERIFY(lane);
        (*lane)->closeThreadConnection(); // nothing open on this thread now
        const QString channel = uniqueChannel();
        QObject receiver;
        QStringList heard;
        (*lane)->listen(channel, &receiver, [&heard](const QString &payload) { heard << payload; });
        // The next use opens the connection, which listens.
        QVERIFY((*lane)->isListening(channel));
        QVERIFY(notify(channel, u"hello"_s));
        QTRY_COMPARE_WITH_TIMEOUT(heard, QStringList{u"hello"_s}, 5000);
    }

    void aGoneListenerHearsNothingAndTheOthersStillDo()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("LISTEN/NOTIFY is PostgreSQL's.");
        }
        const Database &db = m_scratch->db();
        const QString channel = uniqueChannel();
        QObject stays;
        auto goes = std::make_unique<QObject>();
        int staying = 0;
        int gone = 0;
        db.listen(channel, &stays, [&staying](const QString &) { ++staying; });
        db.listen(channel, goes.get(), [&gone](const QString &) { ++gone; });
        goes.reset();
        QVERIFY(notify(channel, u"one"_s));
        QTRY_COMPARE_WITH_TIMEOUT(staying, 1, 5000);
        QCOMPARE(gone, 0);
    }

    void aNotificationReadWithAResultIsHeardWithoutAnotherStatement()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("LISTEN/NOTIFY is PostgreSQL's.");
        }
        const Database &db = m_scratch->db();
        const QString channel = uniqueChannel();
        QObject receiver;
        QStringList heard;
        db.listen(channel, &receiver, [&heard](const QString &payload) { heard << payload; });
        QVERIFY(db.isListening(channel));
        // Given a NOTIFY that reaches the listening connection with a kept statement's result
        // (its own, so the notification comes in the same read as the result)
        for (int i = 0; i < 2; ++i) {
            SqlQuery q(db, u"SELECT pg_notify(:channel, :payload)"_s, SqlQuery::Prepared::Keep);
            q.bind(u"channel"_s, channel).bind(u"payload"_s, u"sold %1"_s.arg(i));
            QVERIFY(q.exec());
            // Then it is heard at once, no later statement needed to bring it in
            QTRY_COMPARE_WITH_TIMEOUT(heard.size(), i + 1, 2000);
        }
        QCOMPARE(heard, (QStringList{u"sold 0"_s, u"sold 1"_s}));
    }

    void onSqliteNothingListens()
    {
        if (TestDatabase::isPostgres()) {
            QSKIP("PostgreSQL listens; see the tests above.");
        }
        const Database &db = m_scratch->db();
        QObject receiver;
        db.listen(u"till_sales"_s, &receiver, [](const QString &) {});
        QVERIFY(!db.isListening(u"till_sales"_s));
        QCOMPARE(count(db), 1); // and the connection is none the worse for it
    }

private:
    static QString backendPid(const Database &db)
    {
        if (!TestDatabase::isPostgres()) {
            return {};
        }
        QSqlQuery q(db.connection());
        return q.exec(u"SELECT pg_backend_pid()"_s) && q.next() ? q.value(0).toString() : QString();
    }
};

QTEST_GUILESS_MAIN(TestDatabaseConnection)
#include "tst_database.moc"
