#include "models/services/session.h"

Session::Session(QString lane, QObject *parent)
    : QObject(parent)
    , m_lane(std::move(lane))
{}

void Session::signIn(const User &user)
{
    m_user = user;
    m_locked = false;
    Q_EMIT signedIn(user);
}

void Session::signOut()
{
    if (!m_user) {
        return;
    }
    m_user.reset();
    m_locked = false;
    Q_EMIT signedOut();
}

void Session::lock()
{
    if (!m_user || m_locked) {
        return;
    }
    m_locked = true;
    Q_EMIT locked(*m_user);
}

bool Session::unlock(const User &user)
{
    if (!m_user || !m_locked || m_user->id != user.id) {
        return false;
    }
    // The fresh copy from the sign-in: a manager may have renamed the user meanwhile.
    m_user = user;
    m_locked = false;
    Q_EMIT unlocked(user);
    return true;
}
