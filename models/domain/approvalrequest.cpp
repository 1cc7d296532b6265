#include "models/domain/approvalrequest.h"

#include "models/domain/cart.h"
#include "models/domain/percent.h"

#include <QLocale>

namespace {

QString money(Money amount, const QString &currencySymbol)
{
    return amount.toString(QLocale(), currencySymbol);
}

} // namespace

QString ApprovalRequest::text() const
{
    if (why.isEmpty()) {
        return what;
    }
    return tr("%1: %2", "what is approved: why a manager is needed").arg(what, why);
}

QString ApprovalRequest::roleReason(Permission permission)
{
    switch (permission) {
    case Permission::VoidLine:
        return tr("cashiers may not void items");
    case Permission::ClearSale:
        return tr("cashiers may not clear a sale");
    case Permission::DiscountAboveLimit:
        return tr("cashiers may not give a discount this large");
    case Permission::OverridePrice:
        return tr("cashiers may not change prices");
    case Permission::Refund:
        return tr("cashiers may not give refunds");
    case Permission::OpenDrawer:
        return tr("cashiers may not open the drawer without a sale");
    case Permission::CashInOut:
        return tr("cashiers may not put cash in or take it out");
    case Permission::CloseShift:
        return tr("only a manager closes a shift");
    case Permission::ChangeSettings:
        return tr("only a manager changes settings");
    default:
        return tr("this needs a %1", "a role: 'this needs a Manager'")
                .arg(Roles::displayName(Permissions::requiredRole(permission)));
    }
}

ApprovalRequest ApprovalRequest::generic(Permission permission)
{
    return {permission, Permissions::displayName(permission), roleReason(permission)};
}

ApprovalRequest ApprovalRequest::discount(const Discount &discount, Money gross,
                                          const QString &subject, qint64 cashierLimitBp,
                                          const QString &currencySymbol)
{
    const QLocale locale;
    const Money off = discount.of(gross);
    const QString amount = discount.kind == Discount::Kind::Percent
                                   ? tr("%1 (%2)", "discount: percent (amount)")
                                             .arg(Percent::toString(discount.value, locale),
                                                  money(off, currencySymbol))
                                   : money(off, currencySymbol);
    return {Permission::DiscountAboveLimit,
            tr("Discount %1 on %2", "Discount 50 % (5.20 €) on Cola").arg(amount, subject),
            tr("above the cashier limit of %1").arg(Percent::toString(cashierLimitBp, locale))};
}

ApprovalRequest ApprovalRequest::priceOverride(const QString &productName, Money price,
                                               Money catalogue, const QString &currencySymbol)
{
    return {Permission::OverridePrice,
            tr("Price %1 for %2 (catalogue %3)")
                    .arg(money(price, currencySymbol), productName,
                         money(catalogue, currencySymbol)),
            roleReason(Permission::OverridePrice)};
}

ApprovalRequest ApprovalRequest::voidLine(qint64 quantity, const QString &productName, Money amount,
                                          const QString &currencySymbol)
{
    return {Permission::VoidLine,
            tr("Void %1 × %2 (%3)")
                    .arg(QLocale().toString(quantity), productName, money(amount, currencySymbol)),
            roleReason(Permission::VoidLine)};
}

ApprovalRequest ApprovalRequest::clearSale(qint64 items, Money total, const QString &currencySymbol)
{
    return {Permission::ClearSale,
            tr("Clear the sale of %n item(s) (%1)", nullptr, int(items))
                    .arg(money(total, currencySymbol)),
            roleReason(Permission::ClearSale)};
}

ApprovalRequest ApprovalRequest::cashIn(Money amount, const QString &reason,
                                        const QString &currencySymbol)
{
    return {Permission::CashInOut,
            tr("Put %1 into the drawer (%2)").arg(money(amount, currencySymbol), reason),
            roleReason(Permission::CashInOut)};
}

ApprovalRequest ApprovalRequest::cashOut(Money amount, const QString &reason,
                                         const QString &currencySymbol)
{
    return {Permission::CashInOut,
            tr("Take %1 out of the drawer (%2)").arg(money(amount, currencySymbol), reason),
            roleReason(Permission::CashInOut)};
}

ApprovalRequest ApprovalRequest::openDrawer(const QString &reason)
{
    return {Permission::OpenDrawer, tr("Open the drawer without a sale (%1)").arg(reason),
            roleReason(Permission::OpenDrawer)};
}

ApprovalRequest ApprovalRequest::closeShift(Money counted, const QString &currencySymbol)
{
    return {Permission::CloseShift,
            tr("Close the shift with %1 counted in the drawer").arg(money(counted, currencySymbol)),
            roleReason(Permission::CloseShift)};
}

ApprovalRequest ApprovalRequest::refund(Money amount, const QString &billCode,
                                        const QString &currencySymbol)
{
    return {Permission::Refund,
            tr("Refund %1 of bill %2").arg(money(amount, currencySymbol), billCode),
            roleReason(Permission::Refund)};
}

ApprovalRequest ApprovalRequest::printerSettings()
{
    return {Permission::ChangeSettings, tr("Change this till's receipt printer"),
            roleReason(Permission::ChangeSettings)};
}
