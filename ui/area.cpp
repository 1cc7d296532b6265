#include "ui/area.h"

using namespace Qt::StringLiterals;

QList<AreaInfo> AreaInfo::all()
{
    // Refunds and Products are open to every signed-in user: a cashier looks products up
    // and starts a refund, which then asks for a manager's approval.
    return {
        {Area::Checkout, u"checkout"_s, tr("Checkout"),
            tr("Scan or find products, take payment and hand over the receipt."),
            {u"accessories-calculator"_s}, QStyle::SP_DialogApplyButton, Permission::Sell},
        {Area::Refunds, u"refunds"_s, tr("Refunds"),
            tr("Find a bill by its number and take back some or all of its items."),
            {u"edit-undo"_s}, QStyle::SP_ArrowBack, std::nullopt},
        {Area::Products, u"products"_s, tr("Products"),
            tr("Look up products with their packs, barcodes, prices and taxes."),
            {u"system-search"_s, u"edit-find"_s}, QStyle::SP_FileDialogContentsView, std::nullopt},
        {Area::Stock, u"stock"_s, tr("Stock"),
            tr("See what is on the shelves, book deliveries and correct counts."),
            {u"emblem-package"_s, u"package-x-generic"_s}, QStyle::SP_DirIcon,
            Permission::AdjustStock},
        {Area::Reports, u"reports"_s, tr("Reports"),
            tr("Sales, taxes, refunds and cash for a shift, a day or any period."),
            {u"x-office-spreadsheet"_s, u"office-chart-bar"_s}, QStyle::SP_FileDialogDetailedView,
            Permission::SeeReports},
        {Area::Users, u"users"_s, tr("Users"),
            tr("Add cashiers and managers, reset PINs and unlock users."), {u"system-users"_s},
            QStyle::SP_DirHomeIcon, Permission::ManageUsers},
        {Area::Settings, u"settings"_s, tr("Settings"),
            tr("The store's name, currency, taxes and receipts, and this till's lane."),
            {u"preferences-system"_s, u"configure"_s}, QStyle::SP_ComputerIcon,
            Permission::ChangeSettings},
    };
}
