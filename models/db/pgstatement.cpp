#include "models/db/pgstatement.h"

#include <QDate>
#include <QDateTime>
#include <QTime>

#include <libpq-fe.h>

#include <cmath>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {
// Type OIDs of PostgreSQL's catalogue (pg_type.dat), the ones QPSQL converts.
enum Oid : unsigned int {
    kBool = 16,
    kBytea = 17,
    kInt8 = 20,
    kInt2 = 21,
    kInt4 = 23,
    kRegproc = 24,
    kOid = 26,
    kXid = 28,
    kCid = 29,
    kFloat4 = 700,
    kFloat8 = 701,
    kDate = 1082,
    kTime = 1083,
    kTimestamp = 1114,
    kTimestampTz = 1184,
    kTimeTz = 1266,
    kNumeric = 1700,
};

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

//! The index just past a quoted run that starts at from with quote (doubled quotes inside).
qsizetype skipQuoted(const QString &sql, qsizetype from, QChar quote)
{
    qsizetype i = from + 1;
    while (i < sql.size()) {
        if (sql.at(i) == quote) {
            if (i + 1 < sql.size() && sql.at(i + 1) == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return i;
}

//! A $tag$ opening at from ("$$" or "$name$"), or an empty string if there is none.
QString dollarTag(const QString &sql, qsizetype from)
{
    qsizetype i = from + 1;
    while (i < sql.size() && isNameChar(sql.at(i)) && !sql.at(i).isDigit()) {
        ++i;
    }
    if (i < sql.size() && sql.at(i) == u'$') {
        return sql.mid(from, i - from + 1);
    }
    return {};
}

//! Where the SQL text that is not code (a string, comment or body) starting at i ends, or i.
qsizetype skipNonCode(const QString &sql, qsizetype i)
{
    const QChar c = sql.at(i);
    const QChar next = i + 1 < sql.size() ? sql.at(i + 1) : QChar();
    if (c == u'\'' || c == u'"') {
        return skipQuoted(sql, i, c);
    }
    if (c == u'-' && next == u'-') {
        const qsizetype end = sql.indexOf(u'\n', i);
        return end < 0 ? sql.size() : end;
    }
    if (c == u'/' && next == u'*') {
        const qsizetype end = sql.indexOf(u"*/"_s, i + 2);
        return end < 0 ? sql.size() : end + 2;
    }
    if (c == u'$' && (i == 0 || !isNameChar(sql.at(i - 1)))) {
        const QString tag = dollarTag(sql, i);
        if (!tag.isEmpty()) {
            const qsizetype end = sql.indexOf(tag, i + tag.size());
            return end < 0 ? sql.size() : end + tag.size();
        }
    }
    return i;
}

bool isVariantNull(const QVariant &value)
{
    // What QSqlResult counts as NULL: no value, or a null string, byte array or time.
    if (value.isNull()) {
        return true;
    }
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().isNull();
    case QMetaType::QByteArray:
        return value.toByteArray().isNull();
    case QMetaType::QDateTime:
        return value.toDateTime().isNull();
    case QMetaType::QDate:
        return value.toDate().isNull();
    case QMetaType::QTime:
        return value.toTime().isNull();
    default:
        return false;
    }
}

//! A bound value as libpq's text (or, for a byte array, binary) parameter.
QByteArray parameterText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? "true"_ba : "false"_ba;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double number = value.toDouble();
        if (std::isnan(number)) {
            return "NaN"_ba;
        }
        if (std::isinf(number)) {
            return number > 0 ? "Infinity"_ba : "-Infinity"_ba;
        }
        return QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs).toLatin1();
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate).toLatin1();
    case QMetaType::QTime:
        return value.toTime().toString(Qt::ISODateWithMs).toLatin1();
    case QMetaType::QByteArray:
        return value.toByteArray();
    default:
        return value.toString().toUtf8();
    }
}

QSqlError makeError(PGconn *connection, const PGresult *result, const QString &what)
{
    QString message
            = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(connection));
    const QString code = result ? QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE))
                                : QString();
    if (!code.isEmpty()) {
        message += u"(%1)"_s.arg(code); // as QPSQL words it, so the texts read the same
    }
    const bool lost = connection == nullptr || PQstatus(connection) == CONNECTION_BAD;
    return QSqlError(u"QPSQL: "_s + what, message,
                     lost ? QSqlError::ConnectionError : QSqlError::StatementError, code);
}

bool succeeded(const PGresult *result)
{
    const ExecStatusType status = PQresultStatus(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;
}

std::unique_ptr<PgResult> take(PGconn *connection, PGresult *result, QSqlError *error,
                               const QString &what)
{
    if (result != nullptr && succeeded(result)) {
        return std::make_unique<PgResult>(result);
    }
    *error = makeError(connection, result, what);
    PQclear(result);
    return nullptr;
}
} // namespace

PgStatement PgStatement::translate(const QString &sql)
{
    PgStatement statement;
    QString out;
    out.reserve(sql.size() + 16);
    qsizetype i = 0;
    while (i < sql.size()) {
        const qsizetype skipped = skipNonCode(sql, i);
        if (skipped != i) {
            out += QStringView(sql).mid(i, skipped - i);
            i = skipped;
            continue;
        }
        const QChar c = sql.at(i);
        if (c == u':' && i + 1 < sql.size() && sql.at(i + 1) == u':') {
            out += u"::"_s; // a cast, not a placeholder
            i += 2;
            continue;
        }
        if (c == u':' && i + 1 < sql.size() && isNameStart(sql.at(i + 1))) {
            qsizetype end = i + 1;
            while (end < sql.size() && isNameChar(sql.at(end))) {
                ++end;
            }
            const QString name = sql.mid(i + 1, end - i - 1);
            qsizetype index = statement.names.indexOf(name);
            if (index < 0) {
                statement.names.append(name);
                index = statement.names.size() - 1;
            }
            out += u'$' + QString::number(index + 1);
            i = end;
            continue;
        }
        out += c;
        ++i;
    }
    statement.sql = out.toUtf8();
    return statement;
}

PgResult::PgResult(pg_result *result)
    : m_result(result)
    , m_rows(PQntuples(result))
{
    const int columns = PQnfields(result);
    m_types.reserve(columns);
    for (int column = 0; column < columns; ++column) {
        m_types.append(metaTypeOf(PQftype(result, column)));
    }
}

PgResult::~PgResult()
{
    PQclear(m_result);
}

bool PgResult::next()
{
    if (m_row >= m_rows) {
        return false;
    }
    ++m_row;
    return m_row < m_rows;
}

QVariant PgResult::value(int column) const
{
    if (m_row < 0 || m_row >= m_rows || column < 0 || column >= m_types.size()) {
        return {};
    }
    const QMetaType::Type type = m_types.at(column);
    if (PQgetisnull(m_result, m_row, column)) {
        return QVariant(QMetaType(type));
    }
    return convert(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column), type);
}

QVariant PgResult::value(const QString &column) const
{
    // As QSqlRecord::indexOf(): the first column of that name, case aside.
    for (int i = 0; i < m_types.size(); ++i) {
        if (column.compare(QString::fromUtf8(PQfname(m_result, i)), Qt::CaseInsensitive) == 0) {
            return value(i);
        }
    }
    return {};
}

int PgResult::numRowsAffected() const
{
    return QByteArray(PQcmdTuples(m_result)).toInt();
}

QMetaType::Type PgResult::metaTypeOf(unsigned int oid)
{
    switch (oid) {
    case kBool:
        return QMetaType::Bool;
    case kInt8:
        return QMetaType::LongLong;
    case kInt2:
    case kInt4:
    case kRegproc:
    case kOid:
    case kXid:
    case kCid:
        return QMetaType::Int;
    case kFloat4:
    case kFloat8:
    case kNumeric:
        return QMetaType::Double;
    case kDate:
        return QMetaType::QDate;
    case kTime:
    case kTimeTz:
        return QMetaType::QTime;
    case kTimestamp:
    case kTimestampTz:
        return QMetaType::QDateTime;
    case kBytea:
        return QMetaType::QByteArray;
    default:
        return QMetaType::QString;
    }
}

QVariant PgResult::convert(const char *text, int length, QMetaType::Type type)
{
    const QByteArrayView raw(text, length);
    switch (type) {
    case QMetaType::Bool:
        return QVariant(length > 0 && text[0] == 't');
    case QMetaType::LongLong:
        return QVariant(raw.toLongLong());
    case QMetaType::Int:
        return QVariant(raw.toInt());
    case QMetaType::Double:
        if (raw == "NaN") {
            return QVariant(qQNaN());
        }
        if (raw == "Infinity" || raw == "-Infinity") {
            return QVariant(raw.startsWith('-') ? -qInf() : qInf());
        }
        return QVariant(raw.toDouble());
    case QMetaType::QDate:
        return QVariant(QDate::fromString(QString::fromLatin1(raw), Qt::ISODate));
    case QMetaType::QTime:
        return QVariant(QTime::fromString(QString::fromLatin1(raw), Qt::ISODateWithMs));
    case QMetaType::QDateTime: {
        QString stamp = QString::fromLatin1(raw);
        if (stamp.size() < 10) {
            return QVariant(QDateTime());
        }
        // "2026-12-03 19:32:41.123456+00": Qt wants the offset's minutes too.
        const QChar sign = stamp.at(stamp.size() - 3);
        if (sign == u'+' || sign == u'-') {
            stamp += u":00"_s;
        }
        return QVariant(QDateTime::fromString(stamp, Qt::ISODateWithMs));
    }
    case QMetaType::QByteArray: {
        size_t size = 0;
        unsigned char *bytes
                = PQunescapeBytea(reinterpret_cast<const unsigned char *>(text), &size);
        QByteArray data(reinterpret_cast<const char *>(bytes), qsizetype(size));
        PQfreemem(bytes);
        return QVariant(data);
    }
    default:
        return QVariant(QString::fromUtf8(raw));
    }
}

bool PgExec::prepare(pg_conn *connection, const PgStatement &statement, QSqlError *error)
{
    PGresult *result = PQprepare(connection, statement.name.constData(), statement.sql.constData(),
                                 0, nullptr);
    const bool ok = take(connection, result, error, u"Unable to prepare statement"_s) != nullptr;
    return ok;
}

std::unique_ptr<PgResult> PgExec::exec(pg_conn *connection, const PgStatement &statement,
                                       const Bound &bound, QSqlError *error)
{
    const int count = int(statement.names.size());
    QList<QByteArray> texts(count);
    QList<const char *> values(count, nullptr);
    QList<int> lengths(count, 0);
    QList<int> formats(count, 0);
    for (int i = 0; i < count; ++i) {
        const QVariant value = bound.value(statement.names.at(i));
        if (isVariantNull(value)) {
            continue; // NULL, as an unbound placeholder is
        }
        texts[i] = parameterText(value);
        values[i] = texts.at(i).constData();
        lengths[i] = int(texts.at(i).size());
        formats[i] = value.typeId() == QMetaType::QByteArray ? 1 : 0;
    }
    PGresult *result = nullptr;
    if (statement.name.isEmpty()) {
        result = PQexecParams(connection, statement.sql.constData(), count, nullptr,
                              values.constData(), lengths.constData(), formats.constData(), 0);
    } else {
        result = PQexecPrepared(connection, statement.name.constData(), count, values.constData(),
                                lengths.constData(), formats.constData(), 0);
    }
    return take(connection, result, error, u"Unable to execute statement"_s);
}

bool PgExec::run(pg_conn *connection, const QByteArray &sql, QSqlError *error)
{
    return take(connection, PQexec(connection, sql.constData()), error,
                u"Unable to execute statement"_s)
           != nullptr;
}

void PgExec::drainNotifications(pg_conn *connection, const NotificationSink &sink)
{
    while (PGnotify *notify = PQnotifies(connection)) {
        const QString channel = QString::fromUtf8(notify->relname);
        const QString payload = QString::fromUtf8(notify->extra);
        PQfreemem(notify);
        sink(channel, payload);
    }
}

QSqlError PgExec::noConnection()
{
    return QSqlError(u"QPSQL: Unable to execute statement"_s, u"no connection to the server"_s,
                     QSqlError::ConnectionError);
}
