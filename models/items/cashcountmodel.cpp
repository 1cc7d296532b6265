#include "models/items/cashcountmodel.h"

#include <QLocale>

CashCountModel::CashCountModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int CashCountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CashCountModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CashCountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const QLocale locale;
    const Money amount = row.denomination.value.times(row.count);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DenominationColumn:
            return row.denomination.kind == Denomination::Kind::Note
                           ? tr("%1 note").arg(
                                   row.denomination.value.toString(locale, m_currencySymbol))
                           : tr("%1 coin").arg(
                                   row.denomination.value.toString(locale, m_currencySymbol));
        case CountColumn:
            return locale.toString(row.count);
        case AmountColumn:
            return amount.toString(locale, m_currencySymbol);
        default:
            return {};
        }
    case Qt::EditRole:
        // As text, so the editor is a line edit whose whole text the first key replaces.
        return index.column() == CountColumn ? QVariant(locale.toString(row.count)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == DenominationColumn
                       ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter)
                       : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case ValueMinorRole:
        return row.denomination.value.minor();
    case CountRole:
        return row.count;
    case AmountMinorRole:
        return amount.minor();
    default:
        return {};
    }
}

QVariant CashCountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case DenominationColumn:
        return tr("Note or coin");
    case CountColumn:
        return tr("Count");
    case AmountColumn:
        return tr("Amount");
    default:
        return {};
    }
}

Qt::ItemFlags CashCountModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == CountColumn) {
        result |= Qt::ItemIsEditable;
    }
    return result;
}

bool CashCountModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || index.column() != CountColumn) {
        return false;
    }
    bool ok = false;
    qint64 count = 0;
    if (value.typeId() == QMetaType::QString) {
        const QString text = value.toString().trimmed();
        count = text.isEmpty() ? 0 : QLocale().toLongLong(text, &ok);
        ok = ok || text.isEmpty();
    } else {
        count = value.toLongLong(&ok);
    }
    return ok && setCount(index.row(), count);
}

bool CashCountModel::setCount(int row, qint64 count)
{
    if (row < 0 || row >= m_rows.size() || count < 0 || count > kMaxCount) {
        return false;
    }
    if (m_rows.at(row).count == count) {
        return true;
    }
    m_rows[row].count = count;
    Q_EMIT dataChanged(index(row, CountColumn), index(row, AmountColumn));
    Q_EMIT totalChanged(total());
    return true;
}

void CashCountModel::clearCounts()
{
    if (m_rows.isEmpty()) {
        return;
    }
    for (Row &row : m_rows) {
        row.count = 0;
    }
    Q_EMIT dataChanged(index(0, CountColumn), index(rowCount() - 1, AmountColumn));
    Q_EMIT totalChanged(total());
}

void CashCountModel::setDenominations(const QList<Denomination> &denominations)
{
    beginResetModel();
    m_rows.clear();
    for (const Denomination &denomination : denominations) {
        m_rows.append({denomination, 0});
    }
    endResetModel();
    Q_EMIT totalChanged(total());
}

void CashCountModel::setCurrencySymbol(const QString &symbol)
{
    m_currencySymbol = symbol;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    }
}

Money CashCountModel::total() const
{
    Money sum = Money::fromMinor(0);
    for (const Row &row : m_rows) {
        sum += row.denomination.value.times(row.count);
    }
    return sum;
}
