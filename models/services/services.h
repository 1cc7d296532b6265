#pragma once

#include "models/db/conversionratecache.h"
#include "models/services/auditservice.h"
#include "models/services/authorizer.h"
#include "models/services/authservice.h"
#include "models/services/cataloguecsv.h"
#include "models/services/catalogueservice.h"
#include "models/services/checkoutservice.h"
#include "models/services/diagnosticsservice.h"
#include "models/services/inventoryservice.h"
#include "models/services/receiptprinter.h"
#include "models/services/receiptservice.h"
#include "models/services/refundservice.h"
#include "models/services/reportservice.h"
#include "models/services/session.h"
#include "models/services/settingsservice.h"
#include "models/services/shiftservice.h"
#include "models/services/userservice.h"

class Database;

/*!
 * Everything a till runs on, built once at start-up in the order they depend on each
 * other and handed to the windows as one object. It lives on the GUI thread (the
 * conversion-rate cache must); services that run on a worker take the worker's
 * connection from the Database themselves.
 */
class Services
{
public:
    Services(const Database &db, const QString &lane);
    Services(const Services &) = delete;
    Services &operator=(const Services &) = delete;

    //! The database for the status bar: "SQLite /path/till.db", "PostgreSQL till@db:5432/till".
    QString databaseDescription() const;
    //! Where the data lives, as a URL without the password.
    QString databaseLocation() const;

    const Database &db;
    Session session;
    AuthService auth;
    Authorizer authorizer;
    ConversionRateCache cache;
    CatalogueService catalogue;
    CatalogueCsv catalogueCsv;
    InventoryService inventory;
    ShiftService shifts;
    CheckoutService checkout;
    ReceiptService receipts;
    RefundService refunds;
    ReportService reports;
    ReceiptPrinter printer;
    UserService users;
    AuditService audit;
    SettingsService settings;
    DiagnosticsService diagnostics;
};
