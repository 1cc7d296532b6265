#pragma once

#include "models/db/auditrepository.h"
#include "models/db/productrepository.h"
#include "models/db/quickkeyrepository.h"
#include "models/domain/permissions.h"
#include "models/services/serviceerror.h"

#include <QCoreApplication>

#include <functional>

class Authorizer;
class ConversionRateCache;
class Database;
class Session;

/*!
 * Keeping the catalogue: products with their units, categories and tax rates, and bulk
 * price changes. Anybody signed in may read it (a cashier searches it); changing it needs
 * Permission::EditCatalogue and is audited. Unit edits reach the conversion-rate cache at
 * once here and, through NOTIFY, on the other lanes.
 */
class CatalogueService
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueService)

public:
    CatalogueService(const Database &db, const Session &session, const Authorizer &authorizer,
                     ConversionRateCache *cache = nullptr);

    ServiceResult<QList<Product>> page(const ProductFilter &filter, const ProductCursor &after,
                                       int limit) const;
    ServiceResult<Product> product(qint64 id) const;
    /*!
     * The unit a barcode names, with its product (without the product's other units) and
     * tax, in one indexed query; std::nullopt when no active unit has this code.
     */
    ServiceResult<std::optional<ScannedUnit>> findByBarcode(const QString &barcode) const;
    //! The store's currency symbol for showing prices ("€"); the default when unset or unreadable.
    QString currencySymbol() const;
    ServiceResult<QList<Category>> categories() const;
    ServiceResult<QList<TaxRate>> taxRates() const;
    //! The sale screen's favourites grid by position, with units and products; one query.
    ServiceResult<QList<QuickKey>> quickKeys() const;
    /*!
     * A manager arranges the grid (Permission::EditCatalogue, audited): puts a unit on a
     * key (replacing what it sold), moves a key (swapping with the one at to) or empties
     * it. Positions are 0 ... QuickKey::kMaxPosition, page by page.
     */
    ServiceStatus placeQuickKey(int position, qint64 unitId, const QString &label = {});
    ServiceStatus moveQuickKey(int from, int to);
    ServiceStatus removeQuickKey(int position);

    //! The part of a product a problem is about.
    enum class Field {
        Sku,
        Name,
        TaxRate,
        ReorderLevel,
        Cost,
        CostPerBase,
        Units,
        UnitName,
        BasePerUnit,
        Price,
        Barcode
    };
    struct Problem
    {
        Field field = Field::Sku;
        qsizetype unit = -1; //!< the unit's index for the unit fields, otherwise -1
        QString message;     //!< translated, naming the field and any limit it broke
    };
    /*!
     * The first problem of a product as the editor would save it, with the field at fault:
     * the one place where the bounds of ProductLimits and Quantity::kMaxBasePerUnit are
     * checked, for the editor and the CSV import alike. Does not look at the database.
     */
    static std::optional<Problem> problem(const Product &product);
    //! problem() as the error a save returns.
    static std::optional<ServiceError> validate(const Product &product);
    /*!
     * More work that belongs to a save, run inside its transaction once the product is
     * written, with the product's id: a failure rolls the product back too. Used for a new
     * product's opening stock (InventoryService::openingStock()).
     */
    using SaveStep = std::function<ServiceStatus(qint64 productId)>;
    //! Validates, checks SKU and barcodes against the database, saves, audits. Returns it reloaded.
    ServiceResult<Product> save(const Product &product, const SaveStep &alsoInTransaction = {});
    /*!
     * Removes a product from sale. A product with a history (sold, refunded, on the ledger
     * or on a stock document) is archived: inactive, kept for its records. One without is
     * deleted. Returns true when it was deleted; the database decides, at the moment of
     * writing.
     */
    ServiceResult<bool> archiveOrDelete(qint64 productId);
    //! Whether archiveOrDelete() would archive (true: it has a history) rather than delete.
    ServiceResult<bool> hasHistory(qint64 productId) const;
    ServiceStatus reactivate(qint64 productId);

    ServiceResult<qint64> saveCategory(const Category &category);
    ServiceStatus removeCategory(qint64 id);
    ServiceResult<qint64> saveTaxRate(const TaxRate &rate);
    ServiceStatus removeTaxRate(qint64 id);

    //! What applyPriceChange would do: units the filter selects, old and new price; one query.
    ServiceResult<QList<PriceChangeRow>> previewPriceChange(const ProductFilter &filter,
                                                            const PriceChange &change,
                                                            int limit) const;
    //! How many units applyPriceChange would change now; one query.
    ServiceResult<int> countPriceChange(const ProductFilter &filter,
                                        const PriceChange &change) const;
    //! Applies it to every unit the filter selects in one UPDATE; returns the number changed.
    ServiceResult<int> applyPriceChange(const ProductFilter &filter, const PriceChange &change);

private:
    ServiceError failed(const DbError &error) const;
    std::optional<ServiceError> denied(Permission permission) const;
    ServiceStatus audit(const QString &action, const QString &details);
    //! A manager's change to the quick keys: checked, written and audited in one transaction.
    ServiceStatus changeQuickKeys(const QString &details, const std::function<DbStatus()> &write);

    const Database &m_db;
    const Session &m_session;
    const Authorizer &m_authorizer;
    ConversionRateCache *m_cache;
    ProductRepository m_products;
    AuditRepository m_audit;
};
