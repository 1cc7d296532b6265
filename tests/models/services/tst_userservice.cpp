#include "models/db/sqlquery.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"
#include "models/services/userservice.h"
#include "tests/common/storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestUserService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<Authorizer> m_authorizer;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<UserService> m_users;
    User m_admin;
    User m_manager;
    User m_cashier;

    User addUser(const QString &login, Role role)
    {
        return StoreFixture::addUser(m_scratch->db(), login, login.toUpper(), role);
    }
    void signIn(const User &user) { m_session->signIn(user); }
    qint64 scalar(const QString &sql)
    {
        SqlQuery q(m_scratch->db(), sql);
        return q.execOne() ? q.int64(0) : -1;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
        m_admin = addUser(u"admin"_s, Role::Admin);
        m_manager = addUser(u"maria"_s, Role::Manager);
        m_cashier = addUser(u"carl"_s, Role::Cashier);
        m_auth = std::make_unique<AuthService>(m_scratch->db(), u"1"_s);
        m_authorizer = std::make_unique<Authorizer>(m_scratch->db(), *m_auth);
        m_session = std::make_unique<Session>(u"1"_s);
        m_users = std::make_unique<UserService>(m_scratch->db(), *m_session, *m_authorizer);
        m_users->setPinIterations(1000);
    }

    void managerCreatesACashierWhoCanSignIn()
    {
        signIn(m_manager);
        const auto created
                = m_users->create({u" Nora "_s, u"Nora Park"_s, Role::Cashier, u"5678"_s});
        QVERIFY_OK(created);
        QCOMPARE(created->login, u"nora"_s);
        QVERIFY(m_auth->signIn(u"nora"_s, u"5678"_s).ok());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'user_created'"_s), 1);
    }

    void cashierCannotManageUsers()
    {
        signIn(m_cashier);
        const auto listed = m_users->list();
        QVERIFY(!listed);
        QCOMPARE(listed.error().code, ServiceError::Code::PermissionDenied);
        const auto created = m_users->create({u"x1"_s, u"X"_s, Role::Cashier, u"5678"_s});
        QVERIFY(!created);
        QCOMPARE(created.error().code, ServiceError::Code::PermissionDenied);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM users"_s), 3);
    }

    void badInputIsRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<int>("code");
        QTest::newRow("taken login")
                << u"carl"_s << u"Carl Two"_s << u"5678"_s << int(ServiceError::Code::Conflict);
        QTest::newRow("empty name")
                << u"ann"_s << u"  "_s << u"5678"_s << int(ServiceError::Code::InvalidInput);
        QTest::newRow("short PIN")
                << u"ann"_s << u"Ann"_s << u"12"_s << int(ServiceError::Code::InvalidInput);
        QTest::newRow("bad login")
                << u"a b"_s << u"Ann"_s << u"5678"_s << int(ServiceError::Code::InvalidInput);
    }
    void badInputIsRefusedWithAReason()
    {
        QFETCH(QString, login);
        QFETCH(QString, name);
        QFETCH(QString, pin);
        QFETCH(int, code);
        signIn(m_manager);
        if (code == int(ServiceError::Code::Conflict)) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        }
        const auto created = m_users->create({login, name, Role::Cashier, pin});
        QVERIFY(!created);
        QCOMPARE(int(created.error().code), code);
        QVERIFY(!created.error().message.isEmpty());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM users"_s), 3);
    }

    void onlyAnAdminTouchesAdmins()
    {
        signIn(m_manager);
        QCOMPARE(m_users->create({u"boss"_s, u"Boss"_s, Role::Admin, u"longpassphrase"_s})
                         .error()
                         .code,
                 ServiceError::Code::PermissionDenied);
        QCOMPARE(m_users->setActive(m_admin.id, false).error().code,
                 ServiceError::Code::PermissionDenied);
        QCOMPARE(m_users->update(m_cashier.id, u"Carl"_s, Role::Admin).error().code,
                 ServiceError::Code::PermissionDenied);
        signIn(m_admin);
        QVERIFY(m_users->create({u"boss"_s, u"Boss"_s, Role::Admin, u"longpassphrase"_s}));
    }

    void theLastAdminStays()
    {
        signIn(m_admin);
        // Given a second admin, one of them may go.
        const auto second = m_users->create({u"root2"_s, u"Second"_s, Role::Admin, u"12345678"_s});
        QVERIFY(second);
        QVERIFY(m_users->setActive(second->id, false));
        // The remaining one can neither be deactivated (by another admin) nor demoted.
        User other = *second;
        QVERIFY(m_users->setActive(other.id, true));
        m_session->signIn(other);
        QVERIFY(m_users->setActive(m_admin.id, false));
        m_session->signIn(m_admin);
        QVERIFY(m_users->setActive(m_admin.id, true));
        QVERIFY(m_users->setActive(other.id, false));
        const auto demoted = m_users->update(m_admin.id, u"Admin"_s, Role::Manager);
        QVERIFY(!demoted);
        QCOMPARE(demoted.error().code, ServiceError::Code::Conflict);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = TRUE"_s), 1);
        const auto self = m_users->setActive(m_admin.id, false);
        QVERIFY(!self);
    }

    void deactivatedUserCannotSignIn()
    {
        signIn(m_manager);
        QVERIFY(m_users->setActive(m_cashier.id, false));
        QCOMPARE(m_auth->signIn(u"carl"_s, u"1234"_s).failure, AuthService::Failure::Deactivated);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'user_deactivated'"_s), 1);
    }

    void pinResetLiftsALock()
    {
        for (int i = 0; i < 5; ++i) {
            (void)m_auth->signIn(u"carl"_s, u"0000"_s);
        }
        QCOMPARE(m_auth->signIn(u"carl"_s, u"1234"_s).failure, AuthService::Failure::Locked);
        signIn(m_manager);
        QVERIFY(m_users->resetPin(m_cashier.id, u"4321"_s));
        QVERIFY(m_auth->signIn(u"carl"_s, u"4321"_s).ok());
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'pin_reset'"_s), 1);
    }

    void cleanup()
    {
        m_users.reset();
        m_session.reset();
        m_authorizer.reset();
        m_auth.reset();
        m_scratch.reset();
    }
};

QTEST_GUILESS_MAIN(TestUserService)
#include "tst_userservice.moc"
