#pragma once

#include "models/domain/money.h"

#include <QDateTime>
#include <QList>
#include <QString>

/*!
 * Everything a printed receipt says, in one value: the same data feeds the printable
 * document (PDF or a system printer) and the ESC/POS byte stream of a thermal printer.
 * Texts that are the store's own (names, units) arrive as they are; the renderers
 * translate their labels.
 */
struct ReceiptData
{
    struct Line
    {
        QString name;
        QString unit;
        qint64 quantity = 0;
        Money unitPrice;
        Money discount;
        Money total;
        int taxRateBp = 0;
    };
    struct Tax
    {
        int rateBp = 0;
        Money net;
        Money tax;
        Money gross;
    };
    struct Payment
    {
        QString method; //!< "cash", "card"
        Money amount;
        Money tendered;
        Money change;
        QString reference;
    };

    QString storeName;
    QString storeAddress;
    QString taxId;
    QString currencySymbol;
    QString lane;
    qint64 number = 0; //!< bill number within the lane (refund number for a refund)
    QString cashier;
    QDateTime at;
    bool isRefund = false;
    qint64 originalNumber = 0; //!< the refunded bill's number
    QString originalLane;
    QList<Line> lines;
    QList<Tax> taxes;
    Money subtotal;
    Money discount;
    Money tax;
    Money rounding;
    Money total;
    QList<Payment> payments;
    Money change;
    bool reprint = false;

    //! This receipt's code (BillCode): the bill's, or the refund's own for a refund.
    QString code() const;
    //! The refunded bill's code ("1-009184"); empty unless a refund.
    QString originalCode() const;
    //! The PDF of this receipt: "bill-1-000042.pdf" or "refund-R1-000231.pdf".
    QString fileName() const;
};
