#pragma once

#include "models/db/dberror.h"
#include "models/domain/pricechange.h"
#include "models/domain/product.h"
#include "models/domain/productfilter.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class Database;
class SqlQuery;

/*!
 * The catalogue: products with their sellable units, categories and tax rates. Lists page
 * by key, one query per page with category, tax and units joined in.
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

    DbResult<QList<Category>> categories() const;
    DbResult<qint64> saveCategory(const Category &category) const;
    DbStatus removeCategory(qint64 id) const;
    DbResult<QList<TaxRate>> taxRates() const;
    DbResult<qint64> saveTaxRate(const TaxRate &rate) const;
    DbStatus removeTaxRate(qint64 id) const;

private:
    DbResult<QList<Product>> readProducts(SqlQuery &query) const;
    //! The WHERE conditions of a filter on products aliased p, and their binding.
    QStringList filterConditions(const ProductFilter &filter) const;
    static void bindFilter(SqlQuery &query, const ProductFilter &filter);

    const Database &m_db;
};
