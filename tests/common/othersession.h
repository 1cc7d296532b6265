#pragma once

#include "models/db/database.h"
#include "models/db/transaction.h"
#include "tests/common/storefixture.h"

#include <QDeadlineTimer>
#include <QThread>

#include <functional>
#include <memory>

/*!
 * The other side of a race: work on a second connection to the same database, on a thread
 * of its own (a connection belongs to the thread that opened it), while the test's own
 * connection holds a transaction open. With InTransaction::Yes the work runs in a
 * transaction of its own, committed when the work succeeds.
 *
 *     OtherSession<bool> manager(url, [&](Database &db) { return repo(db).remove(id); },
 *                                OtherSession<bool>::InTransaction::Yes);
 *     QVERIFY(someoneWaitsFor(*m_store)); // it waits for our lock
 *     ... commit ours ...
 *     QVERIFY(manager.wait());
 */
template<typename T>
class OtherSession
{
public:
    enum class InTransaction { No, Yes };
    using Work = std::function<DbResult<T>(Database &)>;

    OtherSession(const DatabaseUrl &url, Work work, InTransaction inTransaction = InTransaction::No)
    {
        m_thread.reset(QThread::create([this, url, work = std::move(work), inTransaction] {
            auto db = Database::open(url);
            if (!db) {
                m_result = db.error();
                return;
            }
            m_result = run(**db, work, inTransaction);
            (*db)->closeThreadConnection();
        }));
        m_thread->start();
    }
    ~OtherSession() { m_thread->wait(); }
    OtherSession(const OtherSession &) = delete;
    OtherSession &operator=(const OtherSession &) = delete;

    //! Whether the work finished within ms.
    bool wait(int ms = 30000) { return m_thread->wait(QDeadlineTimer(ms)); }
    //! What the work returned; read it after wait().
    const DbResult<T> &result() const { return m_result; }

private:
    static DbResult<T> run(Database &db, const Work &work, InTransaction inTransaction)
    {
        if (inTransaction == InTransaction::No) {
            return work(db);
        }
        Transaction tx(db);
        if (DbStatus begun = tx.begin(); !begun) {
            return begun.error();
        }
        DbResult<T> result = work(db);
        if (result) {
            if (DbStatus committed = tx.commit(); !committed) {
                return committed.error();
            }
        }
        return result;
    }

    std::unique_ptr<QThread> m_thread;
    DbResult<T> m_result = DbError{DbError::Kind::Statement, QStringLiteral("not run")};
};

//! Whether another session waits, within 10 s, for a lock the store's connection holds
//! (PostgreSQL).
inline bool someoneWaitsFor(StoreFixture &store)
{
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (store.scalar(QStringLiteral("SELECT COUNT(*) FROM pg_locks WHERE NOT granted "
                                        "AND pg_backend_pid() = ANY (pg_blocking_pids(pid))"))
            > 0) {
            return true;
        }
        QThread::msleep(10);
    }
    return false;
}
