#pragma once

#include "models/db/dberror.h"
#include "models/domain/pinhasher.h"
#include "models/domain/user.h"
#include "models/domain/usercredentials.h"

#include <QDateTime>
#include <QList>

#include <optional>

class Database;

//! Users table access. Services decide who may call what.
class UserRepository
{
public:
    explicit UserRepository(const Database &db)
        : m_db(db)
    {}

    DbResult<std::optional<UserCredentials>> findByLogin(const QString &login) const;
    DbResult<std::optional<UserCredentials>> findById(qint64 id) const;
    DbResult<QList<User>> all() const;
    //! Inserts a user with a hashed PIN; returns the new id.
    DbResult<qint64> insert(const User &user, const PinHasher::Hashed &pin) const;
    DbStatus updatePin(qint64 userId, const PinHasher::Hashed &pin) const;
    //! Name and role; returns the number of rows changed (0: no such user).
    DbResult<int> updateProfile(qint64 userId, const QString &name, Role role) const;
    /*!
     * Activates or deactivates, refusing (0 rows) to deactivate or demote the last active
     * administrator. The check and the change are one statement, so two managers at two
     * lanes cannot both remove "the other" last admin.
     */
    DbResult<int> setActive(qint64 userId, bool active) const;
    DbResult<qint64> activeAdminCount() const;
    /*!
     * Counts a wrong PIN and locks until lockUntil once lockAfter are reached; a lock that
     * ran out before now starts the count again. One statement; returns the new count.
     */
    DbResult<int> recordFailedAttempt(qint64 userId, int lockAfter, const QDateTime &now,
                                      const QDateTime &lockUntil) const;
    DbStatus clearFailedAttempts(qint64 userId) const;
    DbResult<qint64> count() const;

private:
    const Database &m_db;
};
