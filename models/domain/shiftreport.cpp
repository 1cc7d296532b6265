#include "models/domain/shiftreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QJsonValue money(const Money &amount)
{
    return QString::number(amount.minor());
}

Money money(const QJsonValue &value)
{
    bool ok = false;
    const qint64 minor = value.toString().toLongLong(&ok);
    return ok ? Money::fromMinor(minor) : Money::invalid();
}

QJsonValue instant(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime instant(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QJsonArray methods(const QList<ShiftReport::MethodTotal> &totals)
{
    QJsonArray array;
    for (const auto &t : totals) {
        array.append(QJsonObject{{u"method"_s, t.method},
                                 {u"count"_s, QString::number(t.count)},
                                 {u"amount"_s, money(t.amount)}});
    }
    return array;
}

QList<ShiftReport::MethodTotal> methods(const QJsonValue &value)
{
    QList<ShiftReport::MethodTotal> totals;
    for (const QJsonValue &v : value.toArray()) {
        const QJsonObject o = v.toObject();
        totals.append({o.value(u"method"_s).toString(), o.value(u"count"_s).toString().toLongLong(),
                       money(o.value(u"amount"_s))});
    }
    return totals;
}

Money sumOf(const QList<ShiftReport::MethodTotal> &totals, const QString &method)
{
    Money sum = Money::fromMinor(0);
    for (const auto &t : totals) {
        if (t.method == method) {
            sum += t.amount;
        }
    }
    return sum;
}

} // namespace

Money ShiftReport::salesBy(Tender::Method method) const
{
    return sumOf(salesByMethod, Tender::toString(method));
}

Money ShiftReport::refundedBy(Tender::Method method) const
{
    return sumOf(refundsByMethod, Tender::toString(method));
}

QByteArray ShiftReport::toJson() const
{
    QJsonArray taxArray;
    for (const TaxTotal &t : taxes) {
        taxArray.append(QJsonObject{
                {u"rate_bp"_s, t.rateBp}, {u"gross"_s, money(t.gross)}, {u"tax"_s, money(t.tax)}});
    }
    QJsonArray cashierArray;
    for (const CashierTotal &c : salesByCashier) {
        cashierArray.append(QJsonObject{{u"cashier_id"_s, QString::number(c.cashierId)},
                                        {u"name"_s, c.name},
                                        {u"bills"_s, QString::number(c.bills)},
                                        {u"sales"_s, money(c.sales)}});
    }
    QJsonObject o{
            {u"shift_id"_s, QString::number(shift.id)},
            {u"lane"_s, shift.lane},
            {u"z_number"_s, QString::number(shift.zNumber)},
            {u"cashier_id"_s, QString::number(shift.cashierId)},
            {u"cashier"_s, shift.cashierName},
            {u"opened_at"_s, instant(shift.openedAt)},
            {u"closed_at"_s, instant(shift.closedAt)},
            {u"opening_float"_s, money(shift.openingFloat)},
            {u"bills"_s, QString::number(bills)},
            {u"sales"_s, money(sales)},
            {u"discounts"_s, money(discounts)},
            {u"tax"_s, money(tax)},
            {u"rounding"_s, money(rounding)},
            {u"sales_by_method"_s, methods(salesByMethod)},
            {u"sales_by_cashier"_s, cashierArray},
            {u"refunds"_s, QString::number(refunds)},
            {u"refunded"_s, money(refunded)},
            {u"refunds_by_method"_s, methods(refundsByMethod)},
            {u"cash_ins"_s, QString::number(cashIns)},
            {u"cash_in"_s, money(cashIn)},
            {u"cash_outs"_s, QString::number(cashOuts)},
            {u"cash_out"_s, money(cashOut)},
            {u"drawer_opens"_s, QString::number(drawerOpens)},
            {u"taxes"_s, taxArray},
            {u"expected_cash"_s, money(expectedCash)},
            {u"counted_cash"_s, countedCash ? money(*countedCash) : QJsonValue()},
            {u"generated_at"_s, instant(generatedAt)},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<ShiftReport> ShiftReport::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = document.object();
    ShiftReport r;
    r.shift.id = o.value(u"shift_id"_s).toString().toLongLong();
    r.shift.lane = o.value(u"lane"_s).toString();
    r.shift.zNumber = o.value(u"z_number"_s).toString().toLongLong();
    r.shift.cashierId = o.value(u"cashier_id"_s).toString().toLongLong();
    r.shift.cashierName = o.value(u"cashier"_s).toString();
    r.shift.openedAt = instant(o.value(u"opened_at"_s));
    r.shift.closedAt = instant(o.value(u"closed_at"_s));
    r.shift.openingFloat = money(o.value(u"opening_float"_s));
    r.bills = o.value(u"bills"_s).toString().toLongLong();
    r.sales = money(o.value(u"sales"_s));
    r.discounts = money(o.value(u"discounts"_s));
    r.tax = money(o.value(u"tax"_s));
    r.rounding = money(o.value(u"rounding"_s));
    r.salesByMethod = methods(o.value(u"sales_by_method"_s));
    // Z reports stored before the breakdown have none: the screen then names the shift's owner.
    for (const QJsonValue &v : o.value(u"sales_by_cashier"_s).toArray()) {
        const QJsonObject c = v.toObject();
        r.salesByCashier.append(
                {c.value(u"cashier_id"_s).toString().toLongLong(), c.value(u"name"_s).toString(),
                 c.value(u"bills"_s).toString().toLongLong(), money(c.value(u"sales"_s))});
    }
    r.refunds = o.value(u"refunds"_s).toString().toLongLong();
    r.refunded = money(o.value(u"refunded"_s));
    r.refundsByMethod = methods(o.value(u"refunds_by_method"_s));
    r.cashIns = o.value(u"cash_ins"_s).toString().toLongLong();
    r.cashIn = money(o.value(u"cash_in"_s));
    r.cashOuts = o.value(u"cash_outs"_s).toString().toLongLong();
    r.cashOut = money(o.value(u"cash_out"_s));
    r.drawerOpens = o.value(u"drawer_opens"_s).toString().toLongLong();
    for (const QJsonValue &v : o.value(u"taxes"_s).toArray()) {
        const QJsonObject t = v.toObject();
        r.taxes.append({t.value(u"rate_bp"_s).toInt(), money(t.value(u"gross"_s)),
                        money(t.value(u"tax"_s))});
    }
    r.expectedCash = money(o.value(u"expected_cash"_s));
    if (!o.value(u"counted_cash"_s).isNull()) {
        r.countedCash = money(o.value(u"counted_cash"_s));
    }
    r.generatedAt = instant(o.value(u"generated_at"_s));
    return r;
}
