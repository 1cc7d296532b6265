#pragma once

#include "models/db/dberror.h"
#include "models/domain/pricechange.h"
#include "models/domain/product.h"
#include "models/domain/productfilter.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

class Database;
class QDateTime;
class SqlQuery;

/*!
 * The catalogue's products with their sellable units (categories and tax rates have their
 * own repositories). Lists page by key, one query per page with category, tax and units
 * joined in.
 */
class ProductRepository
{
public:
    explicit ProductRepository(const Database &db)
        : m_db(db)
    {}

    DbResult<QList<Product>> page(const ProductFilter &filter, const ProductCursor &after,
                                  int limit) const;
    DbResult<std::optional<Product>> findById(qint64 id) const;
    DbResult<std::optional<Product>> findBySku(const QString &sku) const;
    DbResult<std::optional<ScannedUnit>> findUnitByBarcode(const QString &barcode) const;
    //! Products with stock at or under their reorder level, lowest first relative to it.
    DbResult<QList<Product>> lowStock(int limit) const;

    //! Base units per unit for the given unit ids, in one query.
    DbResult<QHash<qint64, qint64>> conversionRates(const QList<qint64> &unitIds) const;

    /*!
     * Inserts a new product (id 0) or updates it, with its units: units missing from the
     * list are deactivated (they may be on old bills), others updated or inserted. Returns
     * the product id. Call inside a transaction.
     */
    DbResult<qint64> save(const Product &product) const;
    /*!
     * True when the product has a history: a bill line (and so any refund), a ledger row or
     * a line of a stock document. Such a product can only be archived, never deleted.
     */
    DbResult<bool> hasHistory(qint64 productId) const;
    DbStatus setActive(qint64 productId, bool active) const;
    /*!
     * Deletes the product with its units and quick keys if it has no history, judged by the
     * deleting statements themselves, so history written a moment earlier is never lost.
     * Returns false, with nothing deleted, when it has one. Call inside a transaction.
     */
    DbResult<bool> removeUnlessHistory(qint64 productId) const;
    //! Which of these barcodes already belong to units other than the given product's.
    DbResult<QHash<QString, QString>> barcodeOwners(const QStringList &barcodes,
                                                    qint64 exceptProductId) const;

    //! Units the filter selects with their price before and after; new prices round half up.
    DbResult<QList<PriceChangeRow>> previewPriceChange(const ProductFilter &filter,
                                                       const PriceChange &change, int limit) const;
    //! How many units applyPriceChange would change, in one query: the confirmation names it.
    DbResult<int> countPriceChange(const ProductFilter &filter, const PriceChange &change) const;
    //! One UPDATE over every unit the filter selects; the number of units changed.
    DbResult<int> applyPriceChange(const ProductFilter &filter, const PriceChange &change) const;

    //! Which of these SKUs the catalogue already has, in one query.
    DbResult<QSet<QString>> existingSkus(const QStringList &skus) const;

    //! What writeProducts() does with a SKU the catalogue already has.
    enum class OnConflict { Fail, Update };
    /*!
     * Writes products and their units in bulk: the products by SKU (category and tax rate
     * by id, 0 for no category), then their units joined by SKU, both stamped with at.
     * OnConflict::Update updates a product with the same SKU and a unit with the same
     * name, and brings such a unit back to active. rowsPerStatement as in BulkWriter.
     * Call inside a transaction.
     */
    DbStatus writeProducts(const QList<Product> &products, const QDateTime &at,
                           OnConflict onConflict, int rowsPerStatement) const;
    /*!
     * Tells the other lanes that these units changed, when their transaction commits, so
     * their conversion-rate caches drop them; an empty list makes them start afresh.
     * Nothing on SQLite, where one till owns the file.
     */
    DbStatus notifyUnitsChanged(const QList<qint64> &unitIds) const;
    DbStatus notifyAllUnitsChanged() const;

private:
    DbResult<QList<Product>> readProducts(SqlQuery &query) const;
    //! The WHERE conditions of a filter on products aliased p, and their binding.
    QStringList filterConditions(const ProductFilter &filter) const;
    static void bindFilter(SqlQuery &query, const ProductFilter &filter);

    const Database &m_db;
};
