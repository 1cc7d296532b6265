#include "models/domain/user.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString Roles::key(Role role)
{
    switch (role) {
    case Role::Cashier:
        return u"cashier"_s;
    case Role::Manager:
        return u"manager"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return {};
}

std::optional<Role> Roles::fromKey(const QString &key)
{
    for (Role role : {Role::Cashier, Role::Manager, Role::Admin}) {
        if (Roles::key(role) == key) {
            return role;
        }
    }
    return std::nullopt;
}

QString Roles::displayName(Role role)
{
    switch (role) {
    case Role::Cashier:
        return QCoreApplication::translate("Roles", "Cashier");
    case Role::Manager:
        return QCoreApplication::translate("Roles", "Manager");
    case Role::Admin:
        return QCoreApplication::translate("Roles", "Administrator");
    }
    return {};
}
