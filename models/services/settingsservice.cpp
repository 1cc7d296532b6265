#include "models/services/settingsservice.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/transaction.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

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
            {Setting::CashRoundingMinor.key, {1, 100000}},
            {Setting::CashierDiscountLimitBp.key, {0, 10000}},
            {Setting::IdleLockMinutes.key, {0, 240}},
            {Setting::MaxSignInAttempts.key, {1, 99}},
            // Stored in seconds and edited in minutes; no lock at all would make guessing free.
            {Setting::SignInLockSeconds.key, {60, 240 * 60}},
    };
    const auto it = ranges.constFind(key);
    return it == ranges.cend() ? std::nullopt : std::optional<Range>(*it);
}

bool isFlag(const QString &key)
{
    return key == Setting::PricesIncludeTax.key || key == Setting::AllowNegativeStock.key
           || key == Setting::BlindCounts.key;
}
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
    QStringList keys;
    for (const SettingKey &setting : Setting::all()) {
        keys << setting.key;
    }
    return keys;
}

QHash<QString, QString> SettingsService::defaults()
{
    return Setting::defaults();
}

QString SettingsService::label(const QString &key)
{
    static const QHash<QString, const char *> labels{
            {Setting::StoreName.key, QT_TR_NOOP("Store name")},
            {Setting::StoreAddress.key, QT_TR_NOOP("Address")},
            {Setting::StoreTaxId.key, QT_TR_NOOP("Tax number")},
            {Setting::Currency.key, QT_TR_NOOP("Currency code")},
            {Setting::CurrencySymbol.key, QT_TR_NOOP("Currency symbol")},
            {Setting::PricesIncludeTax.key, QT_TR_NOOP("Prices include tax")},
            {Setting::CashRoundingMinor.key, QT_TR_NOOP("Cash rounding step")},
            {Setting::CashierDiscountLimitBp.key, QT_TR_NOOP("Cashier discount limit")},
            {Setting::AllowNegativeStock.key, QT_TR_NOOP("Selling without stock")},
            {Setting::BlindCounts.key, QT_TR_NOOP("Blind counts")},
            {Setting::IdleLockMinutes.key, QT_TR_NOOP("Lock after idle minutes")},
            {Setting::MaxSignInAttempts.key, QT_TR_NOOP("Wrong PINs before a lock")},
            {Setting::SignInLockSeconds.key, QT_TR_NOOP("Lock duration")},
    };
    const auto it = labels.constFind(key);
    return it == labels.cend() ? key : tr(*it);
}

QString SettingsService::normalized(const QString &key, const QString &value)
{
    const QString trimmed = value.trimmed();
    return key == Setting::Currency.key ? trimmed.toUpper() : trimmed;
}

std::optional<QString> SettingsService::problemWith(const QString &key, const QString &value)
{
    if (!keys().contains(key)) {
        return tr("Till has no setting called \"%1\".").arg(key);
    }
    if (key == Setting::StoreName.key) {
        if (value.isEmpty()) {
            return tr("Please enter the store's name; receipts and the sign-in screen show it.");
        }
        if (value.size() > 100) {
            return tr("The store's name can have at most %1 characters.").arg(100);
        }
        return std::nullopt;
    }
    if (key == Setting::StoreAddress.key || key == Setting::StoreTaxId.key) {
        const int limit = key == Setting::StoreAddress.key ? 300 : 40;
        if (value.size() > limit) {
            return tr("%1 can have at most %2 characters.").arg(label(key)).arg(limit);
        }
        return std::nullopt;
    }
    if (key == Setting::Currency.key) {
        static const QRegularExpression isoCode(u"^[A-Z]{3}$"_s);
        if (!isoCode.match(value).hasMatch()) {
            return tr("The currency code has three letters, such as EUR, CHF or USD.");
        }
        return std::nullopt;
    }
    if (key == Setting::CurrencySymbol.key) {
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

ServiceResult<QString> SettingsService::value(const Database &db, const SettingKey &setting)
{
    const auto stored = SettingsRepository(db).value(setting);
    if (!stored) {
        return ServiceError::fromDb(
                stored.error(),
                tr("The settings could not be read or saved. Nothing was changed."));
    }
    return *stored;
}

int SettingsService::idleLockMinutes() const
{
    const int fallback = int(Setting::IdleLockMinutes.numberIn({}));
    const auto stored = m_settings.value(Setting::IdleLockMinutes);
    if (!stored || stored->isEmpty()) {
        return fallback;
    }
    const std::optional<qint64> minutes = wholeNumber(*stored);
    const Range range = *rangeOf(Setting::IdleLockMinutes.key);
    if (!minutes || *minutes < range.min || *minutes > range.max) {
        return fallback;
    }
    return int(*minutes);
}

bool SettingsService::blindCounts() const
{
    const auto stored = m_settings.value(Setting::BlindCounts);
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
