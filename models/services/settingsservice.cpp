#include "models/services/settingsservice.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/transaction.h"
#include "models/services/authorizer.h"
#include "models/services/authservice.h"
#include "models/services/session.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
using Keys = SettingsRepository;

struct Range
{
    qint64 min;
    qint64 max;
};

//! Whole numbers only: "12" is a number, "12.5", "12 €" and "" are not.
std::optional<qint64> wholeNumber(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<Range> rangeOf(const QString &key)
{
    static const QHash<QString, Range> ranges{
            {Keys::kCashRoundingMinor, {1, 100000}},
            {Keys::kCashierDiscountLimitBp, {0, 10000}},
            {Keys::kIdleLockMinutes, {0, 240}},
            {AuthService::kMaxAttemptsKey, {1, 99}},
            // Stored in seconds and edited in minutes; no lock at all would make guessing free.
            {AuthService::kLockSecondsKey, {60, 240 * 60}},
    };
    const auto it = ranges.constFind(key);
    return it == ranges.cend() ? std::nullopt : std::optional<Range>(*it);
}

bool isFlag(const QString &key)
{
    return key == Keys::kPricesIncludeTax || key == Keys::kAllowNegativeStock
           || key == Keys::kBlindCounts;
}

constexpr int kDefaultIdleMinutes = 5;
} // namespace

SettingsService::SettingsService(const Database &db, const Session &session,
                                 const Authorizer &authorizer, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
    , m_settings(db)
    , m_audit(db)
{}

QStringList SettingsService::keys()
{
    return {Keys::kStoreName,
            Keys::kStoreAddress,
            Keys::kStoreTaxId,
            Keys::kCurrency,
            Keys::kCurrencySymbol,
            Keys::kPricesIncludeTax,
            Keys::kCashRoundingMinor,
            Keys::kCashierDiscountLimitBp,
            Keys::kAllowNegativeStock,
            Keys::kBlindCounts,
            Keys::kIdleLockMinutes,
            AuthService::kMaxAttemptsKey,
            AuthService::kLockSecondsKey};
}

QHash<QString, QString> SettingsService::defaults()
{
    const AuthService::Policy policy;
    return {
            {Keys::kStoreName, QString()},
            {Keys::kStoreAddress, QString()},
            {Keys::kStoreTaxId, QString()},
            {Keys::kCurrency, u"EUR"_s},
            {Keys::kCurrencySymbol, u"€"_s},
            {Keys::kPricesIncludeTax, u"1"_s},
            {Keys::kCashRoundingMinor, u"1"_s},
            // Every discount needs a manager until the store says otherwise.
            {Keys::kCashierDiscountLimitBp, u"0"_s},
            // Warn rather than block: a sale must not fail because a delivery is not booked yet.
            {Keys::kAllowNegativeStock, u"1"_s},
            {Keys::kBlindCounts, u"0"_s},
            {Keys::kIdleLockMinutes, QString::number(kDefaultIdleMinutes)},
            {AuthService::kMaxAttemptsKey, QString::number(policy.maxAttempts)},
            {AuthService::kLockSecondsKey, QString::number(policy.lockSeconds)},
    };
}

QString SettingsService::label(const QString &key)
{
    static const QHash<QString, const char *> labels{
            {Keys::kStoreName, QT_TR_NOOP("Store name")},
            {Keys::kStoreAddress, QT_TR_NOOP("Address")},
            {Keys::kStoreTaxId, QT_TR_NOOP("Tax number")},
            {Keys::kCurrency, QT_TR_NOOP("Currency code")},
            {Keys::kCurrencySymbol, QT_TR_NOOP("Currency symbol")},
            {Keys::kPricesIncludeTax, QT_TR_NOOP("Prices include tax")},
            {Keys::kCashRoundingMinor, QT_TR_NOOP("Cash rounding step")},
            {Keys::kCashierDiscountLimitBp, QT_TR_NOOP("Cashier discount limit")},
            {Keys::kAllowNegativeStock, QT_TR_NOOP("Selling without stock")},
            {Keys::kBlindCounts, QT_TR_NOOP("Blind counts")},
            {Keys::kIdleLockMinutes, QT_TR_NOOP("Lock after idle minutes")},
            {AuthService::kMaxAttemptsKey, QT_TR_NOOP("Wrong PINs before a lock")},
            {AuthService::kLockSecondsKey, QT_TR_NOOP("Lock duration")},
    };
    const auto it = labels.constFind(key);
    return it == labels.cend() ? key : tr(*it);
}

QString SettingsService::normalized(const QString &key, const QString &value)
{
    const QString trimmed = value.trimmed();
    return key == Keys::kCurrency ? trimmed.toUpper() : trimmed;
}

std::optional<QString> SettingsService::problemWith(const QString &key, const QString &value)
{
    if (!keys().contains(key)) {
        return tr("Till has no setting called \"%1\".").arg(key);
    }
    if (key == Keys::kStoreName) {
        if (value.isEmpty()) {
            return tr("Please enter the store's name; receipts and the sign-in screen show it.");
        }
        if (value.size() > 100) {
            return tr("The store's name can have at most %1 characters.").arg(100);
        }
        return std::nullopt;
    }
    if (key == Keys::kStoreAddress || key == Keys::kStoreTaxId) {
        const int limit = key == Keys::kStoreAddress ? 300 : 40;
        if (value.size() > limit) {
            return tr("%1 can have at most %2 characters.").arg(label(key)).arg(limit);
        }
        return std::nullopt;
    }
    if (key == Keys::kCurrency) {
        static const QRegularExpression isoCode(u"^[A-Z]{3}$"_s);
        if (!isoCode.match(value).hasMatch()) {
            return tr("The currency code has three letters, such as EUR, CHF or USD.");
        }
        return std::nullopt;
    }
    if (key == Keys::kCurrencySymbol) {
        if (value.isEmpty() || value.size() > 8) {
            return tr("The currency symbol has 1 to 8 characters, such as € or Fr.");
        }
        return std::nullopt;
    }
    if (isFlag(key)) {
        if (value != u"0"_s && value != u"1"_s) {
            return tr("%1 is either on or off.").arg(label(key));
        }
        return std::nullopt;
    }
    const std::optional<Range> range = rangeOf(key);
    Q_ASSERT(range);
    const std::optional<qint64> number = wholeNumber(value);
    if (!number || *number < range->min || *number > range->max) {
        const QLocale locale;
        return tr("%1 must be a whole number from %2 to %3.")
                .arg(label(key), locale.toString(range->min), locale.toString(range->max));
    }
    return std::nullopt;
}

ServiceError SettingsService::unavailable(const DbError &error) const
{
    return ServiceError::fromDb(
            error, tr("The settings could not be read or saved. Nothing was changed."));
}

ServiceResult<QHash<QString, QString>> SettingsService::values() const
{
    const auto stored = m_settings.all();
    if (!stored) {
        return unavailable(stored.error());
    }
    QHash<QString, QString> result = defaults();
    for (auto it = stored->cbegin(); it != stored->cend(); ++it) {
        if (result.contains(it.key())) {
            result.insert(it.key(), it.value());
        }
    }
    return result;
}

int SettingsService::idleLockMinutes() const
{
    const auto stored = m_settings.value(Keys::kIdleLockMinutes);
    if (!stored || stored->isEmpty()) {
        return kDefaultIdleMinutes;
    }
    const std::optional<qint64> minutes = wholeNumber(*stored);
    const Range range = *rangeOf(Keys::kIdleLockMinutes);
    if (!minutes || *minutes < range.min || *minutes > range.max) {
        return kDefaultIdleMinutes;
    }
    return int(*minutes);
}

bool SettingsService::blindCounts() const
{
    const auto stored = m_settings.value(Keys::kBlindCounts);
    return stored && *stored == u"1"_s;
}

ServiceStatus SettingsService::save(const QHash<QString, QString> &changes)
{
    ProfileScope scope(u"settings.save"_s);
    const auto grant = m_authorizer.authorize(m_session, Permission::ChangeSettings);
    if (!grant) {
        return grant.error();
    }
    // Every value is checked before anything is written, and all problems are named at
    // once, so the person fixes the form in one go.
    QHash<QString, QString> wanted;
    QStringList problems;
    QStringList sortedKeys = changes.keys();
    std::sort(sortedKeys.begin(), sortedKeys.end());
    for (const QString &key : std::as_const(sortedKeys)) {
        const QString value = normalized(key, changes.value(key));
        if (const auto problem = problemWith(key, value)) {
            problems << *problem;
        } else {
            wanted.insert(key, value);
        }
    }
    if (!problems.isEmpty()) {
        return ServiceError{ServiceError::Code::InvalidInput, problems.join(u'\n'), {}};
    }

    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return unavailable(status.error());
    }
    const auto stored = m_settings.all();
    if (!stored) {
        return unavailable(stored.error());
    }
    const QHash<QString, QString> fallback = defaults();
    QHash<QString, QString> changed;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (stored->value(it.key(), fallback.value(it.key())) != it.value()) {
            changed.insert(it.key(), it.value());
        }
    }
    if (changed.isEmpty()) {
        return Done{};
    }
    QStringList changedKeys = changed.keys();
    std::sort(changedKeys.begin(), changedKeys.end());
    if (DbStatus status = m_settings.setValues(changed); !status) {
        return unavailable(status.error());
    }
    if (DbStatus status
        = m_audit.record({grant->userId, grant->approvedBy, m_session.lane(), u"settings_changed"_s,
                          u"keys=%1"_s.arg(changedKeys.join(u','))});
        !status) {
        return unavailable(status.error());
    }
    if (DbStatus status = tx.commit(); !status) {
        return unavailable(status.error());
    }
    Q_EMIT saved(changedKeys);
    return Done{};
}
