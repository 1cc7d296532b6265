#include "ui/loginwidget.h"
#include "ui_loginwidget.h"

#include "models/services/authservice.h"

#include <QGuiApplication>
#include <QShowEvent>

using namespace Qt::StringLiterals;

namespace {
/*
 * NOTE: the PIN field takes any text up to AuthService's passphrase limit. Cashiers and
 * managers have 4 to 8 digits, but an administrator may have a longer passphrase, and we
 * cannot know the role before the sign-in without telling whether the user exists. A
 * digits-only validator or maxLength 8 would lock administrators out, so the rule stays
 * in AuthService::isAcceptablePin(); the keypad types digits and the input-method hints
 * ask on-screen keyboards for numbers first.
 */
constexpr int kMaxSecretLength = 128;
} // namespace

LoginWidget::LoginWidget(AuthService &auth, const QString &storeName, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LoginWidget>())
    , m_auth(auth)
{
    m_ui->setupUi(this);
    setStoreName(storeName);

    QPalette messagePalette = m_ui->messageLabel->palette();
    messagePalette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_ui->messageLabel->setPalette(messagePalette);

    QFont storeFont = m_ui->storeNameLabel->font();
    if (storeFont.pointSizeF() > 0) {
        storeFont.setPointSizeF(storeFont.pointSizeF() * 1.8);
    }
    storeFont.setBold(true);
    m_ui->storeNameLabel->setFont(storeFont);

    // Amber with dark text, as the diagnostics warnings: noticeable, not alarming.
    QPalette lockPalette = m_ui->lockLabel->palette();
    lockPalette.setColor(QPalette::Window, QColor(0xff, 0xe8, 0xb0));
    lockPalette.setColor(QPalette::WindowText, QColor(0x5c, 0x2b, 0x00));
    m_ui->lockLabel->setPalette(lockPalette);
    m_ui->lockLabel->setAutoFillBackground(true);
    m_ui->lockLabel->hide();

    m_ui->userEdit->setPlaceholderText(tr("Your user name"));
    m_ui->userEdit->setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_ui->pinEdit->setPlaceholderText(tr("PIN"));
    m_ui->pinEdit->setMaxLength(kMaxSecretLength);
    m_ui->pinEdit->setInputMethodHints(Qt::ImhPreferNumbers | Qt::ImhHiddenText
                                       | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText
                                       | Qt::ImhNoAutoUppercase);

    connect(m_ui->userEdit, &QLineEdit::returnPressed, this, &LoginWidget::handleUserReturn);
    connect(m_ui->pinEdit, &QLineEdit::returnPressed, this, &LoginWidget::signIn);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &LoginWidget::signIn);
    m_ui->keypad->setTarget(m_ui->pinEdit);
}

LoginWidget::~LoginWidget() = default;

void LoginWidget::setStoreName(const QString &storeName)
{
    m_ui->storeNameLabel->setText(storeName.isEmpty() ? tr("Till") : storeName);
}

void LoginWidget::reset()
{
    m_ui->userEdit->clear();
    m_ui->pinEdit->clear();
    m_ui->messageLabel->clear();
    m_ui->lockLabel->clear();
    m_ui->lockLabel->hide();
    m_lockedBy.reset();
    m_ui->userEdit->setFocus(Qt::OtherFocusReason);
}

void LoginWidget::showLocked(const User &user)
{
    reset();
    m_ui->lockLabel->setText(tr("This till is locked by %1. %1 can sign in to carry on where "
                                "they left off; anybody else who signs in signs %1 out.")
                                     .arg(user.name));
    m_ui->lockLabel->show();
    m_lockedBy = user;
    m_ui->userEdit->setText(user.login);
    m_ui->pinEdit->setFocus(Qt::OtherFocusReason);
}

void LoginWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    QLineEdit *field = m_ui->userEdit->text().isEmpty() ? m_ui->userEdit : m_ui->pinEdit;
    field->setFocus(Qt::OtherFocusReason);
}

void LoginWidget::handleUserReturn()
{
    if (m_ui->userEdit->text().trimmed().isEmpty()) {
        showMessage(tr("Please enter your user name."));
        return;
    }
    m_ui->pinEdit->setFocus(Qt::OtherFocusReason);
}

void LoginWidget::signIn()
{
    const QString login = m_ui->userEdit->text().trimmed();
    const QString pin = m_ui->pinEdit->text();
    m_ui->pinEdit->clear();
    if (login.isEmpty()) {
        showMessage(tr("Please enter your user name."));
        m_ui->userEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (pin.isEmpty()) {
        showMessage(tr("Please enter your PIN."));
        m_ui->pinEdit->setFocus(Qt::OtherFocusReason);
        return;
    }

    // Checking a PIN is deliberately slow (PBKDF2); show that the till is working.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const AuthService::SignInResult result = m_auth.signIn(login, pin, m_lockedBy);
    QGuiApplication::restoreOverrideCursor();

    if (!result.ok()) {
        showMessage(AuthService::message(result));
        m_ui->pinEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    reset();
    Q_EMIT signedIn(*result.user);
}

void LoginWidget::showMessage(const QString &text)
{
    m_ui->messageLabel->setText(text);
}
