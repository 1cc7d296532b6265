#include "models/services/session.h"

Session::Session(QString lane, QObject *parent)
    : QObject(parent)
    , m_lane(std::move(lane))
{
}

void Session::signIn(const User &user)
{
    m_user = user;
    Q_EMIT signedIn(user);
}

void Session::signOut()
{
    if (!m_user) {
        return;
    }
    m_user.reset();
    Q_EMIT signedOut();
}
