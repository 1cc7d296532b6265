#include "models/domain/cartcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QJsonValue number(qint64 value)
{
    return QString::number(value);
}

std::optional<qint64> number(const QJsonObject &o, const QString &key)
{
    bool ok = false;
    const qint64 value = o.value(key).toString().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

QJsonObject discount(const Discount &d)
{
    const QString kind = d.kind == Discount::Kind::Percent  ? u"percent"_s
                         : d.kind == Discount::Kind::Amount ? u"amount"_s
                                                            : u"none"_s;
    return {{u"kind"_s, kind}, {u"value"_s, number(d.value)}};
}

Discount discount(const QJsonObject &o)
{
    const QString kind = o.value(u"kind"_s).toString();
    Discount d;
    d.kind = kind == u"percent"_s  ? Discount::Kind::Percent
             : kind == u"amount"_s ? Discount::Kind::Amount
                                   : Discount::Kind::None;
    d.value = number(o, u"value"_s).value_or(0);
    return d;
}

} // namespace

namespace CartCodec {

QByteArray toJson(const Cart &cart)
{
    QJsonArray lines;
    for (const CartLine &l : cart.lines) {
        lines.append(QJsonObject{
                {u"product_id"_s, number(l.productId)},
                {u"unit_id"_s, number(l.unitId)},
                {u"sku"_s, l.sku},
                {u"product"_s, l.productName},
                {u"unit"_s, l.unitName},
                {u"base_per_unit"_s, number(l.basePerUnit)},
                {u"quantity"_s, number(l.quantity)},
                {u"unit_price"_s, number(l.unitPrice.minor())},
                {u"catalog_price"_s, number(l.catalogPrice.minor())},
                {u"tax_rate_bp"_s, number(l.taxRateBp)},
                {u"discount"_s, discount(l.discount)},
        });
    }
    const QJsonObject o{
            {u"version"_s, 1},
            {u"lines"_s, lines},
            {u"bill_discount"_s, discount(cart.billDiscount)},
            {u"prices_include_tax"_s, cart.pricesIncludeTax},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Cart> fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = document.object();
    if (o.value(u"version"_s).toInt() != 1) {
        return std::nullopt;
    }
    Cart cart;
    for (const QJsonValue &v : o.value(u"lines"_s).toArray()) {
        const QJsonObject l = v.toObject();
        CartLine line;
        const auto productId = number(l, u"product_id"_s);
        const auto unitId = number(l, u"unit_id"_s);
        const auto basePerUnit = number(l, u"base_per_unit"_s);
        const auto quantity = number(l, u"quantity"_s);
        const auto unitPrice = number(l, u"unit_price"_s);
        const auto catalogPrice = number(l, u"catalog_price"_s);
        if (!productId || !unitId || !basePerUnit || !quantity || !unitPrice || !catalogPrice) {
            return std::nullopt;
        }
        line.productId = *productId;
        line.unitId = *unitId;
        line.sku = l.value(u"sku"_s).toString();
        line.productName = l.value(u"product"_s).toString();
        line.unitName = l.value(u"unit"_s).toString();
        line.basePerUnit = *basePerUnit;
        line.quantity = *quantity;
        line.unitPrice = Money::fromMinor(*unitPrice);
        line.catalogPrice = Money::fromMinor(*catalogPrice);
        line.taxRateBp = static_cast<int>(number(l, u"tax_rate_bp"_s).value_or(0));
        line.discount = discount(l.value(u"discount"_s).toObject());
        cart.lines.append(line);
    }
    cart.billDiscount = discount(o.value(u"bill_discount"_s).toObject());
    cart.pricesIncludeTax = o.value(u"prices_include_tax"_s).toBool(true);
    return cart;
}

} // namespace CartCodec
