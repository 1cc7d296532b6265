#pragma once

#include "models/domain/user.h"

#include <QObject>
#include <QString>

#include <optional>

/*!
 * Who is working at this till right now, and which lane the till is. AuthService checks
 * the PIN; the Session only remembers the answer and tells the windows when it changes.
 */
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(QString lane, QObject *parent = nullptr);

    const QString &lane() const { return m_lane; }
    const std::optional<User> &user() const { return m_user; }
    bool isSignedIn() const { return m_user.has_value(); }

    //! Replaces whoever was signed in (a sign-in without sign-out is a change of cashier).
    void signIn(const User &user);
    //! Does nothing when nobody is signed in.
    void signOut();

Q_SIGNALS:
    void signedIn(const User &user);
    void signedOut();

private:
    QString m_lane;
    std::optional<User> m_user;
};
