#include "models/services/databaseworker.h"

#include "models/db/database.h"

DatabaseWorker::DatabaseWorker(const Database &db, const QString &name, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    // The connection belongs to the worker's thread: finished is emitted there, after the
    // last piece of work, so it is closed there (a queued call might never be run).
    connect(
            &m_thread, &QThread::finished, m_worker, [&db] { db.closeThreadConnection(); },
            Qt::DirectConnection);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(name);
    m_thread.start();
}

DatabaseWorker::~DatabaseWorker()
{
    if (isBusy()) {
        // Work still waiting on a server must not hold the window up while it closes.
        interrupt();
    }
    // Stops once the work already asked for ran: quit() straight away could leave it queued.
    QThread *thread = &m_thread;
    QMetaObject::invokeMethod(m_worker, [thread] { thread->quit(); });
    m_thread.wait();
}

void DatabaseWorker::interrupt() const
{
    m_db.interrupt(&m_thread);
}

void DatabaseWorker::connectNow()
{
    const Database &db = m_db;
    run([&db] { return db.connection().isOpen(); }, this, [](bool) {});
}
