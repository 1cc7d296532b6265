#include "models/items/parkedcartmodel.h"

#include <QLocale>

ParkedCartModel::ParkedCartModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ParkedCartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ParkedCartModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParkedCartModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ParkedAtColumn:
            return locale.toString(row.cart.parkedAt.toLocalTime(), QLocale::ShortFormat);
        case LabelColumn:
            return row.cart.label.isEmpty() ? tr("(no label)") : row.cart.label;
        case LaneColumn:
            return row.cart.lane;
        case CashierColumn:
            return row.cart.cashierName;
        case ItemsColumn:
            return locale.toString(row.items);
        case TotalColumn:
            return row.total.toString(locale, m_currencySymbol);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() >= ItemsColumn
                       ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case ParkedIdRole:
        return row.cart.id;
    case TotalMinorRole:
        return row.total.minor();
    default:
        return {};
    }
}

QVariant ParkedCartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ParkedAtColumn:
        return tr("Parked at");
    case LabelColumn:
        return tr("Label", "the name a cashier gave a parked sale");
    case LaneColumn:
        return tr("Lane");
    case CashierColumn:
        return tr("Cashier");
    case ItemsColumn:
        return tr("Items");
    case TotalColumn:
        return tr("Total");
    default:
        return {};
    }
}

void ParkedCartModel::setParked(const QList<ParkedCart> &parked)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(parked.size());
    for (const ParkedCart &cart : parked) {
        m_rows.append({cart, Pricing::price(cart.cart).total, cart.cart.itemCount()});
    }
    endResetModel();
}
