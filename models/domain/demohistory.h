#pragma once

#include "models/domain/settlement.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

//! A sellable unit of the demo's catalogue.
struct DemoUnit
{
    QString name;
    qint64 basePerUnit = 1;
    qint64 priceMinor = 0;
    QString barcode;
};

//! A product of the demo's catalogue, as resources/demo/catalogue.csv describes it.
struct DemoProduct
{
    QString sku;
    QString category;
    QString name;
    QString baseUnit;  //!< "piece", "gram", "millilitre"
    QString tax;       //!< the rate's name, as the store will call it
    int taxRateBp = 0; //!< 1900 = 19 %
    qint64 costMinor = 0;
    qint64 costPerBase = 1;
    qint64 reorderLevel = 0;
    QList<DemoUnit> units; //!< smallest first
};

struct DemoLine
{
    int product = 0; //!< index into the catalogue
    int unit = 0;    //!< index into the product's units
    qint64 quantity = 0;
    qint64 baseQuantity = 0;
    qint64 unitPrice = 0;
    qint64 discount = 0;
    qint64 taxRateBp = 0;
    qint64 tax = 0;
    qint64 total = 0;
    qint64 refundedBase = 0;
};

struct DemoPayment
{
    Tender::Method method = Tender::Method::Cash;
    qint64 amount = 0;
    qint64 tendered = -1; //!< -1: none (card)
    qint64 change = 0;
    QString reference;
};

struct DemoBill
{
    QString uuid;
    QString lane;
    qint64 number = 0;
    qint64 zNumber = 0;
    QString cashier; //!< login
    QDateTime at;
    QList<DemoLine> lines;
    QList<DemoPayment> payments;
    qint64 total = 0;
    qint64 tax = 0;
    qint64 discount = 0;
};

//! One line of a bill coming back, in part or whole.
struct DemoRefund
{
    QString uuid;
    QString lane;
    qint64 number = 0;
    qint64 zNumber = 0;
    int bill = 0; //!< index into the bills
    int line = 0; //!< index into the bill's lines
    qint64 baseQuantity = 0;
    qint64 amount = 0;
    bool restock = true;
    QString reason; //!< one of DemoHistory::refundReasons(), in English
    Tender::Method method = Tender::Method::Cash;
    QDateTime at;
};

//! A closed shift; its drawer holds the float, the cash sales less the cash refunds.
struct DemoShift
{
    QString lane;
    QString cashier; //!< login
    qint64 zNumber = 0;
    QDateTime openedAt;
    QDateTime closedAt;
    qint64 openingFloat = 15000;
    qint64 cashIn = 0;
    qint64 cashOut = 0;
    qint64 countedDifference = 0;

    qint64 expectedCash() const { return openingFloat + cashIn - cashOut; }
};

//! A row of the stock ledger: a sale, a refund, damaged goods leaving, or opening stock.
struct DemoMovement
{
    int product = 0; //!< index into the catalogue
    qint64 delta = 0;
    QString reason;  //!< "sale", "refund", "damaged", "opening"
    int bill = -1;   //!< index into the bills, or -1
    int refund = -1; //!< index into the refunds, or -1
    QDateTime at;
};

/*!
 * The demo store's past, made up from a seed: each day's shifts and bills (weekends are
 * busier and open a second lane), about 2 % of bills partly refunded a few days later, the
 * stock ledger those documents write, and opening stock that keeps the ledger above zero.
 * QRandomGenerator's sequence and bounded() are defined by Qt, so a seed gives the same
 * history on every machine. No database: the demo store writes what this returns.
 */
struct DemoHistory
{
    struct Plan
    {
        quint32 seed = 20261122;
        QDate first;           //!< the first day with sales
        QDate end;             //!< the day after the last (the demo's today)
        int billsPerDay = 120; //!< on an average day
        QString lane = QStringLiteral("1");
        QStringList cashiers{QStringLiteral("carl"), QStringLiteral("cleo")};
    };

    static DemoHistory generate(const QList<DemoProduct> &catalogue, const Plan &plan);
    //! The reasons refunds give, in English.
    static const QStringList &refundReasons();
    //! When the opening stock was counted: the morning before the first day.
    static QDateTime openingTime(const Plan &plan);

    QList<DemoShift> shifts;
    QList<DemoBill> bills;      //!< by lane, numbered in the order of the clock
    QList<DemoRefund> refunds;  //!< in the order of the clock
    QList<DemoMovement> ledger; //!< sales, then refunds, then opening stock
};
