#pragma once

#include "models/domain/user.h"

#include <QDialog>

#include <memory>

class UserService;

namespace Ui {
class ResetPinDialog;
}

/*!
 * Gives a user a new PIN, typed twice, and lifts a lock from too many wrong PINs. The
 * person at the till hands the new PIN over; nobody ever sees an old one.
 */
class ResetPinDialog : public QDialog
{
    Q_OBJECT

public:
    ResetPinDialog(UserService &users, const User &user, QWidget *parent = nullptr);
    ~ResetPinDialog() override;

    void accept() override;

private:
    std::unique_ptr<Ui::ResetPinDialog> m_ui;
    UserService &m_users;
    User m_user;
};
