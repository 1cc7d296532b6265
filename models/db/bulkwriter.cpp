#include "models/db/bulkwriter.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

BulkWriter::BulkWriter(const Database &db, QString sql, int rowsPerStatement)
    : m_db(db)
    , m_sql(std::move(sql))
    , m_rowsPerStatement(std::max(1, rowsPerStatement))
{}

QString BulkWriter::source(const Database &db, const QList<Dialect::JsonColumn> &columns)
{
    return db.dialect().jsonRows(u"rows"_s, columns);
}

BulkWriter &BulkWriter::bind(const QString &name, const QVariant &value)
{
    m_bound.insert(name, value);
    return *this;
}

JsonRows &BulkWriter::row()
{
    if (m_rows.rowCount() >= m_rowsPerStatement) {
        // More chunks follow this one: the statement stays prepared for them.
        m_keep = true;
        flush();
    }
    m_rows.beginRow();
    return m_rows;
}

bool BulkWriter::flush()
{
    if (m_failed || m_rows.isEmpty()) {
        m_rows.clear();
        return !m_failed;
    }
    SqlQuery q(m_db, m_sql, m_keep ? SqlQuery::Prepared::Keep : SqlQuery::Prepared::Fresh);
    q.bind(u"rows"_s, m_rows.toString());
    for (auto it = m_bound.cbegin(); it != m_bound.cend(); ++it) {
        q.bind(it.key(), it.value());
    }
    m_rows.clear();
    ++m_statements;
    if (!q.exec()) {
        m_failed = true;
        m_error = q.error();
        return false;
    }
    m_written += q.numRowsAffected();
    return true;
}

DbStatus BulkWriter::finish()
{
    if (!flush()) {
        return m_error;
    }
    return Done{};
}
