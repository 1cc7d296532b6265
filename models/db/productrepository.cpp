#include "models/db/productrepository.h"

#include "models/db/bulkwriter.h"
#include "models/db/conversionratecache.h"
#include "models/db/database.h"
#include "models/db/jsonrows.h"
#include "models/db/productsearch.h"
#include "models/db/sqlquery.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {

// Column positions of kProductSelect, looked up once here rather than by name per row.
enum ProductColumn {
    PId,
    PSku,
    PName,
    PCategoryId,
    PCategoryName,
    PTaxId,
    PTaxName,
    PTaxBp,
    PBaseUnit,
    PStock,
    PReorder,
    PCost,
    PCostPerBase,
    PActive,
    PUpdatedAt,
    UId,
    UName,
    UBasePerUnit,
    UPrice,
    UBarcode,
    UActive
};

const QString kProductSelect
        = u"SELECT p.id, p.sku, p.name, p.category_id, c.name, p.tax_rate_id, t.name, t.rate_bp, "
          "p.base_unit, p.stock_base, p.reorder_level_base, p.cost_minor, p.cost_per_base, "
          "p.active, "
          "p.updated_at, u.id, u.name, u.base_per_unit, u.price_minor, u.barcode, u.active "_s;

QString joins(const QString &products)
{
    return u"FROM %1 p LEFT JOIN categories c ON c.id = p.category_id "
           "JOIN tax_rates t ON t.id = p.tax_rate_id "
           "LEFT JOIN product_units u ON u.product_id = p.id "_s.arg(products);
}

QString sortColumn(ProductFilter::Sort sort)
{
    switch (sort) {
    case ProductFilter::Sort::Sku:
        return u"sku"_s;
    case ProductFilter::Sort::Stock:
        return u"stock_base"_s;
    case ProductFilter::Sort::Name:
        break;
    }
    return u"name"_s;
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

// True while nothing names the product :id but its units and quick keys. Refund lines are
// covered: each belongs to a bill line of the product.
const QString kNoHistory
        = u"NOT EXISTS (SELECT 1 FROM bill_items WHERE product_id = :id) "
          "AND NOT EXISTS (SELECT 1 FROM stock_movements WHERE product_id = :id) "
          "AND NOT EXISTS (SELECT 1 FROM stock_document_lines WHERE product_id = :id)"_s;

/*!
 * The one INSERT of products, over the rows addProductRow() writes: the editor's save, the
 * CSV import, the demo store and the bench's seeder all go through it. "WHERE TRUE" lets
 * SQLite tell the upsert's ON CONFLICT from a join's ON.
 */
QString productInsert(const Database &db, ProductRepository::OnConflict onConflict)
{
    using Type = Dialect::ColumnType;
    return u"INSERT INTO products (sku, name, category_id, tax_rate_id, base_unit, "
           "reorder_level_base, cost_minor, cost_per_base, active, created_at, updated_at) "
           "SELECT j.sku, j.name, j.category_id, j.tax_rate_id, j.base_unit, j.reorder, j.cost, "
           "j.cost_per_base, j.active, j.at, j.at FROM "_s
           + BulkWriter::source(db, {{u"sku"_s, Type::Text},
                                     {u"name"_s, Type::Text},
                                     {u"category_id"_s, Type::Integer},
                                     {u"tax_rate_id"_s, Type::Integer},
                                     {u"base_unit"_s, Type::Text},
                                     {u"reorder"_s, Type::Integer},
                                     {u"cost"_s, Type::Integer},
                                     {u"cost_per_base"_s, Type::Integer},
                                     {u"active"_s, Type::Boolean},
                                     {u"at"_s, Type::Timestamp}})
           + (onConflict == ProductRepository::OnConflict::Fail
                      ? u" AS j"_s
                      : u" AS j WHERE TRUE ON CONFLICT (sku) DO UPDATE SET name = excluded.name, "
                        "category_id = excluded.category_id, tax_rate_id = excluded.tax_rate_id, "
                        "base_unit = excluded.base_unit, "
                        "reorder_level_base = excluded.reorder_level_base, "
                        "cost_minor = excluded.cost_minor, cost_per_base = excluded.cost_per_base, "
                        "active = excluded.active, updated_at = excluded.updated_at"_s);
}

void addProductRow(JsonRows &row, const Product &p, const QDateTime &at)
{
    row.add(u"sku", p.sku);
    row.add(u"name", p.name);
    p.categoryId > 0 ? row.add(u"category_id", p.categoryId) : row.addNull(u"category_id");
    row.add(u"tax_rate_id", p.taxRateId);
    row.add(u"base_unit", BaseUnits::key(p.baseUnit));
    row.add(u"reorder", p.reorderLevelBase);
    p.cost ? row.add(u"cost", p.cost->minor()) : row.addNull(u"cost");
    row.add(u"cost_per_base", p.costPerBase);
    row.add(u"active", p.active);
    row.add(u"at", at);
}

} // namespace

DbResult<QList<Product>> ProductRepository::readProducts(SqlQuery &q) const
{
    if (!q.exec()) {
        return q.error();
    }
    QList<Product> products;
    while (q.next()) {
        const qint64 id = q.int64(PId);
        if (products.isEmpty() || products.constLast().id != id) {
            Product p;
            p.id = id;
            p.sku = q.text(PSku);
            p.name = q.text(PName);
            p.categoryId = q.int64(PCategoryId);
            p.categoryName = q.text(PCategoryName);
            p.taxRateId = q.int64(PTaxId);
            p.taxRateName = q.text(PTaxName);
            p.taxRateBp = static_cast<int>(q.int64(PTaxBp));
            p.baseUnit = BaseUnits::fromKey(q.text(PBaseUnit)).value_or(BaseUnit::Piece);
            p.stockBase = q.int64(PStock);
            p.reorderLevelBase = q.int64(PReorder);
            if (!q.value(PCost).isNull()) {
                p.cost = Money::fromMinor(q.int64(PCost));
            }
            p.costPerBase = q.int64(PCostPerBase);
            p.active = q.value(PActive).toBool();
            p.updatedAt = Dialect::toDateTime(q.value(PUpdatedAt));
            products.append(p);
        }
        if (!q.value(UId).isNull()) {
            ProductUnit unit;
            unit.id = q.int64(UId);
            unit.productId = id;
            unit.name = q.text(UName);
            unit.basePerUnit = q.int64(UBasePerUnit);
            unit.price = Money::fromMinor(q.int64(UPrice));
            unit.barcode = q.text(UBarcode);
            unit.active = q.value(UActive).toBool();
            products.last().units.append(unit);
        }
    }
    return products;
}

QStringList ProductRepository::filterConditions(const ProductFilter &filter) const
{
    QStringList where;
    if (const QString text = ProductSearch(m_db.dialect(), filter.text).condition();
        !text.isEmpty()) {
        where << text;
    }
    if (filter.categoryId > 0) {
        where << u"p.category_id = :category"_s;
    }
    if (filter.active != ProductFilter::Active::Any) {
        where << u"p.active = :active"_s;
    }
    if (filter.lowStockOnly) {
        where << u"p.stock_base <= p.reorder_level_base"_s;
    }
    return where;
}

void ProductRepository::bindFilter(SqlQuery &q, const ProductFilter &filter)
{
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        const QString escaped = Dialect::escapeLike(text);
        q.bind(u"pattern"_s, QString(u'%' + escaped + u'%'));
        q.bind(u"prefix"_s, QString(escaped + u'%'));
        q.bind(u"code"_s, text);
    }
    if (filter.categoryId > 0) {
        q.bind(u"category"_s, filter.categoryId);
    }
    if (filter.active != ProductFilter::Active::Any) {
        q.bind(u"active"_s, filter.active == ProductFilter::Active::Yes);
    }
}

namespace {
QString newPriceSql(const PriceChange &change)
{
    switch (change.mode) {
    case PriceChange::Mode::Percent:
        // Half up in whole cents; prices are never negative, so this is Money's rounding.
        return u"((u.price_minor * (10000 + :value) + 5000) / 10000)"_s;
    case PriceChange::Mode::Amount:
        return u"(u.price_minor + :value)"_s;
    case PriceChange::Mode::Set:
        break;
    }
    return u"(:value)"_s;
}
} // namespace

DbResult<QList<PriceChangeRow>> ProductRepository::previewPriceChange(const ProductFilter &filter,
                                                                      const PriceChange &change,
                                                                      int limit) const
{
    QStringList where = filterConditions(filter);
    where << u"u.active = TRUE"_s;
    if (change.baseUnitsOnly) {
        where << u"u.base_per_unit = 1"_s;
    }
    SqlQuery q(m_db, u"SELECT u.id, p.sku, p.name, u.name, u.price_minor, %1 FROM product_units u "
                     "JOIN products p ON p.id = u.product_id WHERE %2 "
                     "ORDER BY p.name, p.id, u.base_per_unit LIMIT :limit"_s.arg(
                             newPriceSql(change), where.join(u" AND "_s)));
    bindFilter(q, filter);
    q.bind(u"value"_s, change.value).bind(u"limit"_s, limit);
    if (!q.exec()) {
        return q.error();
    }
    QList<PriceChangeRow> rows;
    while (q.next()) {
        rows.append({q.int64(0), q.text(1), q.text(2), q.text(3), Money::fromMinor(q.int64(4)),
                     Money::fromMinor(q.int64(5))});
    }
    return rows;
}

DbResult<int> ProductRepository::countPriceChange(const ProductFilter &filter,
                                                  const PriceChange &change) const
{
    QStringList where = filterConditions(filter);
    where << u"u.active = TRUE"_s;
    if (change.baseUnitsOnly) {
        where << u"u.base_per_unit = 1"_s;
    }
    SqlQuery q(m_db, u"SELECT COUNT(*) FROM product_units u JOIN products p ON p.id = u.product_id "
                     "WHERE %1"_s.arg(where.join(u" AND "_s)));
    bindFilter(q, filter);
    if (!q.execOne()) {
        return q.error();
    }
    return static_cast<int>(q.int64(0));
}

DbResult<int> ProductRepository::applyPriceChange(const ProductFilter &filter,
                                                  const PriceChange &change) const
{
    QStringList where = filterConditions(filter);
    SqlQuery q(m_db,
               u"UPDATE product_units SET price_minor = %1, updated_at = :now "
               "WHERE active = TRUE %2 AND product_id IN (SELECT p.id FROM products p%3)"_s.arg(
                       QString(newPriceSql(change)).replace(u"u.price_minor"_s, u"price_minor"_s),
                       change.baseUnitsOnly ? u"AND base_per_unit = 1"_s : QString(),
                       where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s)));
    bindFilter(q, filter);
    q.bind(u"value"_s, change.value)
            .bind(u"now"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()));
    if (!q.exec()) {
        return q.error();
    }
    return q.numRowsAffected();
}

DbResult<QList<Product>> ProductRepository::page(const ProductFilter &filter,
                                                 const ProductCursor &after, int limit) const
{
    const QString column = sortColumn(filter.sort);
    const QString direction = filter.descending ? u"DESC"_s : u"ASC"_s;
    const QString beyond = filter.descending ? u"<"_s : u">"_s;

    QStringList where = filterConditions(filter);
    if (after.id > 0) {
        // The first bound alone is what an index can start from; the OR only breaks ties.
        where << u"p.%1 %2= :key AND (p.%1 %2 :key OR (p.%1 = :key AND p.id %2 :after_id))"_s.arg(
                column, beyond);
    }
    const ProductSearch search(m_db.dialect(), filter.text);
    const QString page
            = search.pageSource(where, u"ORDER BY p.%1 %2, p.id %2"_s.arg(column, direction));
    SqlQuery q(m_db,
               kProductSelect + joins(page)
                       + u"ORDER BY p.%1 %2, p.id %2, u.base_per_unit"_s.arg(column, direction));
    bindFilter(q, filter);
    search.bindPage(q);
    if (after.id > 0) {
        if (filter.sort == ProductFilter::Sort::Stock) {
            q.bind(u"key"_s, after.number);
        } else {
            q.bind(u"key"_s, after.text);
        }
        q.bind(u"after_id"_s, after.id);
    }
    q.bind(u"limit"_s, limit);
    return readProducts(q);
}

DbResult<std::optional<Product>> ProductRepository::findById(qint64 id) const
{
    SqlQuery q(m_db, kProductSelect + joins(u"products"_s)
                             + u"WHERE p.id = :id ORDER BY u.base_per_unit"_s);
    q.bind(u"id"_s, id);
    auto products = readProducts(q);
    if (!products) {
        return products.error();
    }
    return products->isEmpty() ? std::optional<Product>() : products->constFirst();
}

DbResult<std::optional<Product>> ProductRepository::findBySku(const QString &sku) const
{
    SqlQuery q(m_db, kProductSelect + joins(u"products"_s)
                             + u"WHERE p.sku = :sku ORDER BY u.base_per_unit"_s);
    q.bind(u"sku"_s, sku.trimmed());
    auto products = readProducts(q);
    if (!products) {
        return products.error();
    }
    return products->isEmpty() ? std::optional<Product>() : products->constFirst();
}

DbResult<std::optional<ScannedUnit>> ProductRepository::findUnitByBarcode(
        const QString &barcode) const
{
    // Only the scanned unit is joined; the barcode index makes this one indexed lookup.
    SqlQuery q(m_db, kProductSelect
                             + u"FROM product_units u JOIN products p ON p.id = u.product_id "
                               "LEFT JOIN categories c ON c.id = p.category_id "
                               "JOIN tax_rates t ON t.id = p.tax_rate_id "
                               "WHERE u.barcode = :barcode"_s);
    q.bind(u"barcode"_s, barcode.trimmed());
    auto products = readProducts(q);
    if (!products) {
        return products.error();
    }
    if (products->isEmpty() || products->constFirst().units.isEmpty()) {
        return std::optional<ScannedUnit>();
    }
    Product product = products->constFirst();
    ScannedUnit scanned{product.units.constFirst(), product};
    scanned.product.units.clear();
    return std::optional<ScannedUnit>(scanned);
}

DbResult<QList<Product>> ProductRepository::lowStock(int limit) const
{
    const QString page = u"(SELECT * FROM products p WHERE p.active = TRUE "
                         "AND p.stock_base <= p.reorder_level_base "
                         "ORDER BY p.stock_base - p.reorder_level_base, p.id LIMIT :limit)"_s;
    SqlQuery q(m_db,
               kProductSelect + joins(page)
                       + u"ORDER BY p.stock_base - p.reorder_level_base, p.id, u.base_per_unit"_s);
    q.bind(u"limit"_s, limit);
    return readProducts(q);
}

DbResult<QHash<qint64, qint64>> ProductRepository::conversionRates(
        const QList<qint64> &unitIds) const
{
    JsonRows ids;
    for (qint64 id : unitIds) {
        ids.beginRow();
        ids.add(u"id", id);
    }
    SqlQuery q(m_db, u"SELECT id, base_per_unit FROM product_units WHERE id IN (SELECT id FROM "_s
                             + m_db.dialect().jsonRows(u"ids"_s,
                                                       {{u"id"_s, Dialect::ColumnType::Integer}})
                             + u" j)"_s);
    q.bind(u"ids"_s, ids.toString());
    if (!q.exec()) {
        return q.error();
    }
    QHash<qint64, qint64> rates;
    while (q.next()) {
        rates.insert(q.int64(0), q.int64(1));
    }
    return rates;
}

DbResult<qint64> ProductRepository::save(const Product &product) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString nowText = Dialect::timestampText(now);
    qint64 productId = product.id;
    if (productId == 0) {
        Product trimmed = product;
        trimmed.sku = product.sku.trimmed();
        trimmed.name = product.name.trimmed();
        JsonRows rows;
        rows.beginRow();
        addProductRow(rows, trimmed, now);
        SqlQuery q(m_db, productInsert(m_db, OnConflict::Fail) + u" RETURNING id"_s);
        q.bind(u"rows"_s, rows.toString());
        if (!q.execOne()) {
            return q.error();
        }
        productId = q.int64(0);
    } else {
        SqlQuery q(m_db, u"UPDATE products SET sku = :sku, name = :name, category_id = :category, "
                         "tax_rate_id = :tax, base_unit = :base_unit, reorder_level_base = "
                         ":reorder, cost_minor = :cost, cost_per_base = :cost_per_base, "
                         "active = :active, updated_at = :now WHERE id = :id RETURNING id"_s);
        q.bind(u"sku"_s, product.sku.trimmed())
                .bind(u"name"_s, product.name.trimmed())
                .bind(u"category"_s, nullableId(product.categoryId))
                .bind(u"tax"_s, product.taxRateId)
                .bind(u"base_unit"_s, BaseUnits::key(product.baseUnit))
                .bind(u"reorder"_s, product.reorderLevelBase)
                .bind(u"cost"_s, product.cost ? QVariant(product.cost->minor())
                                              : QVariant(QMetaType::fromType<qint64>()))
                .bind(u"cost_per_base"_s, product.costPerBase)
                .bind(u"active"_s, product.active)
                .bind(u"now"_s, nowText)
                .bind(u"id"_s, productId);
        if (!q.exec()) {
            return q.error();
        }
        if (!q.next()) {
            return DbError{DbError::Kind::NotFound, u"no product %1"_s.arg(productId)};
        }
    }
    // Units that are gone from the editor stay for old bills, inactive and without barcode,
    // so the barcode can go to another unit.
    QStringList kept;
    for (const ProductUnit &unit : product.units) {
        if (unit.id > 0) {
            kept << QString::number(unit.id);
        }
    }
    {
        SqlQuery q(m_db,
                   u"UPDATE product_units SET active = FALSE, barcode = NULL, updated_at = :now "
                   "WHERE product_id = :product AND active = TRUE"_s
                           + (kept.isEmpty() ? QString()
                                             : u" AND id NOT IN (%1)"_s.arg(kept.join(u','))));
        q.bind(u"now"_s, nowText).bind(u"product"_s, productId);
        if (!q.exec()) {
            return q.error();
        }
    }
    for (const ProductUnit &unit : product.units) {
        SqlQuery q(m_db,
                   unit.id == 0
                           ? u"INSERT INTO product_units (product_id, name, base_per_unit, "
                             u"price_minor, "
                             "barcode, active, updated_at) VALUES (:product, :name, :rate, :price, "
                             ":barcode, :active, :now)"_s
                           : u"UPDATE product_units SET name = :name, base_per_unit = :rate, "
                             "price_minor = :price, barcode = :barcode, active = :active, "
                             "updated_at = :now WHERE id = :id AND product_id = :product"_s);
        q.bind(u"product"_s, productId)
                .bind(u"name"_s, unit.name.trimmed())
                .bind(u"rate"_s, unit.basePerUnit)
                .bind(u"price"_s, unit.price.minor())
                .bind(u"barcode"_s, unit.barcode.trimmed().isEmpty()
                                            ? QVariant(QMetaType::fromType<QString>())
                                            : QVariant(unit.barcode.trimmed()))
                .bind(u"active"_s, unit.active)
                .bind(u"now"_s, nowText);
        if (unit.id != 0) {
            q.bind(u"id"_s, unit.id);
        }
        if (!q.exec()) {
            return q.error();
        }
    }
    return productId;
}

DbResult<bool> ProductRepository::hasHistory(qint64 productId) const
{
    SqlQuery q(m_db, u"SELECT CASE WHEN "_s + kNoHistory + u" THEN 0 ELSE 1 END"_s);
    q.bind(u"id"_s, productId);
    if (!q.execOne()) {
        return q.error();
    }
    return q.int64(0) != 0;
}

DbStatus ProductRepository::setActive(qint64 productId, bool active) const
{
    SqlQuery q(m_db, u"UPDATE products SET active = :active, updated_at = :now WHERE id = :id"_s);
    q.bind(u"active"_s, active)
            .bind(u"now"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()))
            .bind(u"id"_s, productId);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbResult<bool> ProductRepository::removeUnlessHistory(qint64 productId) const
{
    // PostgreSQL: the product's row is locked first, so no sale or stock change can name it
    // between the statements below; SQLite's writer already holds the whole database.
    // Each statement checks for history itself: the ledger and the documents stay whole.
    const QStringList statements{
            m_db.dialect().lockRowsStatement(u"products"_s, u":id"_s),
            u"DELETE FROM quick_keys WHERE unit_id IN (SELECT id FROM product_units "
            "WHERE product_id = :id) AND "_s
                    + kNoHistory,
            u"DELETE FROM product_units WHERE product_id = :id AND "_s + kNoHistory,
    };
    for (const QString &sql : statements) {
        if (sql.isEmpty()) {
            continue;
        }
        SqlQuery q(m_db, sql);
        q.bind(u"id"_s, productId);
        if (!q.exec()) {
            return q.error();
        }
    }
    SqlQuery q(m_db, u"DELETE FROM products WHERE id = :id AND "_s + kNoHistory);
    q.bind(u"id"_s, productId);
    if (!q.exec()) {
        return q.error();
    }
    return q.numRowsAffected() > 0;
}

DbResult<QHash<QString, QString>> ProductRepository::barcodeOwners(const QStringList &barcodes,
                                                                   qint64 exceptProductId) const
{
    JsonRows codes;
    for (const QString &code : barcodes) {
        codes.beginRow();
        codes.add(u"code", code);
    }
    SqlQuery q(
            m_db,
            u"SELECT u.barcode, p.sku FROM product_units u JOIN products p ON p.id = u.product_id "
            "WHERE u.product_id <> :except AND u.barcode IN (SELECT code FROM "_s
                    + m_db.dialect().jsonRows(u"codes"_s, {{u"code"_s, Dialect::ColumnType::Text}})
                    + u" j)"_s);
    q.bind(u"except"_s, exceptProductId).bind(u"codes"_s, codes.toString());
    if (!q.exec()) {
        return q.error();
    }
    QHash<QString, QString> owners;
    while (q.next()) {
        owners.insert(q.text(0), q.text(1));
    }
    return owners;
}

DbResult<QSet<QString>> ProductRepository::existingSkus(const QStringList &skus) const
{
    JsonRows rows;
    for (const QString &sku : skus) {
        rows.beginRow();
        rows.add(u"sku", sku);
    }
    SqlQuery q(m_db,
               u"SELECT sku FROM products WHERE sku IN (SELECT sku FROM "_s
                       + m_db.dialect().jsonRows(u"skus"_s, {{u"sku"_s, Dialect::ColumnType::Text}})
                       + u" j)"_s);
    q.bind(u"skus"_s, rows.toString());
    if (!q.exec()) {
        return q.error();
    }
    QSet<QString> known;
    while (q.next()) {
        known.insert(q.text(0));
    }
    return known;
}

DbStatus ProductRepository::writeProducts(const QList<Product> &products, const QDateTime &at,
                                          OnConflict onConflict, int rowsPerStatement) const
{
    BulkWriter productWriter(m_db, productInsert(m_db, onConflict), rowsPerStatement);
    for (const Product &p : products) {
        addProductRow(productWriter.row(), p, at);
    }
    if (DbStatus status = productWriter.finish(); !status) {
        return status;
    }
    using Type = Dialect::ColumnType;
    const QString upsert
            = onConflict == OnConflict::Fail
                      ? QString()
                      : u" WHERE TRUE ON CONFLICT (product_id, name) DO UPDATE SET "
                        "base_per_unit = excluded.base_per_unit, price_minor = "
                        "excluded.price_minor, "
                        "barcode = excluded.barcode, active = TRUE, updated_at = excluded.updated_at"_s;
    BulkWriter unitWriter(m_db,
                          u"INSERT INTO product_units (product_id, name, base_per_unit, "
                          "price_minor, barcode, active, updated_at) SELECT p.id, j.name, "
                          "j.base_per_unit, j.price, j.barcode, j.active, j.at FROM "_s
                                  + BulkWriter::source(m_db, {{u"sku"_s, Type::Text},
                                                              {u"name"_s, Type::Text},
                                                              {u"base_per_unit"_s, Type::Integer},
                                                              {u"price"_s, Type::Integer},
                                                              {u"barcode"_s, Type::Text},
                                                              {u"active"_s, Type::Boolean},
                                                              {u"at"_s, Type::Timestamp}})
                                  + u" AS j JOIN products p ON p.sku = j.sku"_s + upsert,
                          rowsPerStatement);
    for (const Product &p : products) {
        for (const ProductUnit &unit : p.units) {
            JsonRows &row = unitWriter.row();
            row.add(u"sku", p.sku);
            row.add(u"name", unit.name);
            row.add(u"base_per_unit", unit.basePerUnit);
            row.add(u"price", unit.price.minor());
            unit.barcode.isEmpty() ? row.addNull(u"barcode") : row.add(u"barcode", unit.barcode);
            row.add(u"active", unit.active);
            row.add(u"at", at);
        }
    }
    return unitWriter.finish();
}

DbStatus ProductRepository::notifyUnitsChanged(const QList<qint64> &unitIds) const
{
    if (!m_db.dialect().isPostgres()) {
        return Done{};
    }
    // PostgreSQL delivers a NOTIFY when the transaction commits, so the others never drop a
    // unit before they can read its new state.
    SqlQuery notify(m_db, u"SELECT pg_notify('%1', :payload)"_s.arg(ConversionRateCache::kChannel));
    notify.bind(u"payload"_s, ConversionRateCache::payloadFor(unitIds));
    if (!notify.exec()) {
        return notify.error();
    }
    return Done{};
}

DbStatus ProductRepository::notifyAllUnitsChanged() const
{
    // Too many units to name: an empty payload makes the other lanes start afresh.
    return notifyUnitsChanged({});
}
