#pragma once

#include <QHash>
#include <QList>
#include <QString>

/*!
 * One store-wide setting: the key it is stored under and the value a store that never saved
 * it gets. Every reader takes both from here, so the screen that shows a setting and the rule
 * that applies it cannot disagree about a new store.
 */
struct SettingKey
{
    QString key;
    QString defaultValue;

    //! The value in values (a store's settings), or the default when it holds none.
    QString valueIn(const QHash<QString, QString> &values) const
    {
        return values.value(key, defaultValue);
    }
    //! As a whole number; a flag is "1" or "0".
    qint64 numberIn(const QHash<QString, QString> &values) const
    {
        return valueIn(values).toLongLong();
    }
    //! A flag is on unless it says "0".
    bool isOnIn(const QHash<QString, QString> &values) const
    {
        return valueIn(values) != QStringLiteral("0");
    }
};

/*!
 * The store-wide settings kept in the database (every lane sees the same). Per-till
 * settings (which lane this is, where the database is) live in QSettings instead.
 */
namespace Setting {

inline const SettingKey StoreName{QStringLiteral("store.name"), QString()};
inline const SettingKey StoreAddress{QStringLiteral("store.address"), QString()};
inline const SettingKey StoreTaxId{QStringLiteral("store.tax_id"), QString()};
//! ISO 4217: which notes and coins the drawer holds.
inline const SettingKey Currency{QStringLiteral("store.currency"), QStringLiteral("EUR")};
inline const SettingKey CurrencySymbol{QStringLiteral("store.currency_symbol"),
                                       QStringLiteral("€")};
//! "1": shelf prices include tax; "0": tax is added at the till.
inline const SettingKey PricesIncludeTax{QStringLiteral("prices.include_tax"), QStringLiteral("1")};
//! Cash totals round to this many minor units; "1" does not round.
inline const SettingKey CashRoundingMinor{QStringLiteral("cash.rounding_minor"),
                                          QStringLiteral("1")};
//! The discount a cashier gives alone, in basis points. A new store needs a manager for
//! every discount until it says otherwise.
inline const SettingKey CashierDiscountLimitBp{QStringLiteral("discount.cashier_limit_bp"),
                                               QStringLiteral("0")};
//! Warn rather than block by default: a sale must not fail because a delivery is not booked.
inline const SettingKey AllowNegativeStock{QStringLiteral("stock.allow_negative"),
                                           QStringLiteral("1")};
//! "1": stocktakes and the drawer count at closing are blind (the expected figure shows
//! only once the count is in); "0" shows it while counting.
inline const SettingKey BlindCounts{QStringLiteral("count.blind"), QStringLiteral("0")};
//! Minutes without input before the till locks itself; "0" never locks.
inline const SettingKey IdleLockMinutes{QStringLiteral("lock.idle_minutes"), QStringLiteral("5")};
//! Wrong PINs in a row before a user is locked out for SignInLockSeconds.
inline const SettingKey MaxSignInAttempts{QStringLiteral("auth.max_attempts"), QStringLiteral("5")};
inline const SettingKey SignInLockSeconds{QStringLiteral("auth.lock_seconds"),
                                          QStringLiteral("300")};

//! Every setting, in the order a form shows them.
QList<SettingKey> all();
//! Every key with its default: what a store that never saved a setting gets.
QHash<QString, QString> defaults();

} // namespace Setting
