#include "tests/common/testdatabase.h"

#include "models/db/migrator.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
QString s_lastError;
QAtomicInt s_counter;

QString adminConnectionName()
{
    return u"till-test-admin"_s;
}

//! A plain connection to the test server for creating and dropping schemas.
QSqlDatabase adminConnection()
{
    if (QSqlDatabase::contains(adminConnectionName())) {
        return QSqlDatabase::database(adminConnectionName());
    }
    const auto url = DatabaseUrl::parse(TestDatabase::serverUrl());
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, adminConnectionName());
    if (!url) {
        return db;
    }
    db.setHostName(url->host);
    db.setPort(url->port);
    db.setDatabaseName(url->database);
    db.setUserName(url->user);
    db.setPassword(url->password);
    if (db.open()) {
        // Dropping a schema lists every table as a NOTICE otherwise.
        QSqlQuery(db).exec(u"SET client_min_messages TO warning"_s);
    }
    return db;
}
} // namespace

QString TestDatabase::engineName()
{
    const QString engine = qEnvironmentVariable("TILL_TEST_ENGINE", u"sqlite"_s).toLower();
    return engine.startsWith(u"postgres"_s) ? u"postgresql"_s : u"sqlite"_s;
}

bool TestDatabase::isPostgres()
{
    return engineName() == u"postgresql"_s;
}

bool TestDatabase::postgresRequired()
{
    return qEnvironmentVariableIntValue("TILL_TEST_REQUIRE_POSTGRESQL") == 1;
}

QString TestDatabase::serverUrl()
{
    QString url = qEnvironmentVariable("TILL_TEST_DATABASE_URL");
    if (!url.isEmpty() || !qEnvironmentVariableIsSet("PGDATABASE")) {
        return url;
    }
    // libpq-style variables, as a developer with a local server has them.
    const QString host = qEnvironmentVariable("PGHOST", u"localhost"_s);
    QString result = u"postgresql:///%1?host=%2&port=%3"_s.arg(
            qEnvironmentVariable("PGDATABASE"), host, qEnvironmentVariable("PGPORT", u"5432"_s));
    if (qEnvironmentVariableIsSet("PGUSER")) {
        result += u"&user="_s + qEnvironmentVariable("PGUSER");
    }
    if (qEnvironmentVariableIsSet("PGPASSWORD")) {
        result += u"&password="_s + qEnvironmentVariable("PGPASSWORD");
    }
    return result;
}

QString TestDatabase::unavailableReason()
{
    if (!isPostgres()) {
        return {};
    }
    if (serverUrl().isEmpty()) {
        return u"No PostgreSQL server: set TILL_TEST_DATABASE_URL (./till.sh test does)."_s;
    }
    QString error;
    if (!DatabaseUrl::parse(serverUrl(), &error)) {
        return u"TILL_TEST_DATABASE_URL is not usable: %1"_s.arg(error);
    }
    QSqlDatabase admin = adminConnection();
    if (!admin.isOpen()) {
        return u"Cannot connect to PostgreSQL at %1: %2"_s.arg(serverUrl(),
                                                               admin.lastError().text());
    }
    return {};
}

QString TestDatabase::lastError()
{
    return s_lastError;
}

std::unique_ptr<TestDatabase> TestDatabase::create(Schema schema)
{
    std::unique_ptr<TestDatabase> scratch(new TestDatabase);
    if (isPostgres()) {
        const auto url = DatabaseUrl::parse(serverUrl(), &s_lastError);
        if (!url) {
            return nullptr;
        }
        scratch->m_url = *url;
        scratch->m_url.schema = u"t_%1_%2"_s.arg(QCoreApplication::applicationPid())
                                        .arg(s_counter.fetchAndAddRelaxed(1));
        QSqlQuery create(adminConnection());
        if (!create.exec(u"CREATE SCHEMA \"%1\""_s.arg(scratch->m_url.schema))) {
            s_lastError = create.lastError().text();
            return nullptr;
        }
    } else {
        if (!scratch->m_dir.isValid()) {
            s_lastError = u"no temporary folder"_s;
            return nullptr;
        }
        scratch->m_url = DatabaseUrl::sqliteFile(scratch->m_dir.filePath(u"till.db"_s));
    }
    auto opened = Database::open(scratch->m_url);
    if (!opened) {
        s_lastError = opened.error().details;
        return nullptr;
    }
    scratch->m_db = std::move(*opened);
    if (schema == Schema::Migrated) {
        const auto migrated = Migrator(*scratch->m_db).migrate();
        if (!migrated) {
            s_lastError = migrated.error().details;
            return nullptr;
        }
    }
    return scratch;
}

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (isPostgres() && !m_url.schema.isEmpty()) {
        QSqlQuery drop(adminConnection());
        drop.exec(u"DROP SCHEMA \"%1\" CASCADE"_s.arg(m_url.schema));
    }
}

void usePrivateUserFolders(const QString &applicationName)
{
    static QTemporaryDir home;
    const auto use = [](const char *variable, const QString &folder) {
        QDir().mkpath(folder);
        qputenv(variable, QFile::encodeName(folder));
    };
    use("XDG_DATA_HOME", home.filePath(u"data"_s));
    use("XDG_CONFIG_HOME", home.filePath(u"config"_s));
    use("XDG_CACHE_HOME", home.filePath(u"cache"_s));
    QCoreApplication::setOrganizationName(u"TillTests"_s);
    QCoreApplication::setApplicationName(applicationName);
}
