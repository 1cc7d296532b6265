#pragma once

#include "models/db/dberror.h"
#include "models/domain/user.h"
#include "models/services/pinhasher.h"

#include <QDateTime>
#include <QList>

#include <optional>

class Database;

//! A user row with what sign-in needs beyond the User value.
struct UserCredentials
{
    User user;
    PinHasher::Hashed pin;
    int failedAttempts = 0;
    QDateTime lockedUntil; //!< invalid when not locked
};

//! Users table access. Services decide who may call what.
class UserRepository
{
public:
    explicit UserRepository(const Database &db) : m_db(db) {}

    DbResult<std::optional<UserCredentials>> findByLogin(const QString &login) const;
    DbResult<QList<User>> all() const;
    //! Inserts a user with a hashed PIN; returns the new id.
    DbResult<qint64> insert(const User &user, const PinHasher::Hashed &pin) const;
    DbStatus updatePin(qint64 userId, const PinHasher::Hashed &pin) const;
    //! Raises failed_attempts by one and sets locked_until when given; one statement.
    DbResult<int> recordFailedAttempt(qint64 userId, int lockAfter, const QDateTime &lockUntil) const;
    DbStatus clearFailedAttempts(qint64 userId) const;
    DbResult<qint64> count() const;

private:
    const Database &m_db;
};
