#include "ui/userdialog.h"
#include "ui_userdialog.h"

#include "models/services/authservice.h"
#include "models/services/userservice.h"

#include <QPushButton>

UserDialog::UserDialog(UserService &users, Role editorRole, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::UserDialog>())
    , m_users(users)
{
    m_ui->setupUi(this);
    setUpRoles(editorRole, Role::Cashier);
    m_ui->loginEdit->setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_ui->loginEdit->setToolTip(UserService::loginRule());
    m_ui->pinEdit->setInputMethodHints(Qt::ImhPreferNumbers | Qt::ImhHiddenText
                                       | Qt::ImhSensitiveData);
    m_ui->repeatEdit->setInputMethodHints(m_ui->pinEdit->inputMethodHints());
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &UserDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->roleCombo, &QComboBox::currentIndexChanged, this, &UserDialog::updatePinRule);
    updatePinRule();
    m_ui->loginEdit->setFocus(Qt::OtherFocusReason);
}

UserDialog::UserDialog(UserService &users, Role editorRole, const User &user, QWidget *parent)
    : UserDialog(users, editorRole, parent)
{
    m_user = user;
    m_isNew = false;
    setWindowTitle(tr("Change %1").arg(user.name));
    m_ui->loginEdit->setText(user.login);
    // The user name is how the audit log and the other lanes know them: it stays.
    m_ui->loginEdit->setReadOnly(true);
    m_ui->nameEdit->setText(user.name);
    setUpRoles(editorRole, user.role);
    // PINs change through "Reset PIN…", which says so in the audit log.
    const QList<QWidget *> pinRows{m_ui->pinLabel, m_ui->pinEdit, m_ui->repeatLabel,
                                   m_ui->repeatEdit, m_ui->ruleLabel};
    for (QWidget *widget : pinRows) {
        widget->hide();
    }
    m_ui->nameEdit->setFocus(Qt::OtherFocusReason);
}

UserDialog::~UserDialog() = default;

void UserDialog::setUpRoles(Role editorRole, Role current)
{
    m_ui->roleCombo->clear();
    for (const Role role : {Role::Cashier, Role::Manager, Role::Admin}) {
        if (role == Role::Admin && editorRole != Role::Admin && current != Role::Admin) {
            continue;
        }
        m_ui->roleCombo->addItem(Roles::displayName(role), static_cast<int>(role));
    }
    m_ui->roleCombo->setCurrentIndex(m_ui->roleCombo->findData(static_cast<int>(current)));
}

Role UserDialog::chosenRole() const
{
    return static_cast<Role>(m_ui->roleCombo->currentData().toInt());
}

void UserDialog::updatePinRule()
{
    m_ui->ruleLabel->setText(AuthService::pinRule(chosenRole()));
}

void UserDialog::accept()
{
    if (m_isNew ? createUser() : updateUser()) {
        QDialog::accept();
    }
}

bool UserDialog::createUser()
{
    if (m_ui->pinEdit->text() != m_ui->repeatEdit->text()) {
        m_ui->errorBanner->showMessage(tr("The two PINs differ. Please type the same PIN twice."));
        m_ui->repeatEdit->clear();
        m_ui->repeatEdit->setFocus(Qt::OtherFocusReason);
        return false;
    }
    const auto created = m_users.create(
            {m_ui->loginEdit->text(), m_ui->nameEdit->text(), chosenRole(), m_ui->pinEdit->text()});
    if (!created) {
        m_ui->errorBanner->showError(created.error());
        return false;
    }
    m_user = *created;
    return true;
}

bool UserDialog::updateUser()
{
    const QString name = m_ui->nameEdit->text();
    const auto updated = m_users.update(m_user.id, name, chosenRole());
    if (!updated) {
        m_ui->errorBanner->showError(updated.error());
        return false;
    }
    m_user.name = name.trimmed();
    m_user.role = chosenRole();
    return true;
}
