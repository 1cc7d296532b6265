#pragma once

#include "models/domain/money.h"

#include <QDateTime>
#include <QList>
#include <QString>

//! A sale ready to be written, every amount already worked out by Pricing.
struct SaleRecord
{
    struct Line
    {
        qint64 productId = 0;
        qint64 unitId = 0;
        qint64 quantity = 0;
        qint64 baseQuantity = 0;
        Money unitPrice;
        Money discount;
        int taxRateBp = 0;
        Money tax;
        Money total;
        //! The price was overridden with approval; otherwise it must be the catalogue's.
        bool priceOverridden = false;
    };
    //! What needed a manager, for the audit log; written by the sale's own statement.
    struct Audit
    {
        QString action;        //!< "price_override", "discount_above_limit"
        qint64 approvedBy = 0; //!< 0: the cashier's own role allowed it
        QString details;       //!< "bill=LANE/NUMBER " is put in front
    };
    struct Payment
    {
        QString method; //!< "cash" or "card"
        Money amount;   //!< what this payment covers of the bill
        Money tendered; //!< cash handed over (cash only)
        Money change;
        QString reference; //!< card slip reference
    };

    QString uuid; //!< made by the till before the first attempt
    QString lane; //!< the sale goes to this lane's open shift; none open: refused
    qint64 cashierId = 0;
    qint64 approvedBy = 0;
    QDateTime at;
    Money subtotal;
    Money discount;
    Money tax;
    Money rounding;
    Money total;
    QList<Line> lines;
    QList<Payment> payments;
    QList<Audit> audits;
    bool allowNegativeStock = false;
};

//! A sellable unit as the catalogue has it now, to check a cart against.
struct CatalogueUnit
{
    qint64 unitId = 0;
    qint64 productId = 0;
    QString sku;
    QString productName;
    QString unitName;
    qint64 basePerUnit = 1;
    Money price;
    int taxRateBp = 0;
    bool active = false; //!< the product and the unit are both still sold
};

struct CommittedBill
{
    qint64 id = 0;
    qint64 number = 0;
    QString lane;
    bool alreadyExisted = false; //!< the uuid was committed before (a retried commit)
};
