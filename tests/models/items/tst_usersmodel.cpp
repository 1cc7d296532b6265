#include "models/db/queryprofiler.h"
#include "models/items/usersmodel.h"
#include "models/services/userservice.h"
#include "tests/common/storefixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestUsersModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<UserService> m_users;
    std::unique_ptr<UsersModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QString display(int row, int column) const
    {
        return m_model->index(row, column).data().toString();
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_store->signIn(m_store->manager);
        m_users = std::make_unique<UserService>(m_store->db(), m_store->session(),
                                                m_store->authorizer());
        m_users->setPinIterations(1000);
        m_model = std::make_unique<UsersModel>(*m_users);
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_users.reset();
        m_store.reset();
    }

    void listsEveryUserInOneQuery()
    {
        // Given a store with an admin, a manager and a cashier
        QCOMPARE(m_model->rowCount(), 0);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

        // When the model reloads
        ProfileScope scope(u"test.users"_s);
        QVERIFY(m_model->reload());

        // Then all three are listed by name, from one statement
        QCOMPARE(scope.statementCount(), 1);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->columnCount(), int(UsersModel::ColumnCount));
        QCOMPARE(display(0, UsersModel::NameColumn), u"Ada Admin"_s);
        QCOMPARE(display(1, UsersModel::LoginColumn), u"carl"_s);
        QCOMPARE(display(1, UsersModel::RoleColumn), Roles::displayName(Role::Cashier));
        QCOMPARE(display(2, UsersModel::RoleColumn), Roles::displayName(Role::Manager));
        QCOMPARE(display(2, UsersModel::ActiveColumn), u"Active"_s);
    }

    void rolesCarryTheRawValues()
    {
        QVERIFY(m_model->reload());
        const int row = m_model->rowOf(m_store->manager.id);
        QCOMPARE(row, 2);
        const QModelIndex index = m_model->index(row, UsersModel::NameColumn);
        QCOMPARE(index.data(UsersModel::IdRole).toLongLong(), m_store->manager.id);
        QCOMPARE(index.data(UsersModel::LoginRole).toString(), u"maria"_s);
        QCOMPARE(index.data(UsersModel::UserRoleRole).toInt(), int(Role::Manager));
        QCOMPARE(index.data(UsersModel::ActiveRole).toBool(), true);
        // Roles sort by rank, not by their translated names.
        QCOMPARE(m_model->index(0, UsersModel::RoleColumn).data(UsersModel::SortRole).toInt(),
                 int(Role::Admin));
        QCOMPARE(m_model->user(row).name, u"Maria Manager"_s);
        QCOMPARE(m_model->rowOf(424242), -1);
    }

    void deactivatedUsersStayListed()
    {
        QVERIFY(m_users->setActive(m_store->cashier.id, false));
        QVERIFY(m_model->reload());
        const int row = m_model->rowOf(m_store->cashier.id);
        QCOMPARE(display(row, UsersModel::ActiveColumn), u"Deactivated"_s);
        QVERIFY(!m_model->index(row, 0).data(UsersModel::ActiveRole).toBool());
        QVERIFY(m_model->index(row, 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(!m_model->index(0, 0).data(Qt::ForegroundRole).isValid());
    }

    void newUsersAppearOnReload()
    {
        QVERIFY(m_model->reload());
        QVERIFY(m_users->create({u"cleo"_s, u"Cleo Cashier"_s, Role::Cashier, u"2222"_s}));
        QVERIFY(m_model->reload());
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(display(2, UsersModel::LoginColumn), u"cleo"_s);
    }

    void aRefusedReloadKeepsTheRows()
    {
        // Given the list a manager loaded
        QVERIFY(m_model->reload());
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

        // When a cashier's session asks again
        m_store->signIn(m_store->cashier);
        const ServiceStatus status = m_model->reload();

        // Then the service refuses and the rows stay as they were
        QVERIFY(!status);
        QCOMPARE(status.error().code, ServiceError::Code::PermissionDenied);
        QVERIFY(!status.error().message.isEmpty());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(m_model->rowCount(), 3);
    }

    void headersAreNamed()
    {
        for (int column = 0; column < UsersModel::ColumnCount; ++column) {
            QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
        }
        QVERIFY(!m_model->headerData(0, Qt::Vertical).isValid());
    }
};

QTEST_GUILESS_MAIN(TestUsersModel)
#include "tst_usersmodel.moc"
