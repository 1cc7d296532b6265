#include "models/domain/settlement.h"

#include "models/domain/cart.h"

using namespace Qt::StringLiterals;

QString Tender::toString(Method method)
{
    switch (method) {
    case Method::Cash:
        return u"cash"_s;
    case Method::Card:
        return u"card"_s;
    }
    return {};
}

std::optional<Tender::Method> Tender::fromString(QStringView name)
{
    for (const Method method : {Method::Cash, Method::Card}) {
        if (name == toString(method)) {
            return method;
        }
    }
    return std::nullopt;
}

Settlement Settlement::settle(Money total, const QList<Tender> &tenders, qint64 cashRoundingStep)
{
    const Money zero = Money::fromMinor(0);
    Settlement s;
    s.total = total;
    s.rounding = zero;
    s.due = total;
    s.paid = zero;
    s.remaining = zero;
    s.change = zero;
    if (!total.isValid() || total.isNegative()) {
        s.problem = Problem::InvalidAmount;
        return s;
    }
    Money card = zero;
    Money cash = zero;
    for (const Tender &tender : tenders) {
        if (!tender.amount.isValid() || tender.amount.isNegative()) {
            s.problem = Problem::InvalidAmount;
            return s;
        }
        if (tender.amount.isZero()) {
            continue;
        }
        if (tender.method == Tender::Method::Card) {
            card += tender.amount;
            s.payments.append({Tender::Method::Card, tender.amount, zero, zero, tender.reference});
        } else {
            cash += tender.amount;
        }
    }
    if (card > total) {
        s.problem = Problem::CardOverpaid;
        s.remaining = zero;
        return s;
    }
    const Money rest = total - card;
    if (!cash.isZero() || rest.isZero()) {
        const Pricing::CashDue cashDue
                = Pricing::cashDue(rest, cash.isZero() ? 1 : cashRoundingStep);
        s.rounding = cashDue.rounding;
        s.due = total + s.rounding;
        if (cash < cashDue.due) {
            s.problem = Problem::Unpaid;
            s.paid = card + cash;
            s.remaining = cashDue.due - cash;
            return s;
        }
        s.change = cash - cashDue.due;
        if (!cash.isZero()) {
            s.payments.append({Tender::Method::Cash, cashDue.due, cash, s.change, {}});
        }
        s.paid = s.due;
        return s;
    }
    s.problem = Problem::Unpaid;
    s.paid = card;
    s.remaining = rest;
    return s;
}
