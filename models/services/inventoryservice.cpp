#include "models/services/inventoryservice.h"

#include "models/db/conversionratecache.h"
#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/transaction.h"
#include "models/domain/quantity.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"

using namespace Qt::StringLiterals;

namespace {
ServiceError invalid(const QString &message)
{
    return {ServiceError::Code::InvalidInput, message, {}};
}
} // namespace

InventoryService::InventoryService(const Database &db, const Session &session,
                                   const Authorizer &authorizer, ConversionRateCache &cache)
    : m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
    , m_cache(cache)
    , m_products(db)
    , m_stock(db)
    , m_audit(db)
{}

ServiceError InventoryService::failed(const DbError &error) const
{
    if (error.kind == DbError::Kind::Constraint) {
        return ServiceError::fromDb(error,
                                    tr("A product or unit on this document does not exist "
                                       "any more, or another lane posted at the same moment. "
                                       "Nothing was changed."));
    }
    return ServiceError::fromDb(error,
                                tr("The stock could not be read or saved. Nothing was changed."));
}

QString InventoryService::reasonKey(AdjustmentReason reason)
{
    switch (reason) {
    case AdjustmentReason::Damaged:
        return u"damaged"_s;
    case AdjustmentReason::Lost:
        return u"lost"_s;
    case AdjustmentReason::Found:
        return u"found"_s;
    case AdjustmentReason::Correction:
        break;
    }
    return u"correction"_s;
}

QString InventoryService::reasonName(AdjustmentReason reason)
{
    return ledgerReasonName(reasonKey(reason));
}

QString InventoryService::ledgerReasonName(const QString &key)
{
    if (key == u"opening"_s) {
        return tr("Opening stock");
    }
    if (key == u"sale"_s) {
        return tr("Sale");
    }
    if (key == u"refund"_s) {
        return tr("Refund");
    }
    if (key == u"receipt"_s) {
        return tr("Goods receipt");
    }
    if (key == u"stocktake"_s) {
        return tr("Stocktake");
    }
    if (key == u"damaged"_s) {
        return tr("Damaged");
    }
    if (key == u"lost"_s) {
        return tr("Lost");
    }
    if (key == u"found"_s) {
        return tr("Found");
    }
    if (key == u"correction"_s) {
        return tr("Correction");
    }
    return key;
}

ServiceResult<StockDocument> InventoryService::postReceipt(const QList<ReceiptLine> &lines,
                                                           const QString &supplier,
                                                           const QString &note)
{
    ProfileScope scope(u"stock.receipt"_s);
    const auto grant = m_authorizer.authorize(m_session, Permission::AdjustStock);
    if (!grant) {
        return grant.error();
    }
    if (lines.isEmpty()) {
        return invalid(tr("The goods receipt has no lines."));
    }
    QList<qint64> unitIds;
    for (const ReceiptLine &line : lines) {
        unitIds << line.unitId;
    }
    // Conversion rates for every line at once, from the cache.
    const auto rates = m_cache.rates(unitIds);
    if (!rates) {
        return failed(rates.error());
    }
    QList<StockDelta> deltas;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const ReceiptLine &line = lines.at(i);
        const int row = static_cast<int>(i + 1);
        if (line.quantity <= 0) {
            return invalid(tr("Line %1: the quantity must be more than zero.").arg(row));
        }
        if (!rates->contains(line.unitId)) {
            return invalid(tr("Line %1: this unit does not exist any more.").arg(row));
        }
        const auto base = Quantity::toBase(line.quantity, rates->value(line.unitId));
        if (!base || *base > Quantity::kMaxBase) {
            return invalid(tr("Line %1: a line receives at most %L2 base units.")
                                   .arg(row)
                                   .arg(Quantity::kMaxBase));
        }
        if (line.unitCost && (!line.unitCost->isValid() || line.unitCost->isNegative())) {
            return invalid(tr("Line %1: the cost cannot be negative.").arg(row));
        }
        deltas.append({line.productId, line.unitId, line.quantity, *base, line.unitCost});
    }
    const auto posted = m_stock.postReceipt(
            deltas, {grant->userId, supplier.trimmed(), note.trimmed(), m_session.lane()});
    if (!posted) {
        return failed(posted.error());
    }
    if (posted->refusedLine > 0) {
        // The line's unit changed under the rate this till remembered, or was never its
        // product's: read the units again before the receipt is posted again.
        m_cache.invalidate(unitIds);
        return invalid(tr("Line %1: this unit is not one of the product's units, or it was "
                          "changed meanwhile. Nothing was posted.")
                               .arg(posted->refusedLine));
    }
    StockDocument document = posted->document;
    document.lines = static_cast<int>(lines.size());
    document.productsChanged = posted->productsChanged;
    return document;
}

ServiceResult<StockDocument> InventoryService::postStocktake(const QList<CountLine> &lines,
                                                             const QString &note)
{
    ProfileScope scope(u"stock.stocktake"_s);
    const auto grant = m_authorizer.authorize(m_session, Permission::AdjustStock);
    if (!grant) {
        return grant.error();
    }
    if (lines.isEmpty()) {
        return invalid(tr("The stocktake has no counted products."));
    }
    QList<StockDelta> counts;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const CountLine &line = lines.at(i);
        if (line.countedBase < 0 || line.countedBase > Quantity::kMaxBase) {
            return invalid(tr("Line %1: a count lies between 0 and %L2 base units.")
                                   .arg(i + 1)
                                   .arg(Quantity::kMaxBase));
        }
        counts.append({line.productId, 0, line.countedBase, line.countedBase, std::nullopt});
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    auto document = m_stock.createDocument(u"stocktake"_s, grant->userId, {}, note.trimmed());
    if (!document) {
        return failed(document.error());
    }
    if (DbStatus status = m_stock.lockProducts(counts); !status) {
        return failed(status.error());
    }
    if (const auto written = m_stock.insertDocumentLines(document->id, counts); !written) {
        return failed(written.error());
    } else if (*written != counts.size()) {
        // A product was deleted before its lock was taken: no foreign key refuses its line.
        return ServiceError{ServiceError::Code::NotFound, tr("This product no longer exists."), {}};
    }
    const auto changed = m_stock.applyCounts(counts, document->id, grant->userId, note.trimmed());
    if (!changed) {
        return failed(changed.error());
    }
    if (DbStatus status = m_audit.record({grant->userId, 0, m_session.lane(), u"stocktake"_s,
                                          u"document=%1 lines=%2 changed=%3"_s.arg(document->number)
                                                  .arg(lines.size())
                                                  .arg(*changed)});
        !status) {
        return failed(status.error());
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    document->lines = static_cast<int>(lines.size());
    document->productsChanged = *changed;
    return *document;
}

ServiceStatus InventoryService::adjust(qint64 productId, qint64 deltaBase, AdjustmentReason reason,
                                       const QString &note)
{
    ProfileScope scope(u"stock.adjust"_s);
    const auto grant = m_authorizer.authorize(m_session, Permission::AdjustStock);
    if (!grant) {
        return grant.error();
    }
    if (deltaBase == 0) {
        return invalid(tr("An adjustment changes the stock by at least one unit."));
    }
    if (deltaBase > Quantity::kMaxBase || deltaBase < -Quantity::kMaxBase) {
        return invalid(tr("An adjustment changes the stock by at most %L1 base units.")
                               .arg(Quantity::kMaxBase));
    }
    if ((reason == AdjustmentReason::Damaged || reason == AdjustmentReason::Lost)
        && deltaBase > 0) {
        return invalid(
                tr("Damaged or lost goods lower the stock; enter the quantity as taken away."));
    }
    if (reason == AdjustmentReason::Found && deltaBase < 0) {
        return invalid(tr("Found goods raise the stock."));
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    const QList<StockDelta> delta{{productId, 0, deltaBase, deltaBase, std::nullopt}};
    const auto changed
            = m_stock.applyDeltas(delta, reasonKey(reason), 0, grant->userId, note.trimmed());
    if (!changed) {
        return failed(changed.error());
    }
    if (*changed == 0) {
        return ServiceError{ServiceError::Code::NotFound, tr("This product no longer exists."), {}};
    }
    if (DbStatus status
        = m_audit.record({grant->userId, 0, m_session.lane(), u"stock_adjusted"_s,
                          u"product_id=%1 delta=%2 reason=%3"_s.arg(productId).arg(deltaBase).arg(
                                  reasonKey(reason))});
        !status) {
        return failed(status.error());
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    return Done{};
}

std::optional<QString> InventoryService::openingStockProblem(qint64 baseQuantity)
{
    if (baseQuantity < 0 || baseQuantity > Quantity::kMaxBase) {
        return tr("An opening stock lies between 0 and %L1 base units.").arg(Quantity::kMaxBase);
    }
    return std::nullopt;
}

CatalogueService::SaveStep InventoryService::openingStock(qint64 baseQuantity)
{
    return [this, baseQuantity](qint64 productId) -> ServiceStatus {
        if (baseQuantity == 0) {
            return Done{};
        }
        ProfileScope scope(u"stock.opening"_s);
        const auto grant = m_authorizer.authorize(m_session, Permission::AdjustStock);
        if (!grant) {
            return grant.error();
        }
        if (const auto problem = openingStockProblem(baseQuantity)) {
            return invalid(*problem);
        }
        // The caller's transaction holds the product's row: no BEGIN here.
        const QList<StockDelta> delta{{productId, 0, baseQuantity, baseQuantity, std::nullopt}};
        const auto changed = m_stock.applyDeltas(delta, u"opening"_s, 0, grant->userId, {});
        if (!changed) {
            return failed(changed.error());
        }
        if (*changed == 0) {
            return ServiceError{
                    ServiceError::Code::NotFound, tr("This product no longer exists."), {}};
        }
        if (DbStatus status = m_audit.record(
                    {grant->userId, 0, m_session.lane(), u"stock_adjusted"_s,
                     u"product_id=%1 delta=%2 reason=opening"_s.arg(productId).arg(baseQuantity)});
            !status) {
            return failed(status.error());
        }
        return Done{};
    };
}

ServiceResult<QList<LedgerRow>> InventoryService::ledger(qint64 productId, qint64 beforeId,
                                                         int limit) const
{
    ProfileScope scope(u"stock.ledger"_s);
    if (const auto grant = m_authorizer.authorize(m_session, Permission::AdjustStock); !grant) {
        return grant.error();
    }
    auto rows = m_stock.ledger(productId, beforeId, limit);
    if (!rows) {
        return failed(rows.error());
    }
    return *rows;
}

ServiceResult<QList<Product>> InventoryService::lowStock(int limit) const
{
    ProfileScope scope(u"stock.low"_s);
    if (!m_session.user()) {
        return ServiceError{
                ServiceError::Code::PermissionDenied, tr("Nobody is signed in at this till."), {}};
    }
    auto rows = m_products.lowStock(limit);
    if (!rows) {
        return failed(rows.error());
    }
    return *rows;
}
