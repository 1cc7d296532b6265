#pragma once

#include "models/domain/money.h"
#include "models/domain/quantity.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

//! The unit a product's stock is counted in.
enum class BaseUnit { Piece, Gram, Millilitre };

namespace BaseUnits {
QString key(BaseUnit unit); //!< "piece", "gram", "millilitre" as stored
std::optional<BaseUnit> fromKey(const QString &key);
QString displayName(BaseUnit unit); //!< translated
QList<BaseUnit> all();
} // namespace BaseUnits

/*!
 * The bounds of a product's fields, in one place: CatalogueService::validate() checks
 * them for the editor and the CSV import alike, and the editor's fields are sized by them.
 * A pack's size is bounded by Quantity::kMaxBasePerUnit.
 */
namespace ProductLimits {
constexpr int kMaxSkuLength = 64;
constexpr int kMaxNameLength = 200;
//! 999,999.99 in a currency with cents: more than any pack at a till, and a price times
//! the most units on a line still adds up far below the limits of Money.
constexpr qint64 kMaxPriceMinor = 99'999'999;
constexpr qint64 kMaxCostMinor = kMaxPriceMinor;
constexpr qint64 kMaxCostPerBase = 1'000'000;
//! The editor's spin box holds an int.
constexpr qint64 kMaxReorderLevel = 2'000'000'000;
} // namespace ProductLimits

struct Category
{
    qint64 id = 0;
    QString name;
    int sortOrder = 0;
};

//! A rate of tax. Whether shelf prices include it is the store's setting, the same for all.
struct TaxRate
{
    qint64 id = 0;
    QString name;
    int rateBp = 0; //!< basis points: 1900 = 19 %
};

//! One way a product is sold: the base unit itself (basePerUnit 1) or a pack.
struct ProductUnit
{
    qint64 id = 0;
    qint64 productId = 0;
    QString name;
    qint64 basePerUnit = 1;
    Money price;
    QString barcode; //!< empty: none
    bool active = true;
};

struct Product
{
    qint64 id = 0;
    QString sku;
    QString name;
    qint64 categoryId = 0; //!< 0: none
    QString categoryName;
    qint64 taxRateId = 0;
    QString taxRateName;
    int taxRateBp = 0;
    BaseUnit baseUnit = BaseUnit::Piece;
    qint64 stockBase = 0;
    qint64 reorderLevelBase = 0;
    std::optional<Money> cost; //!< buys costPerBase base units
    qint64 costPerBase = 1;
    bool active = true;
    QDateTime updatedAt;
    QList<ProductUnit> units; //!< smallest first

    bool isLowStock() const { return stockBase <= reorderLevelBase; }
    //! Stock as a manager reads it at a glance: quantityText(stockBase).
    QString stockText() const;
    //! The exact stock in the base unit, for a tool tip: "Exactly 42,960 ml".
    QString stockToolTip() const;
    /*!
     * A base quantity in this product's units, the way people count it: the largest pack
     * first, then the rest in the smallest sale unit ("7 crates + 4 bottles"), and what is
     * left below that in the base unit ("+ 960 ml"). Plurals come from the translation
     * where the unit's name is a known pack word; any other name is shown as it is
     * ("3 × Gift hamper").
     */
    QString quantityText(qint64 baseQuantity) const;
    //! A base quantity as it is stored: "42,960 ml", "12 pieces".
    QString baseQuantityText(qint64 baseQuantity) const;
    QList<PackSize> packSizes() const;
};

Q_DECLARE_METATYPE(Product)

//! What a scan finds: the unit, its product and its tax, in one query.
struct ScannedUnit
{
    ProductUnit unit;
    Product product; //!< without its other units
};
