#include "models/db/sqlquery.h"
#include "models/db/userrepository.h"
#include "models/services/authservice.h"
#include "tests/common/testdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestAuthService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;
    qint64 m_annaId = 0;

    // Few iterations keep the suite fast; the production count is checked separately.
    static constexpr int kTestIterations = 1000;

    qint64 auditCount(const QString &action)
    {
        SqlQuery q(m_scratch->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = :a"_s);
        q.bind(u"a"_s, action);
        return q.execOne() ? q.int64(0) : -1;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
        UserRepository users(m_scratch->db());
        auto id = users.insert({0, u"anna"_s, u"Anna Berger"_s, Role::Cashier, true},
                               PinHasher::hash(u"4711"_s, kTestIterations));
        QVERIFY(id);
        m_annaId = *id;
        QVERIFY(users.insert({0, u"otto"_s, u"Otto Former"_s, Role::Cashier, false},
                             PinHasher::hash(u"1234"_s, kTestIterations)));
    }

    void pinHashesAreSaltedAndVerify()
    {
        const auto a = PinHasher::hash(u"4711"_s, kTestIterations);
        const auto b = PinHasher::hash(u"4711"_s, kTestIterations);
        QVERIFY(a.salt != b.salt);
        QVERIFY(a.hash != b.hash);
        QVERIFY(PinHasher::verify(u"4711"_s, a));
        QVERIFY(!PinHasher::verify(u"4712"_s, a));
        QVERIFY(!PinHasher::verify(u""_s, a));
        QCOMPARE(QByteArray::fromBase64(a.hash.toLatin1()).size(), 32);
        QVERIFY(PinHasher::kIterations >= 100000);
    }

    void rightPinSignsIn()
    {
        AuthService auth(m_scratch->db(), u"1"_s);
        const auto result = auth.signIn(u"  Anna "_s, u"4711"_s);
        QVERIFY(result.ok());
        QCOMPARE(result.user->id, m_annaId);
        QCOMPARE(result.user->name, u"Anna Berger"_s);
        QCOMPARE(result.user->role, Role::Cashier);
        QCOMPARE(auditCount(u"sign_in"_s), 1);
    }

    void wrongPinIsRefusedAndCounted()
    {
        AuthService auth(m_scratch->db(), u"1"_s);
        const auto result = auth.signIn(u"anna"_s, u"0000"_s);
        QVERIFY(!result.ok());
        QCOMPARE(result.failure, AuthService::Failure::WrongCredentials);
        auto stored = UserRepository(m_scratch->db()).findByLogin(u"anna"_s);
        QCOMPARE((*stored)->failedAttempts, 1);
        QCOMPARE(auditCount(u"sign_in_failed"_s), 1);
        QVERIFY(!AuthService::message(result).isEmpty());
    }

    void unknownUserGetsTheSameAnswer()
    {
        AuthService auth(m_scratch->db(), u"1"_s);
        const auto unknown = auth.signIn(u"nobody"_s, u"4711"_s);
        const auto wrongPin = auth.signIn(u"anna"_s, u"9999"_s);
        QCOMPARE(unknown.failure, AuthService::Failure::WrongCredentials);
        QCOMPARE(AuthService::message(unknown), AuthService::message(wrongPin));
    }

    void fiveWrongPinsLockTheUser()
    {
        AuthService auth(m_scratch->db(), u"1"_s, {5, 300});
        AuthService::SignInResult result;
        for (int i = 0; i < 5; ++i) {
            result = auth.signIn(u"anna"_s, u"0000"_s);
        }
        QCOMPARE(result.failure, AuthService::Failure::Locked);
        QVERIFY(result.lockedUntil > QDateTime::currentDateTimeUtc().addSecs(200));
        // The right PIN does not help while locked, and the lock survives a new service.
        AuthService restarted(m_scratch->db(), u"1"_s, {5, 300});
        const auto locked = restarted.signIn(u"anna"_s, u"4711"_s);
        QCOMPARE(locked.failure, AuthService::Failure::Locked);
        QCOMPARE(auditCount(u"user_locked"_s), 1);
    }

    void lockExpiresAfterItsTime()
    {
        // Given a clock the test moves, and a policy from the store's settings
        QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(SqlQuery::run(m_scratch->db(),
                              u"INSERT INTO settings (key, value) VALUES "
                              "('auth.max_attempts', '3'), ('auth.lock_seconds', '120')"_s));
        const auto policy = AuthService::Policy::fromSettings(m_scratch->db());
        QCOMPARE(policy.maxAttempts, 3);
        QCOMPARE(policy.lockSeconds, 120);
        AuthService auth(m_scratch->db(), u"1"_s, policy);
        auth.setClock([&now] { return now; });

        // When three wrong PINs lock the user
        for (int i = 0; i < 3; ++i) {
            (void)auth.signIn(u"anna"_s, u"0000"_s);
        }
        QCOMPARE(auth.signIn(u"anna"_s, u"4711"_s).failure, AuthService::Failure::Locked);

        // Then the lock holds for its time and lifts after it
        now = now.addSecs(119);
        QCOMPARE(auth.signIn(u"anna"_s, u"4711"_s).failure, AuthService::Failure::Locked);
        now = now.addSecs(2);
        QVERIFY(auth.signIn(u"anna"_s, u"4711"_s).ok());
        // and the count starts again from zero.
        QVERIFY(!auth.signIn(u"anna"_s, u"0000"_s).ok());
        QCOMPARE((*UserRepository(m_scratch->db()).findByLogin(u"anna"_s))->failedAttempts, 1);
    }

    void wrongPinAfterAnExpiredLockCountsAfresh()
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        AuthService auth(m_scratch->db(), u"1"_s, {3, 60});
        auth.setClock([&now] { return now; });
        for (int i = 0; i < 3; ++i) {
            (void)auth.signIn(u"anna"_s, u"0000"_s);
        }
        now = now.addSecs(61);
        // One more wrong PIN after the lock ran out is the first of three again, not a new lock.
        QCOMPARE(auth.signIn(u"anna"_s, u"0000"_s).failure, AuthService::Failure::WrongCredentials);
        QVERIFY(auth.signIn(u"anna"_s, u"4711"_s).ok());
    }

    void successClearsTheCount()
    {
        AuthService auth(m_scratch->db(), u"1"_s);
        QVERIFY(!auth.signIn(u"anna"_s, u"0000"_s).ok());
        QVERIFY(auth.signIn(u"anna"_s, u"4711"_s).ok());
        auto stored = UserRepository(m_scratch->db()).findByLogin(u"anna"_s);
        QCOMPARE((*stored)->failedAttempts, 0);
    }

    void deactivatedUserCannotSignIn()
    {
        AuthService auth(m_scratch->db(), u"1"_s);
        const auto result = auth.signIn(u"otto"_s, u"1234"_s);
        QVERIFY(!result.ok());
        QCOMPARE(result.failure, AuthService::Failure::Deactivated);
    }

    void pinRules_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("4 digits") << u"1234"_s << int(Role::Cashier) << true;
        QTest::newRow("8 digits") << u"12345678"_s << int(Role::Manager) << true;
        QTest::newRow("3 digits") << u"123"_s << int(Role::Cashier) << false;
        QTest::newRow("9 digits") << u"123456789"_s << int(Role::Cashier) << false;
        QTest::newRow("letters") << u"12a4"_s << int(Role::Cashier) << false;
        QTest::newRow("admin passphrase") << u"correct horse"_s << int(Role::Admin) << true;
        QTest::newRow("cashier passphrase") << u"correct horse"_s << int(Role::Cashier) << false;
        QTest::newRow("admin short word") << u"secret"_s << int(Role::Admin) << false;
    }
    void pinRules()
    {
        QFETCH(QString, pin);
        QFETCH(int, role);
        QFETCH(bool, acceptable);
        QCOMPARE(AuthService::isAcceptablePin(pin, static_cast<Role>(role)), acceptable);
    }

    void signOutIsAudited()
    {
        AuthService auth(m_scratch->db(), u"3"_s);
        const User anna{m_annaId, u"anna"_s, u"Anna Berger"_s, Role::Cashier, true};
        QVERIFY(auth.signOut(anna, u"reason=quit"_s));
        SqlQuery q(m_scratch->db(),
                   u"SELECT user_id, lane, details FROM audit_log WHERE action = 'sign_out'"_s);
        QVERIFY(q.execOne());
        QCOMPARE(q.int64(0), m_annaId);
        QCOMPARE(q.text(1), u"3"_s);
        QCOMPARE(q.text(2), u"reason=quit"_s);
    }

    void takingOverALockedTillSignsTheOtherOutFirst()
    {
        auto ben = UserRepository(m_scratch->db())
                           .insert({0, u"ben"_s, u"Ben Lock"_s, Role::Cashier, true},
                                   PinHasher::hash(u"2468"_s, kTestIterations));
        QVERIFY(ben);
        const User locker{*ben, u"ben"_s, u"Ben Lock"_s, Role::Cashier, true};
        AuthService auth(m_scratch->db(), u"1"_s);

        // A wrong PIN takes nothing over.
        QVERIFY(!auth.signIn(u"anna"_s, u"0000"_s, locker).ok());
        QCOMPARE(auditCount(u"sign_out"_s), 0);
        // The locker coming back is no change of hands.
        QVERIFY(auth.signIn(u"ben"_s, u"2468"_s, locker).ok());
        QCOMPARE(auditCount(u"sign_out"_s), 0);

        QVERIFY(auth.signIn(u"anna"_s, u"4711"_s, locker).ok());
        SqlQuery q(m_scratch->db(), u"SELECT action, user_id FROM audit_log "
                                    "WHERE action IN ('sign_in', 'sign_out') ORDER BY id DESC"_s);
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QCOMPARE(q.text(0), u"sign_in"_s);
        QCOMPARE(q.int64(1), m_annaId);
        QVERIFY(q.next());
        QCOMPARE(q.text(0), u"sign_out"_s);
        QCOMPARE(q.int64(1), *ben);
    }

    void cleanup() { m_scratch.reset(); }
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
