#include "models/domain/permissions.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

struct Row
{
    Permission permission;
    Role role;
    const char16_t *key;
    const char *name; // translated in the "Permissions" context
};

// The table. Change a role here and every service and screen follows.
constexpr Row kTable[] = {
        {Permission::Sell, Role::Cashier, u"sell", QT_TRANSLATE_NOOP("Permissions", "Sell")},
        {Permission::VoidLine, Role::Cashier, u"void_line",
         QT_TRANSLATE_NOOP("Permissions", "Void a line")},
        {Permission::ClearSale, Role::Cashier, u"clear_sale",
         QT_TRANSLATE_NOOP("Permissions", "Clear a sale")},
        {Permission::DiscountAboveLimit, Role::Manager, u"discount_above_limit",
         QT_TRANSLATE_NOOP("Permissions", "Give a discount above the cashier limit")},
        {Permission::OverridePrice, Role::Manager, u"override_price",
         QT_TRANSLATE_NOOP("Permissions", "Override a price")},
        {Permission::Refund, Role::Manager, u"refund",
         QT_TRANSLATE_NOOP("Permissions", "Take a refund")},
        {Permission::OpenDrawer, Role::Manager, u"open_drawer",
         QT_TRANSLATE_NOOP("Permissions", "Open the drawer without a sale")},
        {Permission::CashInOut, Role::Manager, u"cash_in_out",
         QT_TRANSLATE_NOOP("Permissions", "Put cash in or take cash out")},
        {Permission::CloseShift, Role::Cashier, u"close_shift",
         QT_TRANSLATE_NOOP("Permissions", "Close a shift")},
        {Permission::PrintZReport, Role::Manager, u"print_z_report",
         QT_TRANSLATE_NOOP("Permissions", "Print a Z report")},
        {Permission::EditCatalogue, Role::Manager, u"edit_catalogue",
         QT_TRANSLATE_NOOP("Permissions", "Edit the catalogue")},
        {Permission::AdjustStock, Role::Manager, u"adjust_stock",
         QT_TRANSLATE_NOOP("Permissions", "Adjust stock")},
        {Permission::Import, Role::Manager, u"import",
         QT_TRANSLATE_NOOP("Permissions", "Import data")},
        {Permission::SeeReports, Role::Manager, u"see_reports",
         QT_TRANSLATE_NOOP("Permissions", "See reports")},
        {Permission::ManageUsers, Role::Manager, u"manage_users",
         QT_TRANSLATE_NOOP("Permissions", "Manage users")},
        {Permission::ChangeSettings, Role::Admin, u"change_settings",
         QT_TRANSLATE_NOOP("Permissions", "Change settings")},
        {Permission::ViewAudit, Role::Manager, u"view_audit",
         QT_TRANSLATE_NOOP("Permissions", "Read the audit log")},
};

const Row &rowOf(Permission permission)
{
    for (const Row &row : kTable) {
        if (row.permission == permission) {
            return row;
        }
    }
    Q_UNREACHABLE();
}

} // namespace

namespace Permissions {

QList<Permission> all()
{
    QList<Permission> result;
    for (const Row &row : kTable) {
        result.append(row.permission);
    }
    return result;
}

Role requiredRole(Permission permission)
{
    return rowOf(permission).role;
}

bool allows(Role role, Permission permission)
{
    return Roles::atLeast(role, requiredRole(permission));
}

QString key(Permission permission)
{
    return QString::fromUtf16(rowOf(permission).key);
}

std::optional<Permission> fromKey(const QString &key)
{
    for (const Row &row : kTable) {
        if (key == QStringView(row.key)) {
            return row.permission;
        }
    }
    return std::nullopt;
}

QString displayName(Permission permission)
{
    return QCoreApplication::translate("Permissions", rowOf(permission).name);
}

} // namespace Permissions
