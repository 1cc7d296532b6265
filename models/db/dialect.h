#pragma once

#include "models/db/databaseurl.h"
#include "models/db/dberror.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlError;
class QVariant;

/*!
 * Every difference between SQLite and PostgreSQL that Till's SQL meets lives here and
 * nowhere else. Repositories write one statement for both engines and ask the dialect
 * for the few fragments that differ.
 */
class Dialect
{
public:
    using Engine = DatabaseUrl::Engine;

    explicit Dialect(Engine engine)
        : m_engine(engine)
    {}

    Engine engine() const { return m_engine; }
    bool isPostgres() const { return m_engine == Engine::PostgreSQL; }
    QString driverName() const;

    /*!
     * Expands the type templates a migration uses so that one file serves both engines:
     * {{id}} a generated primary key, {{timestamp}} a UTC instant, {{now}} the current
     * instant as a column default, {{blob}} binary data.
     */
    QString expandTemplates(QString sql) const;

    //! LIKE that ignores letter case: ILIKE on PostgreSQL, LIKE (ASCII case-blind) on SQLite.
    QString likeIgnoringCase() const
    {
        return isPostgres() ? QStringLiteral("ILIKE") : QStringLiteral("LIKE");
    }
    //! Escapes %, _ and \ in user text for a LIKE pattern written with ESCAPE '\'.
    static QString escapeLike(const QString &text);
    /*!
     * `column IN (subquery)` for an uncorrelated subquery, written so that it can stand in
     * an OR whose other arms an index answers: PostgreSQL reads `column = ANY(ARRAY(...))`
     * once and looks the ids up by index (an IN there becomes a subplan that only a scan of
     * every row can check); SQLite plans IN the same way in either place.
     */
    QString inSubquery(const QString &column, const QString &subquery) const;
    /*!
     * Locks rows for the rest of the transaction where the engine needs it: PostgreSQL
     * takes "SELECT ... FOR UPDATE"; SQLite already holds the whole database for a writer,
     * so nothing is sent (an empty string). subquery selects the ids.
     */
    QString lockRowsStatement(const QString &table, const QString &idSubquery) const;

    /*!
     * The hour of day (0-23, integer) and the calendar day ("2026-11-22", text) of a UTC
     * timestamp column in the till's local time zone: reports bucket by the shop's clock.
     */
    QString localHour(const QString &column) const;
    QString localDay(const QString &column) const;

    //! Statements run on every new connection (SQLite pragmas, PostgreSQL search path).
    QStringList sessionSetup(const QString &schema) const;

    //! Taken inside the migration transaction so that two lanes never migrate at once.
    QString migrationLockStatement() const;

    enum class ColumnType { Integer, Text, Timestamp, Boolean };
    struct JsonColumn
    {
        QString name;
        ColumnType type;
    };
    /*!
     * A row source that unpacks one bound JSON array of objects into typed columns, so a
     * statement that writes N rows has the same text for every N and stays prepared:
     *   INSERT INTO t (a, b) SELECT a, b FROM <jsonRows(u"rows", {...})> AS r
     * The fragment is parenthesised; bind the array's text to :param.
     */
    QString jsonRows(const QString &param, const QList<JsonColumn> &columns) const;

    /*!
     * Instants are stored in UTC. SQLite keeps them as ISO text that sorts like time
     * ("2026-11-22T14:03:07.250Z"), PostgreSQL as timestamptz; this is the text to bind.
     */
    static QString timestampText(const QDateTime &instant);
    //! Reads what either engine returns for a timestamp column as a UTC QDateTime.
    static QDateTime toDateTime(const QVariant &value);

    //! True when the error means the connection is gone (the statement may be retried).
    bool isConnectionLost(const QSqlError &error) const;
    //! Sorts a driver error into a DbError kind by the engine's own codes.
    DbError toDbError(const QSqlError &error, const QString &statement = {}) const;

private:
    Engine m_engine;
};
