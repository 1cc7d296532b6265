#pragma once

#include "models/db/dberror.h"
#include "models/domain/money.h"
#include "models/domain/product.h"
#include "models/domain/quantity.h"
#include "models/domain/report.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

class Database;
class SqlQuery;

/*!
 * The figures of the reports, each one aggregate query over an indexed time range,
 * whatever the range: sums and groups happen in SQL, never in a loop over rows here.
 */
class ReportRepository
{
public:
    explicit ReportRepository(const Database &db)
        : m_db(db)
    {}

    //! The range with the ids of its first and last bill (one index read), for the queries below.
    DbResult<ReportRange> bounded(const ReportRange &range) const;
    //! The bills' figures and the refunds; the units sold and the costs come with taxes().
    DbResult<SalesSummary> summary(const ReportRange &range) const;
    //! By rate; costs, when given, gets the summary's units sold and costs from the same pass.
    DbResult<QList<TaxLine>> taxes(const ReportRange &range, SalesSummary *costs = nullptr) const;
    //! Hours with sales; narrowed, the store's other trading hours of the range come at zero.
    DbResult<QList<BucketLine>> byHour(const ReportRange &range) const;
    DbResult<QList<BucketLine>> byDay(const ReportRange &range) const;
    DbResult<QList<BucketLine>> byCashier(const ReportRange &range) const;
    DbResult<QList<BucketLine>> byPaymentMethod(const ReportRange &range) const;
    DbResult<QList<BucketLine>> byCategory(const ReportRange &range) const;
    //! limit 0: every product sold, largest revenue first (one query, however many).
    DbResult<QList<ProductLine>> byProduct(const ReportRange &range, int limit = 0) const;
    //! limit 0: every refund of the range, latest first.
    DbResult<QList<RefundLine>> refunds(const ReportRange &range, int limit = 0) const;
    //! Fills in the active units of these products, sold in the range, in one query.
    DbStatus addPackSizes(const ReportRange &range, QList<ProductLine> &lines) const;
    //! Every lane the store has had, by name.
    DbResult<QStringList> lanes() const;

private:
    QString billFilter(const ReportRange &range, const QString &alias) const;
    //! The range selects its bills by id alone (see ReportRange::billIdsExact).
    static bool byIdsAlone(const ReportRange &range);
    //! Whether the lines of the range need their bills joined to be told apart.
    static bool linesNeedBills(const ReportRange &range);
    //! withBills: the statement reads the bills' columns, so they are joined whatever the range.
    QString lineFilter(const ReportRange &range, bool withBills = false) const;
    QString lineSource(const ReportRange &range, bool withProducts, bool withBills = false) const;
    //! A GROUP BY key over the bills alone, or over the lines when a category narrows them;
    //! order has %1 where the summed amount goes.
    QString billsOrLines(const ReportRange &range, const QString &key, const QString &join,
                         const QString &order) const;
    void bind(class SqlQuery &query, const ReportRange &range, bool billIds = true) const;
    DbResult<QList<BucketLine>> buckets(const QString &sql, const ReportRange &range) const;
    //! Runs q and reads its (key, count, amount) rows.
    static DbResult<QList<BucketLine>> bucketLines(SqlQuery &q);

    const Database &m_db;
};
