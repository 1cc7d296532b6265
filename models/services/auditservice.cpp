#include "models/services/auditservice.h"

#include "models/db/queryprofiler.h"
#include "models/services/authorizer.h"

using namespace Qt::StringLiterals;

AuditService::AuditService(const Database &db, const Session &session, const Authorizer &authorizer)
    : m_session(session)
    , m_authorizer(authorizer)
    , m_audit(db)
{}

ServiceResult<QList<AuditRepository::Row>> AuditService::page(const AuditRepository::Filter &filter,
                                                              qint64 beforeId, int limit) const
{
    ProfileScope scope(u"audit.page"_s);
    if (const auto grant = m_authorizer.authorize(m_session, Permission::ViewAudit); !grant) {
        return grant.error();
    }
    auto rows = m_audit.page(filter, beforeId, limit);
    if (!rows) {
        return ServiceError::fromDb(rows.error(), tr("The audit log cannot be read right now."));
    }
    return *rows;
}

ServiceResult<QStringList> AuditService::actions() const
{
    if (const auto grant = m_authorizer.authorize(m_session, Permission::ViewAudit); !grant) {
        return grant.error();
    }
    auto actions = m_audit.actions();
    if (!actions) {
        return ServiceError::fromDb(actions.error(), tr("The audit log cannot be read right now."));
    }
    return *actions;
}
