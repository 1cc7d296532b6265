#pragma once

#include "models/domain/user.h"

#include <QList>
#include <QString>

#include <optional>

//! Everything at a till that not everybody may do. Services check these themselves.
enum class Permission {
    Sell,
    VoidLine,
    ClearSale,
    DiscountAboveLimit,
    OverridePrice,
    Refund,
    OpenDrawer, //!< open the cash drawer without a sale
    CashInOut,
    CloseShift,
    PrintZReport,
    EditCatalogue,
    AdjustStock,
    Import,
    SeeReports,
    ManageUsers,
    ChangeSettings,
    ViewAudit,
};

/*!
 * The one table of who may do what. A role may do what its own row allows and
 * everything a lower role may do (cashier < manager < admin).
 */
namespace Permissions {

QList<Permission> all();
//! The lowest role that may do it without anybody's approval.
Role requiredRole(Permission permission);
bool allows(Role role, Permission permission);
//! A stable key for logs and the audit table: "refund", "override_price".
QString key(Permission permission);
std::optional<Permission> fromKey(const QString &key);
//! What a person reads: "Take a refund".
QString displayName(Permission permission);

} // namespace Permissions
