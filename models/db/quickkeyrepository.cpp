#include "models/db/quickkeyrepository.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

namespace {
enum Column {
    KPosition,
    KLabel,
    UId,
    UName,
    UBasePerUnit,
    UPrice,
    UBarcode,
    PId,
    PSku,
    PName,
    PTaxId,
    PTaxBp,
    PBaseUnit,
    PStock
};
} // namespace

DbResult<QList<QuickKey>> QuickKeyRepository::list() const
{
    SqlQuery q(m_db, u"SELECT k.position, k.label, u.id, u.name, u.base_per_unit, u.price_minor, "
                     "u.barcode, p.id, p.sku, p.name, p.tax_rate_id, t.rate_bp, p.base_unit, "
                     "p.stock_base "
                     "FROM quick_keys k JOIN product_units u ON u.id = k.unit_id "
                     "JOIN products p ON p.id = u.product_id "
                     "JOIN tax_rates t ON t.id = p.tax_rate_id "
                     "WHERE u.active = TRUE AND p.active = TRUE "
                     "ORDER BY k.position"_s);
    if (!q.exec()) {
        return q.error();
    }
    QList<QuickKey> keys;
    while (q.next()) {
        QuickKey key;
        key.position = static_cast<int>(q.int64(KPosition));
        key.label = q.text(KLabel);
        ProductUnit &unit = key.item.unit;
        unit.id = q.int64(UId);
        unit.productId = q.int64(PId);
        unit.name = q.text(UName);
        unit.basePerUnit = q.int64(UBasePerUnit);
        unit.price = Money::fromMinor(q.int64(UPrice));
        unit.barcode = q.text(UBarcode);
        unit.active = true;
        Product &product = key.item.product;
        product.id = q.int64(PId);
        product.sku = q.text(PSku);
        product.name = q.text(PName);
        product.taxRateId = q.int64(PTaxId);
        product.taxRateBp = static_cast<int>(q.int64(PTaxBp));
        product.baseUnit = BaseUnits::fromKey(q.text(PBaseUnit)).value_or(BaseUnit::Piece);
        product.stockBase = q.int64(PStock);
        product.active = true;
        keys.append(key);
    }
    return keys;
}

DbStatus QuickKeyRepository::place(int position, qint64 unitId, const QString &label) const
{
    SqlQuery q(m_db, u"INSERT INTO quick_keys (position, unit_id, label) "
                     "VALUES (:position, :unit, :label) "
                     "ON CONFLICT (position) DO UPDATE "
                     "SET unit_id = excluded.unit_id, label = excluded.label"_s);
    q.bind(u"position"_s, position).bind(u"unit"_s, unitId);
    q.bind(u"label"_s, label.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : label);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbStatus QuickKeyRepository::move(int from, int to) const
{
    // A position no key holds: the one past the last page.
    constexpr int kParked = QuickKey::kMaxPosition + 1;
    const auto setPosition = [this](int old, int now) -> DbStatus {
        SqlQuery q(m_db, u"UPDATE quick_keys SET position = :now WHERE position = :old"_s);
        q.bind(u"now"_s, now).bind(u"old"_s, old);
        if (!q.exec()) {
            return q.error();
        }
        return Done{};
    };
    if (DbStatus status = setPosition(to, kParked); !status) {
        return status;
    }
    if (DbStatus status = setPosition(from, to); !status) {
        return status;
    }
    return setPosition(kParked, from);
}

DbStatus QuickKeyRepository::remove(int position) const
{
    SqlQuery q(m_db, u"DELETE FROM quick_keys WHERE position = :position"_s);
    q.bind(u"position"_s, position);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}
