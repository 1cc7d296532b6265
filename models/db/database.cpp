#include "models/db/database.h"

#include "models/db/queryprofiler.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDatabase, "till.db")

namespace {
QAtomicInt s_instanceCounter;
} // namespace

Database::Database(const DatabaseUrl &url)
    : m_url(url)
    , m_dialect(url.engine)
    , m_namePrefix(u"till-%1-"_s.arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    m_statements.clear();
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
        return DbError{DbError::Kind::ConnectionFailed,
                       u"The Qt SQL driver %1 is not installed."_s.arg(
                           Dialect(url.engine).driverName())};
    }
    if (url.engine == DatabaseUrl::Engine::SQLite) {
        const QFileInfo file(url.path);
        if (!QDir().mkpath(file.absolutePath())) {
            return DbError{DbError::Kind::ConnectionFailed,
                           u"Cannot create the folder %1."_s.arg(file.absolutePath())};
        }
    }
    std::unique_ptr<Database> database(new Database(url));
    QSqlDatabase db = QSqlDatabase::addDatabase(database->m_dialect.driverName(),
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
        db.setDatabaseName(m_url.path);
    } else {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setDatabaseName(m_url.database);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setConnectOptions(u"connect_timeout=5;application_name=till"_s);
    }
    if (!db.open()) {
        return DbError{DbError::Kind::ConnectionFailed, db.lastError().text()};
    }
    for (const QString &statement : m_dialect.sessionSetup(m_url.schema)) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            DbError error = m_dialect.toDbError(query.lastError(), statement);
            error.kind = DbError::Kind::ConnectionFailed;
            db.close();
            return error;
        }
    }
    m_openings.fetch_add(1, std::memory_order_release);
    qCDebug(lcDatabase) << "opened" << description() << "as" << db.connectionName();
    return Done{};
}

QSqlDatabase Database::connection() const
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
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.isOpen()) {
            // A dropped connection is reopened here; statements report the failure if not.
            // Statements prepared on the old session are gone with it.
            dropCachedStatements();
            (void)openConnection(db);
        }
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driverName(), name);
    if (DbStatus status = openConnection(db); !status) {
        qCWarning(lcDatabase) << "cannot open a connection:" << status.error().details;
    }
    return db;
}

std::shared_ptr<QSqlQuery> Database::cachedStatement(const QString &sql, bool *prepared) const
{
    const QThread *thread = QThread::currentThread();
    {
        QMutexLocker lock(&m_mutex);
        const auto &statements = m_statements[thread];
        const auto it = statements.constFind(sql);
        if (it != statements.cend()) {
            *prepared = true;
            return it.value();
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
    }
}

void Database::closeThreadConnection() const
{
    dropCachedStatements();
    QString name;
    {
        QMutexLocker lock(&m_mutex);
        name = m_connections.take(QThread::currentThread());
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

QString Database::description() const
{
    if (m_url.engine == DatabaseUrl::Engine::SQLite) {
        return u"SQLite %1"_s.arg(QDir::toNativeSeparators(m_url.path));
    }
    QString where = m_url.host.startsWith(u'/') ? m_url.host
                                                : u"%1:%2"_s.arg(m_url.host).arg(m_url.port);
    QString text = u"PostgreSQL %1%2/%3"_s.arg(m_url.user.isEmpty() ? QString() : m_url.user + u'@',
                                               where, m_url.database);
    if (!m_url.schema.isEmpty()) {
        text += u" (%1)"_s.arg(m_url.schema);
    }
    return text;
}
