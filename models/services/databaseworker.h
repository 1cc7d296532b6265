#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <utility>

class Database;

/*!
 * The one way Till does database work that the window must not wait on: a sale's commit
 * and its receipt, reports, the product list's pages, a catalogue import or export. A
 * thread of its own keeps one connection open for its life (its prepared statements stay
 * warm) and runs one piece of work after another; each answer comes back on the thread
 * that asked.
 *
 *     m_worker.run([&] { return checkout.commit(cart, tenders, uuid); }, this,
 *                  [this](const auto &receipt) { ... back on the window's thread ... });
 *
 * The work reports its own failures in what it returns (a ServiceResult), and done() gets
 * that result whatever it holds: nothing is swallowed on the way.
 *
 * A request that a newer one replaces (the next filter typed, another report period) calls
 * dropPending() first: work not yet started is skipped, and no answer of older work is
 * delivered, so the view ends on what it asked for last.
 *
 * The caller bounds the wait: interrupt() cuts the worker's connection, so work stuck on
 * a server that stopped answering returns at once with DbError::Kind::Timeout. Destroying
 * the worker does the same for work still running, then waits for its thread (work already
 * asked for still runs: a commit must not be lost because its window closed).
 */
class DatabaseWorker : public QObject
{
    Q_OBJECT

public:
    DatabaseWorker(const Database &db, const QString &name, QObject *parent = nullptr);
    ~DatabaseWorker() override;

    /*!
     * Runs work() on the worker and then done(result) on this object's thread, unless
     * context is gone by then or dropPending() was called since. Called from the thread
     * this object lives on.
     */
    template<typename Work, typename Done>
    void run(Work work, QObject *context, Done done)
    {
        ++m_pending;
        const quint64 epoch = m_epoch;
        QMetaObject::invokeMethod(m_worker, [this, epoch, work = std::move(work),
                                             guard = QPointer<QObject>(context),
                                             done = std::move(done)]() mutable {
            if (epoch != m_epoch.load()) {
                // Dropped before it started: nobody waits for it, so it costs no statement.
                QMetaObject::invokeMethod(
                        this, [this] { --m_pending; }, Qt::QueuedConnection);
                return;
            }
            auto result = work();
            QMetaObject::invokeMethod(
                    this,
                    [this, epoch, guard, done = std::move(done), result = std::move(result)]() {
                        --m_pending;
                        if (guard && epoch == m_epoch.load()) {
                            done(result);
                        }
                    },
                    Qt::QueuedConnection);
        });
    }

    /*!
     * Forgets the work asked for so far: what has not started is skipped, what is running
     * finishes, and no done() of either is called. Work asked for afterwards runs as usual.
     */
    void dropPending() { ++m_epoch; }

    //! Opens the worker's connection now, so the first piece of work need not wait for it.
    void connectNow();

    //! Work was asked for and has not answered yet (dropped work included, until it ends).
    bool isBusy() const { return m_pending > 0; }
    //! Cuts the worker's connection (PostgreSQL), so what waits on it gives up now.
    void interrupt() const;

private:
    const Database &m_db;
    QThread m_thread;
    QObject *m_worker = nullptr;
    int m_pending = 0;
    //! Counts dropPending() calls; work remembers the count it was asked for under.
    std::atomic<quint64> m_epoch = 0;
};
