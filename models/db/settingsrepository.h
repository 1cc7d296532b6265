#pragma once

#include "models/db/dberror.h"

#include <QHash>
#include <QString>

class Database;

/*!
 * Store-wide settings kept in the database (every lane sees the same): the store's name,
 * currency, tax mode, cash rounding and limits. Per-till settings (which lane this is,
 * where the database is) live in QSettings instead.
 */
class SettingsRepository
{
public:
    explicit SettingsRepository(const Database &db)
        : m_db(db)
    {}

    //! Keys in use, with their meaning.
    static inline const QString kStoreName = QStringLiteral("store.name");
    static inline const QString kStoreAddress = QStringLiteral("store.address");
    static inline const QString kStoreTaxId = QStringLiteral("store.tax_id");
    static inline const QString kCurrency = QStringLiteral("store.currency"); //!< ISO 4217
    static inline const QString kCurrencySymbol = QStringLiteral("store.currency_symbol");
    static inline const QString kPricesIncludeTax
            = QStringLiteral("prices.include_tax"); //!< "1"/"0"
    static inline const QString kCashRoundingMinor = QStringLiteral("cash.rounding_minor");
    static inline const QString kCashierDiscountLimitBp
            = QStringLiteral("discount.cashier_limit_bp");
    static inline const QString kAllowNegativeStock = QStringLiteral("stock.allow_negative");
    //! Minutes without input before the till locks itself; "0" never locks.
    static inline const QString kIdleLockMinutes = QStringLiteral("lock.idle_minutes");
    //! "1": stocktakes and the drawer count at closing are blind (the expected figure shows
    //! only once the count is in); "0" shows it while counting.
    static inline const QString kBlindCounts = QStringLiteral("count.blind");

    DbResult<QHash<QString, QString>> all() const;
    DbResult<QString> value(const QString &key, const QString &fallback = {}) const;
    //! Inserts or replaces, in one statement.
    DbStatus setValue(const QString &key, const QString &value) const;
    //! Inserts or replaces all of them in one statement, whatever their number.
    DbStatus setValues(const QHash<QString, QString> &values) const;

private:
    const Database &m_db;
};
