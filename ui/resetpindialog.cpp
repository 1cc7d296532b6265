#include "ui/resetpindialog.h"
#include "ui_resetpindialog.h"

#include "models/services/authservice.h"
#include "models/services/userservice.h"

ResetPinDialog::ResetPinDialog(UserService &users, const User &user, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ResetPinDialog>())
    , m_users(users)
    , m_user(user)
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Reset the PIN of %1").arg(user.name));
    m_ui->introLabel->setText(tr("%1 (%2) will sign in with this PIN from now on. A lock from "
                                 "too many wrong PINs is lifted.")
                                      .arg(user.name, user.login));
    m_ui->ruleLabel->setText(AuthService::pinRule(user.role));
    m_ui->pinEdit->setInputMethodHints(Qt::ImhPreferNumbers | Qt::ImhHiddenText
                                       | Qt::ImhSensitiveData);
    m_ui->repeatEdit->setInputMethodHints(m_ui->pinEdit->inputMethodHints());
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ResetPinDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->pinEdit->setFocus(Qt::OtherFocusReason);
}

ResetPinDialog::~ResetPinDialog() = default;

void ResetPinDialog::accept()
{
    if (m_ui->pinEdit->text() != m_ui->repeatEdit->text()) {
        m_ui->errorBanner->showMessage(tr("The two PINs differ. Please type the same PIN twice."));
        m_ui->repeatEdit->clear();
        m_ui->repeatEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    const auto reset = m_users.resetPin(m_user.id, m_ui->pinEdit->text());
    if (!reset) {
        m_ui->errorBanner->showError(reset.error());
        m_ui->pinEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    QDialog::accept();
}
