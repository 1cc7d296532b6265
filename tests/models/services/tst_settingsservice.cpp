#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/db/sqlquery.h"
#include "models/services/services.h"
#include "models/services/settingsservice.h"
#include "tests/common/storefixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using Keys = SettingsRepository;

class TestSettingsService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<SettingsService> m_settings;

    QString stored(const QString &key)
    {
        return SettingsRepository(m_store->db()).value(key, u"<none>"_s).value();
    }
    qint64 auditRows(const QString &action)
    {
        return m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = '%1'"_s.arg(action));
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_store->signIn(m_store->admin);
        m_settings = std::make_unique<SettingsService>(m_store->db(), m_store->session(),
                                                       m_store->authorizer());
    }

    void cleanup()
    {
        m_settings.reset();
        m_store.reset();
    }

    void valuesFillInDefaults()
    {
        QVERIFY(SettingsRepository(m_store->db()).setValue(Keys::kStoreName, u"Corner"_s));
        const auto values = m_settings->values();
        QVERIFY(values);
        QCOMPARE(values->size(), SettingsService::keys().size());
        QCOMPARE(values->value(Keys::kStoreName), u"Corner"_s);
        QCOMPARE(values->value(Keys::kIdleLockMinutes), u"5"_s);
        QCOMPARE(values->value(AuthService::kLockSecondsKey), u"300"_s);
    }

    void blindCountsAreAStoreSettingEveryLaneShares()
    {
        QVERIFY(SettingsService::keys().contains(Keys::kBlindCounts));
        QVERIFY(!m_settings->blindCounts());
        QCOMPARE(m_settings->values()->value(Keys::kBlindCounts), u"0"_s);
        QVERIFY(!m_settings->save({{Keys::kBlindCounts, u"maybe"_s}}));

        QVERIFY(m_settings->save({{Keys::kBlindCounts, u"1"_s}}));

        QCOMPARE(stored(Keys::kBlindCounts), u"1"_s);
        // Another till's service reads the same row.
        Session otherLane(u"2"_s);
        const SettingsService other(m_store->db(), otherLane, m_store->authorizer());
        QVERIFY(other.blindCounts());
    }

    void idleMinutesFallBackToTheDefault()
    {
        QCOMPARE(m_settings->idleLockMinutes(), 5);
        SettingsRepository settings(m_store->db());
        QVERIFY(settings.setValue(Keys::kIdleLockMinutes, u"12"_s));
        QCOMPARE(m_settings->idleLockMinutes(), 12);
        QVERIFY(settings.setValue(Keys::kIdleLockMinutes, u"0"_s));
        QCOMPARE(m_settings->idleLockMinutes(), 0);
        QVERIFY(settings.setValue(Keys::kIdleLockMinutes, u"soon"_s));
        QCOMPARE(m_settings->idleLockMinutes(), 5);
    }

    void onlyAdministratorsMaySave_data()
    {
        QTest::addColumn<int>("role");
        QTest::newRow("cashier") << int(Role::Cashier);
        QTest::newRow("manager") << int(Role::Manager);
    }

    void onlyAdministratorsMaySave()
    {
        QFETCH(int, role);
        m_store->signIn(Role(role) == Role::Cashier ? m_store->cashier : m_store->manager);
        const ServiceStatus saved = m_settings->save({{Keys::kStoreName, u"Mine now"_s}});
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ServiceError::Code::PermissionDenied);
        QVERIFY(saved.error().message.contains(
                Permissions::displayName(Permission::ChangeSettings)));
        QCOMPARE(stored(Keys::kStoreName), u"<none>"_s);
        QCOMPARE(auditRows(u"settings_changed"_s), 0);
    }

    void saveWritesOnceAndAuditsTheKeys()
    {
        QSignalSpy saved(m_settings.get(), &SettingsService::saved);
        ProfileScope scope(u"test.save"_s);
        const ServiceStatus status = m_settings->save({
                {Keys::kStoreName, u"  Corner Market "_s},
                {Keys::kCurrency, u"chf"_s},
                {Keys::kCashRoundingMinor, u"5"_s},
                {AuthService::kLockSecondsKey, u"600"_s},
        });
        QVERIFY_OK(status);

        // BEGIN, read, one write for every key, the audit row, COMMIT.
        QCOMPARE(scope.statementCount(), 5);
        QCOMPARE(stored(Keys::kStoreName), u"Corner Market"_s);
        QCOMPARE(stored(Keys::kCurrency), u"CHF"_s);
        QCOMPARE(stored(Keys::kCashRoundingMinor), u"5"_s);
        QCOMPARE(stored(AuthService::kLockSecondsKey), u"600"_s);
        const QStringList keys{AuthService::kLockSecondsKey, Keys::kCashRoundingMinor,
                               Keys::kCurrency, Keys::kStoreName};
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(0).toStringList(), keys);
        SqlQuery audit(m_store->db(), u"SELECT user_id, details FROM audit_log "
                                      "WHERE action = 'settings_changed'"_s);
        QVERIFY(audit.execOne());
        QCOMPARE(audit.int64(0), m_store->admin.id);
        QCOMPARE(audit.text(1), u"keys=%1"_s.arg(keys.join(u',')));
    }

    void unchangedValuesAreNoChange()
    {
        QVERIFY(m_settings->save({{Keys::kStoreName, u"Corner"_s}}));
        QSignalSpy saved(m_settings.get(), &SettingsService::saved);
        // The same name, and a default that was never stored.
        QVERIFY(m_settings->save(
                {{Keys::kStoreName, u"Corner "_s}, {Keys::kIdleLockMinutes, u"5"_s}}));
        QCOMPARE(saved.count(), 0);
        QCOMPARE(auditRows(u"settings_changed"_s), 1);
        QCOMPARE(stored(Keys::kIdleLockMinutes), u"<none>"_s);
    }

    void invalidValuesAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("says");

        QTest::newRow("rounding zero") << Keys::kCashRoundingMinor << u"0"_s << u"Cash rounding"_s;
        QTest::newRow("rounding text")
                << Keys::kCashRoundingMinor << u"five"_s << u"whole number"_s;
        QTest::newRow("rounding fraction")
                << Keys::kCashRoundingMinor << u"2.5"_s << u"whole number"_s;
        QTest::newRow("limit above 100 %")
                << Keys::kCashierDiscountLimitBp << u"10001"_s << u"Cashier discount"_s;
        QTest::newRow("limit negative")
                << Keys::kCashierDiscountLimitBp << u"-1"_s << u"discount"_s;
        QTest::newRow("idle too long") << Keys::kIdleLockMinutes << u"241"_s << u"240"_s;
        QTest::newRow("lock too short")
                << AuthService::kLockSecondsKey << u"30"_s << u"Lock duration"_s;
        QTest::newRow("no attempts") << AuthService::kMaxAttemptsKey << u"0"_s << u"Wrong PINs"_s;
        QTest::newRow("currency long") << Keys::kCurrency << u"EURO"_s << u"three letters"_s;
        QTest::newRow("currency digits") << Keys::kCurrency << u"E1R"_s << u"three letters"_s;
        QTest::newRow("no store name") << Keys::kStoreName << u"  "_s << u"store's name"_s;
        QTest::newRow("flag word") << Keys::kPricesIncludeTax << u"yes"_s << u"on or off"_s;
        QTest::newRow("unknown key") << u"printer.port"_s << u"9100"_s << u"printer.port"_s;
    }

    void invalidValuesAreRefused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, says);
        // A valid change alongside: nothing is written unless everything is valid.
        const ServiceStatus saved
                = m_settings->save({{key, value}, {Keys::kStoreTaxId, u"DE 1"_s}});
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ServiceError::Code::InvalidInput);
        QVERIFY2(saved.error().message.contains(says), qPrintable(saved.error().message));
        QCOMPARE(stored(Keys::kStoreTaxId), u"<none>"_s);
        QCOMPARE(auditRows(u"settings_changed"_s), 0);
    }

    void everyProblemIsNamedAtOnce()
    {
        const ServiceStatus saved
                = m_settings->save({{Keys::kCashRoundingMinor, u"0"_s}, {Keys::kCurrency, u"X"_s}});
        QVERIFY(!saved);
        QCOMPARE(saved.error().message.count(u'\n'), 1);
    }

    void aFailingSaveChangesNothing()
    {
        // Given a store whose audit log cannot be written (the table is gone)
        QVERIFY(m_settings->save({{Keys::kStoreName, u"Before"_s}}));
        QVERIFY(SqlQuery::run(m_store->db(), u"DROP TABLE audit_log"_s));

        // When a save writes its values and then fails on the audit row
        QSignalSpy saved(m_settings.get(), &SettingsService::saved);
        const ServiceStatus status = m_settings->save(
                {{Keys::kStoreName, u"After"_s}, {Keys::kCashRoundingMinor, u"10"_s}});

        // Then the transaction took the values back with it
        QVERIFY(!status);
        QCOMPARE(status.error().code, ServiceError::Code::Unavailable);
        QVERIFY(!status.error().details.isEmpty());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(stored(Keys::kStoreName), u"Before"_s);
        QCOMPARE(stored(Keys::kCashRoundingMinor), u"<none>"_s);
    }

    void aNewLockPolicyHoldsWithoutARestart()
    {
        Services services(m_store->db(), u"1"_s);
        services.session.signIn(m_store->admin);
        QCOMPARE(services.auth.policy().maxAttempts, AuthService::Policy{}.maxAttempts);
        QVERIFY(services.settings.save({{AuthService::kMaxAttemptsKey, u"3"_s},
                                        {AuthService::kLockSecondsKey, u"120"_s}}));
        QCOMPARE(services.auth.policy().maxAttempts, 3);
        QCOMPARE(services.auth.policy().lockSeconds, 120);
    }
};

QTEST_GUILESS_MAIN(TestSettingsService)
#include "tst_settingsservice.moc"
