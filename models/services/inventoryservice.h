#pragma once

#include "models/db/auditrepository.h"
#include "models/db/productrepository.h"
#include "models/db/stockrepository.h"
#include "models/services/catalogueservice.h"
#include "models/services/serviceerror.h"

#include <QCoreApplication>

class Authorizer;
class ConversionRateCache;
class Database;
class Session;

/*!
 * Stock: goods receipts, stocktakes, manual adjustments, the ledger and the low-stock
 * list. Every change of stock is a ledger row written in the same transaction, and a
 * document of any number of lines costs the same few statements.
 */
class InventoryService
{
    Q_DECLARE_TR_FUNCTIONS(InventoryService)

public:
    InventoryService(const Database &db, const Session &session, const Authorizer &authorizer,
                     ConversionRateCache &cache);

    //! A received line: quantity in any of the product's units.
    struct ReceiptLine
    {
        qint64 productId = 0;
        qint64 unitId = 0;
        qint64 quantity = 0;
        std::optional<Money> unitCost; //!< what one of that unit cost, if known
    };
    ServiceResult<StockDocument> postReceipt(const QList<ReceiptLine> &lines,
                                             const QString &supplier, const QString &note);

    //! A counted product: what is on the shelf, in base units.
    struct CountLine
    {
        qint64 productId = 0;
        qint64 countedBase = 0;
    };
    ServiceResult<StockDocument> postStocktake(const QList<CountLine> &lines, const QString &note);

    enum class AdjustmentReason { Damaged, Lost, Found, Correction };
    static QString reasonKey(AdjustmentReason reason);
    static QString reasonName(AdjustmentReason reason);
    //! One product's stock changes by deltaBase (negative for damaged or lost).
    ServiceStatus adjust(qint64 productId, qint64 deltaBase, AdjustmentReason reason,
                         const QString &note);

    /*!
     * A new product's first stock, baseQuantity in base units, as a step of
     * CatalogueService::save(): the product and its "opening" ledger row are written in one
     * transaction, so its stock equals its ledger from the start. Needs AdjustStock; 0 adds
     * no row.
     *
     *     catalogue.save(product, inventory.openingStock(240));
     */
    CatalogueService::SaveStep openingStock(qint64 baseQuantity);
    //! Why baseQuantity cannot be a product's opening stock, if it cannot.
    static std::optional<QString> openingStockProblem(qint64 baseQuantity);

    ServiceResult<QList<LedgerRow>> ledger(qint64 productId, qint64 beforeId, int limit) const;
    ServiceResult<QList<Product>> lowStock(int limit) const;

    //! A translated name for a ledger reason key ("sale", "receipt", ...).
    static QString ledgerReasonName(const QString &key);

private:
    ServiceError failed(const DbError &error) const;

    const Database &m_db;
    const Session &m_session;
    const Authorizer &m_authorizer;
    ConversionRateCache &m_cache;
    ProductRepository m_products;
    StockRepository m_stock;
    AuditRepository m_audit;
};
