#pragma once

#include "models/db/databaseurl.h"
#include "models/db/dberror.h"
#include "models/db/dialect.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class NotificationRelay;
struct PgStatement;
struct pg_conn;
class QObject;
class QSqlError;
class QThread;

/*!
 * One Till database: where it is, which dialect it speaks, and one connection per
 * thread that uses it (a QSqlDatabase belongs to the thread that opened it). The
 * connection of the calling thread is opened on first use and set up by the dialect.
 * On PostgreSQL it also owns the LISTENs: whoever wants a channel's notifications asks
 * listen() once, and every session the connection opens listens on it again.
 */
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    //! Opens the connection of the calling thread; the error says why it cannot be had.
    static DbResult<std::unique_ptr<Database>> open(const DatabaseUrl &url);

    const DatabaseUrl &url() const { return m_url; }
    const Dialect &dialect() const { return m_dialect; }

    /*!
     * The calling thread's connection, opened if needed. An invalid or closed connection
     * comes back when it cannot be opened; statements then fail with ConnectionFailed.
     */
    QSqlDatabase connection() const;
    //! Closes and forgets the calling thread's connection and listeners (a worker thread
    //! calls this last).
    void closeThreadConnection() const;
    /*!
     * Drops the calling thread's connection, broken or not, and opens it again, as a retry
     * after a lost connection does: the cached statements go with the old session and the
     * LISTENs come back with the new one. The error says why it cannot be opened.
     */
    DbStatus reconnect() const;

    /*!
     * Calls handler on the calling thread with the payload of every NOTIFY on channel that
     * reaches this thread's connection, until receiver is destroyed. The connection listens
     * now if it is open, and again whenever it is opened anew (a new session has forgotten
     * its LISTENs), so one call hears each notification once, across reconnects. Nothing
     * is ever heard on SQLite, where one till owns the file.
     */
    void listen(const QString &channel, const QObject *receiver,
                std::function<void(const QString &payload)> handler) const;
    /*!
     * Whether the calling thread's connection listens on channel now. A lost connection is
     * opened again first, and listens again with it. Always false on SQLite.
     */
    bool isListening(const QString &channel) const;

    /*!
     * A statement prepared once on the calling thread's connection and kept for the life
     * of that connection: on PostgreSQL every prepare and deallocate is a round trip, so
     * hot paths reuse theirs. prepared is false when the text cannot be prepared. The cache
     * is dropped when the connection is opened again.
     */
    std::shared_ptr<QSqlQuery> cachedStatement(const QString &sql, bool *prepared) const;
    //! Forgets the calling thread's cached statements (after a lost connection).
    void dropCachedStatements() const;

    /*!
     * PostgreSQL: the calling thread's libpq connection, the one behind connection() (so a
     * transaction begun there applies), opened again if it was lost; nullptr when it cannot
     * be had.
     */
    pg_conn *libpqConnection() const;
    /*!
     * PostgreSQL: sql prepared once on the calling thread's session under a name of Till's
     * own, kept until that session ends (reconnect(), dropCachedStatements()); nullptr and
     * the server's error when it refuses the statement or there is no connection.
     */
    std::shared_ptr<const PgStatement> keptPgStatement(const QString &sql, QSqlError *error) const;
    //! PostgreSQL: hands the notifications a statement read off connection to the listeners.
    void relayPgNotifications(pg_conn *connection) const;

    //! How many times a connection was opened, on any thread.
    quint64 openings() const { return m_openings.load(std::memory_order_acquire); }

    /*!
     * SQLite: whether the file at the URL's path is still the file that was opened. A file
     * deleted or replaced under the open connection (restored from a backup, moved away)
     * would take the next sales into a file nobody will open again; once this has failed it
     * keeps failing with DbError::Kind::FileLost, so nothing more is confirmed on screen.
     * Costs one stat(). Always fine on PostgreSQL.
     */
    DbStatus checkFile() const;

    /*!
     * Cuts the connection of thread (PostgreSQL): a statement waiting there for a server
     * that stopped answering returns at once with DbError::Kind::Timeout, and the thread's
     * next statement opens a new connection. Keepalives and timeouts cannot help when the
     * server's machine still answers TCP but the server does not; this is the bound the
     * caller keeps. Callable from any thread; nothing happens on SQLite.
     */
    void interrupt(const QThread *thread) const;

    //! The dialect's reading of a driver error, and Timeout after interrupt().
    DbError toDbError(const QSqlError &error, const QString &statement) const;

    //! "SQLite /path/till.db" or "PostgreSQL till@db.shop.lan:5432/till", for the status bar.
    QString description() const;

private:
    explicit Database(const DatabaseUrl &url);
    DbStatus openConnection(QSqlDatabase &db) const;
    DbStatus setUpSession(QSqlDatabase &db) const;
    DbStatus reopen(QSqlDatabase &db) const;
    QSqlDatabase threadDatabase() const;
    void subscribe(QSqlDatabase &db) const;
    DbStatus rememberFile() const;
    QString connectionNameForThread(const QThread *thread) const;

    DatabaseUrl m_url;
    Dialect m_dialect;
    QString m_namePrefix;
    mutable QMutex m_mutex;
    mutable std::atomic<quint64> m_openings{0};
    // The SQLite file's device and inode when it was first opened; lost once it changed.
    mutable std::atomic<quint64> m_fileDevice{0};
    mutable std::atomic<quint64> m_fileInode{0};
    mutable std::atomic<bool> m_fileLost{false};
    mutable QHash<const QThread *, QString> m_connections;
    mutable QHash<const QThread *, QHash<QString, std::shared_ptr<QSqlQuery>>> m_statements;
    // PostgreSQL: each thread's statements prepared through libpq, by SQL text.
    mutable QHash<const QThread *, QHash<QString, std::shared_ptr<const PgStatement>>>
            m_pgStatements;
    mutable std::atomic<quint64> m_pgStatementNames{0};
    // PostgreSQL: each thread's socket, for interrupt(), and the threads interrupted since.
    mutable QHash<const QThread *, int> m_sockets;
    mutable QSet<const QThread *> m_interrupted;
    // The listeners of each thread that asked listen(), and its hook into that driver.
    mutable QHash<const QThread *, std::shared_ptr<NotificationRelay>> m_relays;
};
