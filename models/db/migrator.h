#pragma once

#include "models/db/databaseurl.h"
#include "models/db/dberror.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Database;

//! One numbered schema step. Released files are never edited; a new one is added.
struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

/*!
 * Brings a database to the schema this build of Till expects. Migrations are the
 * numbered SQL files under :/sql/migrations (resources/sql/migrations), each applied in
 * its own transaction together with its row in schema_migrations, so a failing file
 * leaves the database exactly at the previous version. Running it again is a no-op.
 *
 * File format: one file serves both engines through the dialect's type templates
 * ({{id}}, {{timestamp}}, {{now}}); a statement ends with a semicolon at the end of a
 * line, so a statement that needs an inner ';' keeps it inside a line. Two bodies may
 * hold line-end semicolons: a PL/pgSQL body between $$ marks, and a SQLite
 * `CREATE TRIGGER ... BEGIN ... END;`. A statement whose first line is `--@ postgresql`
 * or `--@ sqlite` runs on that engine alone (an index or trigger only one of them has).
 */
class Migrator
{
public:
    enum class Outcome { UpToDate, Migrated };

    explicit Migrator(const Database &db, QList<Migration> migrations = builtIn());

    static QList<Migration> builtIn();
    //! The statements of a file; with an engine, only those for it (without their marks).
    static QStringList splitStatements(const QString &sql,
                                       std::optional<DatabaseUrl::Engine> engine = std::nullopt);

    int latestVersion() const;
    //! The version the database is at; 0 for an empty database.
    DbResult<int> currentVersion() const;
    /*!
     * Applies what is missing. SchemaTooNew when the database is ahead of this build
     * (nothing is touched), Migration when a file fails (that file is rolled back).
     */
    DbResult<Outcome> migrate() const;

private:
    DbStatus ensureVersionTable() const;
    DbResult<bool> isApplied(int version) const;
    DbStatus apply(const Migration &migration) const;

    const Database &m_db;
    QList<Migration> m_migrations;
};
