#include "quantity.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>
#include <QtNumeric>

#include <algorithm>

QList<QuantityPart> Quantity::split(qint64 baseQuantity, QList<PackSize> units,
                                    const QString &baseUnitName)
{
    units.removeIf([](const PackSize &unit) { return unit.basePerUnit < 1; });
    // Stable, so that of two packs with the same size the catalogue's first one is counted.
    std::stable_sort(units.begin(), units.end(), [](const PackSize &a, const PackSize &b) {
        return a.basePerUnit > b.basePerUnit;
    });
    // Greedy splitting gives every base unit to the first unit of size 1; a second one would
    // always show "0 ×" in the place where the remainder belongs.
    while (units.size() > 1 && units.at(units.size() - 2).basePerUnit == 1) {
        units.removeLast();
    }
    if (units.isEmpty() || units.constLast().basePerUnit != 1) {
        units.append(PackSize{baseUnitName, 1});
    }

    const bool negative = baseQuantity < 0;
    // Unsigned, because the magnitude of the most negative quantity has no qint64.
    quint64 rest = negative ? 0 - quint64(baseQuantity) : quint64(baseQuantity);
    QList<QuantityPart> parts;
    for (qsizetype i = 0; i < units.size(); ++i) {
        const PackSize &unit = units.at(i);
        const quint64 count = rest / quint64(unit.basePerUnit);
        rest %= quint64(unit.basePerUnit);
        const bool largestOrBase = i == 0 || i == units.size() - 1;
        if (count != 0 || largestOrBase) {
            // C++20 makes the conversion modular, so a count of 2^63 becomes the minimum.
            parts.append(QuantityPart{unit.name, negative ? qint64(0 - count) : qint64(count)});
        }
    }
    return parts;
}

QString Quantity::format(qint64 baseQuantity, const QList<PackSize> &units,
                         const QString &baseUnitName)
{
    const QLocale locale;
    const QList<QuantityPart> parts = split(baseQuantity, units, baseUnitName);
    QStringList texts;
    texts.reserve(parts.size());
    for (const QuantityPart &part : parts) {
        // The sign is written once around the whole sum, so each part shows its size.
        const quint64 size = part.count < 0 ? 0 - quint64(part.count) : quint64(part.count);
        texts.append(QCoreApplication::translate("Quantity", "%1 × %2", "count × unit name")
                             .arg(locale.toString(qulonglong(size)), part.unitName));
    }
    const QString sum = texts.join(
            QCoreApplication::translate("Quantity", " + ", "joins the parts of one quantity"));
    if (baseQuantity < 0) {
        return QCoreApplication::translate("Quantity", "−(%1)", "a negative quantity").arg(sum);
    }
    return sum;
}

std::optional<qint64> Quantity::toBase(qint64 quantity, qint64 basePerUnit)
{
    qint64 base = 0;
    if (basePerUnit < 1 || qMulOverflow(quantity, basePerUnit, &base)) {
        return std::nullopt;
    }
    return base;
}
