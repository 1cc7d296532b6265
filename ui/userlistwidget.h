#pragma once

#include "models/domain/user.h"

#include <QWidget>

#include <memory>
#include <optional>

class QSortFilterProxyModel;
class Session;
class UserService;
class UsersModel;

namespace Ui {
class UserListWidget;
}

/*!
 * The Users tab: every user with role and status, and the buttons to add one, change
 * one, deactivate or reactivate one and reset a PIN. Buttons the signed-in person may not
 * use are disabled as a courtesy (a manager cannot touch an administrator, nobody
 * deactivates themselves); UserService refuses them anyway.
 */
class UserListWidget : public QWidget
{
    Q_OBJECT

public:
    UserListWidget(UserService &users, const Session &session, QWidget *parent = nullptr);
    ~UserListWidget() override;

    //! Reads the users again, keeping the selected one selected.
    void reload();

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::optional<User> selectedUser() const;
    void select(qint64 userId);
    void updateButtons();
    Role myRole() const;
    void createUser();
    void editUser();
    void toggleActive();
    void resetPin();

    std::unique_ptr<Ui::UserListWidget> m_ui;
    UserService &m_users;
    const Session &m_session;
    UsersModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
};
