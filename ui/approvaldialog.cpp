#include "ui/approvaldialog.h"
#include "ui_approvaldialog.h"

#include "models/services/authorizer.h"
#include "models/services/session.h"

#include <QGuiApplication>
#include <QPushButton>

using namespace Qt::StringLiterals;

ApprovalDialog::ApprovalDialog(Authorizer &authorizer, const Session &session,
                               Permission permission, QWidget *parent)
    : ApprovalDialog(authorizer, session, ApprovalRequest::generic(permission), parent)
{}

ApprovalDialog::ApprovalDialog(Authorizer &authorizer, const Session &session,
                               ApprovalRequest request, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ApprovalDialog>())
    , m_authorizer(authorizer)
    , m_session(session)
    , m_request(std::move(request))
{
    m_ui->setupUi(this);
    const QString requester = session.user() ? session.user()->name : QString();
    m_ui->requesterLabel->setText(tr("%1 asks for a manager's approval:").arg(requester));
    // What and why, in one sentence the manager reads before typing a PIN.
    m_ui->requestLabel->setText(m_request.text());
    QFont requestFont = m_ui->requestLabel->font();
    if (requestFont.pointSizeF() > 0) {
        requestFont.setPointSizeF(requestFont.pointSizeF() * 1.3);
    }
    requestFont.setBold(true);
    m_ui->requestLabel->setFont(requestFont);

    m_ui->managerEdit->setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_ui->pinEdit->setInputMethodHints(Qt::ImhPreferNumbers | Qt::ImhHiddenText
                                       | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_ui->keypad->setTarget(m_ui->pinEdit);

    m_approveButton = m_ui->buttonBox->addButton(tr("&Approve"), QDialogButtonBox::AcceptRole);
    m_approveButton->setObjectName(u"approveButton"_s);
    m_approveButton->setDefault(true);
    // Accepting goes through approve(): the dialog closes only with an approval in hand.
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ApprovalDialog::approve);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->managerEdit->setFocus(Qt::OtherFocusReason);
}

ApprovalDialog::~ApprovalDialog() = default;

std::optional<Approval> ApprovalDialog::obtain(QWidget *parent, Authorizer &authorizer,
                                               const Session &session, Permission permission)
{
    return obtain(parent, authorizer, session, ApprovalRequest::generic(permission));
}

std::optional<Approval> ApprovalDialog::obtain(QWidget *parent, Authorizer &authorizer,
                                               const Session &session,
                                               const ApprovalRequest &request)
{
    ApprovalDialog dialog(authorizer, session, request, parent);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return dialog.approval();
}

void ApprovalDialog::approve()
{
    const QString login = m_ui->managerEdit->text().trimmed();
    const QString pin = m_ui->pinEdit->text();
    if (login.isEmpty()) {
        m_ui->errorBanner->showMessage(tr("Please enter the manager's user name."));
        m_ui->managerEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (pin.isEmpty()) {
        // Return after the user name is the way to the PIN field, not a mistake.
        if (!m_ui->managerEdit->hasFocus()) {
            m_ui->errorBanner->showMessage(tr("Please enter the manager's PIN."));
        }
        m_ui->pinEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_ui->pinEdit->clear();

    // Checking a PIN is deliberately slow (PBKDF2); show that the till is working.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto result = m_authorizer.requestApproval(m_session, m_request.permission, login, pin);
    QGuiApplication::restoreOverrideCursor();

    if (!result) {
        m_ui->errorBanner->showError(result.error());
        m_ui->pinEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_ui->errorBanner->clear();
    m_approval = *result;
    accept();
}
