#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

// libpq's handles, named by their structs so this header needs no libpq header.
struct pg_conn;
struct pg_result;

/*!
 * A statement for libpq's extended protocol: the SQL with its `:name` placeholders written
 * as `$1`, `$2`, ... (a name used twice is one parameter) and, when it is kept, the name it
 * was prepared under on one connection. Parameters go out as parameters (text with type OID 0,
 * so the server infers each type as it does for an SQL PREPARE; a QByteArray in binary for
 * bytea), never inlined into the text.
 */
struct PgStatement
{
    QByteArray sql;                //!< with $n placeholders, UTF-8
    QStringList names;             //!< names[i] is the placeholder $(i + 1), without the colon
    QByteArray name;               //!< the prepared statement's name; empty: the unnamed statement
    pg_conn *connection = nullptr; //!< the connection it was prepared on (kept ones)

    //! Rewrites `:name` as `$n`; skips `::casts`, quoted strings, comments and $$ bodies.
    static PgStatement translate(const QString &sql);
};

/*!
 * A result read in text format and converted by column type as Qt's QPSQL driver does
 * (int8 to qint64, int2/int4 to int, bool, float and numeric to double, bytea to QByteArray,
 * date, time and timestamps to QDate, QTime and QDateTime, anything else to QString); a NULL
 * is a null QVariant of the column's type. Forward-only, like every Till read.
 */
class PgResult
{
public:
    explicit PgResult(pg_result *result);
    ~PgResult();
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;

    bool next();
    QVariant value(int column) const;
    QVariant value(const QString &column) const;
    int numRowsAffected() const;

    //! The QMetaType Qt's QPSQL gives a column of the type with this OID.
    static QMetaType::Type metaTypeOf(unsigned int oid);
    //! One field's text as that type (the field is not NULL).
    static QVariant convert(const char *text, int length, QMetaType::Type type);

private:
    pg_result *m_result = nullptr;
    int m_row = -1;
    int m_rows = 0;
    QList<QMetaType::Type> m_types;
};

/*!
 * Runs statements on one libpq connection: each exec is one round trip (PQexecParams for
 * the unnamed statement, PQexecPrepared for a kept one). Failures come back as the QSqlError
 * QPSQL would give: the server's message with the SQLSTATE as native error code, and a
 * ConnectionError when the connection is gone.
 */
namespace PgExec {
using Bound = QHash<QString, QVariant>;
using NotificationSink = std::function<void(const QString &channel, const QString &payload)>;

//! Prepares statement.sql under statement.name (one round trip); false with error if refused.
bool prepare(pg_conn *connection, const PgStatement &statement, QSqlError *error);
//! Runs the statement with the bound values; nullptr with error if it failed.
std::unique_ptr<PgResult> exec(pg_conn *connection, const PgStatement &statement,
                               const Bound &bound, QSqlError *error);
//! Runs SQL without parameters through the simple protocol (DDL, SET).
bool run(pg_conn *connection, const QByteArray &sql, QSqlError *error);
//! Hands each notification libpq has read to sink and frees it.
void drainNotifications(pg_conn *connection, const NotificationSink &sink);
//! The error a statement gets when there is no connection to run it on.
QSqlError noConnection();
} // namespace PgExec
