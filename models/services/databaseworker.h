#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <utility>

class Database;

/*!
 * A thread of its own for database work that the window must not wait on: the sale's
 * commit and its receipt. It keeps one connection open for its life (its prepared
 * statements stay warm) and runs one piece of work after another.
 *
 *     m_worker.run([&] { return checkout.commit(cart, tenders, uuid); }, this,
 *                  [this](const auto &receipt) { ... back on the window's thread ... });
 *
 * The caller bounds the wait: interrupt() cuts the worker's connection, so work stuck on
 * a server that stopped answering returns at once with DbError::Kind::Timeout.
 */
class DatabaseWorker : public QObject
{
    Q_OBJECT

public:
    DatabaseWorker(const Database &db, const QString &name, QObject *parent = nullptr);
    ~DatabaseWorker() override;

    /*!
     * Runs work() on the worker and then done(result) on context's thread, unless context
     * is gone by then. Called from the thread this object lives on.
     */
    template<typename Work, typename Done>
    void run(Work work, QObject *context, Done done)
    {
        ++m_pending;
        QMetaObject::invokeMethod(m_worker, [this, work = std::move(work),
                                             guard = QPointer<QObject>(context),
                                             done = std::move(done)]() mutable {
            auto result = work();
            QMetaObject::invokeMethod(
                    this,
                    [this, guard, done = std::move(done), result = std::move(result)]() {
                        --m_pending;
                        if (guard) {
                            done(result);
                        }
                    },
                    Qt::QueuedConnection);
        });
    }

    //! Opens the worker's connection now, so the first piece of work need not wait for it.
    void connectNow();

    bool isBusy() const { return m_pending > 0; }
    //! Cuts the worker's connection (PostgreSQL), so what waits on it gives up now.
    void interrupt() const;

private:
    const Database &m_db;
    QThread m_thread;
    QObject *m_worker = nullptr;
    int m_pending = 0;
};
