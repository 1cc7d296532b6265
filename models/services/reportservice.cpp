#include "models/services/reportservice.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"

using namespace Qt::StringLiterals;

ReportService::ReportService(const Database &db, const Session &session, const Authorizer &authorizer)
    : m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
{
}

std::optional<ServiceError> ReportService::validate(const ReportRange &range)
{
    if (!range.from.isValid() || !range.to.isValid()) {
        return ServiceError{ServiceError::Code::InvalidInput, tr("Choose the first and the last day."), {}};
    }
    if (range.from >= range.to) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("The first day comes after the last day. Swap them and try again."), {}};
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
        return ServiceError::fromDb(error, tr("The report cannot be read right now; the last figures stay on "
                                              "screen."));
    };
    SalesReport report;
    report.range = range;
    auto summary = reports.summary(range);
    if (!summary) {
        return failed(summary.error());
    }
    report.summary = *summary;
    // Each list is one GROUP BY; a failure anywhere fails the whole report, never half of it.
    const auto fill = [&](auto result, auto &into) -> std::optional<ServiceError> {
        if (!result) {
            return failed(result.error());
        }
        into = *result;
        return std::nullopt;
    };
    if (auto e = fill(reports.taxes(range), report.taxes)) {
        return *e;
    }
    if (auto e = fill(reports.byHour(range), report.byHour)) {
        return *e;
    }
    if (auto e = fill(reports.byDay(range), report.byDay)) {
        return *e;
    }
    if (auto e = fill(reports.byCashier(range), report.byCashier)) {
        return *e;
    }
    if (auto e = fill(reports.byPaymentMethod(range), report.byPaymentMethod)) {
        return *e;
    }
    if (auto e = fill(reports.byCategory(range), report.byCategory)) {
        return *e;
    }
    if (auto e = fill(reports.byProduct(range, kTopProducts), report.topProducts)) {
        return *e;
    }
    // The packs of the products listed, so quantities read "2 × Six-pack + 3 × Can".
    if (DbStatus status = reports.addPackSizes(report.topProducts); !status) {
        return failed(status.error());
    }
    if (auto e = fill(reports.refunds(range, kRefundRows), report.refunds)) {
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
