#pragma once

#include "models/db/dberror.h"

#include <QHash>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

class Database;
class PgResult;
struct PgStatement;

/*!
 * The one way Till runs SQL, with named placeholders, handing every execution to the
 * QueryProfiler. On SQLite it wraps a QSqlQuery on the calling thread's connection. On
 * PostgreSQL it talks libpq on that same connection: each exec is one round trip with the
 * values sent as parameters (see PgStatement), and notifications read with a result reach
 * the listeners at once. Reads are forward-only. A failed statement leaves a DbError with
 * the driver's text. Hot paths pass Prepared::Keep, so the statement is prepared once per
 * connection.
 *
 *     SqlQuery q(db, u"SELECT id, name FROM products WHERE sku = :sku"_s);
 *     q.bind(u"sku"_s, sku);
 *     if (!q.exec()) return q.error();
 *     while (q.next()) ... q.value(0) ...
 */
class SqlQuery
{
public:
    /*!
     * Fresh prepares and drops its statement (on PostgreSQL the unnamed statement, parsed
     * with the exec in one round trip); Keep reuses one prepared per connection.
     */
    enum class Prepared { Fresh, Keep };

    SqlQuery(const Database &db, const QString &sql, Prepared prepared = Prepared::Fresh);
    ~SqlQuery();
    SqlQuery(const SqlQuery &) = delete;
    SqlQuery &operator=(const SqlQuery &) = delete;

    //! Binds :name (given without the colon).
    SqlQuery &bind(const QString &name, const QVariant &value);
    bool exec();
    /*!
     * exec() and next(): true when the statement ran and returned a row. When it is false,
     * hasError() tells the two cases apart: a failed statement has the driver's error; a
     * statement that ran but found no row has no error, and error() is a NotFound naming
     * the statement, so `return q.error();` reports what happened either way.
     */
    bool execOne();

    bool next();
    QVariant value(int column) const;
    QVariant value(const QString &column) const;
    qint64 int64(int column) const { return value(column).toLongLong(); }
    QString text(int column) const { return value(column).toString(); }
    int numRowsAffected() const;

    const DbError &error() const { return m_error; }
    bool hasError() const { return m_failed; }
    const QString &sql() const { return m_sql; }

    //! Runs one statement without parameters (DDL, SET, PRAGMA), through the profiler.
    static DbStatus run(const Database &db, const QString &sql);

private:
    bool fail(const QSqlError &error);
    void preparePostgres();
    bool execPostgres();
    static DbStatus runPostgres(const Database &db, const QString &sql);

    const Database &m_db;
    QString m_sql;
    std::shared_ptr<QSqlQuery> m_query; // SQLite
    // PostgreSQL: the statement, its bound values, and the last result.
    std::shared_ptr<const PgStatement> m_statement;
    QHash<QString, QVariant> m_bound;
    std::unique_ptr<PgResult> m_result;
    bool m_postgres = false;
    bool m_prepared = false;
    bool m_kept = false;
    bool m_failed = false;
    DbError m_error;
};
