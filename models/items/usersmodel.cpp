#include "models/items/usersmodel.h"

#include "models/items/palette.h"
#include "models/services/userservice.h"

UsersModel::UsersModel(UserService &users, QObject *parent)
    : QAbstractTableModel(parent)
    , m_users(users)
{}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const User &user = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LoginColumn:
            return user.login;
        case NameColumn:
            return user.name;
        case RoleColumn:
            return Roles::displayName(user.role);
        case ActiveColumn:
            return user.active ? tr("Active", "user may sign in")
                               : tr("Deactivated", "user may not sign in");
        }
        return {};
    case Qt::ForegroundRole:
        // Deactivated users stay listed (their sales name them) but step back.
        if (!user.active) {
            return Palette::Muted;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case RoleColumn:
            return static_cast<int>(user.role);
        case ActiveColumn:
            return user.active;
        default:
            return data(index, Qt::DisplayRole);
        }
    case IdRole:
        return user.id;
    case LoginRole:
        return user.login;
    case UserRoleRole:
        return static_cast<int>(user.role);
    case ActiveRole:
        return user.active;
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case LoginColumn:
        return tr("User name", "what a person types to sign in");
    case NameColumn:
        return tr("Name", "a person's full name");
    case RoleColumn:
        return tr("Role", "cashier, manager or administrator");
    case ActiveColumn:
        return tr("Status", "whether the user may sign in");
    }
    return {};
}

ServiceStatus UsersModel::reload()
{
    auto users = m_users.list();
    if (!users) {
        return users.error();
    }
    beginResetModel();
    m_rows = std::move(*users);
    endResetModel();
    return Done{};
}

int UsersModel::rowOf(qint64 userId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == userId) {
            return int(row);
        }
    }
    return -1;
}
