#pragma once

#include "models/domain/user.h"

#include <QDialog>

#include <memory>

class UserService;

namespace Ui {
class UserDialog;
}

/*!
 * Creates a user (user name, name, role and a first PIN typed twice) or changes an
 * existing user's name and role. Save goes straight to UserService; when it refuses (a
 * taken user name, a PIN that breaks the rule, the last administrator) the reason shows in
 * the dialog and everything typed stays. Only administrators are offered the
 * administrator role; the service enforces that anyway.
 */
class UserDialog : public QDialog
{
    Q_OBJECT

public:
    //! A new user, created by somebody with editorRole.
    UserDialog(UserService &users, Role editorRole, QWidget *parent = nullptr);
    //! Changes user's name and role.
    UserDialog(UserService &users, Role editorRole, const User &user, QWidget *parent = nullptr);
    ~UserDialog() override;

    //! The user as saved: with its id once a new user was created.
    const User &user() const { return m_user; }

    void accept() override;

private:
    void setUpRoles(Role editorRole, Role current);
    void updatePinRule();
    Role chosenRole() const;
    bool createUser();
    bool updateUser();

    std::unique_ptr<Ui::UserDialog> m_ui;
    UserService &m_users;
    User m_user;
    bool m_isNew = true;
};
