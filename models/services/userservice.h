#pragma once

#include "models/db/auditrepository.h"
#include "models/db/userrepository.h"
#include "models/domain/approval.h"
#include "models/services/serviceerror.h"

#include <QCoreApplication>
#include <QList>

class Authorizer;
class Database;
class Session;

/*!
 * The users area: managers and administrators list, create, edit, deactivate users and
 * reset PINs. Only an administrator touches administrators, and the last active
 * administrator can be neither deactivated nor demoted. Every change is audited.
 */
class UserService
{
    Q_DECLARE_TR_FUNCTIONS(UserService)

public:
    UserService(const Database &db, const Session &session, const Authorizer &authorizer);

    struct NewUser
    {
        QString login;
        QString name;
        Role role = Role::Cashier;
        QString pin;
    };

    //! 2 to 32 lower-case letters, digits, dots, dashes or underscores (after trimming).
    static bool isAcceptableLogin(const QString &login);
    //! The rule isAcceptableLogin() applies, as a sentence.
    static QString loginRule();

    ServiceResult<QList<User>> list() const;
    ServiceResult<User> create(const NewUser &user);
    //! Changes name and role.
    ServiceStatus update(qint64 userId, const QString &name, Role role);
    ServiceStatus setActive(qint64 userId, bool active);
    //! Sets a new PIN and lifts a lock.
    ServiceStatus resetPin(qint64 userId, const QString &pin);

    //! Test hook: fewer PBKDF2 iterations keep a suite fast. 0 is the production count.
    void setPinIterations(int iterations) { m_pinIterations = iterations; }

private:
    ServiceResult<UserCredentials> editable(qint64 userId, Role newRole) const;
    ServiceStatus audit(const QString &action, qint64 target, const QString &details);
    ServiceError unavailable(const DbError &error) const;

    const Database &m_db;
    const Session &m_session;
    const Authorizer &m_authorizer;
    UserRepository m_users;
    AuditRepository m_audit;
    int m_pinIterations = 0;
};
