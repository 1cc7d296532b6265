#pragma once

#include "models/db/auditrepository.h"
#include "models/services/serviceerror.h"

#include <QCoreApplication>

class Authorizer;
class Database;
class Session;

//! Reading the audit log, for those allowed to (Permission::ViewAudit).
class AuditService
{
    Q_DECLARE_TR_FUNCTIONS(AuditService)

public:
    AuditService(const Database &db, const Session &session, const Authorizer &authorizer);

    ServiceResult<QList<AuditRepository::Row>> page(const AuditRepository::Filter &filter,
                                                    qint64 beforeId, int limit) const;
    ServiceResult<QStringList> actions() const;

private:
    const Session &m_session;
    const Authorizer &m_authorizer;
    AuditRepository m_audit;
};
