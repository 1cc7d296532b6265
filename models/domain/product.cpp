#include "models/domain/product.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace BaseUnits {

QList<BaseUnit> all()
{
    return {BaseUnit::Piece, BaseUnit::Gram, BaseUnit::Millilitre};
}

QString key(BaseUnit unit)
{
    switch (unit) {
    case BaseUnit::Piece:
        return u"piece"_s;
    case BaseUnit::Gram:
        return u"gram"_s;
    case BaseUnit::Millilitre:
        return u"millilitre"_s;
    }
    return {};
}

std::optional<BaseUnit> fromKey(const QString &key)
{
    for (BaseUnit unit : all()) {
        if (BaseUnits::key(unit) == key) {
            return unit;
        }
    }
    return std::nullopt;
}

QString displayName(BaseUnit unit)
{
    switch (unit) {
    case BaseUnit::Piece:
        return QCoreApplication::translate("BaseUnits", "Piece");
    case BaseUnit::Gram:
        return QCoreApplication::translate("BaseUnits", "Gram");
    case BaseUnit::Millilitre:
        return QCoreApplication::translate("BaseUnits", "Millilitre");
    }
    return {};
}

} // namespace BaseUnits

QList<PackSize> Product::packSizes() const
{
    QList<PackSize> sizes;
    for (const ProductUnit &unit : units) {
        if (unit.active) {
            sizes.append({unit.name, unit.basePerUnit});
        }
    }
    return sizes;
}

QString Product::stockText() const
{
    return Quantity::format(stockBase, packSizes(), BaseUnits::displayName(baseUnit));
}
