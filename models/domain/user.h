#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

enum class Role { Cashier, Manager, Admin };

namespace Roles {
//! The name stored in users.role: "cashier", "manager", "admin".
QString key(Role role);
std::optional<Role> fromKey(const QString &key);
//! The translated name a person reads: "Cashier", "Kassierer".
QString displayName(Role role);
//! True when role may do what needed may do (admin > manager > cashier).
inline bool atLeast(Role role, Role needed)
{
    return static_cast<int>(role) >= static_cast<int>(needed);
}
} // namespace Roles

struct User
{
    qint64 id = 0;
    QString login;
    QString name;
    Role role = Role::Cashier;
    bool active = true;
};

Q_DECLARE_METATYPE(User)
