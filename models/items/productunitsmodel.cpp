#include "models/items/productunitsmodel.h"

#include "models/domain/barcode.h"
#include "models/items/palette.h"

#include <QLocale>

using namespace Qt::StringLiterals;

ProductUnitsModel::ProductUnitsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ProductUnitsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProductUnitsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<qint64> ProductUnitsModel::readBasePerUnit(const QString &text)
{
    bool ok = false;
    const qint64 value = QLocale().toLongLong(text.trimmed(), &ok);
    if (ok) {
        return value;
    }
    const qint64 plain = text.trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(plain) : std::nullopt;
}

std::optional<Money> ProductUnitsModel::readPrice(const QString &text)
{
    return Money::fromString(text, QLocale());
}

QString ProductUnitsModel::cellProblem(const Row &row, int column) const
{
    const QString name = row.unit.name.trimmed();
    switch (column) {
    case BasePerUnitColumn:
        if (row.basePerUnitText.trimmed().isEmpty()) {
            return name.isEmpty() ? tr("Please enter how many base units the new unit holds.")
                                  : tr("Please enter how many base units \"%1\" holds.").arg(name);
        }
        if (!readBasePerUnit(row.basePerUnitText)) {
            return tr("The conversion rate \"%1\" of \"%2\" is not a whole number.")
                    .arg(row.basePerUnitText, name);
        }
        break;
    case PriceColumn:
        if (row.priceText.trimmed().isEmpty()) {
            return name.isEmpty() ? tr("Please enter the price of the new unit.")
                                  : tr("Please enter the price of \"%1\".").arg(name);
        }
        if (!readPrice(row.priceText)) {
            return tr("The price \"%1\" of \"%2\" is not an amount like %3.")
                    .arg(row.priceText, name, Money::fromMinor(249).toPlainString(QLocale()));
        }
        break;
    case BarcodeColumn:
        if (!row.unit.barcode.isEmpty() && !Barcode::isValid(row.unit.barcode)) {
            return tr("The barcode %1 of \"%2\" is not valid: check the last digit, or use an "
                      "internal code without spaces.")
                    .arg(row.unit.barcode, name);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ProductUnitsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case NameColumn:
            return row.unit.name;
        case BasePerUnitColumn:
            return row.basePerUnitText;
        case PriceColumn:
            return row.priceText;
        case BarcodeColumn:
            return row.unit.barcode;
        }
        return {};
    case Qt::CheckStateRole:
        if (column == ActiveColumn) {
            return row.unit.active ? Qt::Checked : Qt::Unchecked;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == BasePerUnitColumn || column == PriceColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        return cellProblem(row, column).isEmpty() ? QVariant()
                                                  : QVariant(Palette::ProblemBackground);
    case Qt::ToolTipRole:
    case ProblemRole: {
        const QString problem = cellProblem(row, column);
        if (role == ProblemRole || !problem.isEmpty()) {
            return problem;
        }
        if (column == ActiveColumn) {
            return tr("Clear to stop selling this unit; it stays on old bills.");
        }
        return {};
    }
    case UnitIdRole:
        return row.unit.id;
    }
    return {};
}

QVariant ProductUnitsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case BasePerUnitColumn:
            return tr("How many base units one of this unit holds: 1 for the base unit itself, "
                      "12 for a box of 12");
        case BarcodeColumn:
            return tr("EAN-13, EAN-8 or UPC-A with its check digit, or any internal code");
        default:
            break;
        }
        return {};
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Unit", "the unit a product is sold in");
    case BasePerUnitColumn:
        return tr("Base units", "base units in one of this unit");
    case PriceColumn:
        return m_currencySymbol.isEmpty()
                       ? tr("Price")
                       : tr("Price (%1)", "price (currency symbol)").arg(m_currencySymbol);
    case BarcodeColumn:
        return tr("Barcode");
    case ActiveColumn:
        return tr("Sold", "whether the unit is still sold");
    }
    return {};
}

Qt::ItemFlags ProductUnitsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (m_readOnly) {
        return flags;
    }
    if (index.column() == ActiveColumn) {
        return flags | Qt::ItemIsUserCheckable;
    }
    return flags | Qt::ItemIsEditable;
}

bool ProductUnitsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (m_readOnly
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    Row &row = m_rows[index.row()];
    if (index.column() == ActiveColumn) {
        if (role != Qt::CheckStateRole) {
            return false;
        }
        row.unit.active = value.value<Qt::CheckState>() == Qt::Checked;
    } else {
        if (role != Qt::EditRole) {
            return false;
        }
        const QString text = value.toString().trimmed();
        switch (index.column()) {
        case NameColumn:
            row.unit.name = text;
            break;
        case BasePerUnitColumn:
            row.basePerUnitText = text;
            break;
        case PriceColumn:
            // A price that reads is shown as the locale writes it ("2,5" becomes "2,50").
            if (const auto price = readPrice(text)) {
                row.priceText = price->toPlainString(QLocale());
            } else {
                row.priceText = text;
            }
            break;
        case BarcodeColumn:
            row.unit.barcode = text;
            break;
        default:
            return false;
        }
    }
    // A new name shows in the other cells' messages.
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

void ProductUnitsModel::setUnits(const QList<ProductUnit> &units)
{
    beginResetModel();
    m_rows.clear();
    const QLocale locale;
    for (const ProductUnit &unit : units) {
        m_rows.append({unit, locale.toString(unit.basePerUnit), unit.price.toPlainString(locale)});
    }
    endResetModel();
}

QList<ProductUnit> ProductUnitsModel::units() const
{
    QList<ProductUnit> units;
    for (const Row &row : m_rows) {
        ProductUnit unit = row.unit;
        unit.name = unit.name.trimmed();
        unit.basePerUnit = readBasePerUnit(row.basePerUnitText).value_or(0);
        unit.price = readPrice(row.priceText).value_or(Money::invalid());
        units.append(unit);
    }
    return units;
}

std::optional<ProductUnitsModel::Problem> ProductUnitsModel::problem() const
{
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        for (int column : {BasePerUnitColumn, PriceColumn}) {
            const QString message = cellProblem(m_rows.at(r), column);
            if (!message.isEmpty()) {
                return Problem{static_cast<int>(r), column, message};
            }
        }
    }
    return std::nullopt;
}

int ProductUnitsModel::addUnit(const QString &name, std::optional<qint64> basePerUnit)
{
    const int row = static_cast<int>(m_rows.size());
    ProductUnit unit;
    unit.name = name;
    unit.basePerUnit = basePerUnit.value_or(0);
    beginInsertRows({}, row, row);
    m_rows.append({unit, basePerUnit ? QLocale().toString(*basePerUnit) : QString(), QString()});
    endInsertRows();
    return row;
}

void ProductUnitsModel::removeUnit(int row)
{
    if (row < 0 || row >= m_rows.size()) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ProductUnitsModel::renameUnits(const QString &oldName, const QString &newName)
{
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).unit.name == oldName) {
            m_rows[r].unit.name = newName;
            const int row = static_cast<int>(r);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

int ProductUnitsModel::rowOfName(const QString &name) const
{
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).unit.name.trimmed().compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            return static_cast<int>(r);
        }
    }
    return -1;
}

int ProductUnitsModel::rowOfBarcode(const QString &barcode) const
{
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        if (!barcode.isEmpty() && m_rows.at(r).unit.barcode == barcode.trimmed()) {
            return static_cast<int>(r);
        }
    }
    return -1;
}

void ProductUnitsModel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
}

void ProductUnitsModel::setCurrencySymbol(const QString &symbol)
{
    m_currencySymbol = symbol;
    Q_EMIT headerDataChanged(Qt::Horizontal, PriceColumn, PriceColumn);
}
