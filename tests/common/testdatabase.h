#pragma once

#include "models/db/database.h"
#include "tests/common/qverifyok.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

/*!
 * A fresh database for one test, on the engine CTest chose (TILL_TEST_ENGINE=sqlite or
 * postgresql). SQLite gets a file in a temporary folder; PostgreSQL gets a schema of its
 * own on the server named by TILL_TEST_DATABASE_URL (or the PG* variables), dropped when
 * the TestDatabase goes away, so tests run in parallel on one server.
 *
 *     void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }
 *     auto scratch = TestDatabase::create();   // migrated
 *     QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
 *     Database &db = scratch->db();
 */
class TestDatabase
{
public:
    enum class Schema { Migrated, Empty };

    ~TestDatabase();

    static std::unique_ptr<TestDatabase> create(Schema schema = Schema::Migrated);
    static QString lastError();

    static bool isPostgres();
    static QString engineName();
    //! Empty when the engine can be used; otherwise why not.
    static QString unavailableReason();
    //! When set (./till.sh test sets it), a missing PostgreSQL fails instead of skipping.
    static bool postgresRequired();
    //! The server URL from the environment, without a schema.
    static QString serverUrl();

    Database &db() { return *m_db; }
    const DatabaseUrl &url() const { return m_url; }

private:
    TestDatabase() = default;

    std::unique_ptr<Database> m_db;
    DatabaseUrl m_url;
    QTemporaryDir m_dir;
};

/*!
 * Gives this test process user folders of its own (data, settings, cache) in a temporary
 * folder that goes away at exit, and names the application. CTest runs NAME:sqlite and
 * NAME:postgresql at the same time: with shared folders one would read the other's
 * settings or the other's copy of the sale in progress. Call first in initTestCase().
 */
void usePrivateUserFolders(const QString &applicationName);

//! In initTestCase(): skip (or, when PostgreSQL is required, fail) without the engine.
#define TILL_REQUIRE_TEST_ENGINE() \
    do { \
        const QString reason = TestDatabase::unavailableReason(); \
        if (!reason.isEmpty()) { \
            if (TestDatabase::postgresRequired()) { \
                QFAIL(qPrintable(reason)); \
            } \
            QSKIP(qPrintable(reason)); \
        } \
    } while (false)
