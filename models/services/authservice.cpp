#include "models/services/authservice.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

AuthService::AuthService(const Database &db, QString lane, Policy policy)
    : m_db(db)
    , m_lane(std::move(lane))
    , m_policy(policy)
    , m_users(db)
    , m_audit(db)
{}

AuthService::Policy AuthService::Policy::fromSettings(const Database &db)
{
    Policy policy;
    const SettingsRepository settings(db);
    if (const auto attempts = settings.value(Setting::MaxSignInAttempts.key);
        attempts && attempts->toInt() > 0) {
        policy.maxAttempts = attempts->toInt();
    }
    if (const auto seconds = settings.value(Setting::SignInLockSeconds.key);
        seconds && seconds->toInt() > 0) {
        policy.lockSeconds = seconds->toInt();
    }
    return policy;
}

AuthService::SignInResult AuthService::signIn(const QString &login, const QString &pin,
                                              const std::optional<User> &replacing)
{
    ProfileScope scope(u"auth.sign_in"_s);
    SignInResult result = verify(login, pin);
    if (result.ok()) {
        if (replacing && replacing->id != result.user->id) {
            (void)signOut(*replacing,
                          u"reason=replaced_after_lock next=%1"_s.arg(result.user->login));
        }
        (void)m_audit.record({result.user->id, 0, m_lane, u"sign_in"_s, {}});
    }
    return result;
}

DbStatus AuthService::signOut(const User &user, const QString &details)
{
    ProfileScope scope(u"auth.sign_out"_s);
    return m_audit.record({user.id, 0, m_lane, u"sign_out"_s, details});
}

AuthService::SignInResult AuthService::verify(const QString &login, const QString &pin)
{
    SignInResult result;
    const auto found = m_users.findByLogin(login);
    if (!found) {
        result.failure = Failure::Unavailable;
        result.details = found.error().details;
        return result;
    }
    if (!found->has_value()) {
        // Spend the same time as a real check, so timing does not reveal unknown logins.
        PinHasher::verify(pin, PinHasher::hashWithSalt(u"0000"_s, u"AAAAAAAAAAAAAAAAAAAAAA=="_s,
                                                       PinHasher::kIterations));
        (void)m_audit.record(
                {0, 0, m_lane, u"sign_in_failed"_s, u"login=%1"_s.arg(login.left(40))});
        result.failure = Failure::WrongCredentials;
        return result;
    }
    const UserCredentials &stored = **found;
    const QDateTime now = m_clock();
    if (stored.lockedUntil.isValid() && stored.lockedUntil > now) {
        result.failure = Failure::Locked;
        result.lockedUntil = stored.lockedUntil;
        return result;
    }
    if (!PinHasher::verify(pin, stored.pin)) {
        const QDateTime lockUntil = now.addSecs(m_policy.lockSeconds);
        const auto attempts
                = m_users.recordFailedAttempt(stored.user.id, m_policy.maxAttempts, now, lockUntil);
        (void)m_audit.record({stored.user.id, 0, m_lane, u"sign_in_failed"_s, {}});
        if (attempts && *attempts >= m_policy.maxAttempts) {
            (void)m_audit.record({stored.user.id, 0, m_lane, u"user_locked"_s,
                                  u"until=%1"_s.arg(Dialect::timestampText(lockUntil))});
            result.failure = Failure::Locked;
            result.lockedUntil = lockUntil;
            return result;
        }
        result.failure = Failure::WrongCredentials;
        return result;
    }
    if (!stored.user.active) {
        result.failure = Failure::Deactivated;
        return result;
    }
    if (stored.failedAttempts > 0 || stored.lockedUntil.isValid()) {
        (void)m_users.clearFailedAttempts(stored.user.id);
    }
    if (stored.pin.iterations < PinHasher::kIterations) {
        (void)m_users.updatePin(stored.user.id, PinHasher::hash(pin));
    }
    result.user = stored.user;
    return result;
}

bool AuthService::isAcceptablePin(const QString &pin, Role role)
{
    static const QRegularExpression digits(u"^[0-9]{4,8}$"_s);
    if (digits.match(pin).hasMatch()) {
        return true;
    }
    return role == Role::Admin && pin.size() >= 8 && pin.size() <= 128;
}

QString AuthService::pinRule(Role role)
{
    return role == Role::Admin
                   ? tr("A PIN has 4 to 8 digits; an administrator may instead use a passphrase of "
                        "at least 8 characters.")
                   : tr("A PIN has 4 to 8 digits.");
}

QString AuthService::message(const SignInResult &result)
{
    switch (result.failure) {
    case Failure::WrongCredentials:
        return tr("The user name or PIN is not right. Please try again.");
    case Failure::Locked:
        return tr("Too many wrong PINs. This user is locked until %1; a manager can help.")
                .arg(QLocale().toString(result.lockedUntil.toLocalTime().time(),
                                        QLocale::ShortFormat));
    case Failure::Deactivated:
        return tr("This user has been deactivated. Please ask a manager.");
    case Failure::InvalidPin:
        return pinRule(Role::Cashier);
    case Failure::Unavailable:
        return tr("The database cannot be reached, so nobody can sign in right now.");
    }
    return {};
}
