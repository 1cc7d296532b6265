#pragma once

#include "models/db/auditrepository.h"
#include "models/domain/approval.h"
#include "models/domain/permissions.h"
#include "models/services/authservice.h"
#include "models/services/serviceerror.h"

#include <QCoreApplication>

class Database;
class Session;

/*!
 * Decides whether the signed-in user may do something, and hands out managers'
 * approvals. Every service that does something in the permission table asks here first,
 * so the rule holds even when no screen is involved.
 *
 *     const auto grant = m_authorizer.authorize(m_session, Permission::Refund, approval);
 *     if (!grant) return grant.error();           // a translated refusal
 *     ... do it, and audit it with grant->approvedBy ...
 */
class Authorizer
{
    Q_DECLARE_TR_FUNCTIONS(Authorizer)

public:
    struct Grant
    {
        qint64 userId = 0;
        qint64 approvedBy = 0; //!< the approving manager, or 0 when the role was enough
    };

    Authorizer(const Database &db, AuthService &auth);

    //! May the session's user do this without approval? No side effects: for enabling buttons.
    bool can(const Session &session, Permission permission) const;

    /*!
     * Allows when the role is enough, or when approval is a granted, unused approval of
     * this very permission for this very user; the approval is then used up. Otherwise a
     * PermissionDenied error saying why. Writes nothing to the database.
     */
    ServiceResult<Grant> authorize(const Session &session, Permission permission,
                                   const Approval &approval = {}) const;

    /*!
     * As authorize(), but the approval is not used up: for a request that is approved now
     * and carried out later (a line's discount, approved when given and used by the sale's
     * commit). The caller then calls use() once the thing was done.
     */
    ServiceResult<Grant> check(const Session &session, Permission permission,
                               const Approval &approval = {}) const;
    //! Uses the approval up (after what it approved was done).
    static void use(const Approval &approval);

    /*!
     * A manager approves permission for the session's user with their own login and PIN.
     * Wrong PINs count towards the manager's lock as at sign-in. The audit log records
     * who asked, who approved, what and when.
     */
    ServiceResult<Approval> requestApproval(const Session &session, Permission permission,
                                            const QString &approverLogin, const QString &pin);

private:
    const Database &m_db;
    AuthService &m_auth;
    AuditRepository m_audit;
};
