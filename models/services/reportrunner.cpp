#include "models/services/reportrunner.h"

using namespace Qt::StringLiterals;

ReportRunner::ReportRunner(const Database &db, const Session &session, const Authorizer &authorizer,
                           QObject *parent)
    : QObject(parent)
    , m_service(db, session, authorizer)
    , m_worker(db, u"till-reports"_s)
{}

quint64 ReportRunner::request(const ReportRange &range)
{
    const quint64 id = ++m_latest;
    // An older report still queued or running is overtaken: its figures are never shown.
    m_worker.dropPending();
    Q_EMIT started(id);
    const ReportService &service = m_service;
    m_worker.run(
            // Reads the session and authorizer only; they are not changed while a report runs.
            [&service, range] { return service.sales(range); }, this,
            [this, id](const ServiceResult<SalesReport> &result) {
                if (result) {
                    Q_EMIT finished(id, *result);
                } else {
                    Q_EMIT failed(id, result.error());
                }
            });
    return id;
}
