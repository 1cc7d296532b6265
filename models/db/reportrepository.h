#pragma once

#include "models/db/dberror.h"
#include "models/domain/money.h"
#include "models/domain/product.h"
#include "models/domain/quantity.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

class Database;
class SqlQuery;

//! What a report covers: an instant range [from, to) and optional narrowing.
struct ReportRange
{
    QDateTime from;
    QDateTime to;
    QString lane;          //!< empty: every lane
    qint64 cashierId = 0;  //!< 0: everybody
    qint64 categoryId = 0; //!< 0: every category (figures then come from the lines)
    /*!
     * The ids of the first and last bill in [from, to), from ReportRepository::bounded():
     * bills are numbered as they are written, so the lines of a period are one range of
     * bill_items' (bill_id, line_no) index instead of a probe per bill. Unset: no narrowing.
     */
    std::optional<std::pair<qint64, qint64>> billIds;

    //! Local midnight of first to local midnight after last, in UTC.
    static ReportRange days(const QDate &first, const QDate &last);
};

struct SalesSummary
{
    qint64 bills = 0;
    qint64 itemsSold = 0; //!< units sold, as counted on the bills
    Money gross;          //!< before discounts
    Money discounts;
    Money net; //!< what customers paid for the goods (tax included)
    Money tax;
    qint64 refunds = 0;
    Money refunded;
    Money cost;             //!< of the lines whose product has a cost
    Money netOfTaxWithCost; //!< the net without tax of those same lines
    bool hasCost = false;
    Money averageBasket() const;
    Money margin() const { return netOfTaxWithCost - cost; }
};

struct TaxLine
{
    int rateBp = 0;
    Money gross;
    Money tax;
};

struct BucketLine
{
    QString key;      //!< hour "0".."23", day "2026-11-22", method "cash", cashier name, ...
    qint64 count = 0; //!< bills (or payments)
    Money amount;
};

struct ProductLine
{
    qint64 productId = 0;
    QString sku;
    QString name;
    QString category;
    qint64 baseQuantity = 0;
    Money revenue;
    Money margin;
    bool hasCost = false;
    BaseUnit baseUnit = BaseUnit::Piece;
    QList<PackSize> packs; //!< the product's active units, to show the quantity in packs
};

struct RefundLine
{
    qint64 id = 0;
    QString lane;
    qint64 number = 0;
    QDateTime at;
    QString billCode;
    QString cashier;
    QString approvedBy;
    QString reason;
    Money total;
};

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
    DbResult<SalesSummary> summary(const ReportRange &range) const;
    DbResult<QList<TaxLine>> taxes(const ReportRange &range) const;
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
    //! Fills in the active units of these products, in one query.
    DbStatus addPackSizes(QList<ProductLine> &lines) const;
    //! Every lane the store has had, by name.
    DbResult<QStringList> lanes() const;

private:
    QString billFilter(const ReportRange &range, const QString &alias) const;
    QString lineFilter(const ReportRange &range) const;
    QString lineSource(const ReportRange &range, bool withProducts) const;
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
