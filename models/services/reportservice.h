#pragma once

#include "models/db/reportrepository.h"
#include "models/services/serviceerror.h"

#include <QCoreApplication>

class Authorizer;
class Database;
class Session;

//! Everything one report screen shows, fetched together (a fixed set of queries).
struct SalesReport
{
    ReportRange range;
    SalesSummary summary;
    QList<TaxLine> taxes;
    QList<BucketLine> byHour;
    QList<BucketLine> byDay;
    QList<BucketLine> byCashier;
    QList<BucketLine> byPaymentMethod;
    QList<BucketLine> byCategory;
    QList<ProductLine> products; //!< every product sold, largest revenue first
    QList<RefundLine> refunds;   //!< every refund of the range, latest first
};

Q_DECLARE_METATYPE(SalesReport)

/*!
 * Reports for those allowed to see them (Permission::SeeReports). A report is the period's
 * bill ids, nine aggregate queries and the refunds over an indexed range, whatever the
 * range, and one more for the packs
 * of the products it lists (none when nothing was sold); it may run on a worker
 * thread, where the Database gives it that thread's own connection.
 */
class ReportService
{
    Q_DECLARE_TR_FUNCTIONS(ReportService)

public:
    ReportService(const Database &db, const Session &session, const Authorizer &authorizer);

    //! The report holds every product and refund (a CSV export has them all); the screen
    //! lists the first of them, as many as these.
    static constexpr int kTopProducts = 50;
    static constexpr int kRefundRows = 200;

    ServiceResult<SalesReport> sales(const ReportRange &range) const;
    //! The store's lanes by name, for narrowing a report to one.
    ServiceResult<QStringList> lanes() const;
    //! Checks a range as a person picked it: from before to, not empty.
    static std::optional<ServiceError> validate(const ReportRange &range);

private:
    const Database &m_db;
    const Session &m_session;
    const Authorizer &m_authorizer;
};
