#include "models/services/authorizer.h"

#include "models/db/database.h"
#include "models/services/session.h"

using namespace Qt::StringLiterals;

Authorizer::Authorizer(const Database &db, AuthService &auth)
    : m_db(db)
    , m_auth(auth)
    , m_audit(db)
{}

bool Authorizer::can(const Session &session, Permission permission) const
{
    return session.user() && session.user()->active && !session.isLocked()
           && Permissions::allows(session.user()->role, permission);
}

ServiceResult<Authorizer::Grant> Authorizer::authorize(const Session &session,
                                                       Permission permission,
                                                       const Approval &approval) const
{
    auto grant = check(session, permission, approval);
    if (grant && grant->approvedBy > 0) {
        use(approval);
    }
    return grant;
}

void Authorizer::use(const Approval &approval)
{
    if (approval.m_state) {
        approval.m_state->used = true;
    }
}

ServiceResult<Authorizer::Grant> Authorizer::check(const Session &session, Permission permission,
                                                   const Approval &approval) const
{
    auto denied = [permission](const QString &why) -> ServiceResult<Grant> {
        return ServiceError{ServiceError::Code::PermissionDenied, why,
                            u"permission=%1"_s.arg(Permissions::key(permission))};
    };
    if (!session.user()) {
        return denied(tr("Nobody is signed in at this till."));
    }
    if (session.isLocked()) {
        return denied(tr("The till is locked. Please sign in again to continue."));
    }
    const User &user = *session.user();
    if (can(session, permission)) {
        return Grant{user.id, 0};
    }
    if (!approval.isGranted()) {
        return denied(
                tr("%1 needs a manager's approval.").arg(Permissions::displayName(permission)));
    }
    if (approval.isUsed()) {
        return denied(tr("This approval has already been used. Please ask a manager again."));
    }
    if (approval.permission() != permission) {
        return denied(tr("The approval was given for \"%1\", not for \"%2\".")
                              .arg(Permissions::displayName(approval.permission()),
                                   Permissions::displayName(permission)));
    }
    if (approval.requesterId() != user.id) {
        return denied(tr("The approval was given to somebody else."));
    }
    return Grant{user.id, approval.approverId()};
}

ServiceResult<Approval> Authorizer::requestApproval(const Session &session, Permission permission,
                                                    const QString &approverLogin,
                                                    const QString &pin)
{
    if (!session.user()) {
        return ServiceError{
                ServiceError::Code::PermissionDenied, tr("Nobody is signed in at this till."), {}};
    }
    if (session.isLocked()) {
        return ServiceError{ServiceError::Code::PermissionDenied,
                            tr("The till is locked. Please sign in again to continue."),
                            {}};
    }
    const AuthService::SignInResult verified = m_auth.verify(approverLogin, pin);
    if (!verified.ok()) {
        (void)m_audit.record({session.user()->id, 0, session.lane(), u"approval_failed"_s,
                              u"permission=%1"_s.arg(Permissions::key(permission))});
        const auto code = verified.failure == AuthService::Failure::Unavailable
                                  ? ServiceError::Code::Unavailable
                                  : ServiceError::Code::PermissionDenied;
        return ServiceError{code, AuthService::message(verified), verified.details};
    }
    const User &approver = *verified.user;
    if (!Permissions::allows(approver.role, permission)) {
        (void)m_audit.record(
                {session.user()->id, 0, session.lane(), u"approval_failed"_s,
                 u"permission=%1 approver=%2"_s.arg(Permissions::key(permission), approver.login)});
        return ServiceError{ServiceError::Code::PermissionDenied,
                            tr("%1 may not approve \"%2\"; a manager has to.")
                                    .arg(approver.name, Permissions::displayName(permission)),
                            {}};
    }
    if (DbStatus status
        = m_audit.record({session.user()->id, approver.id, session.lane(), u"approval_granted"_s,
                          u"permission=%1"_s.arg(Permissions::key(permission))});
        !status) {
        return ServiceError::fromDb(status.error(),
                                    tr("The approval could not be recorded, so it was not given."));
    }
    return Approval(Approval::State{permission, approver.id, approver.name, session.user()->id});
}
