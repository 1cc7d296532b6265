#pragma once

#include "models/domain/cart.h"
#include "models/domain/product.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>

/*!
 * The sale in progress, one row per cart line: product, unit, quantity, unit price,
 * discount and line total. The cart lives here and nowhere else while it is being rung up
 * (CheckoutService stays stateless), so the sale screen, the payment dialog and the
 * crash-recovery copy all read the same value.
 *
 * Every change goes through an intention-revealing call (addLine(), setQuantity(), ...)
 * that keeps the rows and the signals exact: scanning the same unit again is a dataChanged
 * on that row, a new unit is a rowsInserted. The money of the whole sale comes from
 * Pricing::price() and is worked out once per change (totals()), never per data() call.
 *
 * A sale also has an identity: saleUuid() is made when the first line arrives and kept
 * until the cart is cleared or replaced, so a commit retried after a lost reply uses the
 * same uuid and cannot be written twice.
 */
class CartModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ProductColumn,
        UnitColumn,
        QuantityColumn,
        UnitPriceColumn,
        DiscountColumn,
        TotalColumn,
        ColumnCount
    };

    enum Role {
        ProductIdRole = Qt::UserRole, //!< qint64
        UnitIdRole,                   //!< qint64
        QuantityRole,                 //!< qint64, in the line's unit
        UnitPriceMinorRole,           //!< qint64: the price charged per unit
        PriceOverriddenRole,          //!< bool: the price differs from the catalogue's
        DiscountMinorRole,            //!< qint64: what the line's own discount takes off
        LineTotalMinorRole,           //!< qint64: quantity × price less the line discount
        SkuRole,                      //!< QString
    };

    explicit CartModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Cart &cart() const { return m_cart; }
    //! Replaces the whole sale (a recalled or restored cart); a new sale uuid unless given.
    void setCart(const Cart &cart, const QString &saleUuid = {});
    bool isEmpty() const { return m_cart.isEmpty(); }
    const CartLine &line(int row) const { return m_cart.lines.at(row); }

    /*!
     * Adds the line the way CheckoutService::addToCart does: the same unit at the same
     * price and discount raises that line's quantity, anything else becomes a new row.
     * Returns the row that holds it.
     */
    int addLine(const CartLine &line);
    //! False (and nothing changes) for a row that does not exist or a quantity under 1 or
    //! above Quantity::kMaxUnitsPerLine.
    bool setQuantity(int row, qint64 quantity);
    //! Sells the line in another of its product's units, at that unit's catalogue price.
    bool setUnit(int row, const ProductUnit &unit);
    bool setLineDiscount(int row, const Discount &discount, const Approval &approval = {});
    bool overridePrice(int row, Money price, const Approval &approval = {});
    bool removeLine(int row);
    //! Empties the cart and ends the sale: the next line starts a new uuid.
    void clear();
    void setBillDiscount(const Discount &discount, const Approval &approval = {});
    //! Whether prices include tax (a store rule): changes how tax is worked out.
    void setPricesIncludeTax(bool included);

    //! Pricing::price(cart()), worked out once per change.
    const CartTotals &totals() const;
    //! The sale's identity for the commit; empty while the cart is empty.
    QString saleUuid() const { return m_saleUuid; }

    //! Money in the cells is shown with this symbol ("€").
    void setCurrencySymbol(const QString &symbol);
    QString currencySymbol() const { return m_currencySymbol; }

Q_SIGNALS:
    //! After every change of the cart: lines, quantities, prices or discounts.
    void totalsChanged();

private:
    bool isRow(int row) const { return row >= 0 && row < m_cart.lines.size(); }
    void lineChanged(int row);
    void cartChanged();
    QString money(Money amount) const;
    QString discountText(const CartLine &line, Money off) const;

    Cart m_cart;
    QString m_saleUuid;
    QString m_currencySymbol;
    mutable std::optional<CartTotals> m_totals;
};
