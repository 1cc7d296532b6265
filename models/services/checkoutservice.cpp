#include "models/services/checkoutservice.h"

#include "models/db/conversionratecache.h"
#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/domain/quantity.h"
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
{}

ServiceError CheckoutService::failed(const DbError &error) const
{
    switch (error.kind) {
    case DbError::Kind::Constraint:
        return ServiceError::fromDb(error,
                                    tr("The database refused this sale because it breaks one "
                                       "of its rules, so nothing was sold. The sale is still "
                                       "on screen; please show the details to whoever looks "
                                       "after your tills."));
    case DbError::Kind::Conflict:
        return ServiceError::fromDb(error, tr("Another till changed the same products at the same "
                                              "moment, so nothing was sold. The sale is still on "
                                              "screen; please try again."));
    case DbError::Kind::ConnectionFailed:
        return ServiceError::fromDb(error,
                                    tr("The till cannot reach its database, so nothing was "
                                       "saved. The sale is still on screen; please try again."));
    case DbError::Kind::Timeout:
        // The server may still finish what it was sent; the sale's uuid keeps a retry honest.
        return ServiceError{ServiceError::Code::Unavailable,
                            tr("The database did not answer in time, so Till stopped waiting and "
                               "cannot tell yet whether the sale was saved. It is still on screen: "
                               "try again when the database answers. If it was saved, Till finds "
                               "it and does not save it twice."),
                            error.details};
    default:
        return ServiceError::fromDb(error,
                                    tr("The database could not save this. The sale is still on "
                                       "screen; please try again, and show the details to "
                                       "whoever looks after your tills if it keeps failing."));
    }
}

QString CheckoutService::newSaleUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

SaleRules SaleRules::fromSettings(const QHash<QString, QString> &values)
{
    SaleRules rules;
    rules.pricesIncludeTax = Setting::PricesIncludeTax.isOnIn(values);
    rules.cashRoundingStep = std::max<qint64>(1, Setting::CashRoundingMinor.numberIn(values));
    rules.cashierDiscountLimitBp = Setting::CashierDiscountLimitBp.numberIn(values);
    rules.allowNegativeStock = Setting::AllowNegativeStock.isOnIn(values);
    rules.currencySymbol = Setting::CurrencySymbol.valueIn(values);
    rules.currencyCode = Setting::Currency.valueIn(values);
    return rules;
}

ServiceStatus CheckoutService::loadRules()
{
    const auto values = SettingsRepository(m_db).all();
    if (!values) {
        return failed(values.error());
    }
    m_rules = SaleRules::fromSettings(*values);
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
    changed.priceApproval = {};
    return changed;
}

qsizetype CheckoutService::addToCart(Cart &cart, const CartLine &line)
{
    for (qsizetype i = 0; i < cart.lines.size(); ++i) {
        CartLine &existing = cart.lines[i];
        if (existing.unitId == line.unitId && existing.unitPrice == line.unitPrice
            && existing.discount == line.discount
            && existing.quantity <= Quantity::kMaxUnitsPerLine - line.quantity) {
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
    if (quantity > Quantity::kMaxUnitsPerLine) {
        return invalid(tr("At most %L1 can be sold on one line.").arg(Quantity::kMaxUnitsPerLine));
    }
    if (code.isEmpty()) {
        return invalid(tr("Scan a barcode or type it and press Enter."));
    }
    const auto found = m_cache.scan(code);
    if (!found) {
        return failed(found.error());
    }
    if (!found->has_value()) {
        return ServiceError{
                ServiceError::Code::NotFound, tr("No product has the barcode %1.").arg(code), {}};
    }
    const ScannedUnit &scanned = **found;
    if (!scanned.product.active || !scanned.unit.active) {
        return ServiceError{ServiceError::Code::NotFound,
                            tr("%1 is no longer sold.").arg(scanned.product.name),
                            {}};
    }
    const CartLine line = lineFor(scanned.product, scanned.unit, quantity);
    if (!line.hasValidQuantity()) {
        // Only a catalogue from before the pack size had its bound can hold such a unit.
        return invalid(tr("The unit \"%1\" of %2 holds more than %L3 base units; correct its "
                          "size in the catalogue first.")
                               .arg(scanned.unit.name, scanned.product.name)
                               .arg(Quantity::kMaxBasePerUnit));
    }
    return line;
}

QString CheckoutService::money(Money amount) const
{
    return amount.toString(QLocale(), m_rules.currencySymbol);
}

bool CheckoutService::isAboveLimit(const Discount &discount, Money gross) const
{
    if (discount.isNone()) {
        return false;
    }
    // Measured as a share of what it is taken off.
    const qint64 shareBp
            = discount.kind == Discount::Kind::Percent
                      ? discount.value
                      : (gross.minor() > 0
                                 ? roundedDiv(discount.value, 10000, gross.minor()).value_or(10000)
                                 : 10000);
    return shareBp > m_rules.cashierDiscountLimitBp;
}

ServiceResult<Approval> CheckoutService::authorizeDiscount(const Discount &discount, Money gross,
                                                           const Approval &approval)
{
    if (discount.isNone()) {
        return Approval();
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
    if (!isAboveLimit(discount, gross)) {
        if (const auto grant = m_authorizer.authorize(m_session, Permission::Sell); !grant) {
            return grant.error();
        }
        return Approval();
    }
    const auto grant = m_authorizer.check(m_session, Permission::DiscountAboveLimit, approval);
    if (!grant) {
        return grant.error();
    }
    return grant->approvedBy > 0 ? approval : Approval();
}

ServiceResult<Approval> CheckoutService::authorizePriceOverride(Money newPrice,
                                                                const Approval &approval)
{
    if (!newPrice.isValid() || newPrice.isNegative()) {
        return invalid(tr("A price cannot be negative."));
    }
    const auto grant = m_authorizer.check(m_session, Permission::OverridePrice, approval);
    if (!grant) {
        return grant.error();
    }
    return grant->approvedBy > 0 ? approval : Approval();
}

ServiceStatus CheckoutService::checkApprovals(const Cart &cart, const CartTotals &totals,
                                              SaleRecord &record, QList<Approval> &toUse) const
{
    // Each approval is good for one thing: the same one twice in a cart is refused.
    const auto take = [&](Permission permission, const Approval &approval,
                          const QString &what) -> ServiceResult<qint64> {
        if (approval.isGranted() && toUse.contains(approval)) {
            return ServiceError{
                    ServiceError::Code::PermissionDenied,
                    tr("One manager's approval cannot cover two things (%1). Please ask "
                       "again.")
                            .arg(what),
                    {}};
        }
        const auto grant = m_authorizer.check(m_session, permission, approval);
        if (!grant) {
            ServiceError error = grant.error();
            error.message = tr("%1 needs a manager's approval. Nothing was sold.").arg(what);
            return error;
        }
        if (grant->approvedBy > 0) {
            toUse.append(approval);
        }
        return grant->approvedBy;
    };
    for (qsizetype i = 0; i < cart.lines.size(); ++i) {
        const CartLine &line = cart.lines.at(i);
        if (line.isPriceOverridden()) {
            const auto approver = take(Permission::OverridePrice, line.priceApproval,
                                       tr("The price of %1").arg(line.productName));
            if (!approver) {
                return approver.error();
            }
            record.audits.append({u"price_override"_s, *approver,
                                  u"sku=%1 price=%2 catalog=%3"_s.arg(line.sku)
                                          .arg(line.unitPrice.minor())
                                          .arg(line.catalogPrice.minor())});
        }
        const PricedLine &priced = totals.lines.at(i);
        if (isAboveLimit(line.discount, priced.gross)) {
            const auto approver = take(Permission::DiscountAboveLimit, line.discountApproval,
                                       tr("The discount of %1 on %2")
                                               .arg(money(priced.lineDiscount), line.productName));
            if (!approver) {
                return approver.error();
            }
            record.audits.append(
                    {u"discount_above_limit"_s, *approver,
                     u"sku=%1 discount=%2"_s.arg(line.sku).arg(priced.lineDiscount.minor())});
        }
    }
    const Money billDiscount = totals.billDiscount();
    if (isAboveLimit(cart.billDiscount, totals.beforeBillDiscount())) {
        const auto approver = take(Permission::DiscountAboveLimit, cart.billDiscountApproval,
                                   tr("The discount of %1 on the bill").arg(money(billDiscount)));
        if (!approver) {
            return approver.error();
        }
        record.audits.append({u"discount_above_limit"_s, *approver,
                              u"bill_discount=%1"_s.arg(billDiscount.minor())});
    }
    for (const SaleRecord::Audit &audit : std::as_const(record.audits)) {
        if (audit.approvedBy > 0) {
            record.approvedBy = audit.approvedBy;
            break;
        }
    }
    return Done{};
}

ServiceResult<CheckoutService::Review> CheckoutService::review(const Cart &input) const
{
    Review review{input, {}};
    if (input.isEmpty()) {
        return review;
    }
    QList<qint64> unitIds;
    for (const CartLine &line : input.lines) {
        unitIds.append(line.unitId);
    }
    const auto units = m_sales.catalogueUnits(unitIds);
    if (!units) {
        return failed(units.error());
    }
    Cart &cart = review.cart;
    cart.lines.clear();
    for (const CartLine &original : input.lines) {
        const auto found = units->constFind(original.unitId);
        if (found == units->cend() || !found->active || found->productId != original.productId) {
            review.changes << tr("%1 is no longer sold and was taken off the sale.")
                                      .arg(original.productName);
            continue;
        }
        const CatalogueUnit &unit = *found;
        CartLine line = original;
        line.sku = unit.sku;
        line.productName = unit.productName;
        line.unitName = unit.unitName;
        line.basePerUnit = unit.basePerUnit;
        line.taxRateBp = unit.taxRateBp;
        if (original.isPriceOverridden() && !original.priceApproval.isGranted()
            && !m_authorizer.can(m_session, Permission::OverridePrice)) {
            line.unitPrice = unit.price;
            review.changes << tr("%1 is back at the catalogue price of %2: the price of %3 needs a "
                                 "manager's approval again.")
                                      .arg(line.productName, money(unit.price),
                                           money(original.unitPrice));
        } else if (!original.isPriceOverridden() && original.unitPrice != unit.price) {
            line.unitPrice = unit.price;
            review.changes << tr("%1 now costs %2 (it was %3).")
                                      .arg(line.productName, money(unit.price),
                                           money(original.unitPrice));
        }
        line.catalogPrice = unit.price;
        if (!line.isPriceOverridden()) {
            line.priceApproval = {};
        }
        if (!line.discountApproval.isGranted()
            && !m_authorizer.can(m_session, Permission::DiscountAboveLimit)
            && isAboveLimit(line.discount, line.unitPrice.times(line.quantity))) {
            line.discount = {};
            review.changes
                    << tr("The discount on %1 needs a manager's approval again and was taken off.")
                               .arg(line.productName);
        }
        cart.lines.append(line);
    }
    if (!cart.billDiscountApproval.isGranted()
        && !m_authorizer.can(m_session, Permission::DiscountAboveLimit)) {
        if (isAboveLimit(cart.billDiscount, Pricing::price(cart).beforeBillDiscount())) {
            cart.billDiscount = {};
            review.changes << tr(
                    "The discount on the bill needs a manager's approval again and was taken off.");
        }
    }
    return review;
}

ServiceStatus CheckoutService::recordVoid(const CartLine &line, const Approval &approval)
{
    const auto grant = m_authorizer.authorize(m_session, Permission::VoidLine, approval);
    if (!grant) {
        return grant.error();
    }
    if (DbStatus status
        = m_audit.record({grant->userId, grant->approvedBy, m_session.lane(), u"line_voided"_s,
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
    if (DbStatus status
        = m_audit.record({grant->userId, grant->approvedBy, m_session.lane(), u"sale_cleared"_s,
                          u"lines=%1 total=%2"_s.arg(cart.lines.size()).arg(totals.total.minor())});
        !status) {
        return failed(status.error());
    }
    return Done{};
}

ServiceResult<CartTotals> CheckoutService::priceForCommit(Cart &cart) const
{
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
    return totals;
}

ServiceResult<Settlement> CheckoutService::settle(Money total, const QList<Tender> &tenders) const
{
    const Settlement settlement = Settlement::settle(total, tenders, m_rules.cashRoundingStep);
    switch (settlement.problem) {
    case Settlement::Problem::None:
        break;
    case Settlement::Problem::Unpaid:
        return invalid(tr("%1 is still to pay.").arg(money(settlement.remaining)));
    case Settlement::Problem::CardOverpaid:
        return invalid(tr("A card cannot pay more than the total; take the rest in cash."));
    case Settlement::Problem::InvalidAmount:
        return invalid(tr("A payment amount is not valid."));
    }
    return settlement;
}

SaleRecord CheckoutService::saleRecord(const QString &uuid, qint64 cashierId,
                                       const CartTotals &totals, const Settlement &settlement) const
{
    SaleRecord record;
    record.uuid = uuid;
    record.lane = m_session.lane();
    record.cashierId = cashierId;
    record.at = m_clock();
    record.subtotal = totals.subtotal;
    record.discount = totals.discount;
    record.tax = totals.tax;
    record.rounding = settlement.rounding;
    record.total = settlement.due;
    record.allowNegativeStock = m_rules.allowNegativeStock;
    return record;
}

void CheckoutService::addLinesAndPayments(SaleRecord &record, const Cart &cart,
                                          const CartTotals &totals, const Settlement &settlement)
{
    for (qsizetype i = 0; i < cart.lines.size(); ++i) {
        const CartLine &line = cart.lines.at(i);
        const PricedLine &priced = totals.lines.at(i);
        SaleRecord::Line written{line.productId,      line.unitId,    line.quantity,
                                 line.baseQuantity(), line.unitPrice, priced.discount(),
                                 line.taxRateBp,      priced.tax,     priced.total};
        written.priceOverridden = line.isPriceOverridden();
        record.lines.append(written);
    }
    for (const SettledPayment &payment : settlement.payments) {
        record.payments.append({Tender::toString(payment.method), payment.amount, payment.tendered,
                                payment.change, payment.reference});
    }
}

ServiceResult<CommittedBill> CheckoutService::writeSale(const SaleRecord &record)
{
    auto bill = m_sales.commit(record);
    if (!bill && bill.error().kind == DbError::Kind::ConnectionFailed) {
        // The reply may have been lost after the server committed; the same uuid makes the
        // retry find that bill instead of writing a second one.
        if (DbStatus reopened = m_db.reconnect(); reopened) {
            bill = m_sales.commit(record);
        } else {
            bill = reopened.error();
        }
        if (!bill && bill.error().kind == DbError::Kind::ConnectionFailed) {
            // The first attempt may have been written before its reply was lost.
            return ServiceError{ServiceError::Code::Unavailable,
                                tr("The connection to the database was lost while the sale was "
                                   "being saved, so Till cannot tell yet whether it was. The sale "
                                   "is still on screen: try again when the database is back. If "
                                   "it was saved, Till finds it and does not save it twice."),
                                bill.error().details};
        }
    }
    if (!bill) {
        return commitFailed(bill.error(), record.lane);
    }
    return *bill;
}

ServiceError CheckoutService::commitFailed(const DbError &error, const QString &lane) const
{
    if (SaleRepository::isStockShort(error)) {
        return ServiceError{ServiceError::Code::Conflict,
                            tr("Not enough stock of %1. Nothing was sold.")
                                    .arg(QLocale().createSeparatedList(error.details.split(u'\n'))),
                            error.details};
    }
    if (SaleRepository::isCatalogueChanged(error)) {
        return ServiceError{ServiceError::Code::Conflict,
                            tr("The catalogue changed while this sale was open. Nothing was sold; "
                               "please check the lines and take the payment again."),
                            error.details};
    }
    if (error.kind == DbError::Kind::NotFound) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("No shift is open at lane %1. Open a shift to sell.").arg(lane),
                            error.details};
    }
    return failed(error);
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
    const auto totals = priceForCommit(cart);
    if (!totals) {
        return totals.error();
    }
    const auto settlement = settle(totals->total, tenders);
    if (!settlement) {
        return settlement.error();
    }
    SaleRecord record = saleRecord(uuid, grant->userId, *totals, *settlement);
    // What needs a manager is checked here, against approvals the cart carries; the
    // statement then checks every line against the catalogue.
    QList<Approval> approvals;
    if (ServiceStatus approved = checkApprovals(cart, *totals, record, approvals); !approved) {
        return approved.error();
    }
    addLinesAndPayments(record, cart, *totals, *settlement);

    const auto bill = writeSale(record);
    if (!bill) {
        return bill.error();
    }
    for (const Approval &approval : std::as_const(approvals)) {
        Authorizer::use(approval);
    }
    SaleReceipt receipt{*bill, *totals, *settlement, record.at};
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
    const auto id = m_parked.park(newSaleUuid(), m_session.lane(), grant->userId, label.trimmed(),
                                  cart, m_clock());
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
                                tr("This sale was recalled at another lane already."),
                                {}};
        }
        return failed(parked.error());
    }
    return parked->cart;
}
