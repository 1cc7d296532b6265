#pragma once

#include "models/domain/money.h"
#include "models/domain/product.h"
#include "models/domain/quantity.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

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
    /*!
     * True when no bill numbered within billIds lies outside [from, to) (a till whose clock
     * was behind can write one): the id range alone then selects the period's bills and
     * lines, without testing each bill's time.
     */
    bool billIdsExact = false;

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
