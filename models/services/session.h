#pragma once

#include "models/domain/user.h"

#include <QObject>
#include <QString>

#include <optional>

/*!
 * Who is working at this till right now, and which lane the till is. AuthService checks
 * the PIN; the Session only remembers the answer and tells the windows when it changes.
 *
 * A locked session still belongs to its user (their open work stays as it is), but
 * nobody may act in it until that user unlocks it with their PIN; the Authorizer refuses
 * everything meanwhile. Somebody else signing in signs the locked user out first.
 */
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(QString lane, QObject *parent = nullptr);

    const QString &lane() const { return m_lane; }
    const std::optional<User> &user() const { return m_user; }
    bool isSignedIn() const { return m_user.has_value(); }
    bool isLocked() const { return m_locked; }

    //! Replaces whoever was signed in (a sign-in without sign-out is a change of cashier).
    void signIn(const User &user);
    //! Does nothing when nobody is signed in.
    void signOut();
    //! Keeps the user and their work but lets nobody act; nothing when nobody is signed in.
    void lock();
    /*!
     * Hands the till back to user when they are the one who locked it, and returns true.
     * Returns false and changes nothing for anybody else (or when not locked): the caller
     * then signs the locked user out and the new one in.
     */
    bool unlock(const User &user);

Q_SIGNALS:
    void signedIn(const User &user);
    void signedOut();
    void locked(const User &user);
    void unlocked(const User &user);

private:
    QString m_lane;
    std::optional<User> m_user;
    bool m_locked = false;
};
