#include "models/db/sqlquery.h"

#include "models/db/database.h"
#include "models/db/pgstatement.h"
#include "models/db/queryprofiler.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace {
//! TILL_PG_VIA_QPSQL=1 sends PostgreSQL statements through Qt's driver as before the libpq
//! path: a way back should a server or pooler not take to it, and the baseline to measure.
bool viaLibpq()
{
    static const bool qpsql = qEnvironmentVariableIntValue("TILL_PG_VIA_QPSQL") == 1;
    return !qpsql;
}
} // namespace

SqlQuery::SqlQuery(const Database &db, const QString &sql, Prepared prepared)
    : m_db(db)
    , m_sql(sql)
    , m_postgres(db.dialect().isPostgres() && viaLibpq())
    , m_kept(prepared == Prepared::Keep)
{
    if (m_postgres) {
        preparePostgres();
        return;
    }
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
    if (m_kept && m_query) {
        m_query->finish();
    }
}

void SqlQuery::preparePostgres()
{
    if (!m_kept) {
        // The unnamed statement: parsed, bound and run in the exec's one round trip.
        m_statement = std::make_shared<const PgStatement>(PgStatement::translate(m_sql));
        m_prepared = true;
        return;
    }
    QSqlError error;
    m_statement = m_db.keptPgStatement(m_sql, &error);
    m_prepared = m_statement != nullptr;
    if (!m_prepared) {
        fail(error);
    }
}

SqlQuery &SqlQuery::bind(const QString &name, const QVariant &value)
{
    if (m_postgres) {
        m_bound.insert(name, value);
    } else {
        m_query->bindValue(u':' + name, value);
    }
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
    if (m_postgres) {
        return execPostgres();
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

bool SqlQuery::execPostgres()
{
    m_result.reset();
    pg_conn *connection = m_db.libpqConnection();
    QSqlError error = PgExec::noConnection();
    if (connection != nullptr && m_kept && m_statement->connection != connection) {
        // The session was opened anew since: prepare on the new one.
        m_statement = m_db.keptPgStatement(m_sql, &error);
        connection = m_statement ? connection : nullptr;
    }
    if (connection == nullptr) {
        QueryProfiler::instance().record(m_sql, 0, false);
        return fail(error);
    }
    QElapsedTimer timer;
    timer.start();
    m_result = PgExec::exec(connection, *m_statement, m_bound, &error);
    QueryProfiler::instance().record(m_sql, timer.nsecsElapsed(), m_result != nullptr);
    m_db.relayPgNotifications(connection);
    if (!m_result) {
        return fail(error);
    }
    m_failed = false;
    return true;
}

bool SqlQuery::execOne()
{
    if (!exec()) {
        return false;
    }
    if (!next()) {
        m_error = DbError{DbError::Kind::NotFound, u"No row: "_s + m_sql};
        return false;
    }
    return true;
}

bool SqlQuery::next()
{
    if (m_postgres) {
        return m_result && m_result->next();
    }
    return m_query->next();
}

QVariant SqlQuery::value(int column) const
{
    if (m_postgres) {
        return m_result ? m_result->value(column) : QVariant();
    }
    return m_query->value(column);
}

QVariant SqlQuery::value(const QString &column) const
{
    if (m_postgres) {
        return m_result ? m_result->value(column) : QVariant();
    }
    return m_query->value(column);
}

int SqlQuery::numRowsAffected() const
{
    if (m_postgres) {
        return m_result ? m_result->numRowsAffected() : -1;
    }
    return m_query->numRowsAffected();
}

bool SqlQuery::fail(const QSqlError &error)
{
    m_failed = true;
    m_error = m_db.toDbError(error, m_sql);
    if (m_error.kind == DbError::Kind::Statement && m_query && !m_query->driver()->isOpen()) {
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
    if (db.dialect().isPostgres() && viaLibpq()) {
        return runPostgres(db, sql);
    }
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

DbStatus SqlQuery::runPostgres(const Database &db, const QString &sql)
{
    pg_conn *connection = db.libpqConnection();
    QSqlError failure = PgExec::noConnection();
    QElapsedTimer timer;
    timer.start();
    // The simple protocol: no parameters, one round trip, and DDL with $$ bodies as it is.
    const bool ok = connection != nullptr && PgExec::run(connection, sql.toUtf8(), &failure);
    QueryProfiler::instance().record(sql, timer.nsecsElapsed(), ok);
    if (connection != nullptr) {
        db.relayPgNotifications(connection);
    }
    if (!ok) {
        const DbError error = db.toDbError(failure, sql);
        qCWarning(lcSql).noquote() << "statement failed:" << error.details;
        return error;
    }
    return Done{};
}
