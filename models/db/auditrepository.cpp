#include "models/db/auditrepository.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

DbStatus AuditRepository::record(const Entry &entry) const
{
    SqlQuery q(m_db, u"INSERT INTO audit_log (at, user_id, approved_by, lane, action, details) "
                     "VALUES (:at, :user, :approved, :lane, :action, COALESCE(:details, ''))"_s);
    auto idOrNull = [](qint64 id) { return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>()); };
    q.bind(u"at"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()))
        .bind(u"user"_s, idOrNull(entry.userId))
        .bind(u"approved"_s, idOrNull(entry.approvedBy))
        .bind(u"lane"_s, entry.lane)
        .bind(u"action"_s, entry.action)
        .bind(u"details"_s, entry.details);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}
