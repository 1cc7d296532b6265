#include "models/items/refundlinesmodel.h"

#include "models/domain/quantity.h"
#include "models/items/palette.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

RefundLinesModel::RefundLinesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int RefundLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_bill.lines.size());
}

int RefundLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

RefundLinesModel::Entry RefundLinesModel::defaultEntry(const RefundableBill::Line &line)
{
    Entry entry;
    // Count in the unit sold while what is left is whole packs; once a pack was opened
    // (7 of a box of 12 left), only base units can reach all of it.
    const qint64 rate = std::max<qint64>(1, line.basePerUnit);
    entry.countRate = line.refundableBase() % rate == 0 ? rate : 1;
    return entry;
}

qint64 RefundLinesModel::maximum(int row) const
{
    const RefundableBill::Line &line = m_bill.lines.at(row);
    return std::max<qint64>(0, line.refundableBase()) / m_entries.at(row).countRate;
}

QString RefundLinesModel::countUnitName(const RefundableBill::Line &line, qint64 rate) const
{
    return rate == line.basePerUnit ? line.unitName : BaseUnits::displayName(line.baseUnit);
}

QString RefundLinesModel::quantityText(const RefundableBill::Line &line, qint64 baseQuantity) const
{
    const qint64 rate = std::max<qint64>(1, line.basePerUnit);
    if (baseQuantity % rate == 0) {
        // Whole units sold: the unit column already says which.
        return QLocale().toString(baseQuantity / rate);
    }
    return Quantity::format(baseQuantity, {PackSize{line.unitName, rate}},
                            BaseUnits::displayName(line.baseUnit));
}

QString RefundLinesModel::moneyText(Money amount) const
{
    return amount.toString(QLocale(), m_currencySymbol);
}

QString RefundLinesModel::problem(int row) const
{
    const RefundableBill::Line &line = m_bill.lines.at(row);
    const Entry &entry = m_entries.at(row);
    if (entry.quantity * entry.countRate <= line.refundableBase()) {
        return {};
    }
    return tr("Only %1 of %2 can still be refunded.")
            .arg(quantityText(line, std::max<qint64>(0, line.refundableBase())), line.productName);
}

QVariant RefundLinesModel::displayText(int row, int column) const
{
    const RefundableBill::Line &line = m_bill.lines.at(row);
    const Entry &entry = m_entries.at(row);
    switch (column) {
    case ProductColumn:
        return line.productName;
    case UnitColumn:
        return line.unitName;
    case SoldColumn:
        return quantityText(line, line.baseQuantity);
    case RefundedColumn:
        return quantityText(line, line.refundedBase);
    case RefundableColumn:
        return quantityText(line, std::max<qint64>(0, line.refundableBase()));
    case PaidColumn:
        return moneyText(line.total);
    case EachColumn:
        return line.quantity > 0 ? moneyText(line.total.scaled(1, line.quantity)) : QString();
    case QuantityColumn:
        return QLocale().toString(entry.quantity);
    case CountInColumn:
        return countUnitName(line, entry.countRate);
    case RestockColumn:
        return entry.restock ? tr("Back to stock")
                             : tr("Damaged", "goods that cannot be sold again");
    case AmountColumn:
        return m_planned.contains(line.billItemId) ? moneyText(m_planned.value(line.billItemId))
                                                   : QString();
    }
    return {};
}

QVariant RefundLinesModel::toolTip(int row, int column) const
{
    const RefundableBill::Line &line = m_bill.lines.at(row);
    const Entry &entry = m_entries.at(row);
    switch (column) {
    case ProductColumn:
        // The name may be cut short in the column; the tip has all of it.
        return tr("%1\nSKU %2", "product name, then its SKU").arg(line.productName, line.sku);
    case SoldColumn:
    case RefundedColumn:
    case RefundableColumn:
        if (line.basePerUnit > 1) {
            const qint64 base = column == SoldColumn       ? line.baseQuantity
                                : column == RefundedColumn ? line.refundedBase
                                                           : line.refundableBase();
            return tr("%L1 × %2", "quantity in base units × base unit")
                    .arg(base)
                    .arg(BaseUnits::displayName(line.baseUnit));
        }
        return {};
    case PaidColumn:
    case EachColumn:
        if (!line.discount.isZero()) {
            return tr("%1 × %2 at %3, less %4 discount")
                    .arg(QLocale().toString(line.quantity), line.unitName,
                         moneyText(line.unitPrice), moneyText(line.discount));
        }
        return {};
    case QuantityColumn: {
        const QString why = problem(row);
        if (!why.isEmpty()) {
            return why;
        }
        return tr("Up to %1 × %2")
                .arg(QLocale().toString(maximum(row)), countUnitName(line, entry.countRate));
    }
    case CountInColumn:
        return line.basePerUnit > 1
                       ? tr("Count this line in %1 or in %2")
                                 .arg(line.unitName, BaseUnits::displayName(line.baseUnit))
                       : QVariant();
    case RestockColumn:
        return tr("Unticked: the items are damaged and do not go back on the shelf.");
    }
    return {};
}

QVariant RefundLinesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    const RefundableBill::Line &line = m_bill.lines.at(row);
    const Entry &entry = m_entries.at(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::EditRole:
        switch (index.column()) {
        case QuantityColumn:
            return entry.quantity;
        case CountInColumn:
            return entry.countRate;
        }
        return {};
    case Qt::CheckStateRole:
        if (index.column() == RestockColumn) {
            return entry.restock ? Qt::Checked : Qt::Unchecked;
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case SoldColumn:
        case RefundedColumn:
        case RefundableColumn:
        case PaidColumn:
        case EachColumn:
        case QuantityColumn:
        case AmountColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::FontRole:
        if ((index.column() == QuantityColumn && entry.quantity > 0)
            || index.column() == AmountColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == QuantityColumn && !problem(row).isEmpty()) {
            return Palette::Negative;
        }
        return {};
    case BillItemIdRole:
        return line.billItemId;
    case MaximumRole:
        return maximum(row);
    case CountChoicesRole:
        return line.basePerUnit > 1 ? QVariantList{line.basePerUnit, qint64(1)}
                                    : QVariantList{qint64(1)};
    case CountChoiceNamesRole:
        return line.basePerUnit > 1
                       ? QStringList{line.unitName, BaseUnits::displayName(line.baseUnit)}
                       : QStringList{line.unitName};
    case QuantityBaseRole:
        return entry.quantity * entry.countRate;
    case RefundableBaseRole:
        return line.refundableBase();
    case ProblemRole:
        return problem(row);
    }
    return {};
}

QVariant RefundLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        switch (section) {
        case SoldColumn:
        case RefundedColumn:
        case RefundableColumn:
        case PaidColumn:
        case EachColumn:
        case QuantityColumn:
        case AmountColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PaidColumn:
            return tr("What the customer paid for the line, after discounts");
        case QuantityColumn:
            return tr("How many come back: type a number");
        case AmountColumn:
            return tr("What this refund pays back for the line");
        }
        return {};
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ProductColumn:
        return tr("Product");
    case UnitColumn:
        return tr("Unit", "the unit the line was sold in");
    case SoldColumn:
        return tr("Sold", "quantity sold");
    case RefundedColumn:
        return tr("Refunded", "quantity refunded before");
    case RefundableColumn:
        return tr("Refundable", "quantity that may still come back");
    case PaidColumn:
        return tr("Paid", "amount paid for the line");
    case EachColumn:
        return tr("Each", "amount paid per unit sold");
    case QuantityColumn:
        return tr("Refund", "quantity to refund now");
    case CountInColumn:
        return tr("Counted in", "the unit the refund quantity is counted in");
    case RestockColumn:
        return tr("Goes", "back to stock, or damaged");
    case AmountColumn:
        return tr("Amount", "amount refunded for the line");
    }
    return {};
}

Qt::ItemFlags RefundLinesModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return Qt::NoItemFlags;
    }
    const RefundableBill::Line &line = m_bill.lines.at(index.row());
    const bool open = line.refundableBase() > 0;
    // A line refunded in full stays visible for the record, greyed, out of the way.
    Qt::ItemFlags f = Qt::ItemIsSelectable;
    if (open || m_entries.at(index.row()).quantity > 0) {
        f |= Qt::ItemIsEnabled;
    }
    switch (index.column()) {
    case QuantityColumn:
        if (open) {
            f |= Qt::ItemIsEditable;
        }
        break;
    case CountInColumn:
        if (open && line.basePerUnit > 1) {
            f |= Qt::ItemIsEditable;
        }
        break;
    case RestockColumn:
        if (open) {
            f |= Qt::ItemIsUserCheckable;
        }
        break;
    default:
        break;
    }
    return f;
}

bool RefundLinesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable))) {
        return false;
    }
    const int row = index.row();
    const RefundableBill::Line &line = m_bill.lines.at(row);
    Entry &entry = m_entries[row];
    if (index.column() == QuantityColumn && role == Qt::EditRole) {
        bool ok = false;
        const qint64 quantity = value.toLongLong(&ok);
        if (!ok || quantity < 0 || quantity > maximum(row)) {
            return false;
        }
        if (quantity == entry.quantity) {
            return true;
        }
        entry.quantity = quantity;
    } else if (index.column() == CountInColumn && role == Qt::EditRole) {
        bool ok = false;
        const qint64 rate = value.toLongLong(&ok);
        if (!ok || (rate != 1 && rate != line.basePerUnit)) {
            return false;
        }
        if (rate == entry.countRate) {
            return true;
        }
        // The same goods in the other unit; whole packs only when counting in packs.
        const qint64 base = entry.quantity * entry.countRate;
        entry.countRate = rate;
        entry.quantity = std::min(base / rate, maximum(row));
    } else if (index.column() == RestockColumn && role == Qt::CheckStateRole) {
        const bool restock = value.toInt() == Qt::Checked;
        if (restock == entry.restock) {
            return true;
        }
        entry.restock = restock;
    } else {
        return false;
    }
    emitRowChanged(row);
    Q_EMIT requestChanged();
    return true;
}

void RefundLinesModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RefundLinesModel::setBill(const RefundableBill &bill)
{
    beginResetModel();
    m_bill = bill;
    m_entries.clear();
    for (const RefundableBill::Line &line : std::as_const(m_bill.lines)) {
        m_entries.append(defaultEntry(line));
    }
    m_planned.clear();
    endResetModel();
    Q_EMIT requestChanged();
}

void RefundLinesModel::refreshBill(const RefundableBill &bill)
{
    QHash<qint64, Entry> typed;
    for (qsizetype i = 0; i < m_bill.lines.size(); ++i) {
        typed.insert(m_bill.lines.at(i).billItemId, m_entries.at(i));
    }
    bool sameLines = bill.lines.size() == m_bill.lines.size();
    for (qsizetype i = 0; sameLines && i < bill.lines.size(); ++i) {
        sameLines = bill.lines.at(i).billItemId == m_bill.lines.at(i).billItemId;
    }
    QList<Entry> entries;
    for (const RefundableBill::Line &line : bill.lines) {
        entries.append(typed.value(line.billItemId, defaultEntry(line)));
    }
    if (sameLines) {
        // Same rows: the view keeps its current cell and the editor the person is in.
        m_bill = bill;
        m_entries = entries;
        if (!m_bill.lines.isEmpty()) {
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        }
    } else {
        beginResetModel();
        m_bill = bill;
        m_entries = entries;
        m_planned.clear();
        endResetModel();
    }
    Q_EMIT requestChanged();
}

QList<RefundService::LineRequest> RefundLinesModel::requestLines() const
{
    QList<RefundService::LineRequest> lines;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i);
        if (entry.quantity <= 0) {
            continue;
        }
        const RefundableBill::Line &line = m_bill.lines.at(i);
        const bool inBase = line.basePerUnit > 1 && entry.countRate == 1;
        lines.append({line.billItemId, entry.quantity, inBase, entry.restock});
    }
    return lines;
}

bool RefundLinesModel::hasQuantities() const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [](const Entry &entry) { return entry.quantity > 0; });
}

void RefundLinesModel::refundEverything()
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const RefundableBill::Line &line = m_bill.lines.at(i);
        Entry &entry = m_entries[i];
        const Entry fresh = defaultEntry(line);
        entry.countRate = fresh.countRate;
        entry.quantity = std::max<qint64>(0, line.refundableBase()) / entry.countRate;
    }
    if (!m_entries.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    Q_EMIT requestChanged();
}

void RefundLinesModel::clearQuantities()
{
    for (Entry &entry : m_entries) {
        entry.quantity = 0;
    }
    if (!m_entries.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    Q_EMIT requestChanged();
}

void RefundLinesModel::setPlan(const std::optional<RefundRecord> &plan)
{
    m_planned.clear();
    if (plan) {
        for (const RefundRecord::Line &line : plan->lines) {
            m_planned[line.billItemId] += line.amount;
        }
    }
    if (!m_bill.lines.isEmpty()) {
        Q_EMIT dataChanged(index(0, AmountColumn), index(rowCount() - 1, AmountColumn),
                           {Qt::DisplayRole});
    }
}

void RefundLinesModel::setCurrencySymbol(const QString &symbol)
{
    if (symbol == m_currencySymbol) {
        return;
    }
    m_currencySymbol = symbol;
    if (!m_bill.lines.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    }
}
