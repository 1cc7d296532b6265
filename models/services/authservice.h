#pragma once

#include "models/db/auditrepository.h"
#include "models/db/userrepository.h"
#include "models/domain/clock.h"
#include "models/domain/storesettings.h"
#include "models/domain/user.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

class Database;

/*!
 * Signs people in with their login and PIN. Wrong PINs are counted in the database, so
 * the count holds across lanes and restarts; after maxAttempts the user is locked for
 * lockDuration. The answer to a wrong login and a wrong PIN is the same, so the screen
 * never tells whether a user exists.
 */
class AuthService
{
    Q_DECLARE_TR_FUNCTIONS(AuthService)

public:
    struct Policy
    {
        // A new store's policy: the settings' defaults.
        int maxAttempts = int(Setting::MaxSignInAttempts.numberIn({}));
        int lockSeconds = int(Setting::SignInLockSeconds.numberIn({}));
        //! The store's policy from the settings table (Setting::MaxSignInAttempts and
        //! Setting::SignInLockSeconds).
        static Policy fromSettings(const Database &db);
    };

    enum class Failure { WrongCredentials, Locked, Deactivated, InvalidPin, Unavailable };

    struct SignInResult
    {
        std::optional<User> user;
        Failure failure = Failure::WrongCredentials;
        QDateTime lockedUntil;
        QString details; //!< technical text when Unavailable
        bool ok() const { return user.has_value(); }
    };

    AuthService(const Database &db, QString lane, Policy policy);
    explicit AuthService(const Database &db, QString lane = {})
        : AuthService(db, std::move(lane), Policy{})
    {}

    /*!
     * Checks the PIN and records the sign-in in the audit log. replacing is whoever left
     * the till locked: when somebody else signs in, that person's sign-out is recorded
     * first, so the log tells in order who held the till.
     */
    SignInResult signIn(const QString &login, const QString &pin,
                        const std::optional<User> &replacing = std::nullopt);
    /*!
     * Checks the PIN as signIn() does, counting wrong PINs and locks alike, but records
     * nothing on success: a manager's approval is recorded by whoever asked for it.
     */
    SignInResult verify(const QString &login, const QString &pin);
    /*!
     * Records that user left the till (details: why, when it was not their own choice).
     * The caller signs the Session out whatever this returns: a failed audit row must not
     * keep somebody signed in.
     */
    DbStatus signOut(const User &user, const QString &details = {});

    //! The store's policy changed (SettingsService saved new limits).
    void setPolicy(Policy policy) { m_policy = policy; }
    const Policy &policy() const { return m_policy; }

    void setClock(Clock clock) { m_clock = std::move(clock); }
    const QString &lane() const { return m_lane; }

    //! 4 to 8 digits for everybody; administrators may use a longer passphrase.
    static bool isAcceptablePin(const QString &pin, Role role);
    //! The rule isAcceptablePin() applies, as a sentence for the role.
    static QString pinRule(Role role);
    //! The sentence to show for a failed sign-in, in the user's language.
    static QString message(const SignInResult &result);

private:
    const Database &m_db;
    QString m_lane;
    Policy m_policy;
    Clock m_clock = systemClock();
    UserRepository m_users;
    AuditRepository m_audit;
};
