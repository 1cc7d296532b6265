#pragma once

#include "models/domain/money.h"

#include <QList>
#include <QString>

#include <optional>

//! Money the customer hands over: cash (what was tendered) or a card payment.
struct Tender
{
    enum class Method { Cash, Card };
    //! How a method is stored, reported and exported: "cash", "card".
    static QString toString(Method method);
    //! The method a stored name stands for; std::nullopt for a name Till does not know.
    static std::optional<Method> fromString(QStringView name);

    Method method = Method::Cash;
    Money amount;      //!< cash tendered, or the amount charged to the card
    QString reference; //!< the card slip's reference
};

//! A payment as it is stored: what it covers of the bill, and for cash what came and went.
struct SettledPayment
{
    Tender::Method method = Tender::Method::Cash;
    Money amount;
    Money tendered;
    Money change;
    QString reference;
};

/*!
 * How tenders settle a bill. Cards pay first and may not pay more than the total; cash
 * pays the rest rounded to the store's cash step (the rounding is its own line and part
 * of the bill), and what cash exceeds that is change. Several cash tenders count as one.
 */
struct Settlement
{
    enum class Problem { None, Unpaid, CardOverpaid, InvalidAmount };
    Problem problem = Problem::None;
    Money total;     //!< the bill before rounding
    Money rounding;  //!< cash rounding, 0 without cash
    Money due;       //!< total + rounding
    Money paid;      //!< what the tenders cover of due
    Money remaining; //!< still to pay when Unpaid
    Money change;
    QList<SettledPayment> payments;

    bool isSettled() const { return problem == Problem::None; }
    static Settlement settle(Money total, const QList<Tender> &tenders, qint64 cashRoundingStep);
};
