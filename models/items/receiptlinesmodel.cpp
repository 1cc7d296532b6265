#include "models/items/receiptlinesmodel.h"

#include "models/items/palette.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

ReceiptLinesModel::ReceiptLinesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ReceiptLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int ReceiptLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ProductUnit *ReceiptLinesModel::unitOf(const Line &line) const
{
    for (const ProductUnit &unit : line.units) {
        if (unit.id == line.unitId) {
            return &unit;
        }
    }
    return nullptr;
}

std::optional<qint64> ReceiptLinesModel::readQuantity(const QString &text)
{
    bool ok = false;
    qint64 value = QLocale().toLongLong(text.trimmed(), &ok);
    if (!ok) {
        value = text.trimmed().toLongLong(&ok);
    }
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

// The outer optional says whether the text reads; the inner one whether a cost was given.
std::optional<std::optional<Money>> ReceiptLinesModel::readCost(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        return std::optional<Money>();
    }
    const auto cost = Money::fromString(text, QLocale());
    if (!cost) {
        return std::nullopt;
    }
    return std::optional<Money>(*cost);
}

void ReceiptLinesModel::followProductCost(Line &line) const
{
    const ProductUnit *unit = unitOf(line);
    if (line.costTyped || !unit || !line.productCost) {
        if (!line.costTyped) {
            line.costText.clear();
        }
        return;
    }
    const Money cost
            = line.productCost->scaled(unit->basePerUnit, qMax<qint64>(1, line.costPerBase));
    line.costText = cost.isValid() ? cost.toPlainString(QLocale()) : QString();
}

QString ReceiptLinesModel::cellProblem(const Line &line, int column) const
{
    switch (column) {
    case QuantityColumn: {
        const auto quantity = readQuantity(line.quantityText);
        if (!quantity) {
            return tr("The quantity \"%1\" of %2 is not a whole number.")
                    .arg(line.quantityText, line.name);
        }
        if (*quantity <= 0) {
            return tr("The quantity of %1 must be more than zero.").arg(line.name);
        }
        break;
    }
    case UnitCostColumn: {
        const auto cost = readCost(line.costText);
        if (!cost) {
            return tr("The cost \"%1\" of %2 is not an amount like %3.")
                    .arg(line.costText, line.name, Money::fromMinor(249).toPlainString(QLocale()));
        }
        if (cost->has_value() && (*cost)->isNegative()) {
            return tr("The cost of %1 cannot be negative.").arg(line.name);
        }
        break;
    }
    default:
        break;
    }
    return {};
}

QVariant ReceiptLinesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Line &line = m_lines.at(index.row());
    const int column = index.column();
    const ProductUnit *unit = unitOf(line);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SkuColumn:
            return line.sku;
        case ProductColumn:
            return line.name;
        case UnitColumn:
            return unit ? unit->name : QString();
        case QuantityColumn:
            return line.quantityText;
        case UnitCostColumn:
            return line.costText;
        case TotalColumn: {
            const auto quantity = readQuantity(line.quantityText);
            const auto cost = readCost(line.costText);
            if (!quantity || !cost || !cost->has_value()) {
                return {};
            }
            return (*cost)->times(*quantity).toString(QLocale(), m_currencySymbol);
        }
        }
        return {};
    case Qt::EditRole:
        switch (column) {
        case UnitColumn:
            return line.unitId;
        case QuantityColumn:
            return line.quantityText;
        case UnitCostColumn:
            return line.costText;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column >= QuantityColumn ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                        : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        return cellProblem(line, column).isEmpty() ? QVariant()
                                                   : QVariant(Palette::ProblemBackground);
    case Qt::ToolTipRole:
    case ProblemRole: {
        const QString problem = cellProblem(line, column);
        if (role == ProblemRole || !problem.isEmpty()) {
            return problem;
        }
        if (column == UnitCostColumn && !line.costTyped && !line.costText.isEmpty()) {
            return tr("From the product's cost; type to change it");
        }
        return {};
    }
    case ProductIdRole:
        return line.productId;
    case UnitIdRole:
        return line.unitId;
    case UnitIdsRole: {
        QVariantList ids;
        for (const ProductUnit &u : line.units) {
            ids.append(u.id);
        }
        return ids;
    }
    case UnitNamesRole: {
        QStringList names;
        for (const ProductUnit &u : line.units) {
            names.append(u.basePerUnit == 1 ? u.name
                                            : tr("%1 (%L2)", "unit name (base units in it)")
                                                      .arg(u.name)
                                                      .arg(u.basePerUnit));
        }
        return names;
    }
    case UnitsCompleteRole:
        return line.unitsComplete;
    }
    return {};
}

QVariant ReceiptLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return section >= QuantityColumn ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
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
        return tr("Unit", "the unit goods arrived in");
    case QuantityColumn:
        return tr("Quantity");
    case UnitCostColumn:
        return tr("Unit cost");
    case TotalColumn:
        return tr("Total");
    }
    return {};
}

Qt::ItemFlags ReceiptLinesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    const int column = index.column();
    if (column == UnitColumn || column == QuantityColumn || column == UnitCostColumn) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

bool ReceiptLinesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    Line &line = m_lines[index.row()];
    switch (index.column()) {
    case UnitColumn: {
        const qint64 unitId = value.toLongLong();
        const bool known = std::any_of(line.units.cbegin(), line.units.cend(),
                                       [unitId](const ProductUnit &u) { return u.id == unitId; });
        if (!known) {
            return false;
        }
        line.unitId = unitId;
        followProductCost(line);
        break;
    }
    case QuantityColumn:
        line.quantityText = value.toString().trimmed();
        break;
    case UnitCostColumn: {
        line.costText = value.toString().trimmed();
        line.costTyped = !line.costText.isEmpty();
        if (const auto cost = readCost(line.costText); cost && cost->has_value()) {
            line.costText = (*cost)->toPlainString(QLocale());
        }
        followProductCost(line);
        break;
    }
    default:
        return false;
    }
    emitRowChanged(index.row());
    return true;
}

int ReceiptLinesModel::addLine(const Product &product, qint64 unitId, bool unitsComplete)
{
    for (qsizetype r = 0; r < m_lines.size(); ++r) {
        Line &line = m_lines[r];
        if (line.productId == product.id && line.unitId == unitId) {
            if (const auto quantity = readQuantity(line.quantityText)) {
                line.quantityText = QLocale().toString(*quantity + 1);
            }
            emitRowChanged(static_cast<int>(r));
            return static_cast<int>(r);
        }
    }
    Line line;
    line.productId = product.id;
    line.sku = product.sku;
    line.name = product.name;
    for (const ProductUnit &unit : product.units) {
        if (unit.active || unit.id == unitId) {
            line.units.append(unit);
        }
    }
    line.unitsComplete = unitsComplete;
    line.unitId = unitId;
    line.quantityText = QLocale().toString(1);
    line.productCost = product.cost;
    line.costPerBase = product.costPerBase;
    followProductCost(line);
    const int row = static_cast<int>(m_lines.size());
    beginInsertRows({}, row, row);
    m_lines.append(line);
    endInsertRows();
    Q_EMIT linesChanged();
    return row;
}

void ReceiptLinesModel::setUnits(int row, const QList<ProductUnit> &units)
{
    if (row < 0 || row >= m_lines.size()) {
        return;
    }
    Line &line = m_lines[row];
    line.units.clear();
    for (const ProductUnit &unit : units) {
        if (unit.active || unit.id == line.unitId) {
            line.units.append(unit);
        }
    }
    line.unitsComplete = true;
    emitRowChanged(row);
}

void ReceiptLinesModel::removeLine(int row)
{
    if (row < 0 || row >= m_lines.size()) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_lines.removeAt(row);
    endRemoveRows();
    Q_EMIT linesChanged();
}

void ReceiptLinesModel::clear()
{
    beginResetModel();
    m_lines.clear();
    endResetModel();
    Q_EMIT linesChanged();
}

QList<InventoryService::ReceiptLine> ReceiptLinesModel::lines() const
{
    QList<InventoryService::ReceiptLine> lines;
    for (const Line &line : m_lines) {
        const auto cost = readCost(line.costText);
        lines.append({line.productId, line.unitId, readQuantity(line.quantityText).value_or(0),
                      cost ? *cost : std::nullopt});
    }
    return lines;
}

std::optional<ReceiptLinesModel::Problem> ReceiptLinesModel::problem() const
{
    for (qsizetype r = 0; r < m_lines.size(); ++r) {
        for (int column : {QuantityColumn, UnitCostColumn}) {
            const QString message = cellProblem(m_lines.at(r), column);
            if (!message.isEmpty()) {
                return Problem{static_cast<int>(r), column, message};
            }
        }
    }
    return std::nullopt;
}

Money ReceiptLinesModel::total() const
{
    Money sum;
    for (const Line &line : m_lines) {
        const auto quantity = readQuantity(line.quantityText);
        const auto cost = readCost(line.costText);
        if (quantity && cost && cost->has_value()) {
            sum += (*cost)->times(*quantity);
        }
    }
    return sum;
}

void ReceiptLinesModel::setCurrencySymbol(const QString &symbol)
{
    m_currencySymbol = symbol;
    if (!m_lines.isEmpty()) {
        Q_EMIT dataChanged(index(0, TotalColumn), index(rowCount() - 1, TotalColumn));
    }
}

void ReceiptLinesModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT linesChanged();
}
