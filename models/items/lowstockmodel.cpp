#include "models/items/lowstockmodel.h"

#include "models/domain/quantity.h"
#include "models/items/palette.h"
#include "models/services/inventoryservice.h"

using namespace Qt::StringLiterals;

namespace {
QString quantityText(const Product &product, qint64 baseQuantity)
{
    return product.quantityText(baseQuantity);
}
} // namespace

LowStockModel::LowStockModel(const InventoryService &inventory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_inventory(inventory)
{}

int LowStockModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LowStockModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LowStockModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Product &p = m_rows.at(index.row());
    const qint64 shortfall = p.reorderLevelBase - p.stockBase;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SkuColumn:
            return p.sku;
        case NameColumn:
            return p.name;
        case CategoryColumn:
            return p.categoryName;
        case StockColumn:
            return p.stockText();
        case ReorderLevelColumn:
            return quantityText(p, p.reorderLevelBase);
        case ShortfallColumn:
            return shortfall > 0 ? quantityText(p, shortfall) : tr("At the level");
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StockColumn) {
            return p.stockToolTip();
        }
        if (index.column() == ShortfallColumn && shortfall > 0) {
            return p.baseQuantityText(shortfall);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StockColumn && p.stockBase <= 0) {
            return Palette::Negative;
        }
        return {};
    case ProductIdRole:
        return p.id;
    case ShortfallBaseRole:
        return shortfall;
    }
    return {};
}

QVariant LowStockModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case SkuColumn:
        return tr("SKU", "stock keeping unit, the store's own product code");
    case NameColumn:
        return tr("Product");
    case CategoryColumn:
        return tr("Category");
    case StockColumn:
        return tr("Stock", "quantity on hand");
    case ReorderLevelColumn:
        return tr("Reorder level");
    case ShortfallColumn:
        return tr("Below the level by");
    }
    return {};
}

std::optional<ServiceError> LowStockModel::reload()
{
    auto rows = m_inventory.lowStock(kLimit);
    if (!rows) {
        return rows.error();
    }
    beginResetModel();
    m_rows = *rows;
    endResetModel();
    return std::nullopt;
}

void LowStockModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}
