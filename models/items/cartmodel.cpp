#include "models/items/cartmodel.h"

#include "models/domain/percent.h"
#include "models/domain/quantity.h"
#include "models/items/palette.h"
#include "models/services/checkoutservice.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

using namespace Qt::StringLiterals;

CartModel::CartModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int CartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cart.lines.size());
}

int CartModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CartModel::money(Money amount) const
{
    return amount.toString(QLocale(), m_currencySymbol);
}

QString CartModel::discountText(const CartLine &line, Money off) const
{
    if (line.discount.isNone()) {
        return {};
    }
    if (line.discount.kind == Discount::Kind::Percent) {
        return tr("−%1 (%2)", "line discount: amount (percentage)")
                .arg(money(off), Percent::toString(line.discount.value, QLocale()));
    }
    return tr("−%1", "line discount: amount").arg(money(off));
}

QVariant CartModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    const CartLine &line = m_cart.lines.at(row);
    const PricedLine &priced = totals().lines.at(row);
    const Money lineTotal = priced.gross - priced.lineDiscount;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ProductColumn:
            return line.productName;
        case UnitColumn:
            return line.unitName;
        case QuantityColumn:
            return QLocale().toString(line.quantity);
        case UnitPriceColumn:
            return money(line.unitPrice);
        case DiscountColumn:
            return discountText(line, priced.lineDiscount);
        case TotalColumn:
            return money(lineTotal);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        // The whole name and unit, for when the column is too narrow to show them.
        case ProductColumn:
            return tr("%1\nSKU %2", "cart line tooltip: product name, SKU")
                    .arg(line.productName, line.sku);
        case UnitColumn:
            return line.basePerUnit > 1 ? tr("%1: %n base units each", "cart unit tooltip",
                                             int(line.basePerUnit))
                                                  .arg(line.unitName)
                                        : line.unitName;
        case UnitPriceColumn:
            if (line.isPriceOverridden()) {
                return tr("Price overridden; the catalogue says %1").arg(money(line.catalogPrice));
            }
            return {};
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case QuantityColumn:
        case UnitPriceColumn:
        case DiscountColumn:
        case TotalColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::FontRole:
        if (index.column() == UnitPriceColumn && line.isPriceOverridden()) {
            QFont font;
            font.setItalic(true);
            font.setBold(true);
            return font;
        }
        if (index.column() == TotalColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == UnitPriceColumn && line.isPriceOverridden()) {
            return QBrush(Palette::Changed);
        }
        return {};
    case ProductIdRole:
        return line.productId;
    case UnitIdRole:
        return line.unitId;
    case QuantityRole:
        return line.quantity;
    case UnitPriceMinorRole:
        return line.unitPrice.minor();
    case PriceOverriddenRole:
        return line.isPriceOverridden();
    case DiscountMinorRole:
        return priced.lineDiscount.minor();
    case LineTotalMinorRole:
        return lineTotal.minor();
    case SkuRole:
        return line.sku;
    default:
        return {};
    }
}

QVariant CartModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case ProductColumn:
        return tr("Product");
    case UnitColumn:
        return tr("Unit", "the unit a line is sold in: piece, box of 12");
    case QuantityColumn:
        return tr("Qty", "quantity column, short");
    case UnitPriceColumn:
        return tr("Price", "price of one unit");
    case DiscountColumn:
        return tr("Discount");
    case TotalColumn:
        return tr("Total", "line total");
    default:
        return {};
    }
}

void CartModel::setCart(const Cart &cart, const QString &saleUuid)
{
    beginResetModel();
    m_cart = cart;
    m_saleUuid = cart.isEmpty() ? QString()
                                : (saleUuid.isEmpty() ? CheckoutService::newSaleUuid() : saleUuid);
    m_totals.reset();
    endResetModel();
    Q_EMIT totalsChanged();
}

int CartModel::addLine(const CartLine &line)
{
    Cart changed = m_cart;
    const int row = static_cast<int>(CheckoutService::addToCart(changed, line));
    if (m_saleUuid.isEmpty()) {
        m_saleUuid = CheckoutService::newSaleUuid();
    }
    if (row == m_cart.lines.size()) {
        beginInsertRows({}, row, row);
        m_cart = std::move(changed);
        m_totals.reset();
        endInsertRows();
        cartChanged();
    } else {
        m_cart = std::move(changed);
        lineChanged(row);
    }
    return row;
}

bool CartModel::setQuantity(int row, qint64 quantity)
{
    if (!isRow(row) || quantity < 1 || quantity > Quantity::kMaxUnitsPerLine
        || !Quantity::toBase(quantity, line(row).basePerUnit)) {
        return false;
    }
    if (m_cart.lines.at(row).quantity == quantity) {
        return true;
    }
    m_cart.lines[row].quantity = quantity;
    lineChanged(row);
    return true;
}

bool CartModel::setUnit(int row, const ProductUnit &unit)
{
    if (!isRow(row) || unit.productId != line(row).productId || unit.basePerUnit < 1
        || unit.basePerUnit > Quantity::kMaxBasePerUnit) {
        return false;
    }
    if (unit.id == line(row).unitId) {
        return true;
    }
    m_cart.lines[row] = CheckoutService::withUnit(line(row), unit);
    lineChanged(row);
    return true;
}

bool CartModel::setLineDiscount(int row, const Discount &discount, const Approval &approval)
{
    if (!isRow(row)) {
        return false;
    }
    CartLine &changed = m_cart.lines[row];
    changed.discount = discount.isNone() ? Discount() : discount;
    changed.discountApproval = discount.isNone() ? Approval() : approval;
    lineChanged(row);
    return true;
}

bool CartModel::overridePrice(int row, Money price, const Approval &approval)
{
    if (!isRow(row) || !price.isValid() || price.isNegative()) {
        return false;
    }
    CartLine &changed = m_cart.lines[row];
    changed.unitPrice = price;
    changed.priceApproval = changed.isPriceOverridden() ? approval : Approval();
    lineChanged(row);
    return true;
}

bool CartModel::removeLine(int row)
{
    if (!isRow(row)) {
        return false;
    }
    beginRemoveRows({}, row, row);
    m_cart.lines.removeAt(row);
    m_totals.reset();
    endRemoveRows();
    cartChanged();
    return true;
}

void CartModel::clear()
{
    const bool hadRows = !m_cart.lines.isEmpty();
    if (hadRows) {
        beginRemoveRows({}, 0, static_cast<int>(m_cart.lines.size()) - 1);
    }
    const bool pricesIncludeTax = m_cart.pricesIncludeTax;
    m_cart = Cart();
    m_cart.pricesIncludeTax = pricesIncludeTax;
    m_saleUuid.clear();
    m_totals.reset();
    if (hadRows) {
        endRemoveRows();
    }
    Q_EMIT totalsChanged();
}

void CartModel::setBillDiscount(const Discount &discount, const Approval &approval)
{
    m_cart.billDiscount = discount.isNone() ? Discount() : discount;
    m_cart.billDiscountApproval = discount.isNone() ? Approval() : approval;
    cartChanged();
}

void CartModel::setPricesIncludeTax(bool included)
{
    if (m_cart.pricesIncludeTax == included) {
        return;
    }
    m_cart.pricesIncludeTax = included;
    cartChanged();
    // Line totals do not depend on it (they are before tax), but a view may show tax.
    if (!m_cart.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

const CartTotals &CartModel::totals() const
{
    if (!m_totals) {
        m_totals = Pricing::price(m_cart);
    }
    return *m_totals;
}

void CartModel::setCurrencySymbol(const QString &symbol)
{
    if (m_currencySymbol == symbol) {
        return;
    }
    m_currencySymbol = symbol;
    if (!m_cart.isEmpty()) {
        Q_EMIT dataChanged(index(0, UnitPriceColumn), index(rowCount() - 1, TotalColumn),
                           {Qt::DisplayRole});
    }
}

void CartModel::lineChanged(int row)
{
    m_totals.reset();
    // A line's quantity, unit, price or discount shows in every column from the unit on.
    Q_EMIT dataChanged(index(row, UnitColumn), index(row, TotalColumn));
    Q_EMIT totalsChanged();
}

void CartModel::cartChanged()
{
    m_totals.reset();
    Q_EMIT totalsChanged();
}
