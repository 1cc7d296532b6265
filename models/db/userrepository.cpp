#include "models/db/userrepository.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

namespace {
const QString kSelectUser = u"SELECT id, login, name, role, active, pin_hash, pin_salt, "
                            "pin_iterations, failed_attempts, locked_until FROM users "_s;

UserCredentials readCredentials(const SqlQuery &q)
{
    UserCredentials c;
    c.user.id = q.int64(0);
    c.user.login = q.text(1);
    c.user.name = q.text(2);
    c.user.role = Roles::fromKey(q.text(3)).value_or(Role::Cashier);
    c.user.active = q.value(4).toBool();
    c.pin = {q.text(5), q.text(6), static_cast<int>(q.int64(7))};
    c.failedAttempts = static_cast<int>(q.int64(8));
    c.lockedUntil = Dialect::toDateTime(q.value(9));
    return c;
}
} // namespace

DbResult<std::optional<UserCredentials>> UserRepository::findByLogin(const QString &login) const
{
    SqlQuery q(m_db, kSelectUser + u"WHERE login = :login"_s);
    q.bind(u"login"_s, login.trimmed().toLower());
    if (!q.exec()) {
        return q.error();
    }
    if (!q.next()) {
        return std::optional<UserCredentials>();
    }
    return std::optional<UserCredentials>(readCredentials(q));
}

DbResult<std::optional<UserCredentials>> UserRepository::findById(qint64 id) const
{
    SqlQuery q(m_db, kSelectUser + u"WHERE id = :id"_s);
    q.bind(u"id"_s, id);
    if (!q.exec()) {
        return q.error();
    }
    if (!q.next()) {
        return std::optional<UserCredentials>();
    }
    return std::optional<UserCredentials>(readCredentials(q));
}

DbResult<int> UserRepository::updateProfile(qint64 userId, const QString &name, Role role) const
{
    // Demoting the last active admin is refused in the same statement.
    SqlQuery q(m_db,
               u"UPDATE users SET name = :name, role = :role WHERE id = :id AND "
               "(:role = 'admin' OR role <> 'admin' OR active = FALSE OR "
               "(SELECT COUNT(*) FROM users a WHERE a.role = 'admin' AND a.active = TRUE) > 1)"_s);
    q.bind(u"name"_s, name).bind(u"role"_s, Roles::key(role)).bind(u"id"_s, userId);
    if (!q.exec()) {
        return q.error();
    }
    return q.numRowsAffected();
}

DbResult<int> UserRepository::setActive(qint64 userId, bool active) const
{
    SqlQuery q(m_db,
               u"UPDATE users SET active = :active WHERE id = :id AND "
               "(:active = TRUE OR role <> 'admin' OR "
               "(SELECT COUNT(*) FROM users a WHERE a.role = 'admin' AND a.active = TRUE) > 1)"_s);
    q.bind(u"active"_s, active).bind(u"id"_s, userId);
    if (!q.exec()) {
        return q.error();
    }
    return q.numRowsAffected();
}

DbResult<qint64> UserRepository::activeAdminCount() const
{
    SqlQuery q(m_db, u"SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = TRUE"_s);
    if (!q.execOne()) {
        return q.error();
    }
    return q.int64(0);
}

DbResult<QList<User>> UserRepository::all() const
{
    SqlQuery q(m_db, kSelectUser + u"ORDER BY name"_s);
    if (!q.exec()) {
        return q.error();
    }
    QList<User> users;
    while (q.next()) {
        users.append(readCredentials(q).user);
    }
    return users;
}

DbResult<qint64> UserRepository::insert(const User &user, const PinHasher::Hashed &pin) const
{
    SqlQuery q(m_db, u"INSERT INTO users (login, name, role, pin_hash, pin_salt, pin_iterations, "
                     "active) VALUES (:login, :name, :role, :hash, :salt, :iterations, :active) "
                     "RETURNING id"_s);
    q.bind(u"login"_s, user.login.trimmed().toLower())
            .bind(u"name"_s, user.name)
            .bind(u"role"_s, Roles::key(user.role))
            .bind(u"hash"_s, pin.hash)
            .bind(u"salt"_s, pin.salt)
            .bind(u"iterations"_s, pin.iterations)
            .bind(u"active"_s, user.active);
    if (!q.execOne()) {
        return q.error();
    }
    return q.int64(0);
}

DbStatus UserRepository::updatePin(qint64 userId, const PinHasher::Hashed &pin) const
{
    // A new PIN also lifts a lock: that is what a manager's PIN reset is for.
    SqlQuery q(m_db, u"UPDATE users SET pin_hash = :hash, pin_salt = :salt, "
                     "pin_iterations = :iterations, failed_attempts = 0, locked_until = NULL "
                     "WHERE id = :id"_s);
    q.bind(u"hash"_s, pin.hash)
            .bind(u"salt"_s, pin.salt)
            .bind(u"iterations"_s, pin.iterations)
            .bind(u"id"_s, userId);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbResult<int> UserRepository::recordFailedAttempt(qint64 userId, int lockAfter,
                                                  const QDateTime &now,
                                                  const QDateTime &lockUntil) const
{
    // One statement: the count and the lock move together even with two lanes at once.
    // A lock that has run out starts the count again.
    SqlQuery q(m_db,
               u"UPDATE users SET "
               "failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now "
               "  THEN 1 ELSE failed_attempts + 1 END, "
               "locked_until = CASE "
               "  WHEN locked_until IS NOT NULL AND locked_until <= :now THEN NULL "
               "  WHEN failed_attempts + 1 >= :lock_after THEN :until "
               "  ELSE locked_until END "
               "WHERE id = :id RETURNING failed_attempts"_s);
    q.bind(u"lock_after"_s, lockAfter)
            .bind(u"now"_s, Dialect::timestampText(now))
            .bind(u"until"_s, Dialect::timestampText(lockUntil))
            .bind(u"id"_s, userId);
    if (!q.execOne()) {
        return q.error();
    }
    return static_cast<int>(q.int64(0));
}

DbStatus UserRepository::clearFailedAttempts(qint64 userId) const
{
    SqlQuery q(m_db, u"UPDATE users SET failed_attempts = 0, locked_until = NULL "
                     "WHERE id = :id"_s);
    q.bind(u"id"_s, userId);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbResult<qint64> UserRepository::count() const
{
    SqlQuery q(m_db, u"SELECT COUNT(*) FROM users"_s);
    if (!q.execOne()) {
        return q.error();
    }
    return q.int64(0);
}
