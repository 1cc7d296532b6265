#include "models/services/userservice.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/transaction.h"
#include "models/services/authorizer.h"
#include "models/services/authservice.h"
#include "models/services/session.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
ServiceError invalid(const QString &message)
{
    return {ServiceError::Code::InvalidInput, message, {}};
}
ServiceError denied(const QString &message)
{
    return {ServiceError::Code::PermissionDenied, message, {}};
}
} // namespace

UserService::UserService(const Database &db, const Session &session, const Authorizer &authorizer)
    : m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
    , m_users(db)
    , m_audit(db)
{}

ServiceError UserService::unavailable(const DbError &error) const
{
    return ServiceError::fromDb(error,
                                tr("The users could not be read or saved. Nothing was changed."));
}

bool UserService::isAcceptableLogin(const QString &login)
{
    static const QRegularExpression loginPattern(u"^[a-z0-9._-]{2,32}$"_s);
    return loginPattern.match(login.trimmed()).hasMatch();
}

QString UserService::loginRule()
{
    return tr("A user name has 2 to 32 letters, digits, dots, dashes or underscores.");
}

ServiceResult<QList<User>> UserService::list() const
{
    if (const auto grant = m_authorizer.authorize(m_session, Permission::ManageUsers); !grant) {
        return grant.error();
    }
    auto users = m_users.all();
    if (!users) {
        return unavailable(users.error());
    }
    return *users;
}

ServiceResult<User> UserService::create(const NewUser &newUser)
{
    ProfileScope scope(u"users.create"_s);
    if (const auto grant = m_authorizer.authorize(m_session, Permission::ManageUsers); !grant) {
        return grant.error();
    }
    const QString login = newUser.login.trimmed().toLower();
    if (!isAcceptableLogin(login)) {
        return invalid(loginRule());
    }
    if (newUser.name.trimmed().isEmpty()) {
        return invalid(tr("Please enter the person's name."));
    }
    if (newUser.role == Role::Admin && m_session.user()->role != Role::Admin) {
        return denied(tr("Only an administrator can create an administrator."));
    }
    if (!AuthService::isAcceptablePin(newUser.pin, newUser.role)) {
        return invalid(AuthService::pinRule(newUser.role));
    }
    User user{0, login, newUser.name.trimmed(), newUser.role, true};
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return unavailable(status.error());
    }
    const auto id = m_users.insert(user, m_pinIterations > 0
                                                 ? PinHasher::hash(newUser.pin, m_pinIterations)
                                                 : PinHasher::hash(newUser.pin));
    if (!id) {
        if (id.error().kind == DbError::Kind::Constraint) {
            return ServiceError{
                    ServiceError::Code::Conflict,
                    tr("The user name \"%1\" is taken. Please choose another.").arg(login),
                    id.error().details};
        }
        return unavailable(id.error());
    }
    user.id = *id;
    if (ServiceStatus audited = audit(u"user_created"_s, user.id,
                                      u"login=%1 role=%2"_s.arg(login, Roles::key(user.role)));
        !audited) {
        return audited.error();
    }
    if (DbStatus status = tx.commit(); !status) {
        return unavailable(status.error());
    }
    return user;
}

ServiceResult<UserCredentials> UserService::editable(qint64 userId, Role newRole) const
{
    if (const auto grant = m_authorizer.authorize(m_session, Permission::ManageUsers); !grant) {
        return grant.error();
    }
    const auto found = m_users.findById(userId);
    if (!found) {
        return unavailable(found.error());
    }
    if (!found->has_value()) {
        return ServiceError{ServiceError::Code::NotFound, tr("This user no longer exists."), {}};
    }
    const bool touchesAdmin = (*found)->user.role == Role::Admin || newRole == Role::Admin;
    if (touchesAdmin && m_session.user()->role != Role::Admin) {
        return denied(tr("Only an administrator can change an administrator."));
    }
    return **found;
}

ServiceStatus UserService::update(qint64 userId, const QString &name, Role role)
{
    ProfileScope scope(u"users.update"_s);
    const auto target = editable(userId, role);
    if (!target) {
        return target.error();
    }
    if (name.trimmed().isEmpty()) {
        return invalid(tr("Please enter the person's name."));
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return unavailable(status.error());
    }
    const auto changed = m_users.updateProfile(userId, name.trimmed(), role);
    if (!changed) {
        return unavailable(changed.error());
    }
    if (*changed == 0) {
        return ServiceError{
                ServiceError::Code::Conflict,
                tr("%1 is the last administrator and must stay one.").arg(target->user.name),
                {}};
    }
    if (ServiceStatus audited = audit(u"user_updated"_s, userId,
                                      u"name=%1 role=%2"_s.arg(name.trimmed(), Roles::key(role)));
        !audited) {
        return audited;
    }
    if (DbStatus status = tx.commit(); !status) {
        return unavailable(status.error());
    }
    return Done{};
}

ServiceStatus UserService::setActive(qint64 userId, bool active)
{
    ProfileScope scope(u"users.set_active"_s);
    const auto target = editable(userId, Role::Cashier);
    if (!target) {
        return target.error();
    }
    if (!active && m_session.user()->id == userId) {
        return invalid(tr("You cannot deactivate yourself."));
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return unavailable(status.error());
    }
    const auto changed = m_users.setActive(userId, active);
    if (!changed) {
        return unavailable(changed.error());
    }
    if (*changed == 0) {
        return ServiceError{ServiceError::Code::Conflict,
                            tr("%1 is the last active administrator and cannot be deactivated.")
                                    .arg(target->user.name),
                            {}};
    }
    if (ServiceStatus audited = audit(active ? u"user_activated"_s : u"user_deactivated"_s, userId,
                                      u"login=%1"_s.arg(target->user.login));
        !audited) {
        return audited;
    }
    if (DbStatus status = tx.commit(); !status) {
        return unavailable(status.error());
    }
    return Done{};
}

ServiceStatus UserService::resetPin(qint64 userId, const QString &pin)
{
    ProfileScope scope(u"users.reset_pin"_s);
    const auto target = editable(userId, Role::Cashier);
    if (!target) {
        return target.error();
    }
    if (!AuthService::isAcceptablePin(pin, target->user.role)) {
        return invalid(AuthService::pinRule(target->user.role));
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return unavailable(status.error());
    }
    if (DbStatus status
        = m_users.updatePin(userId, m_pinIterations > 0 ? PinHasher::hash(pin, m_pinIterations)
                                                        : PinHasher::hash(pin));
        !status) {
        return unavailable(status.error());
    }
    if (ServiceStatus audited
        = audit(u"pin_reset"_s, userId, u"login=%1"_s.arg(target->user.login));
        !audited) {
        return audited;
    }
    if (DbStatus status = tx.commit(); !status) {
        return unavailable(status.error());
    }
    return Done{};
}

ServiceStatus UserService::audit(const QString &action, qint64 target, const QString &details)
{
    const DbStatus status = m_audit.record({m_session.user()->id, 0, m_session.lane(), action,
                                            u"user_id=%1 %2"_s.arg(target).arg(details)});
    if (!status) {
        return unavailable(status.error());
    }
    return Done{};
}
