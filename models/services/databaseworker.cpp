#include "models/services/databaseworker.h"

#include "models/db/database.h"

DatabaseWorker::DatabaseWorker(const Database &db, const QString &name, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
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
    // The connection belongs to the worker's thread: it is closed there, after any work.
    QMetaObject::invokeMethod(m_worker, [this] { m_db.closeThreadConnection(); });
    m_thread.quit();
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
