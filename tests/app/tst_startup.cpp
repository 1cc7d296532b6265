#include "app/startup.h"
#include "models/db/database.h"
#include "models/db/settingsrepository.h"
#include "models/db/sqlquery.h"
#include "models/db/userrepository.h"
#include "models/services/setupservice.h"
#include "tests/common/testdatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestStartup : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;

    //! A Startup on the scratch database, opened and migrated.
    std::unique_ptr<Startup> openMigrated()
    {
        auto startup = std::make_unique<Startup>(m_scratch->url());
        const auto opened = startup->openDatabase();
        if (opened) {
            qWarning("open: %s", qPrintable(opened->details));
            return nullptr;
        }
        const auto migrated = startup->migrate();
        if (migrated) {
            qWarning("migrate: %s", qPrintable(migrated->details));
            return nullptr;
        }
        return startup;
    }

    void addUser(Database &db)
    {
        QVERIFY(UserRepository(db).insert({0, u"anna"_s, u"Anna Berger"_s, Role::Cashier, true},
                                          PinHasher::hash(u"4711"_s, 1000)));
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
    }

    void cleanup() { m_scratch.reset(); }

    void freshDatabaseIsMigratedAndNeedsSetup()
    {
        auto startup = openMigrated();
        QVERIFY(startup);
        const auto readiness = startup->checkUsers(false);
        QVERIFY_OK(readiness);
        QCOMPARE(*readiness, Startup::Readiness::NeedsSetup);

        addUser(startup->database());
        const auto again = startup->checkUsers(false);
        QVERIFY(again);
        QCOMPARE(*again, Startup::Readiness::Ready);
        // A second start finds nothing to migrate.
        QVERIFY(!startup->migrate());
    }

    void setupMakesTheStoreReady()
    {
        auto startup = openMigrated();
        QVERIFY(startup);
        SetupService setup(startup->database(), u"1"_s);
        setup.setPinIterations(1000);
        SetupService::StoreSetup store;
        store.storeName = u"Corner Market"_s;
        store.currencyCode = u"EUR"_s;
        store.currencySymbol = u"€"_s;
        store.adminLogin = u"rosa"_s;
        store.adminName = u"Rosa Admin"_s;
        store.adminSecret = u"correct horse"_s;
        const auto admin = setup.initializeStore(store);
        QVERIFY_OK(admin);

        const auto readiness = startup->checkUsers(false);
        QVERIFY(readiness);
        QCOMPARE(*readiness, Startup::Readiness::Ready);
        QCOMPARE(startup->storeName(), u"Corner Market"_s);
    }

    void storeNameComesFromTheStoreSettings()
    {
        auto startup = openMigrated();
        QVERIFY(startup);
        QCOMPARE(startup->storeName(), QString());
        QVERIFY(SettingsRepository(startup->database())
                        .setValue(Setting::StoreName.key, u"  Corner Market "_s));
        QCOMPARE(startup->storeName(), u"Corner Market"_s);
    }

    void databaseOfANewerTillIsLeftAlone()
    {
        auto startup = openMigrated();
        QVERIFY(startup);
        SqlQuery newer(startup->database(),
                       u"INSERT INTO schema_migrations (version, name, applied_at) "
                       "VALUES (9999, 'from the future', '2099-01-01T00:00:00Z')"_s);
        QVERIFY(newer.exec());

        const auto problem = startup->migrate();
        QVERIFY(problem);
        QVERIFY2(problem->text.contains(u"newer version of Till"_s), qPrintable(problem->text));
        QVERIFY(!problem->details.isEmpty());
    }

    void unreachableDatabaseIsAProblemNotACrash()
    {
        DatabaseUrl url = m_scratch->url();
        if (TestDatabase::isPostgres()) {
            url.host = u"/nonexistent-socket-folder"_s;
        } else {
            url.path = u"/proc/till-cannot-write-here/till.db"_s;
        }
        Startup startup(url);
        const auto problem = startup.openDatabase();
        QVERIFY(problem);
        QVERIFY(!problem->text.isEmpty());
        QVERIFY(!problem->details.isEmpty());
    }

    void demoFillsAnEmptyDatabaseOnly()
    {
        auto startup = openMigrated();
        QVERIFY(startup);
        DemoStore::Options options;
        options.historyDays = 2;
        options.billsPerDay = 3;
        options.pinIterations = 1000;
        options.lane = u"7"_s;
        QList<std::pair<int, int>> steps;
        const auto progress = [&steps](int done, int total) {
            steps.append({done, total});
        };

        QVERIFY(!startup->fillDemo(options, progress));
        QVERIFY(startup->hasFilledDemo());
        QVERIFY(steps.size() > 1);
        QCOMPARE(steps.first(), std::make_pair(0, 0));
        const auto readiness = startup->checkUsers(true);
        QVERIFY(readiness);
        QCOMPARE(*readiness, Startup::Readiness::Ready);
        QVERIFY(!startup->storeName().isEmpty());

        // A database with data is left as it is: no progress, no fill.
        startup.reset(); // one Till at a time on an SQLite file
        Startup again(m_scratch->url());
        QVERIFY(!again.openDatabase());
        steps.clear();
        QVERIFY(!again.fillDemo(options, progress));
        QVERIFY(!again.hasFilledDemo());
        QCOMPARE(steps.size(), 0);
    }

    void aSecondTillOnTheSameFileIsRefusedAndNamesTheFirst()
    {
        if (TestDatabase::isPostgres()) {
            QSKIP("Every lane of a store shares one PostgreSQL database.");
        }
        auto first = openMigrated();
        QVERIFY(first);
        Startup second(m_scratch->url());
        const auto refused = second.openDatabase();
        QVERIFY(refused);
        QCOMPARE(refused->kind, StartupProblem::Kind::Fatal);
        const QString pid = QString::number(QCoreApplication::applicationPid());
        QVERIFY2(refused->text.contains(u"already running"_s) && refused->text.contains(pid),
                 qPrintable(refused->text));
        // When the first one ends, the file is free again.
        first.reset();
        QVERIFY(!second.openDatabase());
    }

    void aMissingFileThatHeldAStoreIsNotMadeAgainUnasked()
    {
        if (TestDatabase::isPostgres()) {
            QSKIP("A server's database is not a file of the till's.");
        }
        QTemporaryDir dir;
        DatabaseUrl url = m_scratch->url();
        url.path = dir.filePath(u"gone.db"_s);
        Startup startup(url);
        const auto problem = startup.openDatabase(Startup::MissingFile::Refuse);
        QVERIFY(problem);
        QCOMPARE(problem->kind, StartupProblem::Kind::MissingDatabaseFile);
        QVERIFY2(problem->text.contains(u"gone.db"_s), qPrintable(problem->text));
        QVERIFY(!QFile::exists(url.path));
        // Asked, the person may start over with a new file.
        QVERIFY(!startup.openDatabase(Startup::MissingFile::Create));
        QVERIFY(QFile::exists(url.path));
    }

    void demoAskedForButDataWithoutUsers()
    {
        auto startup = openMigrated();
        QVERIFY(startup);
        QVERIFY(SqlQuery(startup->database(),
                         u"INSERT INTO categories (name) VALUES ('Leftovers')"_s)
                        .exec());
        const auto readiness = startup->checkUsers(true);
        QVERIFY(!readiness);
        QVERIFY2(readiness.error().text.contains(u"only fills an empty database"_s),
                 qPrintable(readiness.error().text));
        // Without --demo the same database goes to the setup wizard instead.
        const auto withoutDemo = startup->checkUsers(false);
        QVERIFY(withoutDemo);
        QCOMPARE(*withoutDemo, Startup::Readiness::NeedsSetup);
    }
};

QTEST_GUILESS_MAIN(TestStartup)
#include "tst_startup.moc"
