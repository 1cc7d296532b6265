#pragma once

#include "models/db/dberror.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

class Database;

/*!
 * The one way Till runs SQL. Wraps a QSqlQuery on the calling thread's connection,
 * prepares with named placeholders, and hands every execution to the QueryProfiler.
 * Reads are forward-only. A failed statement leaves a DbError with the driver's text.
 * Hot paths pass Prepared::Keep, so the statement is prepared once per connection.
 *
 *     SqlQuery q(db, u"SELECT id, name FROM products WHERE sku = :sku"_s);
 *     q.bind(u"sku"_s, sku);
 *     if (!q.exec()) return q.error();
 *     while (q.next()) ... q.value(0) ...
 */
class SqlQuery
{
public:
    //! Fresh prepares and drops its statement; Keep reuses one prepared per connection.
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

    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    QVariant value(const QString &column) const { return m_query->value(column); }
    qint64 int64(int column) const { return m_query->value(column).toLongLong(); }
    QString text(int column) const { return m_query->value(column).toString(); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }

    const DbError &error() const { return m_error; }
    bool hasError() const { return m_failed; }
    const QString &sql() const { return m_sql; }

    //! Runs one statement without parameters (DDL, SET, PRAGMA), through the profiler.
    static DbStatus run(const Database &db, const QString &sql);

private:
    bool fail(const QSqlError &error);

    const Database &m_db;
    QString m_sql;
    std::shared_ptr<QSqlQuery> m_query;
    bool m_prepared = false;
    bool m_kept = false;
    bool m_failed = false;
    DbError m_error;
};
