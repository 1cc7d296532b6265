#pragma once

#include "models/domain/user.h"
#include "models/services/serviceerror.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

class UserService;

/*!
 * The store's users for the Users area, one row each: user name, full name, role and
 * whether they may sign in. Filled by UserService::list(), so only those allowed to manage
 * users see anything; a failed reload leaves the rows as they were.
 */
class UsersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LoginColumn, NameColumn, RoleColumn, ActiveColumn, ColumnCount };

    enum Role {
        IdRole = Qt::UserRole, //!< qint64
        LoginRole,             //!< QString
        UserRoleRole,          //!< the user's ::Role, as int
        ActiveRole,            //!< bool
        SortRole,              //!< the column's raw value: roles by rank, not by name
    };

    explicit UsersModel(UserService &users, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    //! Reads the users again; on failure the rows stay and the error says why.
    ServiceStatus reload();
    const User &user(int row) const { return m_rows.at(row); }
    //! The row of the user with this id, or -1.
    int rowOf(qint64 userId) const;

private:
    UserService &m_users;
    QList<User> m_rows;
};
