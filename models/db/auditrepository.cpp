#include "models/db/auditrepository.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

DbStatus AuditRepository::record(const Entry &entry) const
{
    SqlQuery q(m_db, u"INSERT INTO audit_log (at, user_id, approved_by, lane, action, details) "
                     "VALUES (:at, :user, :approved, :lane, :action, COALESCE(:details, ''))"_s);
    auto idOrNull = [](qint64 id) {
        return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
    };
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

DbResult<QList<AuditRepository::Row>> AuditRepository::page(const Filter &filter, qint64 beforeId,
                                                            int limit) const
{
    // Only the conditions in use go into the statement, so each stays index-friendly.
    QStringList where;
    if (beforeId > 0) {
        where << u"a.id < :before"_s;
    }
    if (filter.userId > 0) {
        where << u"a.user_id = :user"_s;
    }
    if (!filter.action.isEmpty()) {
        where << u"a.action = :action"_s;
    }
    if (filter.from.isValid()) {
        where << u"a.at >= :from"_s;
    }
    if (filter.to.isValid()) {
        where << u"a.at < :to"_s;
    }
    SqlQuery q(m_db, u"SELECT a.id, a.at, u.name, ap.name, a.lane, a.action, a.details "
                     "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
                     "LEFT JOIN users ap ON ap.id = a.approved_by "_s
                             + (where.isEmpty() ? QString() : u"WHERE "_s + where.join(u" AND "_s))
                             + u" ORDER BY a.id DESC LIMIT :limit"_s);
    if (beforeId > 0) {
        q.bind(u"before"_s, beforeId);
    }
    if (filter.userId > 0) {
        q.bind(u"user"_s, filter.userId);
    }
    if (!filter.action.isEmpty()) {
        q.bind(u"action"_s, filter.action);
    }
    if (filter.from.isValid()) {
        q.bind(u"from"_s, Dialect::timestampText(filter.from));
    }
    if (filter.to.isValid()) {
        q.bind(u"to"_s, Dialect::timestampText(filter.to));
    }
    q.bind(u"limit"_s, limit);
    if (!q.exec()) {
        return q.error();
    }
    QList<Row> rows;
    while (q.next()) {
        rows.append({q.int64(0), Dialect::toDateTime(q.value(1)), q.text(2), q.text(3), q.text(4),
                     q.text(5), q.text(6)});
    }
    return rows;
}

DbResult<QStringList> AuditRepository::actions() const
{
    SqlQuery q(m_db, u"SELECT DISTINCT action FROM audit_log ORDER BY action"_s);
    if (!q.exec()) {
        return q.error();
    }
    QStringList actions;
    while (q.next()) {
        actions << q.text(0);
    }
    return actions;
}
