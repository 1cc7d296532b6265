#include "models/db/conversionratecache.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/db/sqlquery.h"
#include "models/services/checkoutservice.h"
#include "models/services/services.h"
#include "models/services/settingsservice.h"
#include "tests/common/storefixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

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
        QVERIFY(SettingsRepository(m_store->db()).setValue(Setting::StoreName.key, u"Corner"_s));
        const auto values = m_settings->values();
        QVERIFY(values);
        QCOMPARE(values->size(), SettingsService::keys().size());
        QCOMPARE(values->value(Setting::StoreName.key), u"Corner"_s);
        QCOMPARE(values->value(Setting::IdleLockMinutes.key), u"5"_s);
        QCOMPARE(values->value(Setting::SignInLockSeconds.key), u"300"_s);
    }

    void aNewStoreSellsByTheDefaultsItsSettingsShow()
    {
        // Given a store that never saved a setting
        const auto shown = m_settings->values();
        QVERIFY(shown);

        // When the till loads its rules for a sale and its sign-in policy
        ConversionRateCache cache(m_store->db());
        CheckoutService checkout(m_store->db(), m_store->session(), m_store->authorizer(), cache);
        QVERIFY(checkout.loadRules());
        const SaleRules &rules = checkout.rules();
        const AuthService::Policy policy = AuthService::Policy::fromSettings(m_store->db());

        // Then every rule is what the settings screen shows, and a cashier gives no discount
        // alone until the store allows one
        QCOMPARE(rules.cashierDiscountLimitBp, qint64(0));
        QCOMPARE(QString::number(rules.cashierDiscountLimitBp),
                 shown->value(Setting::CashierDiscountLimitBp.key));
        QCOMPARE(rules.pricesIncludeTax ? u"1"_s : u"0"_s,
                 shown->value(Setting::PricesIncludeTax.key));
        QCOMPARE(QString::number(rules.cashRoundingStep),
                 shown->value(Setting::CashRoundingMinor.key));
        QCOMPARE(rules.allowNegativeStock ? u"1"_s : u"0"_s,
                 shown->value(Setting::AllowNegativeStock.key));
        QCOMPARE(rules.currencySymbol, shown->value(Setting::CurrencySymbol.key));
        QCOMPARE(rules.currencyCode, shown->value(Setting::Currency.key));
        QCOMPARE(QString::number(policy.maxAttempts), shown->value(Setting::MaxSignInAttempts.key));
        QCOMPARE(QString::number(policy.lockSeconds), shown->value(Setting::SignInLockSeconds.key));
        QCOMPARE(QString::number(m_settings->idleLockMinutes()),
                 shown->value(Setting::IdleLockMinutes.key));
        QCOMPARE(m_settings->blindCounts() ? u"1"_s : u"0"_s,
                 shown->value(Setting::BlindCounts.key));
        QCOMPARE(m_settings->values()->value(Setting::StoreName.key), QString());
        // A till that has not loaded its rules yet holds the same ones.
        const SaleRules unloaded;
        QCOMPARE(unloaded.cashierDiscountLimitBp, rules.cashierDiscountLimitBp);
        QCOMPARE(unloaded.pricesIncludeTax, rules.pricesIncludeTax);
        QCOMPARE(unloaded.cashRoundingStep, rules.cashRoundingStep);
        QCOMPARE(unloaded.allowNegativeStock, rules.allowNegativeStock);
        QCOMPARE(unloaded.currencySymbol, rules.currencySymbol);
        QCOMPARE(unloaded.currencyCode, rules.currencyCode);
        const AuthService::Policy unread;
        QCOMPARE(unread.maxAttempts, policy.maxAttempts);
        QCOMPARE(unread.lockSeconds, policy.lockSeconds);
    }

    void blindCountsAreAStoreSettingEveryLaneShares()
    {
        QVERIFY(SettingsService::keys().contains(Setting::BlindCounts.key));
        QVERIFY(!m_settings->blindCounts());
        QCOMPARE(m_settings->values()->value(Setting::BlindCounts.key), u"0"_s);
        QVERIFY(!m_settings->save({{Setting::BlindCounts.key, u"maybe"_s}}));

        QVERIFY(m_settings->save({{Setting::BlindCounts.key, u"1"_s}}));

        QCOMPARE(stored(Setting::BlindCounts.key), u"1"_s);
        // Another till's service reads the same row.
        Session otherLane(u"2"_s);
        const SettingsService other(m_store->db(), otherLane, m_store->authorizer());
        QVERIFY(other.blindCounts());
    }

    void idleMinutesFallBackToTheDefault()
    {
        QCOMPARE(m_settings->idleLockMinutes(), 5);
        SettingsRepository settings(m_store->db());
        QVERIFY(settings.setValue(Setting::IdleLockMinutes.key, u"12"_s));
        QCOMPARE(m_settings->idleLockMinutes(), 12);
        QVERIFY(settings.setValue(Setting::IdleLockMinutes.key, u"0"_s));
        QCOMPARE(m_settings->idleLockMinutes(), 0);
        QVERIFY(settings.setValue(Setting::IdleLockMinutes.key, u"soon"_s));
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
        const ServiceStatus saved = m_settings->save({{Setting::StoreName.key, u"Mine now"_s}});
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ServiceError::Code::PermissionDenied);
        QVERIFY(saved.error().message.contains(
                Permissions::displayName(Permission::ChangeSettings)));
        QCOMPARE(stored(Setting::StoreName.key), u"<none>"_s);
        QCOMPARE(auditRows(u"settings_changed"_s), 0);
    }

    void saveWritesOnceAndAuditsTheKeys()
    {
        QSignalSpy saved(m_settings.get(), &SettingsService::saved);
        ProfileScope scope(u"test.save"_s);
        const ServiceStatus status = m_settings->save({
                {Setting::StoreName.key, u"  Corner Market "_s},
                {Setting::Currency.key, u"chf"_s},
                {Setting::CashRoundingMinor.key, u"5"_s},
                {Setting::SignInLockSeconds.key, u"600"_s},
        });
        QVERIFY_OK(status);

        // BEGIN, read, one write for every key, the audit row, COMMIT.
        QCOMPARE(scope.statementCount(), 5);
        QCOMPARE(stored(Setting::StoreName.key), u"Corner Market"_s);
        QCOMPARE(stored(Setting::Currency.key), u"CHF"_s);
        QCOMPARE(stored(Setting::CashRoundingMinor.key), u"5"_s);
        QCOMPARE(stored(Setting::SignInLockSeconds.key), u"600"_s);
        const QStringList keys{Setting::SignInLockSeconds.key, Setting::CashRoundingMinor.key,
                               Setting::Currency.key, Setting::StoreName.key};
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
        QVERIFY(m_settings->save({{Setting::StoreName.key, u"Corner"_s}}));
        QSignalSpy saved(m_settings.get(), &SettingsService::saved);
        // The same name, and a default that was never stored.
        QVERIFY(m_settings->save(
                {{Setting::StoreName.key, u"Corner "_s}, {Setting::IdleLockMinutes.key, u"5"_s}}));
        QCOMPARE(saved.count(), 0);
        QCOMPARE(auditRows(u"settings_changed"_s), 1);
        QCOMPARE(stored(Setting::IdleLockMinutes.key), u"<none>"_s);
    }

    void invalidValuesAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("says");

        QTest::newRow("rounding zero")
                << Setting::CashRoundingMinor.key << u"0"_s << u"Cash rounding"_s;
        QTest::newRow("rounding text")
                << Setting::CashRoundingMinor.key << u"five"_s << u"whole number"_s;
        QTest::newRow("rounding fraction")
                << Setting::CashRoundingMinor.key << u"2.5"_s << u"whole number"_s;
        QTest::newRow("limit above 100 %")
                << Setting::CashierDiscountLimitBp.key << u"10001"_s << u"Cashier discount"_s;
        QTest::newRow("limit negative")
                << Setting::CashierDiscountLimitBp.key << u"-1"_s << u"discount"_s;
        QTest::newRow("idle too long") << Setting::IdleLockMinutes.key << u"241"_s << u"240"_s;
        QTest::newRow("lock too short")
                << Setting::SignInLockSeconds.key << u"30"_s << u"Lock duration"_s;
        QTest::newRow("no attempts") << Setting::MaxSignInAttempts.key << u"0"_s << u"Wrong PINs"_s;
        QTest::newRow("currency long") << Setting::Currency.key << u"EURO"_s << u"three letters"_s;
        QTest::newRow("currency digits") << Setting::Currency.key << u"E1R"_s << u"three letters"_s;
        QTest::newRow("no store name") << Setting::StoreName.key << u"  "_s << u"store's name"_s;
        QTest::newRow("flag word") << Setting::PricesIncludeTax.key << u"yes"_s << u"on or off"_s;
        QTest::newRow("unknown key") << u"printer.port"_s << u"9100"_s << u"printer.port"_s;
    }

    void invalidValuesAreRefused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, says);
        // A valid change alongside: nothing is written unless everything is valid.
        const ServiceStatus saved
                = m_settings->save({{key, value}, {Setting::StoreTaxId.key, u"DE 1"_s}});
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ServiceError::Code::InvalidInput);
        QVERIFY2(saved.error().message.contains(says), qPrintable(saved.error().message));
        QCOMPARE(stored(Setting::StoreTaxId.key), u"<none>"_s);
        QCOMPARE(auditRows(u"settings_changed"_s), 0);
    }

    void everyProblemIsNamedAtOnce()
    {
        const ServiceStatus saved = m_settings->save(
                {{Setting::CashRoundingMinor.key, u"0"_s}, {Setting::Currency.key, u"X"_s}});
        QVERIFY(!saved);
        QCOMPARE(saved.error().message.count(u'\n'), 1);
    }

    void aFailingSaveChangesNothing()
    {
        // Given a store whose audit log cannot be written (the table is gone)
        QVERIFY(m_settings->save({{Setting::StoreName.key, u"Before"_s}}));
        QVERIFY(SqlQuery::run(m_store->db(), u"DROP TABLE audit_log"_s));

        // When a save writes its values and then fails on the audit row
        QSignalSpy saved(m_settings.get(), &SettingsService::saved);
        const ServiceStatus status = m_settings->save(
                {{Setting::StoreName.key, u"After"_s}, {Setting::CashRoundingMinor.key, u"10"_s}});

        // Then the transaction took the values back with it
        QVERIFY(!status);
        QCOMPARE(status.error().code, ServiceError::Code::Unavailable);
        QVERIFY(!status.error().details.isEmpty());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(stored(Setting::StoreName.key), u"Before"_s);
        QCOMPARE(stored(Setting::CashRoundingMinor.key), u"<none>"_s);
    }

    void aNewLockPolicyHoldsWithoutARestart()
    {
        Services services(m_store->db(), u"1"_s);
        services.session.signIn(m_store->admin);
        QCOMPARE(services.auth.policy().maxAttempts, AuthService::Policy{}.maxAttempts);
        QVERIFY(services.settings.save({{Setting::MaxSignInAttempts.key, u"3"_s},
                                        {Setting::SignInLockSeconds.key, u"120"_s}}));
        QCOMPARE(services.auth.policy().maxAttempts, 3);
        QCOMPARE(services.auth.policy().lockSeconds, 120);
    }
};

QTEST_GUILESS_MAIN(TestSettingsService)
#include "tst_settingsservice.moc"
