#pragma once

#include "models/domain/money.h"
#include "models/domain/product.h"

#include <QDateTime>
#include <QList>
#include <QString>

//! A sold bill as the refund dialog shows it: what was sold and what may still come back.
struct RefundableBill
{
    struct Line
    {
        qint64 billItemId = 0;
        int lineNo = 0;
        qint64 productId = 0;
        QString sku;
        QString productName;
        qint64 unitId = 0;
        QString unitName;
        qint64 basePerUnit = 1;
        BaseUnit baseUnit = BaseUnit::Piece; //!< what a pack counts in, for "3 × Box + 5 × Piece"
        qint64 quantity = 0;
        qint64 baseQuantity = 0;
        qint64 refundedBase = 0;
        Money unitPrice;
        Money discount;
        Money total; //!< what was paid for the line, after discounts
        int taxRateBp = 0;
        qint64 refundableBase() const { return baseQuantity - refundedBase; }
    };
    struct Payment
    {
        QString method;
        Money amount;
        QString reference;
    };

    qint64 id = 0;
    QString lane;
    qint64 number = 0;
    QDateTime at;
    QString cashierName;
    Money total;
    Money refunded;       //!< refunded so far, from SQL SUM
    Money refundedToCard; //!< of which back to cards
    //! How many refunds of this bill there were when it was read: a refund planned from
    //! this bill is written only while there are still that many (RefundRecord::refundsBefore).
    qint64 refundCount = 0;
    QList<Line> lines;
    QList<Payment> payments;
};

//! A refund ready to be written; amounts already worked out.
struct RefundRecord
{
    struct Line
    {
        qint64 billItemId = 0;
        qint64 productId = 0;
        qint64 baseQuantity = 0;
        Money amount;
        bool restock = true;
    };
    struct Payment
    {
        QString method;
        Money amount;
        QString reference;
    };

    QString uuid;
    QString lane; //!< the refunding till's lane; its open shift takes the cash
    qint64 billId = 0;
    qint64 cashierId = 0;
    qint64 approvedBy = 0;
    QString reason;
    QDateTime at;
    Money total;
    QList<Line> lines;
    QList<Payment> payments;
    //! Written to the audit log in the same transaction, after "refund=<lane>/<number> ".
    QString auditDetails;
    //! The bill's refunds when it was read for the plan; with another one since, nothing is
    //! written (RefundRepository::isStale) and the plan is made again from a fresh read.
    qint64 refundsBefore = 0;
};

struct CommittedRefund
{
    qint64 id = 0;
    qint64 number = 0;
    bool alreadyExisted = false;
};
