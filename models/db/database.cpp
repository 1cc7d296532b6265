#include "models/db/database.h"

#include "models/db/notificationrelay.h"
#include "models/db/pgstatement.h"
#include "models/db/queryprofiler.h"
#include "models/db/sqlitefilelocks.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <libpq-fe.h>
#include <sys/socket.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDatabase, "till.db")

namespace {
bool isBroken(const QSqlDatabase &db);

// QPSQL hands out its libpq connection; the type is named after the struct behind PGconn.
bool isPgHandle(const QVariant &handle)
{
    return handle.isValid()
           && (qstrcmp(handle.typeName(), "PGconn*") == 0
               || qstrcmp(handle.typeName(), "pg_conn*") == 0);
}

PGconn *pgConnection(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    return isPgHandle(handle) ? *static_cast<PGconn *const *>(handle.data()) : nullptr;
}
} // namespace

namespace {
QAtomicInt s_instanceCounter;
} // namespace

Database::Database(const DatabaseUrl &url)
    : m_url(url)
    , m_dialect(url.engine)
    , m_namePrefix(u"till-%1-"_s.arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    m_statements.clear();
    m_pgStatements.clear();
    m_relays.clear();
    // Connections of other threads should have been closed by their threads; removing
    // them here is the last resort and Qt warns if they are still in use.
    for (const QString &name : std::as_const(m_connections)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen()) {
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
}

DbResult<std::unique_ptr<Database>> Database::open(const DatabaseUrl &url)
{
    if (!QSqlDatabase::isDriverAvailable(Dialect(url.engine).driverName())) {
        return DbError{
                DbError::Kind::ConnectionFailed,
                u"The Qt SQL driver %1 is not installed."_s.arg(Dialect(url.engine).driverName())};
    }
    if (url.engine == DatabaseUrl::Engine::SQLite) {
        const QFileInfo file(url.path);
        if (!QDir().mkpath(file.absolutePath())) {
            return DbError{DbError::Kind::ConnectionFailed,
                           u"Cannot create the folder %1."_s.arg(file.absolutePath())};
        }
        // Before the first connection: its locks must not depend on what else the process
        // opens and closes (see SqliteFileLocks).
        SqliteFileLocks::install();
    }
    std::unique_ptr<Database> database(new Database(url));
    QSqlDatabase db = QSqlDatabase::addDatabase(
            database->m_dialect.driverName(),
            database->connectionNameForThread(QThread::currentThread()));
    {
        QMutexLocker lock(&database->m_mutex);
        database->m_connections.insert(QThread::currentThread(), db.connectionName());
    }
    if (DbStatus status = database->openConnection(db); !status) {
        return status.error();
    }
    return database;
}

QString Database::connectionNameForThread(const QThread *thread) const
{
    return m_namePrefix + QString::number(reinterpret_cast<quintptr>(thread), 16);
}

DbStatus Database::openConnection(QSqlDatabase &db) const
{
    if (m_url.engine == DatabaseUrl::Engine::SQLite) {
        if (m_fileInode.load(std::memory_order_acquire) == 0) {
            db.setDatabaseName(m_url.path);
        } else {
            // Opened before: never create the file again. A new empty file in its place
            // would take sales that nobody sees again (checkFile() then refuses them).
            if (DbStatus file = checkFile(); !file) {
                return file;
            }
            db.setConnectOptions(u"QSQLITE_OPEN_URI"_s);
            db.setDatabaseName(QUrl::fromLocalFile(m_url.path).toString(QUrl::FullyEncoded)
                               + u"?mode=rw"_s);
        }
    } else {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setDatabaseName(m_url.database);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        // Every wait is bounded: the connect, and a server or network that went away
        // (keepalives and tcp_user_timeout notice a dead peer within about ten seconds).
        db.setConnectOptions(u"connect_timeout=5;application_name=till;keepalives=1;"
                             "keepalives_idle=5;keepalives_interval=2;keepalives_count=3;"
                             "tcp_user_timeout=10000"_s);
    }
    if (!db.open()) {
        return DbError{DbError::Kind::ConnectionFailed, db.lastError().text()};
    }
    if (DbStatus setup = setUpSession(db); !setup) {
        db.close();
        return setup;
    }
    if (m_url.engine == DatabaseUrl::Engine::SQLite) {
        if (DbStatus status = rememberFile(); !status) {
            db.close();
            return status;
        }
    }
    if (m_url.engine == DatabaseUrl::Engine::PostgreSQL) {
        if (PGconn *conn = pgConnection(db)) {
            QMutexLocker lock(&m_mutex);
            m_sockets.insert(QThread::currentThread(), PQsocket(conn));
            m_interrupted.remove(QThread::currentThread());
        }
        // A new session has forgotten every LISTEN of the one before.
        subscribe(db);
    }
    m_openings.fetch_add(1, std::memory_order_release);
    qCDebug(lcDatabase) << "opened" << description() << "as" << db.connectionName();
    return Done{};
}

DbStatus Database::setUpSession(QSqlDatabase &db) const
{
    const QStringList statements = m_dialect.sessionSetup(m_url.schema);
    if (m_dialect.isPostgres()) {
        // One round trip: the simple protocol takes the settings together, and stops at
        // (and reports) the first that fails.
        const QString sql = statements.join(u";\n"_s);
        QSqlError failure = PgExec::noConnection();
        PGconn *conn = pgConnection(db);
        if (conn == nullptr || !PgExec::run(conn, sql.toUtf8(), &failure)) {
            DbError error = toDbError(failure, sql);
            error.kind = DbError::Kind::ConnectionFailed;
            return error;
        }
        return Done{};
    }
    for (const QString &statement : statements) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            DbError error = toDbError(query.lastError(), statement);
            error.kind = DbError::Kind::ConnectionFailed;
            return error;
        }
    }
    return Done{};
}

QSqlDatabase Database::threadDatabase() const
{
    QThread *thread = QThread::currentThread();
    QString name;
    {
        QMutexLocker lock(&m_mutex);
        name = m_connections.value(thread);
        if (name.isEmpty()) {
            name = connectionNameForThread(thread);
            m_connections.insert(thread, name);
        }
    }
    if (QSqlDatabase::contains(name)) {
        return QSqlDatabase::database(name, false);
    }
    return QSqlDatabase::addDatabase(m_dialect.driverName(), name);
}

QSqlDatabase Database::connection() const
{
    QSqlDatabase db = threadDatabase();
    bool interrupted = false;
    {
        QMutexLocker lock(&m_mutex);
        interrupted = m_interrupted.contains(QThread::currentThread());
    }
    if (db.isOpen() && !interrupted && !isBroken(db)) {
        return db;
    }
    // Never opened, or the server went away or interrupt() cut it: start again with a new
    // session. Statements report the failure if it cannot be had.
    if (DbStatus status = reopen(db); !status) {
        qCWarning(lcDatabase) << "cannot open a connection:" << status.error().details;
    }
    return db;
}

DbStatus Database::reconnect() const
{
    QSqlDatabase db = threadDatabase();
    return reopen(db);
}

DbStatus Database::reopen(QSqlDatabase &db) const
{
    if (db.isOpen()) {
        db.close();
    }
    // Statements prepared on the old session are gone with it (closed first, so dropping
    // them sends nothing to a server that may not answer).
    dropCachedStatements();
    return openConnection(db);
}

void Database::listen(const QString &channel, const QObject *receiver,
                      std::function<void(const QString &payload)> handler) const
{
    if (!m_dialect.isPostgres()) {
        return;
    }
    const QThread *thread = QThread::currentThread();
    std::shared_ptr<NotificationRelay> relay;
    QString name;
    {
        QMutexLocker lock(&m_mutex);
        std::shared_ptr<NotificationRelay> &slot = m_relays[thread];
        if (!slot) {
            slot = std::make_shared<NotificationRelay>();
        }
        relay = slot;
        name = m_connections.value(thread);
    }
    relay->add(channel, receiver, std::move(handler));
    // An open connection listens now; one not opened yet listens when it opens.
    if (!name.isEmpty() && QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen()) {
            subscribe(db);
        }
    }
}

bool Database::isListening(const QString &channel) const
{
    if (!m_dialect.isPostgres()) {
        return false;
    }
    const QSqlDatabase db = connection();
    return db.isOpen() && db.driver()->subscribedToNotifications().contains(channel);
}

void Database::subscribe(QSqlDatabase &db) const
{
    std::shared_ptr<NotificationRelay> relay;
    {
        QMutexLocker lock(&m_mutex);
        relay = m_relays.value(QThread::currentThread());
    }
    QSqlDriver *driver = db.driver();
    if (!relay || !driver) {
        return;
    }
    relay->follow(driver);
    const QStringList subscribed = driver->subscribedToNotifications();
    for (const QString &channel : relay->channels()) {
        if (!subscribed.contains(channel) && !driver->subscribeToNotification(channel)) {
            qCWarning(lcDatabase) << "cannot listen on" << channel << driver->lastError().text();
        }
    }
}

std::shared_ptr<QSqlQuery> Database::cachedStatement(const QString &sql, bool *prepared) const
{
    const QThread *thread = QThread::currentThread();
    {
        QMutexLocker lock(&m_mutex);
        // After interrupt() the statements belong to a dead session; connection() below
        // opens a new one and forgets them.
        if (!m_interrupted.contains(thread)) {
            const auto &statements = m_statements[thread];
            const auto it = statements.constFind(sql);
            if (it != statements.cend()) {
                *prepared = true;
                return it.value();
            }
        }
    }
    auto query = std::make_shared<QSqlQuery>(connection());
    query->setForwardOnly(true);
    QueryProfiler::instance().recordPrepare();
    *prepared = query->prepare(sql);
    if (*prepared) {
        QMutexLocker lock(&m_mutex);
        m_statements[thread].insert(sql, query);
    }
    return query;
}

void Database::dropCachedStatements() const
{
    QHash<QString, std::shared_ptr<QSqlQuery>> dropped;
    {
        QMutexLocker lock(&m_mutex);
        dropped = m_statements.take(QThread::currentThread());
        // Prepared on a session that is gone (or going): nothing to deallocate.
        m_pgStatements.remove(QThread::currentThread());
    }
}

pg_conn *Database::libpqConnection() const
{
    PGconn *conn = pgConnection(connection());
    return conn != nullptr && PQstatus(conn) == CONNECTION_OK ? conn : nullptr;
}

std::shared_ptr<const PgStatement> Database::keptPgStatement(const QString &sql,
                                                             QSqlError *error) const
{
    // First the connection: one lost or interrupted is opened again, which forgets the
    // statements of the session before.
    PGconn *conn = libpqConnection();
    if (conn == nullptr) {
        *error = PgExec::noConnection();
        return nullptr;
    }
    const QThread *thread = QThread::currentThread();
    {
        QMutexLocker lock(&m_mutex);
        const auto &statements = m_pgStatements[thread];
        const auto it = statements.constFind(sql);
        if (it != statements.cend() && it.value()->connection == conn) {
            return it.value();
        }
    }
    auto statement = std::make_shared<PgStatement>(PgStatement::translate(sql));
    // Never QPSQL's "qpsqlpstmt_*": the driver deallocates those by its own count.
    statement->name = "till_" + QByteArray::number(m_pgStatementNames.fetch_add(1) + 1);
    statement->connection = conn;
    QueryProfiler::instance().recordPrepare();
    if (!PgExec::prepare(conn, *statement, error)) {
        return nullptr;
    }
    QMutexLocker lock(&m_mutex);
    m_pgStatements[thread].insert(sql, statement);
    return statement;
}

void Database::relayPgNotifications(pg_conn *connection) const
{
    std::shared_ptr<NotificationRelay> relay;
    {
        QMutexLocker lock(&m_mutex);
        relay = m_relays.value(QThread::currentThread());
    }
    PgExec::drainNotifications(connection,
                               [&relay](const QString &channel, const QString &payload) {
                                   if (relay) {
                                       relay->post(channel, payload);
                                   }
                               });
}

void Database::interrupt(const QThread *thread) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_sockets.constFind(thread);
    if (it == m_sockets.cend() || it.value() < 0) {
        return;
    }
    m_interrupted.insert(thread);
    // Wakes a recv() blocked on the other thread; libpq then reports a lost connection.
    ::shutdown(it.value(), SHUT_RDWR);
    qCWarning(lcDatabase) << "interrupted the connection of a thread that waited too long";
}

DbError Database::toDbError(const QSqlError &error, const QString &statement) const
{
    DbError result = m_dialect.toDbError(error, statement);
    if (result.kind == DbError::Kind::ConnectionFailed) {
        QMutexLocker lock(&m_mutex);
        if (m_interrupted.contains(QThread::currentThread())) {
            result.kind = DbError::Kind::Timeout;
            result.details.prepend(u"Till stopped waiting for the database. "_s);
        }
    }
    return result;
}

void Database::closeThreadConnection() const
{
    dropCachedStatements();
    QString name;
    std::shared_ptr<NotificationRelay> relay; // released here, on the thread it lives on
    {
        QMutexLocker lock(&m_mutex);
        relay = m_relays.take(QThread::currentThread());
        name = m_connections.take(QThread::currentThread());
        m_sockets.remove(QThread::currentThread());
        m_interrupted.remove(QThread::currentThread());
    }
    if (name.isEmpty()) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

namespace {
bool isBroken(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!isPgHandle(handle)) {
        return false;
    }
    PGconn *conn = pgConnection(db);
    return conn == nullptr || PQstatus(conn) == CONNECTION_BAD;
}

bool statFile(const QString &path, quint64 *device, quint64 *inode)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return false;
    }
    *device = static_cast<quint64>(st.st_dev);
    *inode = static_cast<quint64>(st.st_ino);
    return true;
}
} // namespace

DbStatus Database::rememberFile() const
{
    // The session setup has run, so the file exists now even if it was new.
    quint64 device = 0;
    quint64 inode = 0;
    if (!statFile(m_url.path, &device, &inode)) {
        return DbError{DbError::Kind::ConnectionFailed,
                       u"The database file %1 cannot be found after opening it."_s.arg(m_url.path)};
    }
    quint64 expected = 0;
    if (m_fileInode.compare_exchange_strong(expected, inode, std::memory_order_acq_rel)) {
        m_fileDevice.store(device, std::memory_order_release);
        return Done{};
    }
    // A connection opened again (another thread, a reconnect) must find the same file.
    return checkFile();
}

DbStatus Database::checkFile() const
{
    if (m_url.engine != DatabaseUrl::Engine::SQLite) {
        return Done{};
    }
    const auto lost = [this](const QString &what) {
        m_fileLost.store(true, std::memory_order_release);
        return DbError{DbError::Kind::FileLost,
                       u"The database file %1 %2 while Till had it open."_s.arg(m_url.path, what)};
    };
    if (m_fileLost.load(std::memory_order_acquire)) {
        return lost(u"was deleted or replaced"_s);
    }
    const quint64 inode = m_fileInode.load(std::memory_order_acquire);
    if (inode == 0) {
        return Done{}; // not opened yet
    }
    quint64 device = 0;
    quint64 current = 0;
    if (!statFile(m_url.path, &device, &current)) {
        return lost(u"was deleted"_s);
    }
    if (current != inode || device != m_fileDevice.load(std::memory_order_acquire)) {
        return lost(u"was replaced by another file"_s);
    }
    return Done{};
}

QString Database::description() const
{
    if (m_url.engine == DatabaseUrl::Engine::SQLite) {
        return u"SQLite %1"_s.arg(QDir::toNativeSeparators(m_url.path));
    }
    QString where
            = m_url.host.startsWith(u'/') ? m_url.host : u"%1:%2"_s.arg(m_url.host).arg(m_url.port);
    QString text = u"PostgreSQL %1%2/%3"_s.arg(m_url.user.isEmpty() ? QString() : m_url.user + u'@',
                                               where, m_url.database);
    if (!m_url.schema.isEmpty()) {
        text += u" (%1)"_s.arg(m_url.schema);
    }
    return text;
}
