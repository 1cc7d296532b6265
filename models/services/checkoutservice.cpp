#include "models/services/checkoutservice.h"

#include "models/db/conversionratecache.h"
#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"

#include <QLocale>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
ServiceError invalid(const QString &message)
{
    return {ServiceError::Code::InvalidInput, message, {}};
}
} // namespace

CheckoutService::CheckoutService(const Database &db, const Session &session,
                                 const Authorizer &authorizer, ConversionRateCache &cache,
                                 QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
    , m_cache(cache)
    , m_sales(db)
    , m_parked(db)
    , m_audit(db)
{
}

ServiceError CheckoutService::failed(const DbError &error) const
{
    return ServiceError::fromDb(error, tr("The till cannot reach its database. The sale is still on "
                                          "screen; nothing was lost. Please try again."));
}

QString CheckoutService::newSaleUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ServiceStatus CheckoutService::loadRules()
{
    const auto values = SettingsRepository(m_db).all();
    if (!values) {
        return failed(values.error());
    }
    SaleRules rules;
    rules.pricesIncludeTax = values->value(SettingsRepository::kPricesIncludeTax, u"1"_s) != u"0"_s;
    rules.cashRoundingStep = std::max<qint64>(1, values->value(SettingsRepository::kCashRoundingMinor, u"1"_s).toLongLong());
    rules.cashierDiscountLimitBp
        = values->value(SettingsRepository::kCashierDiscountLimitBp, u"1000"_s).toLongLong();
    rules.allowNegativeStock = values->value(SettingsRepository::kAllowNegativeStock, u"1"_s) != u"0"_s;
    rules.currencySymbol = values->value(SettingsRepository::kCurrencySymbol);
    rules.currencyCode = values->value(SettingsRepository::kCurrency);
    m_rules = rules;
    return Done{};
}

CartLine CheckoutService::lineFor(const Product &product, const ProductUnit &unit, qint64 quantity)
{
    CartLine line;
    line.productId = product.id;
    line.unitId = unit.id;
    line.sku = product.sku;
    line.productName = product.name;
    line.unitName = unit.name;
    line.basePerUnit = unit.basePerUnit;
    line.quantity = quantity;
    line.unitPrice = unit.price;
    line.catalogPrice = unit.price;
    line.taxRateBp = product.taxRateBp;
    return line;
}

CartLine CheckoutService::withUnit(const CartLine &line, const ProductUnit &unit)
{
    CartLine changed = line;
    changed.unitId = unit.id;
    changed.unitName = unit.name;
    changed.basePerUnit = unit.basePerUnit;
    changed.unitPrice = unit.price;
    changed.catalogPrice = unit.price;
    changed.approvedBy = 0;
    return changed;
}

qsizetype CheckoutService::addToCart(Cart &cart, const CartLine &line)
{
    for (qsizetype i = 0; i < cart.lines.size(); ++i) {
        CartLine &existing = cart.lines[i];
        if (existing.unitId == line.unitId && existing.unitPrice == line.unitPrice
            && existing.discount == line.discount) {
            existing.quantity += line.quantity;
            return i;
        }
    }
    cart.lines.append(line);
    return cart.lines.size() - 1;
}

ServiceResult<CartLine> CheckoutService::scan(const QString &barcode, qint64 quantity)
{
    ProfileScope scope(u"checkout.scan"_s);
    const QString code = barcode.trimmed();
    if (quantity <= 0) {
        return invalid(tr("The quantity must be at least 1."));
    }
    if (code.isEmpty()) {
        return invalid(tr("Scan a barcode or type it and press Enter."));
    }
    const auto found = m_cache.scan(code);
    if (!found) {
        return failed(found.error());
    }
    if (!found->has_value()) {
        return ServiceError{ServiceError::Code::NotFound,
                            tr("No product has the barcode %1.").arg(code), {}};
    }
    const ScannedUnit &scanned = **found;
    if (!scanned.product.active || !scanned.unit.active) {
        return ServiceError{ServiceError::Code::NotFound,
                            tr("%1 is no longer sold.").arg(scanned.product.name), {}};
    }
    return lineFor(scanned.product, scanned.unit, quantity);
}

ServiceResult<qint64> CheckoutService::authorizeDiscount(const Discount &discount, Money gross,
                                                         const Approval &approval)
{
    if (discount.isNone()) {
        return qint64(0);
    }
    if (discount.value < 0) {
        return invalid(tr("A discount cannot be negative."));
    }
    if (discount.kind == Discount::Kind::Percent && discount.value > 10000) {
        return invalid(tr("A discount cannot be more than 100 %."));
    }
    if (discount.kind == Discount::Kind::Amount && Money::fromMinor(discount.value) > gross) {
        return invalid(tr("A discount cannot be more than the price."));
    }
    // Above the cashier's limit, measured as a share of what it is taken off.
    const qint64 shareBp = discount.kind == Discount::Kind::Percent
                               ? discount.value
                               : (gross.minor() > 0 ? roundedDiv(discount.value, 10000, gross.minor()).value_or(10000)
                                                    : 10000);
    if (shareBp <= m_rules.cashierDiscountLimitBp) {
        if (const auto grant = m_authorizer.authorize(m_session, Permission::Sell); !grant) {
            return grant.error();
        }
        return qint64(0);
    }
    const auto grant = m_authorizer.authorize(m_session, Permission::DiscountAboveLimit, approval);
    if (!grant) {
        return grant.error();
    }
    return grant->approvedBy;
}

ServiceResult<qint64> CheckoutService::authorizePriceOverride(Money newPrice, const Approval &approval)
{
    if (!newPrice.isValid() || newPrice.isNegative()) {
        return invalid(tr("A price cannot be negative."));
    }
    const auto grant = m_authorizer.authorize(m_session, Permission::OverridePrice, approval);
    if (!grant) {
        return grant.error();
    }
    return grant->approvedBy;
}

ServiceStatus CheckoutService::recordVoid(const CartLine &line, const Approval &approval)
{
    const auto grant = m_authorizer.authorize(m_session, Permission::VoidLine, approval);
    if (!grant) {
        return grant.error();
    }
    if (DbStatus status = m_audit.record({grant->userId, grant->approvedBy, m_session.lane(), u"line_voided"_s,
                                          u"sku=%1 unit=%2 quantity=%3 price=%4"_s.arg(line.sku, line.unitName)
                                              .arg(line.quantity)
                                              .arg(line.unitPrice.minor())});
        !status) {
        return failed(status.error());
    }
    return Done{};
}

ServiceStatus CheckoutService::recordClear(const Cart &cart, const Approval &approval)
{
    const auto grant = m_authorizer.authorize(m_session, Permission::ClearSale, approval);
    if (!grant) {
        return grant.error();
    }
    const CartTotals totals = Pricing::price(cart);
    if (DbStatus status = m_audit.record({grant->userId, grant->approvedBy, m_session.lane(), u"sale_cleared"_s,
                                          u"lines=%1 total=%2"_s.arg(cart.lines.size()).arg(totals.total.minor())});
        !status) {
        return failed(status.error());
    }
    return Done{};
}

ServiceResult<SaleReceipt> CheckoutService::commit(const Cart &input, const QList<Tender> &tenders,
                                                   const QString &uuid)
{
    ProfileScope scope(u"checkout.commit"_s);
    const auto grant = m_authorizer.authorize(m_session, Permission::Sell);
    if (!grant) {
        return grant.error();
    }
    if (input.isEmpty()) {
        return invalid(tr("The sale has no items yet."));
    }
    Cart cart = input;
    cart.pricesIncludeTax = m_rules.pricesIncludeTax;
    for (const CartLine &line : std::as_const(cart.lines)) {
        if (line.quantity <= 0) {
            return invalid(tr("The quantity of %1 must be at least 1.").arg(line.productName));
        }
    }
    const CartTotals totals = Pricing::price(cart);
    if (!totals.isValid) {
        return invalid(tr("This sale is too large to add up. Please split it."));
    }
    const Settlement settlement = Settlement::settle(totals.total, tenders, m_rules.cashRoundingStep);
    const QLocale locale;
    switch (settlement.problem) {
    case Settlement::Problem::None:
        break;
    case Settlement::Problem::Unpaid:
        return invalid(tr("%1 is still to pay.").arg(settlement.remaining.toString(locale, m_rules.currencySymbol)));
    case Settlement::Problem::CardOverpaid:
        return invalid(tr("A card cannot pay more than the total; take the rest in cash."));
    case Settlement::Problem::InvalidAmount:
        return invalid(tr("A payment amount is not valid."));
    }

    SaleRecord record;
    record.uuid = uuid;
    record.lane = m_session.lane();
    record.cashierId = grant->userId;
    record.at = m_clock();
    record.subtotal = totals.subtotal;
    record.discount = totals.discount;
    record.tax = totals.tax;
    record.rounding = settlement.rounding;
    record.total = settlement.due;
    record.allowNegativeStock = m_rules.allowNegativeStock;
    record.approvedBy = cart.billDiscountApprovedBy;
    for (qsizetype i = 0; i < cart.lines.size(); ++i) {
        const CartLine &line = cart.lines.at(i);
        const PricedLine &priced = totals.lines.at(i);
        record.lines.append({line.productId, line.unitId, line.quantity, line.baseQuantity(), line.unitPrice,
                             priced.discount(), line.taxRateBp, priced.tax, priced.total});
        if (record.approvedBy == 0) {
            record.approvedBy = line.approvedBy;
        }
    }
    for (const SettledPayment &payment : settlement.payments) {
        record.payments.append({payment.method == Tender::Method::Cash ? u"cash"_s : u"card"_s, payment.amount,
                                payment.tendered, payment.change, payment.reference});
    }

    auto bill = m_sales.commit(record);
    if (!bill && bill.error().kind == DbError::Kind::ConnectionFailed) {
        // The reply may have been lost after the server committed; the same uuid makes the
        // retry find that bill instead of writing a second one.
        m_db.dropCachedStatements();
        m_db.connection().close();
        bill = m_sales.commit(record);
    }
    if (!bill) {
        const DbError &error = bill.error();
        if (SaleRepository::isStockShort(error)) {
            return ServiceError{ServiceError::Code::Conflict,
                                tr("Not enough stock of %1. Nothing was sold.")
                                    .arg(QLocale().createSeparatedList(error.details.split(u'\n'))),
                                error.details};
        }
        if (error.kind == DbError::Kind::NotFound) {
            return ServiceError{ServiceError::Code::InvalidInput,
                                tr("No shift is open at lane %1. Open a shift to sell.").arg(record.lane),
                                error.details};
        }
        return failed(error);
    }
    // What needed a manager is on the audit log next to the sale.
    for (const CartLine &line : std::as_const(cart.lines)) {
        if (line.isPriceOverridden() || line.approvedBy > 0) {
            (void)m_audit.record({grant->userId, line.approvedBy, record.lane,
                                  line.isPriceOverridden() ? u"price_override"_s : u"discount_above_limit"_s,
                                  u"bill=%1/%2 sku=%3 price=%4 catalog=%5"_s.arg(record.lane)
                                      .arg(bill->number)
                                      .arg(line.sku)
                                      .arg(line.unitPrice.minor())
                                      .arg(line.catalogPrice.minor())});
        }
    }
    if (cart.billDiscountApprovedBy > 0) {
        (void)m_audit.record({grant->userId, cart.billDiscountApprovedBy, record.lane, u"discount_above_limit"_s,
                              u"bill=%1/%2 discount=%3"_s.arg(record.lane).arg(bill->number)
                                  .arg(totals.discount.minor())});
    }
    SaleReceipt receipt{*bill, totals, settlement, record.at};
    Q_EMIT saleCommitted(receipt);
    return receipt;
}

ServiceResult<qint64> CheckoutService::park(const Cart &cart, const QString &label)
{
    ProfileScope scope(u"checkout.park"_s);
    const auto grant = m_authorizer.authorize(m_session, Permission::Sell);
    if (!grant) {
        return grant.error();
    }
    if (cart.isEmpty()) {
        return invalid(tr("There is nothing to park."));
    }
    const auto id = m_parked.park(newSaleUuid(), m_session.lane(), grant->userId, label.trimmed(), cart, m_clock());
    if (!id) {
        return failed(id.error());
    }
    return *id;
}

ServiceResult<QList<ParkedCart>> CheckoutService::parked() const
{
    if (const auto grant = m_authorizer.authorize(m_session, Permission::Sell); !grant) {
        return grant.error();
    }
    auto carts = m_parked.list();
    if (!carts) {
        return failed(carts.error());
    }
    return *carts;
}

ServiceResult<Cart> CheckoutService::recall(qint64 parkedId)
{
    ProfileScope scope(u"checkout.recall"_s);
    if (const auto grant = m_authorizer.authorize(m_session, Permission::Sell); !grant) {
        return grant.error();
    }
    auto parked = m_parked.take(parkedId);
    if (!parked) {
        if (parked.error().kind == DbError::Kind::NotFound) {
            return ServiceError{ServiceError::Code::NotFound,
                                tr("This sale was recalled at another lane already."), {}};
        }
        return failed(parked.error());
    }
    return parked->cart;
}
