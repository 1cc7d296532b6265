#include "models/db/migrator.h"
#include "models/db/sqlquery.h"
#include "models/services/startupservice.h"
#include "tests/common/storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

//! What start-up asks of a database it has just opened: its schema and its users.
class TestStartupService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void anEmptyDatabaseIsBroughtUpToDateOnce()
    {
        // Given a database with no schema
        auto scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        const StartupService startup(scratch->db());

        // When start-up migrates it, it says so, with the version it reached
        const auto first = startup.migrateSchema();
        QVERIFY2(first, qPrintable(first ? QString() : first.error().details));
        QVERIFY(first->migrated);
        QCOMPARE(first->version, Migrator(scratch->db()).latestVersion());
        QCOMPARE(Migrator(scratch->db()).currentVersion().value(), first->version);

        // And the next start finds nothing to do
        const auto second = startup.migrateSchema();
        QVERIFY(second);
        QVERIFY(!second->migrated);
        QCOMPARE(second->version, first->version);
    }

    void aNewerDatabaseIsRefused()
    {
        auto scratch = TestDatabase::create();
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        SqlQuery future(scratch->db(), u"INSERT INTO schema_migrations (version, name, applied_at) "
                                       "VALUES (9999, 'from the future', 'x')"_s);
        QVERIFY(future.exec());

        const auto outcome = StartupService(scratch->db()).migrateSchema();

        QVERIFY(!outcome);
        QCOMPARE(outcome.error().kind, DbError::Kind::SchemaTooNew);
    }

    void usersAreCountedActiveOrNot()
    {
        // Given a store set up with no users yet
        auto scratch = TestDatabase::create();
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        const StartupService startup(scratch->db());
        QCOMPARE(startup.userCount().value(), qint64(0));

        // When a manager and a user who left are added, both count
        QVERIFY(StoreFixture::addUser(scratch->db(), u"mara"_s, u"Mara"_s, Role::Manager).id > 0);
        QVERIFY(StoreFixture::addUser(scratch->db(), u"gone"_s, u"Gone"_s, Role::Cashier, u"1234"_s,
                                      false)
                        .id
                > 0);
        QCOMPARE(startup.userCount().value(), qint64(2));
    }
};

QTEST_MAIN(TestStartupService)
#include "tst_startupservice.moc"
