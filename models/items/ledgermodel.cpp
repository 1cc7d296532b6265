#include "models/items/ledgermodel.h"

#include "models/domain/quantity.h"
#include "models/items/palette.h"
#include "models/services/inventoryservice.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
qint64 rowKey(const LedgerRow &row)
{
    return row.id;
}
} // namespace

LedgerModel::LedgerModel(const InventoryService &inventory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_inventory(inventory)
{}

int LedgerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LedgerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LedgerModel::quantityText(qint64 baseQuantity) const
{
    return m_product.quantityText(baseQuantity);
}

QString LedgerModel::sourceText(const LedgerRow &row)
{
    if (row.sourceKind == u"bill"_s) {
        return tr("Bill %1/%2", "lane/number").arg(row.source).arg(row.sourceNumber);
    }
    if (row.sourceKind == u"refund"_s) {
        return tr("Refund %1/%2", "lane/number").arg(row.source).arg(row.sourceNumber);
    }
    if (row.sourceKind == u"receipt"_s) {
        return tr("Goods receipt %1").arg(row.sourceNumber);
    }
    if (row.sourceKind == u"stocktake"_s) {
        return tr("Stocktake %1").arg(row.sourceNumber);
    }
    if (row.sourceKind == u"adjustment"_s) {
        return tr("Adjustment %1").arg(row.sourceNumber);
    }
    return row.sourceKind.isEmpty()
                   ? QString()
                   : tr("%1 %2", "document kind, number").arg(row.sourceKind).arg(row.sourceNumber);
}

QVariant LedgerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const LedgerRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return QLocale().toString(r.at.toLocalTime(), QLocale::ShortFormat);
        case ReasonColumn:
            return InventoryService::ledgerReasonName(r.reason);
        case ChangeColumn:
            return r.deltaBase > 0 ? tr("+%1", "a stock increase").arg(quantityText(r.deltaBase))
                                   : quantityText(r.deltaBase);
        case BalanceColumn:
            return quantityText(r.balanceBase);
        case UserColumn:
            return r.userName;
        case SourceColumn:
            return sourceText(r);
        case NoteColumn:
            return r.note;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case DateColumn:
            return QLocale().toString(r.at.toLocalTime(), QLocale::LongFormat);
        case ChangeColumn:
        case BalanceColumn:
            // The same quantity in base units, for checking against a count.
            return m_product.baseQuantityText(index.column() == ChangeColumn ? r.deltaBase
                                                                             : r.balanceBase);
        case NoteColumn:
            return r.note.isEmpty() ? QVariant() : QVariant(r.note);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ChangeColumn) {
            return r.deltaBase < 0 ? Palette::Negative : Palette::Positive;
        }
        if (index.column() == BalanceColumn && r.balanceBase < 0) {
            return Palette::Negative;
        }
        return {};
    case LedgerIdRole:
        return r.id;
    case ReasonKeyRole:
        return r.reason;
    case DeltaBaseRole:
        return r.deltaBase;
    case BalanceBaseRole:
        return r.balanceBase;
    }
    return {};
}

QVariant LedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case DateColumn:
        return tr("Date");
    case ReasonColumn:
        return tr("Reason", "why the stock changed");
    case ChangeColumn:
        return tr("Change", "change of stock");
    case BalanceColumn:
        return tr("Stock after");
    case UserColumn:
        return tr("User");
    case SourceColumn:
        return tr("Document", "the bill, refund or stock document behind a change");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}

bool LedgerModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_pager.canFetch() && m_product.id > 0;
}

void LedgerModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_pager.pageRequested();
    auto page = m_inventory.ledger(m_product.id, m_pager.cursor(), kPageSize);
    if (!page) {
        m_pager.pageFailed();
        m_lastError = page.error();
        Q_EMIT loadFailed(page.error());
        return;
    }
    m_lastError.reset();
    m_pager.pageArrived(*page, rowKey);
    if (page->isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    const auto announcing = m_pager.announcing();
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
}

void LedgerModel::setProduct(const Product &product)
{
    auto page = m_inventory.ledger(product.id, 0, kPageSize);
    if (!page) {
        m_lastError = page.error();
        Q_EMIT loadFailed(page.error());
        return;
    }
    const auto announcing = m_pager.announcing();
    beginResetModel();
    m_product = product;
    m_packSizes = product.packSizes();
    m_rows = *page;
    m_pager.firstPageArrived(*page, rowKey);
    m_lastError.reset();
    endResetModel();
}

void LedgerModel::reload()
{
    if (m_product.id > 0) {
        setProduct(m_product);
    }
}

void LedgerModel::clear()
{
    const auto announcing = m_pager.announcing();
    beginResetModel();
    m_product = {};
    m_packSizes.clear();
    m_rows.clear();
    m_pager.stop();
    m_lastError.reset();
    endResetModel();
}
