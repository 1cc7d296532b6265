#pragma once

#include "models/domain/approval.h"
#include "models/services/serviceerror.h"
#include "models/services/session.h"
#include "ui/approvaldialog.h"

#include <optional>

class Authorizer;
class QWidget;

/*!
 * The one way a screen asks a manager: calls call(Approval()); when the service answers
 * PermissionDenied, asks for a manager's approval on the spot (ApprovalDialog, which shows
 * the request: what is approved and why) and calls again with it. std::nullopt when the approval
 * was cancelled; otherwise the service's answer, which the caller shows when it is an error.
 * Services decide; screens only ask.
 *
 *     const auto request = ApprovalRequest::voidLine(line.quantity, line.productName, ...);
 *     const auto voided = withApproval(this, authorizer, session, request,
 *                                      [&](const Approval &a) { return checkout.recordVoid(line,
 * a); }); if (!voided) return;                          // the manager did not come if (!*voided)
 * return show(voided->error());   // refused, or the database failed
 */
template<typename Call>
auto withApproval(QWidget *parent, Authorizer &authorizer, const Session &session,
                  const ApprovalRequest &request, Call call)
        -> std::optional<decltype(call(Approval()))>
{
    auto result = call(Approval());
    if (result || result.error().code != ServiceError::Code::PermissionDenied
        || !session.isSignedIn() || session.isLocked()) {
        return result;
    }
    const std::optional<Approval> approval
            = ApprovalDialog::obtain(parent, authorizer, session, request);
    if (!approval) {
        return std::nullopt;
    }
    return call(*approval);
}

//! As above, when only the permission is known (ApprovalRequest::generic).
template<typename Call>
auto withApproval(QWidget *parent, Authorizer &authorizer, const Session &session,
                  Permission permission, Call call) -> std::optional<decltype(call(Approval()))>
{
    return withApproval(parent, authorizer, session, ApprovalRequest::generic(permission), call);
}
