#pragma once

#include "models/domain/user.h"

#include <QWidget>

#include <memory>
#include <optional>

class AuthService;

namespace Ui {
class LoginWidget;
}

/*!
 * The sign-in screen: the store's name, a user name, a PIN and a large keypad for touch
 * screens. AuthService decides; this screen only shows its answer, which never tells
 * whether a user name exists. The PIN is cleared after every attempt.
 */
class LoginWidget : public QWidget
{
    Q_OBJECT

public:
    LoginWidget(AuthService &auth, const QString &storeName, QWidget *parent = nullptr);
    ~LoginWidget() override;

    void setStoreName(const QString &storeName);
    //! Empties the fields, the message and any lock notice; the cursor goes to the user name.
    void reset();
    /*!
     * Says that user locked the till and is still signed in, with their user name filled
     * in so they only type their PIN. Anybody else may clear it and sign in instead; that
     * sign-in records the locked user's sign-out first.
     */
    void showLocked(const User &user);

Q_SIGNALS:
    void signedIn(const User &user);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void handleUserReturn();
    void signIn();
    void showMessage(const QString &text);

    std::unique_ptr<Ui::LoginWidget> m_ui;
    AuthService &m_auth;
    std::optional<User> m_lockedBy;
};
