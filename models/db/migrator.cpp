#include "models/db/migrator.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMigrator, "till.migrations")

Migrator::Migrator(const Database &db, QList<Migration> migrations)
    : m_db(db)
    , m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

QList<Migration> Migrator::builtIn()
{
    static const QRegularExpression fileName(uR"(^(\d+)_(.+)\.sql$)"_s);
    QList<Migration> result;
    const QDir dir(u":/sql/migrations"_s);
    for (const QString &entry : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = fileName.match(entry);
        if (!match.hasMatch()) {
            continue;
        }
        QFile file(dir.filePath(entry));
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        result.append(
                {match.captured(1).toInt(), match.captured(2), QString::fromUtf8(file.readAll())});
    }
    return result;
}

namespace {

//! The engine a `--@ postgresql` / `--@ sqlite` line names, if it is one.
std::optional<DatabaseUrl::Engine> engineMark(const QString &trimmed)
{
    if (!trimmed.startsWith(u"--@"_s)) {
        return std::nullopt;
    }
    const QString name = trimmed.mid(3).trimmed().toLower();
    if (name == u"postgresql"_s) {
        return DatabaseUrl::Engine::PostgreSQL;
    }
    if (name == u"sqlite"_s) {
        return DatabaseUrl::Engine::SQLite;
    }
    return std::nullopt;
}

//! Whether a statement begun so far is a SQLite trigger with a body, which ends at `END;`
//! (a PostgreSQL trigger names a function and ends at its line's semicolon).
bool isTriggerBody(const QString &statement)
{
    static const QRegularExpression trigger(
            uR"(^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b.*\bBEGIN\b)"_s,
            QRegularExpression::CaseInsensitiveOption
                    | QRegularExpression::DotMatchesEverythingOption);
    return trigger.match(statement).hasMatch();
}

} // namespace

QStringList Migrator::splitStatements(const QString &sql, std::optional<DatabaseUrl::Engine> engine)
{
    QStringList statements;
    QString current;
    std::optional<DatabaseUrl::Engine> only;
    bool inDollarBody = false;
    const auto finish = [&] {
        QString statement = current.trimmed();
        if (statement.endsWith(u';')) {
            statement.chop(1);
        }
        statement = statement.trimmed();
        if (!statement.isEmpty() && (!engine || !only || *only == *engine)) {
            statements.append(statement);
        }
        current.clear();
        only.reset();
    };
    const QStringList lines = sql.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (current.isEmpty() && !inDollarBody) {
            if (const auto mark = engineMark(trimmed)) {
                only = mark;
                continue;
            }
        }
        if (!inDollarBody
            && (trimmed.startsWith(u"--"_s) || (trimmed.isEmpty() && current.isEmpty()))) {
            continue;
        }
        current += line + u'\n';
        if (line.count(u"$$"_s) % 2 == 1) {
            inDollarBody = !inDollarBody;
        }
        if (inDollarBody || !trimmed.endsWith(u';')) {
            continue;
        }
        if (isTriggerBody(current) && trimmed.compare(u"END;"_s, Qt::CaseInsensitive) != 0) {
            continue;
        }
        finish();
    }
    if (!current.trimmed().isEmpty()) {
        finish();
    }
    return statements;
}

int Migrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

DbStatus Migrator::ensureVersionTable() const
{
    return SqlQuery::run(m_db, u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                               "version INTEGER PRIMARY KEY, "
                               "name TEXT NOT NULL, "
                               "applied_at TEXT NOT NULL)"_s);
}

DbResult<int> Migrator::currentVersion() const
{
    if (DbStatus status = ensureVersionTable(); !status) {
        return status.error();
    }
    SqlQuery query(m_db, u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    if (!query.execOne()) {
        return query.error();
    }
    return static_cast<int>(query.int64(0));
}

DbResult<Migrator::Outcome> Migrator::migrate() const
{
    ProfileScope scope(u"database.migrate"_s);
    const DbResult<int> current = currentVersion();
    if (!current) {
        return current.error();
    }
    if (*current > latestVersion()) {
        return DbError{
                DbError::Kind::SchemaTooNew,
                u"The database is at schema version %1; this Till knows up to %2."_s.arg(*current)
                        .arg(latestVersion())};
    }
    bool applied = false;
    for (const Migration &migration : m_migrations) {
        if (migration.version <= *current) {
            continue;
        }
        if (DbStatus status = apply(migration); !status) {
            return status.error();
        }
        applied = true;
    }
    return applied ? Outcome::Migrated : Outcome::UpToDate;
}

DbResult<bool> Migrator::isApplied(int version) const
{
    // The query is gone when this returns: on SQLite a statement still open keeps its table
    // locked, and a migration that drops an index would be refused.
    SqlQuery done(m_db, u"SELECT COUNT(*) FROM schema_migrations WHERE version = :v"_s);
    done.bind(u"v"_s, version);
    if (!done.execOne()) {
        return done.error();
    }
    return done.int64(0) > 0;
}

DbStatus Migrator::apply(const Migration &migration) const
{
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return status;
    }
    const QString lock = m_db.dialect().migrationLockStatement();
    if (!lock.isEmpty()) {
        if (DbStatus status = SqlQuery::run(m_db, lock); !status) {
            return status;
        }
    }
    // Another lane may have applied it while we waited for the lock.
    const auto applied = isApplied(migration.version);
    if (!applied) {
        return applied.error();
    }
    if (*applied) {
        return tx.commit();
    }
    const QStringList statements = splitStatements(m_db.dialect().expandTemplates(migration.sql),
                                                   m_db.dialect().engine());
    for (const QString &statement : statements) {
        if (DbStatus status = SqlQuery::run(m_db, statement); !status) {
            DbError error = status.error();
            error.kind = DbError::Kind::Migration;
            error.details = u"Migration %1 (%2) failed: %3"_s.arg(migration.version)
                                    .arg(migration.name, error.details);
            qCWarning(lcMigrator).noquote() << error.details;
            return error;
        }
    }
    SqlQuery record(m_db, u"INSERT INTO schema_migrations (version, name, applied_at) "
                          "VALUES (:v, :name, :at)"_s);
    record.bind(u"v"_s, migration.version)
            .bind(u"name"_s, migration.name)
            .bind(u"at"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()));
    if (!record.exec()) {
        return record.error();
    }
    if (DbStatus status = tx.commit(); !status) {
        return status;
    }
    qCInfo(lcMigrator) << "applied migration" << migration.version << migration.name;
    return Done{};
}
