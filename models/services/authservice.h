#pragma once

#include "models/db/auditrepository.h"
#include "models/db/userrepository.h"
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
        int maxAttempts = 5;
        int lockSeconds = 5 * 60;
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
    explicit AuthService(const Database &db, QString lane = {}) : AuthService(db, std::move(lane), Policy{}) {}

    SignInResult signIn(const QString &login, const QString &pin);

    //! 4 to 8 digits for everybody; administrators may use a longer passphrase.
    static bool isAcceptablePin(const QString &pin, Role role);
    //! The sentence to show for a failed sign-in, in the user's language.
    static QString message(const SignInResult &result);

private:
    const Database &m_db;
    QString m_lane;
    Policy m_policy;
    UserRepository m_users;
    AuditRepository m_audit;
};
