#pragma once

#include <QList>
#include <QString>

#include <optional>

/*!
 * Stock and sold quantities are whole numbers of a product's base unit (pieces, grams,
 * millilitres). A product is also sold in packs, each holding a fixed number of base
 * units (its conversion rate, base_per_unit >= 1). These helpers show a base quantity
 * the way people count it: "3 × Box of 12 + 5 × Piece".
 */
struct PackSize
{
    QString name;       //!< as the catalogue names the unit: "Box of 12", "Bottle", "Piece"
    qint64 basePerUnit; //!< base units in one of this unit; the base unit itself has 1
};

struct QuantityPart
{
    QString unitName;
    qint64 count;
};

namespace Quantity {

/*!
 * The bounds every screen and service checks a typed or imported quantity against, so a
 * slip of the finger is refused with a sentence instead of being sold or counted, and no
 * product of them can overflow: kMaxUnitsPerLine × kMaxBasePerUnit = kMaxBase, far below
 * 2^63.
 */
//! Units (pieces or packs) on one line of a sale, a refund or a goods receipt.
constexpr qint64 kMaxUnitsPerLine = 99'999;
//! Base units in one pack (a unit's conversion rate, base_per_unit).
constexpr qint64 kMaxBasePerUnit = 100'000;
//! Base units one line or one stock change may move, and the most a stocktake may count.
constexpr qint64 kMaxBase = kMaxUnitsPerLine * kMaxBasePerUnit;

/*!
 * Splits a base quantity over the given units, largest pack first (greedy), ending with
 * the base unit. The largest unit and the base unit always appear, even with a count of
 * 0 ("0 × Bottle + 7 × Glass"); units in between appear only when their count is not 0.
 * A negative quantity is split by its absolute value and every count is negative.
 * Units may be given in any order; units with basePerUnit < 1 are ignored. When no unit
 * has basePerUnit 1, the remainder is reported with baseUnitName.
 */
QList<QuantityPart> split(qint64 baseQuantity, QList<PackSize> units, const QString &baseUnitName);

//! split() joined for display: "3 × Box of 12 + 5 × Piece"; a negative total as "−(...)".
QString format(qint64 baseQuantity, const QList<PackSize> &units, const QString &baseUnitName);

//! quantity * basePerUnit, or std::nullopt on overflow or when basePerUnit < 1.
std::optional<qint64> toBase(qint64 quantity, qint64 basePerUnit);

} // namespace Quantity
