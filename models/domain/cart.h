#pragma once

#include "models/domain/approval.h"
#include "models/domain/money.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

//! A discount as a person gives it: a share of the price, or an amount off.
struct Discount
{
    enum class Kind { None, Percent, Amount };
    Kind kind = Kind::None;
    qint64 value = 0; //!< basis points for Percent (1000 = 10 %), minor units for Amount

    static Discount percent(qint64 basisPoints) { return {Kind::Percent, basisPoints}; }
    static Discount amount(Money off) { return {Kind::Amount, off.minor()}; }
    bool isNone() const { return kind == Kind::None || value == 0; }
    //! What it takes off gross (never more than gross, never negative).
    Money of(Money gross) const;
    friend bool operator==(const Discount &, const Discount &) = default;
};

//! One line of a sale as the cashier sees it.
struct CartLine
{
    qint64 productId = 0;
    qint64 unitId = 0;
    QString sku;
    QString productName;
    QString unitName;
    qint64 basePerUnit = 1;
    qint64 quantity = 1;
    Money unitPrice;    //!< the catalogue price, or an overridden one
    Money catalogPrice; //!< what the catalogue said, to show an override
    int taxRateBp = 0;
    Discount discount;
    /*!
     * A manager's approvals of this line's overridden price and of a discount above the
     * cashier's limit. The commit takes these, never an id, and uses them up. They are not
     * written into a parked or saved cart: a cart that comes back from a file asks again.
     */
    Approval priceApproval;
    Approval discountApproval;

    bool isPriceOverridden() const { return unitPrice != catalogPrice; }
    //! Whether quantity and pack size lie within Quantity::kMaxUnitsPerLine and kMaxBasePerUnit.
    bool hasValidQuantity() const;
    //! quantity × basePerUnit; 0 for a line without a valid quantity, never a wrapped number.
    qint64 baseQuantity() const;
    friend bool operator==(const CartLine &, const CartLine &) = default;
};

//! A line with its money worked out by Pricing.
struct PricedLine
{
    Money gross;        //!< unit price × quantity
    Money lineDiscount; //!< the line's own discount
    Money billDiscount; //!< its share of the bill discount
    Money net;          //!< gross less both discounts (tax included when prices include tax)
    Money tax;
    Money total; //!< what the customer pays for the line
    Money discount() const { return lineDiscount + billDiscount; }
};

struct TaxBreakdown
{
    int rateBp = 0;
    Money net; //!< the amount the tax is on, without tax
    Money tax;
    Money gross; //!< net + tax
};

/*!
 * The money of a whole sale, worked out in one place (Pricing::price): discounts come off
 * before tax; the bill discount is shared over the lines in proportion to what they cost
 * after their own discounts, to the cent (largest remainder); tax is computed per rate on
 * the sum of its lines and shared back onto the lines the same way, so lines, rates and
 * the bill always add up. Every fraction of a cent rounds half away from zero.
 */
struct CartTotals
{
    QList<PricedLine> lines;
    QList<TaxBreakdown> taxes; //!< by rate, highest first
    Money subtotal;            //!< sum of gross
    Money discount;            //!< all discounts
    Money tax;
    Money total;         //!< what is due before cash rounding
    bool isValid = true; //!< false on overflow or a line that cannot be priced

    //! What the bill discount is taken off: the lines after their own discounts.
    Money beforeBillDiscount() const;
    //! The bill discount as shared over the lines.
    Money billDiscount() const;
};

struct Cart
{
    QList<CartLine> lines;
    Discount billDiscount;
    Approval billDiscountApproval; //!< a manager's approval of a bill discount above the limit
    bool pricesIncludeTax = true;

    bool isEmpty() const { return lines.isEmpty(); }
    qint64 itemCount() const;
    friend bool operator==(const Cart &, const Cart &) = default;
};

namespace Pricing {
CartTotals price(const Cart &cart);
//! Shares amount over weights to the cent, largest remainder first; the parts sum to amount.
QList<Money> share(Money amount, const QList<Money> &weights);
//! The amount due in cash: total rounded to the store's step (1 = none), and the rounding.
struct CashDue
{
    Money due;
    Money rounding;
};
CashDue cashDue(Money total, qint64 roundingStep);
} // namespace Pricing

Q_DECLARE_METATYPE(Cart)
