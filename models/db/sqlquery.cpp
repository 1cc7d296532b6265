#include "models/db/sqlquery.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>

using namespace Qt::StringLiterals;

SqlQuery::SqlQuery(const Database &db, const QString &sql, Prepared prepared)
    : m_db(db)
    , m_sql(sql)
    , m_kept(prepared == Prepared::Keep)
{
    if (m_kept) {
        bool ok = false;
        m_query = db.cachedStatement(sql, &ok);
        m_prepared = ok;
    } else {
        m_query = std::make_shared<QSqlQuery>(db.connection());
        m_query->setForwardOnly(true);
        QueryProfiler::instance().recordPrepare();
        m_prepared = m_query->prepare(sql);
    }
    if (!m_prepared) {
        fail(m_query->lastError());
    }
}

SqlQuery::~SqlQuery()
{
    // A kept statement stays prepared; its result set is released for the next use.
    if (m_kept) {
        m_query->finish();
    }
}

SqlQuery &SqlQuery::bind(const QString &name, const QVariant &value)
{
    m_query->bindValue(u':' + name, value);
    return *this;
}

bool SqlQuery::exec()
{
    if (!m_prepared) {
        // The statement never reached the server in a runnable form; count it all the same,
        // so a budget notices the attempt.
        QueryProfiler::instance().record(m_sql, 0, false);
        return false;
    }
    // A statement must not go into an SQLite file that is no longer the store's.
    if (DbStatus file = m_db.checkFile(); !file) {
        m_failed = true;
        m_error = file.error();
        qCWarning(lcSql).noquote() << "statement refused:" << m_error.details;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const bool ok = m_query->exec();
    QueryProfiler::instance().record(m_sql, timer.nsecsElapsed(), ok);
    if (!ok) {
        return fail(m_query->lastError());
    }
    m_failed = false;
    return true;
}

bool SqlQuery::execOne()
{
    if (!exec()) {
        return false;
    }
    if (!m_query->next()) {
        m_error = DbError{DbError::Kind::NotFound, u"No row: "_s + m_sql};
        return false;
    }
    return true;
}

bool SqlQuery::fail(const QSqlError &error)
{
    m_failed = true;
    m_error = m_db.toDbError(error, m_sql);
    if (m_error.kind == DbError::Kind::Statement && !m_query->driver()->isOpen()) {
        // "database not open": the connection could not be had, whatever the driver calls it.
        m_error.kind = DbError::Kind::ConnectionFailed;
    }
    if (m_kept && m_error.kind == DbError::Kind::ConnectionFailed) {
        m_db.dropCachedStatements();
    }
    qCWarning(lcSql).noquote() << "statement failed:" << m_error.details;
    return false;
}

DbStatus SqlQuery::run(const Database &db, const QString &sql)
{
    if (DbStatus file = db.checkFile(); !file) {
        return file;
    }
    QSqlQuery query(db.connection());
    QElapsedTimer timer;
    timer.start();
    const bool ok = query.exec(sql);
    QueryProfiler::instance().record(sql, timer.nsecsElapsed(), ok);
    if (!ok) {
        const DbError error = db.toDbError(query.lastError(), sql);
        qCWarning(lcSql).noquote() << "statement failed:" << error.details;
        return error;
    }
    return Done{};
}
