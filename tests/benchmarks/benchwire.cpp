#include "tests/benchmarks/benchwire.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"

#include <QHash>
#include <QSqlDriver>
#include <QTextStream>

#include <libpq-fe.h>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace {

//! The libpq connection behind the calling thread's connection; none on SQLite.
PGconn *pgConnection(const Database &db)
{
    const QSqlDatabase connection = db.connection();
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0
            && qstrcmp(handle.typeName(), "pg_conn*") != 0)) {
        return nullptr;
    }
    return *static_cast<PGconn *const *>(handle.data());
}

sqlite3 *sqliteConnection(const Database &db)
{
    const QSqlDatabase connection = db.connection();
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(handle.data());
}

/*!
 * Runs a statement that cannot be prepared (LOAD, SET, CREATE EXTENSION) on conn itself,
 * outside Till's statement path; the server's error, or empty when it ran.
 */
QString runUnprepared(PGconn *conn, const char *sql)
{
    PGresult *result = PQexec(conn, sql);
    const ExecStatusType status = PQresultStatus(result);
    const QString error = (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
                                  ? QString()
                                  : QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    PQclear(result);
    return error;
}

// This database's statements only, and none of the probe's own reads and resets.
constexpr auto kThisDatabase = "dbid = (SELECT oid FROM pg_database WHERE datname = "
                               "current_database())";

//! What a plan is known by: its text before the first plan node (the statement).
QString planKey(const QString &notice)
{
    QStringList key;
    const QStringList lines = notice.split(u'\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines.at(i).contains(u"(cost="_s) || lines.at(i).contains(u"(actual time="_s)) {
            break;
        }
        key << lines.at(i);
    }
    return key.join(u'\n');
}

} // namespace

int countRoundTrips(const QByteArray &trace)
{
    int trips = 0;
    char last = 0;
    for (const QByteArray &line : trace.split('\n')) {
        // "F\t54\tParse..." or, with time stamps, "2026-...\tF\t54\tParse...".
        const QList<QByteArray> fields = line.split('\t');
        char direction = 0;
        for (qsizetype i = 0; i < std::min<qsizetype>(2, fields.size()) && direction == 0; ++i) {
            if (fields.at(i) == "F" || fields.at(i) == "B") {
                direction = fields.at(i).at(0);
            }
        }
        if (direction == 'F' && last != 'F') {
            ++trips;
        }
        if (direction != 0) {
            last = direction;
        }
    }
    return trips;
}

BenchProbe &BenchProbe::instance()
{
    static BenchProbe probe;
    return probe;
}

bool BenchProbe::setUp(const Database &db, const QString &profilePath)
{
    m_db = &db;
    PGconn *conn = pgConnection(db);
    m_pg = conn != nullptr;
    if (!profilePath.isEmpty()) {
        m_profile = std::make_unique<QFile>(profilePath);
        if (!m_profile->open(QIODevice::WriteOnly | QIODevice::Text)) {
            std::fprintf(stderr, "till-bench: cannot write %s\n", qPrintable(profilePath));
            return false;
        }
    }
    if (!m_pg) {
        m_serverTimeWhy = u"none on SQLite (no server)"_s;
        return true;
    }
    SqlQuery preload(db, u"SELECT current_setting('shared_preload_libraries')"_s);
    if (!preload.execOne() || !preload.text(0).contains(u"pg_stat_statements"_s)) {
        m_serverTimeWhy = u"pg_stat_statements not loaded"_s;
        return true;
    }
    if (const QString error
        = runUnprepared(conn, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        !error.isEmpty()) {
        m_serverTimeWhy = u"pg_stat_statements not available: %1"_s.arg(error);
        return true;
    }
    m_serverTime = true;
    return true;
}

QString BenchProbe::describe() const
{
    const QString trips
            = hasWire() ? u"libpq trace of one extra repetition"_s : u"none on SQLite (no wire)"_s;
    const QString server = m_serverTime ? u"pg_stat_statements, exec + plan time per repetition"_s
                                        : m_serverTimeWhy;
    return u"round trips: %1; server time: %2"_s.arg(trips, server);
}

void BenchProbe::resetServerTime() const
{
    if (!m_serverTime) {
        return;
    }
    SqlQuery reset(*m_db, u"SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database "
                          "WHERE datname = current_database()), 0)"_s);
    reset.execOne();
}

double BenchProbe::serverTimeMs() const
{
    if (!m_serverTime) {
        return 0;
    }
    SqlQuery sum(*m_db, u"SELECT CAST(COALESCE(SUM(total_exec_time + total_plan_time), 0) AS TEXT) "
                        "FROM pg_stat_statements WHERE %1 AND toplevel "
                        "AND query NOT LIKE '%pg_stat_statements%'"_s.arg(
                                QString::fromLatin1(kThisDatabase)));
    return sum.execOne() ? sum.text(0).toDouble() : 0;
}

void BenchProbe::beginWatch()
{
    m_conn = m_pg ? pgConnection(*m_db) : nullptr;
    m_notices.clear();
    if (m_conn == nullptr) {
        return;
    }
    if (m_profile) {
        m_collecting = startPlans();
    }
    m_trace = std::tmpfile();
    if (m_trace != nullptr) {
        PQtrace(m_conn, m_trace);
        PQsetTraceFlags(m_conn, PQTRACE_SUPPRESS_TIMESTAMPS);
    }
}

std::optional<int> BenchProbe::endWatch(const QString &title, const QList<StatementRecord> &ran)
{
    std::optional<int> trips;
    // A connection opened anew on the way is not the one traced: the old one is gone.
    const bool same = m_conn != nullptr && pgConnection(*m_db) == m_conn;
    if (m_trace != nullptr) {
        if (same) {
            PQuntrace(m_conn);
            std::fflush(m_trace);
            std::rewind(m_trace);
            QByteArray text;
            char buffer[65536];
            for (size_t got = 0; (got = std::fread(buffer, 1, sizeof buffer, m_trace)) > 0;) {
                text.append(buffer, static_cast<qsizetype>(got));
            }
            trips = countRoundTrips(text);
        }
        std::fclose(m_trace);
        m_trace = nullptr;
    }
    if (m_collecting && same) {
        stopPlans();
    }
    m_collecting = false;
    if (m_profile) {
        writeProfile(title, ran, trips);
    }
    m_conn = nullptr;
    return trips;
}

bool BenchProbe::startPlans()
{
    // Every statement of this session, with its real parameters, its plan as run, its
    // buffers and its triggers (the foreign key checks), sent back as a NOTICE.
    for (const char *sql :
         {"LOAD 'auto_explain'", "SET auto_explain.log_analyze = on",
          "SET auto_explain.log_buffers = on", "SET auto_explain.log_triggers = on",
          "SET auto_explain.log_nested_statements = on", "SET auto_explain.log_level = notice",
          "SET auto_explain.log_min_duration = 0"}) {
        if (const QString error = runUnprepared(m_conn, sql); !error.isEmpty()) {
            m_explainProblem = u"auto_explain could not be loaded (%1): %2"_s.arg(
                    QString::fromLatin1(sql), error);
            return false;
        }
    }
    // The session keeps notices from the client (Dialect sets client_min_messages): let
    // the plans through for this repetition only.
    PGresult *level = PQexec(m_conn, "SELECT current_setting('client_min_messages')");
    m_clientMinMessages = PQresultStatus(level) == PGRES_TUPLES_OK && PQntuples(level) == 1
                                  ? QByteArray(PQgetvalue(level, 0, 0))
                                  : QByteArray("warning");
    PQclear(level);
    if (const QString error = runUnprepared(m_conn, "SET client_min_messages TO notice");
        !error.isEmpty()) {
        m_explainProblem = u"plans cannot reach the client: %1"_s.arg(error);
        return false;
    }
    m_explainProblem.clear();
    // QPSQL keeps libpq's own receiver (it sets a notice processor), which takes no
    // argument of its own: it is put back as it was.
    m_oldReceiver = PQsetNoticeReceiver(m_conn, &BenchProbe::receiveNotice, this);
    return true;
}

void BenchProbe::stopPlans()
{
    PQsetNoticeReceiver(m_conn, m_oldReceiver, m_oldReceiverArg);
    (void)runUnprepared(m_conn, "SET auto_explain.log_min_duration = -1");
    const QByteArray restore = "SET client_min_messages TO " + m_clientMinMessages;
    (void)runUnprepared(m_conn, restore.constData());
}

void BenchProbe::receiveNotice(void *probe, const pg_result *result)
{
    auto *self = static_cast<BenchProbe *>(probe);
    const char *primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    const QString message = QString::fromUtf8(primary ? primary : "");
    if (message.startsWith(u"duration:"_s)) {
        self->m_notices << message;
    } else if (self->m_oldReceiver != nullptr) {
        self->m_oldReceiver(self->m_oldReceiverArg, result);
    }
}

void BenchProbe::writeProfile(const QString &title, const QList<StatementRecord> &ran,
                              std::optional<int> trips)
{
    QStringList distinct;
    QHash<QString, int> times;
    for (const StatementRecord &statement : ran) {
        if (times[statement.sql]++ == 0) {
            distinct << statement.sql;
        }
    }
    QTextStream out(m_profile.get());
    out << "==== " << title << ": " << ran.size() << " statements";
    if (trips) {
        out << ", " << *trips << " round trips";
    }
    out << "\n-- the statements it ran (as Till's profiler saw them, at most "
        << QueryProfiler::kMaxStatementsKept << " kept)\n";
    for (const QString &sql : std::as_const(distinct)) {
        out << "  " << times.value(sql) << " x  " << sql << '\n';
    }
    out.flush();
    if (m_pg) {
        writePostgresPlans();
    } else {
        writeSqlitePlans(distinct);
    }
    m_profile->write("\n");
    m_profile->flush();
}

void BenchProbe::writePostgresPlans()
{
    QTextStream out(m_profile.get());
    if (!m_explainProblem.isEmpty()) {
        out << "-- no plans: " << m_explainProblem << '\n';
        return;
    }
    // auto_explain's plans of the statements as they ran; one of each, with how many ran.
    QStringList order;
    QHash<QString, QString> first;
    QHash<QString, int> count;
    for (const QString &notice : std::as_const(m_notices)) {
        const QString key = planKey(notice);
        if (count[key]++ == 0) {
            order << key;
            first.insert(key, notice);
        }
    }
    out << "-- EXPLAIN (ANALYZE, BUFFERS) by auto_explain: " << m_notices.size()
        << " plans, one of each statement\n";
    for (const QString &key : std::as_const(order)) {
        out << "-- ran " << count.value(key) << " x\n" << first.value(key) << '\n';
    }
}

void BenchProbe::writeSqlitePlans(const QStringList &statements)
{
    QTextStream out(m_profile.get());
    sqlite3 *handle = sqliteConnection(*m_db);
    if (handle == nullptr) {
        out << "-- no plans: no SQLite connection\n";
        return;
    }
    out << "-- EXPLAIN QUERY PLAN of each statement (parameters unbound)\n";
    for (const QString &sql : statements) {
        const QByteArray explain = "EXPLAIN QUERY PLAN " + sql.toUtf8();
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(handle, explain.constData(), -1, &statement, nullptr) != SQLITE_OK) {
            out << sql << "\n  (no plan: " << sqlite3_errmsg(handle) << ")\n";
            sqlite3_finalize(statement);
            continue;
        }
        out << sql << '\n';
        QHash<int, int> depth;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            const int id = sqlite3_column_int(statement, 0);
            const int level = depth.value(sqlite3_column_int(statement, 1), 0) + 1;
            depth.insert(id, level);
            out << QString(level * 2, u' ')
                << reinterpret_cast<const char *>(sqlite3_column_text(statement, 3)) << '\n';
        }
        sqlite3_finalize(statement);
    }
}
