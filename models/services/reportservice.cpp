#include "models/services/reportservice.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"

using namespace Qt::StringLiterals;

ReportService::ReportService(const Database &db, const Session &session,
                             const Authorizer &authorizer)
    : m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
{}

std::optional<ServiceError> ReportService::validate(const ReportRange &range)
{
    if (!range.from.isValid() || !range.to.isValid()) {
        return ServiceError{
                ServiceError::Code::InvalidInput, tr("Choose the first and the last day."), {}};
    }
    if (range.from >= range.to) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("The first day comes after the last day. Swap them and try again."),
                            {}};
    }
    return std::nullopt;
}

ServiceResult<SalesReport> ReportService::sales(const ReportRange &range) const
{
    ProfileScope scope(u"reports.sales"_s);
    if (const auto grant = m_authorizer.authorize(m_session, Permission::SeeReports); !grant) {
        return grant.error();
    }
    if (auto problem = validate(range)) {
        return *problem;
    }
    const ReportRepository reports(m_db);
    const auto failed = [](const DbError &error) {
        return ServiceError::fromDb(
                error, tr("The report cannot be read right now; the last figures stay on "
                          "screen."));
    };
    SalesReport report;
    report.range = range;
    // The bills of the period as one id range first: the line queries then read one stretch
    // of the lines' index instead of a probe per bill.
    const auto bounded = reports.bounded(range);
    if (!bounded) {
        return failed(bounded.error());
    }
    auto summary = reports.summary(*bounded);
    if (!summary) {
        return failed(summary.error());
    }
    report.summary = *summary;
    // The taxes by rate bring the summary's units sold and costs, read from the same lines.
    auto taxes = reports.taxes(*bounded, &report.summary);
    if (!taxes) {
        return failed(taxes.error());
    }
    report.taxes = *taxes;
    // Each list is one GROUP BY; a failure anywhere fails the whole report, never half of it.
    const auto fill = [&](auto result, auto &into) -> std::optional<ServiceError> {
        if (!result) {
            return failed(result.error());
        }
        into = *result;
        return std::nullopt;
    };
    if (auto e = fill(reports.byHour(*bounded), report.byHour)) {
        return *e;
    }
    if (auto e = fill(reports.byDay(*bounded), report.byDay)) {
        return *e;
    }
    if (auto e = fill(reports.byCashier(*bounded), report.byCashier)) {
        return *e;
    }
    if (auto e = fill(reports.byPaymentMethod(*bounded), report.byPaymentMethod)) {
        return *e;
    }
    if (auto e = fill(reports.byCategory(*bounded), report.byCategory)) {
        return *e;
    }
    if (auto e = fill(reports.byProduct(*bounded), report.products)) {
        return *e;
    }
    // The packs of the products listed, so quantities read "2 × Six-pack + 3 × Can".
    if (DbStatus status = reports.addPackSizes(*bounded, report.products); !status) {
        return failed(status.error());
    }
    if (auto e = fill(reports.refunds(*bounded), report.refunds)) {
        return *e;
    }
    return report;
}

ServiceResult<QStringList> ReportService::lanes() const
{
    if (const auto grant = m_authorizer.authorize(m_session, Permission::SeeReports); !grant) {
        return grant.error();
    }
    auto lanes = ReportRepository(m_db).lanes();
    if (!lanes) {
        return ServiceError::fromDb(lanes.error(),
                                    tr("The list of lanes cannot be read right now."));
    }
    return *lanes;
}
