#include "models/db/sqlquery.h"
#include "models/db/userrepository.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"
#include "tests/common/storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestAuthorizer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<Authorizer> m_authorizer;
    User m_cashier;
    User m_manager;
    User m_otherCashier;

    User addUser(const QString &login, Role role, const QString &pin)
    {
        return StoreFixture::addUser(m_scratch->db(), login, login.toUpper(), role, pin);
    }
    qint64 auditRows(const QString &action, qint64 user, qint64 approver)
    {
        SqlQuery q(m_scratch->db(), u"SELECT COUNT(*) FROM audit_log WHERE action = :a "
                                    "AND user_id = :u AND COALESCE(approved_by, 0) = :ap"_s);
        q.bind(u"a"_s, action).bind(u"u"_s, user).bind(u"ap"_s, approver);
        return q.execOne() ? q.int64(0) : -1;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
        m_cashier = addUser(u"carl"_s, Role::Cashier, u"1111"_s);
        m_otherCashier = addUser(u"cleo"_s, Role::Cashier, u"2222"_s);
        m_manager = addUser(u"maria"_s, Role::Manager, u"1234"_s);
        QVERIFY(m_manager.id > 0);
        m_auth = std::make_unique<AuthService>(m_scratch->db(), u"1"_s);
        m_authorizer = std::make_unique<Authorizer>(m_scratch->db(), *m_auth);
    }

    void nobodySignedInMayDoNothing()
    {
        Session session(u"1"_s);
        const auto grant = m_authorizer->authorize(session, Permission::Sell);
        QVERIFY(!grant);
        QCOMPARE(grant.error().code, ServiceError::Code::PermissionDenied);
    }

    void roleIsEnoughWithoutApproval()
    {
        Session session(u"1"_s);
        session.signIn(m_manager);
        const auto grant = m_authorizer->authorize(session, Permission::Refund);
        QVERIFY(grant);
        QCOMPARE(grant->userId, m_manager.id);
        QCOMPARE(grant->approvedBy, 0);
    }

    void cashierIsRefusedWithoutApproval()
    {
        Session session(u"1"_s);
        session.signIn(m_cashier);
        QVERIFY(!m_authorizer->can(session, Permission::Refund));
        const auto grant = m_authorizer->authorize(session, Permission::Refund);
        QVERIFY(!grant);
        QCOMPARE(grant.error().code, ServiceError::Code::PermissionDenied);
        QVERIFY(grant.error().message.contains(Permissions::displayName(Permission::Refund)));
    }

    void approvalGrantsOneActionOnce()
    {
        Session session(u"1"_s);
        session.signIn(m_cashier);
        const auto approval
                = m_authorizer->requestApproval(session, Permission::Refund, u"maria"_s, u"1234"_s);
        QVERIFY_OK(approval);
        QCOMPARE(approval->approverName(), u"MARIA"_s);
        QCOMPARE(auditRows(u"approval_granted"_s, m_cashier.id, m_manager.id), 1);

        // The first use is allowed and names the approver.
        const auto first = m_authorizer->authorize(session, Permission::Refund, *approval);
        QVERIFY(first);
        QCOMPARE(first->approvedBy, m_manager.id);
        QVERIFY(approval->isUsed());

        // A copy of the same approval is spent too.
        const Approval copy = *approval;
        const auto second = m_authorizer->authorize(session, Permission::Refund, copy);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ServiceError::Code::PermissionDenied);
    }

    void aLockedSessionMayDoNothing()
    {
        Session session(u"1"_s);
        session.signIn(m_manager);
        session.lock();
        QVERIFY(!m_authorizer->can(session, Permission::Sell));
        const auto grant = m_authorizer->authorize(session, Permission::Sell);
        QVERIFY(!grant);
        QCOMPARE(grant.error().code, ServiceError::Code::PermissionDenied);
        QVERIFY(!m_authorizer->requestApproval(session, Permission::Refund, u"maria"_s, u"1234"_s));
        QVERIFY(session.unlock(m_manager));
        QVERIFY(m_authorizer->authorize(session, Permission::Sell));
    }

    void approvalIsForItsActionAndItsRequesterOnly()
    {
        Session session(u"1"_s);
        session.signIn(m_cashier);
        const auto approval = m_authorizer->requestApproval(session, Permission::OverridePrice,
                                                            u"maria"_s, u"1234"_s);
        QVERIFY(approval);
        QVERIFY(!m_authorizer->authorize(session, Permission::Refund, *approval));
        QVERIFY(!approval->isUsed());

        Session otherLane(u"2"_s);
        otherLane.signIn(m_otherCashier);
        QVERIFY(!m_authorizer->authorize(otherLane, Permission::OverridePrice, *approval));
        QVERIFY(!approval->isUsed());

        QVERIFY(m_authorizer->authorize(session, Permission::OverridePrice, *approval));
    }

    void wrongPinOrNonManagerGivesNoApproval_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("pin");
        QTest::newRow("wrong PIN") << u"maria"_s << u"0000"_s;
        QTest::newRow("unknown approver") << u"nobody"_s << u"1234"_s;
        QTest::newRow("a cashier approving") << u"cleo"_s << u"2222"_s;
    }
    void wrongPinOrNonManagerGivesNoApproval()
    {
        QFETCH(QString, login);
        QFETCH(QString, pin);
        Session session(u"1"_s);
        session.signIn(m_cashier);
        const auto approval
                = m_authorizer->requestApproval(session, Permission::Refund, login, pin);
        QVERIFY(!approval);
        QCOMPARE(approval.error().code, ServiceError::Code::PermissionDenied);
        QVERIFY(!approval.error().message.isEmpty());
        QCOMPARE(auditRows(u"approval_failed"_s, m_cashier.id, 0), 1);
        QCOMPARE(auditRows(u"approval_granted"_s, m_cashier.id, m_manager.id), 0);
    }

    void wrongApprovalPinsLockTheManager()
    {
        Session session(u"1"_s);
        session.signIn(m_cashier);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(!m_authorizer->requestApproval(session, Permission::Refund, u"maria"_s,
                                                   u"9999"_s));
        }
        const auto locked
                = m_authorizer->requestApproval(session, Permission::Refund, u"maria"_s, u"1234"_s);
        QVERIFY(!locked);
        QCOMPARE(locked.error().message, AuthService::message({std::nullopt,
                                                               AuthService::Failure::Locked,
                                                               UserRepository(m_scratch->db())
                                                                       .findByLogin(u"maria"_s)
                                                                       ->value()
                                                                       .lockedUntil,
                                                               {}}));
    }

    void cleanup()
    {
        m_authorizer.reset();
        m_auth.reset();
        m_scratch.reset();
    }
};

QTEST_GUILESS_MAIN(TestAuthorizer)
#include "tst_authorizer.moc"
