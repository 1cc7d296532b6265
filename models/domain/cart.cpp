#include "models/domain/cart.h"

#include "models/domain/quantity.h"

#include <algorithm>
#include <numeric>

namespace {
// Shares multiply an amount by a weight before dividing; 128 bits keep that exact.
__extension__ typedef __int128 Wide;
} // namespace

Money Discount::of(Money gross) const
{
    if (isNone() || !gross.isValid() || gross.minor() <= 0) {
        return Money::fromMinor(0);
    }
    Money off = kind == Kind::Percent ? gross.percent(value) : Money::fromMinor(value);
    if (!off.isValid()) {
        return off;
    }
    return std::clamp(off, Money::fromMinor(0), gross);
}

bool CartLine::hasValidQuantity() const
{
    return quantity >= 1 && quantity <= Quantity::kMaxUnitsPerLine && basePerUnit >= 1
           && basePerUnit <= Quantity::kMaxBasePerUnit;
}

qint64 CartLine::baseQuantity() const
{
    // Within the bounds the product fits; the check stays for a line nobody validated.
    return hasValidQuantity() ? Quantity::toBase(quantity, basePerUnit).value_or(0) : 0;
}

Money CartTotals::beforeBillDiscount() const
{
    Money sum = Money::fromMinor(0);
    for (const PricedLine &priced : lines) {
        sum += priced.gross - priced.lineDiscount;
    }
    return sum;
}

Money CartTotals::billDiscount() const
{
    Money sum = Money::fromMinor(0);
    for (const PricedLine &priced : lines) {
        sum += priced.billDiscount;
    }
    return sum;
}

qint64 Cart::itemCount() const
{
    qint64 count = 0;
    for (const CartLine &line : lines) {
        count += line.quantity;
    }
    return count;
}

namespace Pricing {

QList<Money> share(Money amount, const QList<Money> &weights)
{
    QList<Money> parts(weights.size(), Money::fromMinor(0));
    qint64 totalWeight = 0;
    for (const Money &w : weights) {
        if (w.minor() > 0) {
            totalWeight += w.minor();
        }
    }
    if (!amount.isValid() || totalWeight == 0 || amount.isZero()) {
        return parts;
    }
    // Floor shares first, then hand the remaining cents to the largest remainders.
    const qint64 sign = amount.minor() < 0 ? -1 : 1;
    const qint64 whole = amount.minor() * sign;
    qint64 given = 0;
    QList<std::pair<Wide, qsizetype>> remainders;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const qint64 w = std::max<qint64>(0, weights.at(i).minor());
        const Wide product = static_cast<Wide>(whole) * w;
        const qint64 floor = static_cast<qint64>(product / totalWeight);
        parts[i] = Money::fromMinor(floor);
        given += floor;
        remainders.append({product % totalWeight, i});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qsizetype k = 0; k < remainders.size() && given < whole; ++k, ++given) {
        const qsizetype i = remainders.at(k).second;
        parts[i] = parts.at(i) + Money::fromMinor(1);
    }
    if (sign < 0) {
        for (Money &part : parts) {
            part = -part;
        }
    }
    return parts;
}

CartTotals price(const Cart &cart)
{
    CartTotals totals;
    totals.subtotal = Money::fromMinor(0);
    totals.discount = Money::fromMinor(0);
    totals.tax = Money::fromMinor(0);
    totals.total = Money::fromMinor(0);

    // Gross and line discounts.
    QList<Money> afterLineDiscount;
    for (const CartLine &line : cart.lines) {
        PricedLine priced;
        priced.gross = line.unitPrice.times(line.quantity);
        priced.lineDiscount = line.discount.of(priced.gross);
        // A quantity or pack out of bounds makes the sale invalid instead of a wrapped number.
        if (!priced.gross.isValid() || !priced.lineDiscount.isValid() || !line.hasValidQuantity()) {
            totals.isValid = false;
        }
        afterLineDiscount.append(priced.gross - priced.lineDiscount);
        totals.subtotal += priced.gross;
        totals.lines.append(priced);
    }
    Money beforeBillDiscount = Money::fromMinor(0);
    for (const Money &m : afterLineDiscount) {
        beforeBillDiscount += m;
    }

    // The bill discount, shared over the lines.
    const Money billDiscount = cart.billDiscount.of(beforeBillDiscount);
    const QList<Money> billShares = share(billDiscount, afterLineDiscount);
    for (qsizetype i = 0; i < totals.lines.size(); ++i) {
        PricedLine &priced = totals.lines[i];
        priced.billDiscount = billShares.at(i);
        priced.net = afterLineDiscount.at(i) - priced.billDiscount;
        totals.discount += priced.discount();
    }

    // Tax per rate on the sum of its lines, then shared back onto the lines.
    QMap<int, QList<qsizetype>> linesOfRate;
    for (qsizetype i = 0; i < cart.lines.size(); ++i) {
        linesOfRate[cart.lines.at(i).taxRateBp].append(i);
    }
    for (auto it = linesOfRate.cbegin(); it != linesOfRate.cend(); ++it) {
        const int rate = it.key();
        Money base = Money::fromMinor(0);
        QList<Money> weights;
        for (qsizetype i : it.value()) {
            base += totals.lines.at(i).net;
            weights.append(totals.lines.at(i).net);
        }
        const Money tax = cart.pricesIncludeTax ? Money::fromMinor(
                                  roundedDiv(base.minor(), rate, 10000 + rate).value_or(0))
                                                : base.percent(rate);
        const QList<Money> taxShares = share(tax, weights);
        for (qsizetype k = 0; k < it.value().size(); ++k) {
            PricedLine &priced = totals.lines[it.value().at(k)];
            priced.tax = taxShares.at(k);
            priced.total = cart.pricesIncludeTax ? priced.net : priced.net + priced.tax;
        }
        TaxBreakdown breakdown;
        breakdown.rateBp = rate;
        breakdown.tax = tax;
        breakdown.net = cart.pricesIncludeTax ? base - tax : base;
        breakdown.gross = breakdown.net + tax;
        totals.taxes.prepend(breakdown);
        totals.tax += tax;
    }
    for (const PricedLine &priced : std::as_const(totals.lines)) {
        totals.total += priced.total;
    }
    if (!totals.total.isValid() || !totals.tax.isValid() || !totals.subtotal.isValid()) {
        totals.isValid = false;
    }
    return totals;
}

CashDue cashDue(Money total, qint64 roundingStep)
{
    if (roundingStep <= 1 || !total.isValid()) {
        return {total, Money::fromMinor(0)};
    }
    const Money due = total.roundedTo(roundingStep);
    return {due, due - total};
}

} // namespace Pricing
