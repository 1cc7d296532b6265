#include "models/items/pricechangemodel.h"

#include "models/items/palette.h"

#include <QLocale>

using namespace Qt::StringLiterals;

PriceChangeModel::PriceChangeModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int PriceChangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PriceChangeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PriceChangeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PriceChangeRow &r = m_rows.at(index.row());
    const Money difference = r.newPrice - r.oldPrice;
    switch (role) {
    case Qt::DisplayRole: {
        const QLocale locale;
        switch (index.column()) {
        case SkuColumn:
            return r.sku;
        case ProductColumn:
            return r.productName;
        case UnitColumn:
            return r.unitName;
        case OldPriceColumn:
            return r.oldPrice.toString(locale, m_currencySymbol);
        case NewPriceColumn:
            return r.newPrice.toString(locale, m_currencySymbol);
        case DifferenceColumn:
            return difference.isValid() && !difference.isNegative() && !difference.isZero()
                           ? tr("+%1", "a price increase")
                                     .arg(difference.toString(locale, m_currencySymbol))
                           : difference.toString(locale, m_currencySymbol);
        }
        return {};
    }
    case Qt::TextAlignmentRole:
        return index.column() >= OldPriceColumn
                       ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == DifferenceColumn || index.column() == NewPriceColumn) {
            if (r.newPrice.isNegative()) {
                return Palette::Negative;
            }
            if (difference.isNegative()) {
                return Palette::Positive;
            }
            if (!difference.isZero()) {
                return Palette::Negative;
            }
        }
        return {};
    case Qt::ToolTipRole:
        if (r.newPrice.isNegative()) {
            return tr("The new price would be negative; the change cannot be applied.");
        }
        return {};
    case UnitIdRole:
        return r.unitId;
    case OldMinorRole:
        return r.oldPrice.minor();
    case NewMinorRole:
        return r.newPrice.minor();
    }
    return {};
}

QVariant PriceChangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return section >= OldPriceColumn ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                         : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case SkuColumn:
        return tr("SKU", "stock keeping unit, the store's own product code");
    case ProductColumn:
        return tr("Product");
    case UnitColumn:
        return tr("Unit", "the unit a product is sold in");
    case OldPriceColumn:
        return tr("Price now");
    case NewPriceColumn:
        return tr("New price");
    case DifferenceColumn:
        return tr("Difference");
    }
    return {};
}

void PriceChangeModel::setRows(const QList<PriceChangeRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}
