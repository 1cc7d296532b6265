#include "models/services/reportrunner.h"

#include "models/db/database.h"

#include <QMetaObject>

ReportRunner::ReportRunner(const Database &db, const Session &session, const Authorizer &authorizer,
                           QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_service(db, session, authorizer)
{
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("till-reports"));
    m_thread.start();
}

ReportRunner::~ReportRunner()
{
    // The worker's connection belongs to the worker's thread: close it there, then stop.
    QMetaObject::invokeMethod(
            m_worker, [this] { m_db.closeThreadConnection(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

quint64 ReportRunner::request(const ReportRange &range)
{
    const quint64 id = ++m_latest;
    ++m_pending;
    Q_EMIT started(id);
    QMetaObject::invokeMethod(m_worker, [this, id, range] {
        // Reads the session and authorizer only; they are not changed while a report runs.
        const ServiceResult<SalesReport> result = m_service.sales(range);
        QMetaObject::invokeMethod(
                this, [this, id, result] { deliver(id, result); }, Qt::QueuedConnection);
    });
    return id;
}

void ReportRunner::deliver(quint64 id, const ServiceResult<SalesReport> &result)
{
    --m_pending;
    if (id != m_latest) {
        return; // overtaken by a newer request
    }
    if (result) {
        Q_EMIT finished(id, *result);
    } else {
        Q_EMIT failed(id, result.error());
    }
}
