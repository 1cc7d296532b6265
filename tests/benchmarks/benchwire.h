#pragma once

// Where an operation's time goes besides the client: the round trips seen on the wire, the
// server's own time, and the plans of the statements it ran (till-bench --profile).

#include "models/domain/profiling.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <memory>
#include <optional>

class Database;
struct pg_conn;
struct pg_result;

/*!
 * The round trips in a libpq trace (PQtrace, one message a line, "F" for what the client
 * sent, "B" for what the server sent): each time the client sends after it has received,
 * or sends first, is one round trip. Whichever library sent them, this is what the wire saw.
 */
int countRoundTrips(const QByteArray &trace);

/*!
 * What the bench measures beside the wall time, for the calling thread's connection of one
 * database: set up once (by till-bench before the operations), then used by measure().
 */
class BenchProbe
{
public:
    //! The probe of this run; nothing is probed until setUp().
    static BenchProbe &instance();

    //! Loads pg_stat_statements' view when the server preloads it; opens the profile file.
    bool setUp(const Database &db, const QString &profilePath);
    //! One line for the bench's header: where the round trips and server time come from.
    QString describe() const;

    //! Whether the wire can be watched (PostgreSQL).
    bool hasWire() const { return m_db != nullptr && m_pg; }
    //! Whether an extra repetition tells anything: a wire to watch or plans to write.
    bool watching() const { return hasWire() || m_profile != nullptr; }
    //! Whether the server's time can be read (pg_stat_statements loaded).
    bool hasServerTime() const { return m_serverTime; }

    //! Forgets this database's statement statistics (before the timed repetitions).
    void resetServerTime() const;
    //! The server's time so far in this database's statements, in ms (not the probe's own).
    double serverTimeMs() const;

    //! Starts watching one untimed repetition: the trace and, with --profile, the plans.
    void beginWatch();
    /*!
     * Ends the watched repetition: the round trips seen (none when the wire cannot be
     * watched or the connection was opened anew on the way), and the profile of what ran.
     */
    std::optional<int> endWatch(const QString &title, const QList<StatementRecord> &ran);

private:
    BenchProbe() = default;
    void writeProfile(const QString &title, const QList<StatementRecord> &ran,
                      std::optional<int> trips);
    void writeSqlitePlans(const QStringList &statements);
    void writePostgresPlans();
    bool startPlans();
    void stopPlans();
    static void receiveNotice(void *probe, const pg_result *result);

    const Database *m_db = nullptr;
    bool m_pg = false;
    bool m_serverTime = false;
    QString m_serverTimeWhy;
    std::unique_ptr<QFile> m_profile;
    // The watched repetition: its connection, trace file and the plans auto_explain sent.
    pg_conn *m_conn = nullptr;
    std::FILE *m_trace = nullptr;
    QString m_explainProblem;
    QByteArray m_clientMinMessages;
    bool m_collecting = false;
    QStringList m_notices;
    void (*m_oldReceiver)(void *, const pg_result *) = nullptr;
    void *m_oldReceiverArg = nullptr;
};
