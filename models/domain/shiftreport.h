#pragma once

#include "models/domain/money.h"
#include "models/domain/settlement.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

//! A shift at a lane: from opening the drawer with a float to counting it at the end.
struct Shift
{
    qint64 id = 0;
    QString lane;
    qint64 cashierId = 0;
    QString cashierName;
    QDateTime openedAt;
    QDateTime closedAt; //!< invalid while open
    Money openingFloat;
    qint64 zNumber = 0; //!< 0 while open
};

/*!
 * The figures of a shift: an X report while it is open (any time, no side effects), a Z
 * report once it is closed (numbered per lane, stored, never changed). Expected cash is
 * the float plus cash taken for sales, less cash paid back for refunds, plus cash put in,
 * less cash taken out.
 */
struct ShiftReport
{
    struct MethodTotal
    {
        QString method; //!< "cash", "card"
        qint64 count = 0;
        Money amount;
    };
    struct TaxTotal
    {
        int rateBp = 0;
        Money gross;
        Money tax;
    };
    //! What one cashier sold in the shift: a shift may pass through several hands.
    struct CashierTotal
    {
        qint64 cashierId = 0;
        QString name;
        qint64 bills = 0;
        Money sales;
    };

    Shift shift;
    qint64 bills = 0;
    Money sales; //!< sum of bill totals, rounding included
    Money discounts;
    Money tax;
    Money rounding;
    QList<MethodTotal> salesByMethod;
    QList<CashierTotal> salesByCashier; //!< everybody who sold in the shift, by name
    qint64 refunds = 0;
    Money refunded;
    QList<MethodTotal> refundsByMethod;
    qint64 cashIns = 0;
    Money cashIn;
    qint64 cashOuts = 0;
    Money cashOut;
    qint64 drawerOpens = 0;
    QList<TaxTotal> taxes;
    Money expectedCash;
    std::optional<Money> countedCash; //!< set when closed
    QDateTime generatedAt;

    Money difference() const
    {
        return countedCash ? *countedCash - expectedCash : Money::fromMinor(0);
    }
    Money salesBy(Tender::Method method) const;
    Money refundedBy(Tender::Method method) const;

    //! The stored form of a Z report (money as strings of minor units, never as doubles).
    QByteArray toJson() const;
    static std::optional<ShiftReport> fromJson(const QByteArray &json);
};
