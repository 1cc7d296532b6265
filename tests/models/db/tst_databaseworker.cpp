#include "models/db/database.h"
#include "models/db/sqlquery.h"
#include "models/services/databaseworker.h"
#include "tests/common/stallproxy.h"
#include "tests/common/testdatabase.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <optional>

using namespace Qt::StringLiterals;

/*!
 * Database work off the window's thread, and the bound on waiting for a server that
 * stopped answering: the window keeps running, and cutting the worker's connection ends
 * the wait at once with a timeout, after which the worker connects again. Answers come
 * back on the caller's thread, failures included; a newer request drops the older ones.
 */
class TestDatabaseWorker : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;

    struct Answer
    {
        qint64 value = -1;
        DbError::Kind kind = DbError::Kind::Statement;
        bool ok = false;
    };
    static Answer ask(const Database &db, const QString &sql)
    {
        SqlQuery q(db, sql);
        Answer answer;
        answer.ok = q.execOne();
        if (answer.ok) {
            answer.value = q.int64(0);
        } else {
            answer.kind = q.error().kind;
        }
        return answer;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
    }
    void cleanup() { m_scratch.reset(); }

    void workRunsOnItsOwnThreadAndAnswersOnTheCallers()
    {
        const Database &db = m_scratch->db();
        DatabaseWorker worker(db, u"test-worker"_s);
        std::optional<Answer> answer;
        QThread *ranOn = nullptr;
        QThread *answeredOn = nullptr;
        worker.run(
                [&db, &ranOn] {
                    ranOn = QThread::currentThread();
                    return ask(db, u"SELECT COUNT(*) FROM users"_s);
                },
                this,
                [&](const Answer &a) {
                    answeredOn = QThread::currentThread();
                    answer = a;
                });
        QVERIFY(worker.isBusy());
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->ok);
        QCOMPARE(answer->value, 0);
        QVERIFY(ranOn != QThread::currentThread());
        QCOMPARE(answeredOn, QThread::currentThread());
        QVERIFY(!worker.isBusy());
    }

    void aFailureReachesTheCaller()
    {
        const Database &db = m_scratch->db();
        DatabaseWorker worker(db, u"test-worker"_s);
        std::optional<Answer> answer;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        worker.run([&db] { return ask(db, u"SELECT COUNT(*) FROM no_such_table"_s); }, this,
                   [&](const Answer &a) { answer = a; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->ok);
        QCOMPARE(answer->kind, DbError::Kind::Statement);
        QVERIFY(!worker.isBusy());
    }

    void onlyTheAnswerAskedForLastIsDelivered()
    {
        const Database &db = m_scratch->db();
        DatabaseWorker worker(db, u"test-worker"_s);
        // Given work that holds the worker until released, and more queued behind it
        QSemaphore started;
        QSemaphore release;
        QStringList delivered;
        std::atomic<int> ran = 0;
        worker.run(
                [&] {
                    started.release();
                    release.acquire();
                    ++ran;
                    return ask(db, u"SELECT 1"_s);
                },
                this, [&](const Answer &) { delivered << u"running"_s; });
        worker.run(
                [&] {
                    ++ran;
                    return ask(db, u"SELECT 2"_s);
                },
                this, [&](const Answer &) { delivered << u"queued"_s; });
        QVERIFY(started.tryAcquire(1, 5000));

        // When a newer request replaces them
        worker.dropPending();
        std::optional<Answer> last;
        worker.run(
                [&] {
                    ++ran;
                    return ask(db, u"SELECT 3"_s);
                },
                this, [&](const Answer &a) { last = a; });
        release.release();

        // Then only its answer arrives, and the queued work was never run
        QTRY_VERIFY(last.has_value());
        QVERIFY(last->ok);
        QCOMPARE(last->value, 3);
        QTRY_VERIFY(!worker.isBusy());
        QCOMPARE(delivered, QStringList());
        QCOMPARE(ran.load(), 2);
    }

    void workAskedForRunsEvenWhenTheWorkerGoes()
    {
        const Database &db = m_scratch->db();
        std::atomic<int> ran = 0;
        {
            DatabaseWorker worker(db, u"test-worker"_s);
            for (int i = 0; i < 3; ++i) {
                worker.run(
                        [&] {
                            ++ran;
                            return ask(db, u"SELECT 1"_s);
                        },
                        this, [](const Answer &) {});
            }
        }
        // A commit asked for must not be lost because its window closed.
        QCOMPARE(ran.load(), 3);
    }

    void everyWaitOnTheServerIsBounded()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("An SQLite file has no server to wait for.");
        }
        const Answer statement
                = ask(m_scratch->db(), u"SELECT EXTRACT(EPOCH FROM "
                                       "CAST(current_setting('statement_timeout') AS interval))"_s);
        QVERIFY(statement.ok);
        QVERIFY(statement.value > 0 && statement.value <= 60);
        const Answer lock
                = ask(m_scratch->db(), u"SELECT EXTRACT(EPOCH FROM "
                                       "CAST(current_setting('lock_timeout') AS interval))"_s);
        QVERIFY(lock.ok);
        QVERIFY(lock.value > 0 && lock.value <= 30);
    }

    void aStalledServerIsCutOffAndTheWindowNeverWaits()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("An SQLite file has no server to stop answering.");
        }
        // Given a till connected through a network that can stop answering
        StallProxy proxy(m_scratch->url());
        QVERIFY(proxy.listen());
        auto opened = Database::open(proxy.url());
        QVERIFY_OK(opened);
        const Database &db = **opened;
        DatabaseWorker worker(db, u"test-worker"_s);
        std::optional<Answer> answer;
        const auto run = [&](const QString &sql) {
            answer.reset();
            worker.run([&db, sql] { return ask(db, sql); }, this,
                       [&](const Answer &a) { answer = a; });
        };
        run(u"SELECT COUNT(*) FROM users"_s);
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->ok);

        // When the server stops answering in the middle of a statement
        proxy.setStalled(true);
        run(u"SELECT 42"_s);
        // Then the window's thread goes on: its timers fire while the worker waits,
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(20);
        QTest::qWait(600);
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
        QVERIFY(!answer.has_value());
        QVERIFY(worker.isBusy());

        // and cutting the connection ends the wait at once, as a timeout.
        QElapsedTimer cut;
        cut.start();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"interrupted the connection"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        worker.interrupt();
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 3000);
        QVERIFY(cut.elapsed() < 3000);
        QVERIFY(!answer->ok);
        QCOMPARE(answer->kind, DbError::Kind::Timeout);

        // When the server answers again, the worker's next statement connects anew.
        proxy.setStalled(false);
        run(u"SELECT 7"_s);
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QVERIFY2(answer->ok, "the worker did not connect again");
        QCOMPARE(answer->value, 7);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseWorker)
#include "tst_databaseworker.moc"
