#pragma once

#include "models/domain/approval.h"
#include "models/domain/approvalrequest.h"

#include <QDialog>

#include <memory>
#include <optional>

class Authorizer;
class QPushButton;
class Session;

namespace Ui {
class ApprovalDialog;
}

/*!
 * Asks a manager, on the spot, to approve one action for the cashier at this till: it
 * says who asks, what exactly and why a manager is needed (the ApprovalRequest), takes the
 * manager's user name and PIN (keyboard or keypad) and hands them to Authorizer::requestApproval(),
 * which checks, counts wrong PINs and audits. A refusal is shown in the dialog, which stays open
 * for another try.
 *
 *     if (!m_authorizer.can(session, Permission::Refund)) {
 *         approval = ApprovalDialog::obtain(this, authorizer, session, Permission::Refund);
 *         if (!approval) return;    // cancelled
 *     }
 */
class ApprovalDialog : public QDialog
{
    Q_OBJECT

public:
    ApprovalDialog(Authorizer &authorizer, const Session &session, ApprovalRequest request,
                   QWidget *parent = nullptr);
    //! Only the permission is known: says its name and the rule (ApprovalRequest::generic).
    ApprovalDialog(Authorizer &authorizer, const Session &session, Permission permission,
                   QWidget *parent = nullptr);
    ~ApprovalDialog() override;

    //! The approval, once the dialog was accepted; std::nullopt otherwise.
    const std::optional<Approval> &approval() const { return m_approval; }

    //! Shows the dialog modally: the approval, or std::nullopt when it was cancelled.
    static std::optional<Approval> obtain(QWidget *parent, Authorizer &authorizer,
                                          const Session &session, const ApprovalRequest &request);
    static std::optional<Approval> obtain(QWidget *parent, Authorizer &authorizer,
                                          const Session &session, Permission permission);

private:
    void approve();

    std::unique_ptr<Ui::ApprovalDialog> m_ui;
    Authorizer &m_authorizer;
    const Session &m_session;
    ApprovalRequest m_request;
    QPushButton *m_approveButton = nullptr;
    std::optional<Approval> m_approval;
};
