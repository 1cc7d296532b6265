#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/db/sqlquery.h"
#include "models/db/taxraterepository.h"
#include "models/db/userrepository.h"
#include "models/services/authservice.h"
#include "models/services/setupservice.h"
#include "tests/common/testdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;


class TestSetupService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<SetupService> m_setup;

    static SetupService::StoreSetup aStore()
    {
        SetupService::StoreSetup store;
        store.storeName = u"Corner Market"_s;
        store.address = u"Lindenstraße 12\n04177 Leipzig"_s;
        store.taxId = u"DE 123 456 789"_s;
        store.currencyCode = u"eur"_s;
        store.currencySymbol = u"€"_s;
        store.pricesIncludeTax = true;
        store.standardRateBp = 1900;
        store.reducedRateBp = 700;
        store.adminLogin = u" Rosa "_s;
        store.adminName = u"Rosa Admin"_s;
        store.adminSecret = u"correct horse battery"_s;
        return store;
    }
    qint64 count(const QString &table)
    {
        SqlQuery q(m_scratch->db(), u"SELECT COUNT(*) FROM %1"_s.arg(table));
        return q.execOne() ? q.int64(0) : -1;
    }
    QString setting(const QString &key)
    {
        return SettingsRepository(m_scratch->db()).value(key, u"<none>"_s).value();
    }
    void verifyNothingWritten()
    {
        QCOMPARE(count(u"users"_s), 0);
        QCOMPARE(count(u"settings"_s), 0);
        QCOMPARE(count(u"lanes"_s), 0);
        QCOMPARE(count(u"audit_log"_s), 0);
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
        m_setup = std::make_unique<SetupService>(m_scratch->db(), u"3"_s);
        m_setup->setPinIterations(1000);
    }

    void cleanup()
    {
        m_setup.reset();
        m_scratch.reset();
    }

    void setsUpAnEmptyStoreInOneTransaction()
    {
        QCOMPARE(m_setup->isNeeded().value(), true);

        ProfileScope scope(u"test.setup"_s);
        const auto admin = m_setup->initializeStore(aStore());
        QVERIFY_OK(admin);
        // BEGIN, count users, settings, lane, two tax rates, admin, audit, COMMIT.
        QCOMPARE(scope.statementCount(), 9);
        QCOMPARE(m_setup->isNeeded().value(), false);

        // The store's settings, with the rest at their defaults
        QCOMPARE(setting(Setting::StoreName.key), u"Corner Market"_s);
        QCOMPARE(setting(Setting::StoreAddress.key), u"Lindenstraße 12\n04177 Leipzig"_s);
        QCOMPARE(setting(Setting::Currency.key), u"EUR"_s);
        QCOMPARE(setting(Setting::CurrencySymbol.key), u"€"_s);
        QCOMPARE(setting(Setting::PricesIncludeTax.key), u"1"_s);
        QCOMPARE(setting(Setting::IdleLockMinutes.key), u"5"_s);
        // The lane, the two rates
        QCOMPARE(count(u"lanes WHERE name = '3'"_s), 1);
        const auto rates = TaxRateRepository(m_scratch->db()).all();
        QVERIFY(rates);
        QCOMPARE(rates->size(), 2);
        QList<int> bp;
        for (const TaxRate &rate : *rates) {
            bp << rate.rateBp;
        }
        std::sort(bp.begin(), bp.end());
        QCOMPARE(bp, QList<int>({700, 1900}));

        // The administrator signs in with the passphrase
        QCOMPARE(admin->login, u"rosa"_s);
        QCOMPARE(admin->role, Role::Admin);
        AuthService auth(m_scratch->db(), u"3"_s);
        const auto signedIn = auth.signIn(u"rosa"_s, u"correct horse battery"_s);
        QVERIFY(signedIn.ok());
        QCOMPARE(signedIn.user->id, admin->id);

        SqlQuery audit(m_scratch->db(), u"SELECT user_id, lane, details FROM audit_log "
                                        "WHERE action = 'store_setup'"_s);
        QVERIFY(audit.execOne());
        QCOMPARE(audit.int64(0), admin->id);
        QCOMPARE(audit.text(1), u"3"_s);
        QVERIFY(audit.text(2).contains(u"Corner Market"_s));
    }

    void refusesAStoreThatHasUsers()
    {
        QVERIFY(UserRepository(m_scratch->db())
                        .insert({0, u"anna"_s, u"Anna"_s, Role::Cashier, true},
                                PinHasher::hash(u"4711"_s, 1000)));
        QCOMPARE(m_setup->isNeeded().value(), false);

        const auto admin = m_setup->initializeStore(aStore());

        QVERIFY(!admin);
        QCOMPARE(admin.error().code, ServiceError::Code::Conflict);
        QVERIFY(admin.error().message.contains(u"already been set up"_s));
        QCOMPARE(count(u"users"_s), 1);
        QCOMPARE(count(u"settings"_s), 0);
        QCOMPARE(count(u"tax_rates"_s), 0);
    }

    void refusesASecondSetup()
    {
        QVERIFY(m_setup->initializeStore(aStore()));
        SetupService::StoreSetup other = aStore();
        other.storeName = u"Someone else's"_s;
        other.adminLogin = u"mallory"_s;
        const auto again = m_setup->initializeStore(other);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ServiceError::Code::Conflict);
        QCOMPARE(setting(Setting::StoreName.key), u"Corner Market"_s);
        QCOMPARE(count(u"users"_s), 1);
    }

    void invalidInputWritesNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("no store name") << u"storeName"_s << u" "_s;
        QTest::newRow("currency") << u"currencyCode"_s << u"EURO"_s;
        QTest::newRow("no symbol") << u"currencySymbol"_s << QString();
        QTest::newRow("login") << u"adminLogin"_s << u"Rosa Admin"_s;
        QTest::newRow("no admin name") << u"adminName"_s << u""_s;
        QTest::newRow("short passphrase") << u"adminSecret"_s << u"horse"_s;
        QTest::newRow("three-digit PIN") << u"adminSecret"_s << u"123"_s;
        QTest::newRow("rate above 100 %") << u"standardRateBp"_s << u"10001"_s;
        QTest::newRow("negative rate") << u"reducedRateBp"_s << u"-1"_s;
    }

    void invalidInputWritesNothing()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        SetupService::StoreSetup store = aStore();
        const QHash<QString, QString *> texts{
                {u"storeName"_s, &store.storeName},
                {u"currencyCode"_s, &store.currencyCode},
                {u"currencySymbol"_s, &store.currencySymbol},
                {u"adminLogin"_s, &store.adminLogin},
                {u"adminName"_s, &store.adminName},
                {u"adminSecret"_s, &store.adminSecret},
        };
        if (texts.contains(field)) {
            *texts.value(field) = value;
        } else if (field == u"standardRateBp"_s) {
            store.standardRateBp = value.toInt();
        } else {
            store.reducedRateBp = value.toInt();
        }
        const auto admin = m_setup->initializeStore(store);
        QVERIFY(!admin);
        QCOMPARE(admin.error().code, ServiceError::Code::InvalidInput);
        QVERIFY(!admin.error().message.isEmpty());
        verifyNothingWritten();
    }

    void aPinIsEnoughForTheAdministrator()
    {
        SetupService::StoreSetup store = aStore();
        store.adminSecret = u"24680"_s;
        QVERIFY(m_setup->initializeStore(store));
        QVERIFY(AuthService(m_scratch->db()).signIn(u"rosa"_s, u"24680"_s).ok());
    }

    void aFailureHalfWayLeavesTheDatabaseEmpty()
    {
        // Given a leftover tax rate with the name setup wants: the second write collides
        QVERIFY(TaxRateRepository(m_scratch->db())
                        .save({0, SetupService::tr("Reduced rate"), 500}));

        const auto admin = m_setup->initializeStore(aStore());

        // Then the settings, the lane and the first rate written before are gone again
        QVERIFY(!admin);
        QCOMPARE(admin.error().code, ServiceError::Code::Conflict);
        QVERIFY(!admin.error().details.isEmpty());
        QCOMPARE(count(u"tax_rates"_s), 1);
        verifyNothingWritten();
    }
};

QTEST_GUILESS_MAIN(TestSetupService)
#include "tst_setupservice.moc"
