#include "models/services/services.h"
#include "tests/common/storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * The fixture's helpers do what the tests that use them take for granted: the people can
 * sign in with their PIN, the products are in the catalogue with their stock in the
 * ledger, and the services are signed in on the lane asked for.
 */
class TestStoreFixture : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
    }

    void theStoreHasItsThreePeopleSignedInByPin()
    {
        AuthService auth(m_store->db(), u"1"_s);
        for (const User &user : {m_store->admin, m_store->manager, m_store->cashier}) {
            QVERIFY(user.id > 0);
            const auto signedIn = auth.signIn(user.login, u"1234"_s);
            QVERIFY2(signedIn.ok(), qPrintable(user.login));
            QCOMPARE(signedIn.user->name, user.name);
            QCOMPARE(signedIn.user->role, user.role);
        }
    }

    void anAddedUserSignsInWithTheirPin()
    {
        // Given a cashier added with a PIN of their own, and one who has left
        const User anna = StoreFixture::addUser(m_store->db(), u"anna"_s, u"Anna Berger"_s,
                                                Role::Cashier, u"4711"_s);
        const User otto = StoreFixture::addUser(m_store->db(), u"otto"_s, u"Otto Former"_s,
                                                Role::Cashier, u"4711"_s, false);
        QVERIFY(anna.id > 0);
        QVERIFY(otto.id > anna.id);

        // Then Anna signs in with hers and not with the fixture's, and Otto not at all
        AuthService auth(m_store->db(), u"1"_s);
        const auto withHers = auth.signIn(u"anna"_s, u"4711"_s);
        QVERIFY(withHers.ok());
        QCOMPARE(withHers.user->id, anna.id);
        QCOMPARE(withHers.user->name, u"Anna Berger"_s);
        QVERIFY(!auth.signIn(u"anna"_s, u"1234"_s).ok());
        QVERIFY(!auth.signIn(u"otto"_s, u"4711"_s).ok());
    }

    void addedProductsAreInTheCatalogueWithTheirStock()
    {
        // When a catalogue of three products with two units each is added
        const QList<Product> added = m_store->addProducts(
                3, {{u"Piece"_s, 1, 200, {}}, {u"Box of 12"_s, 12, 2200, {}}}, 40);

        // Then each is there as given, SKU P0 to P2, and the stock is what the ledger says
        QCOMPARE(added.size(), 3);
        for (int i = 0; i < added.size(); ++i) {
            const Product &product = added.at(i);
            QVERIFY(product.id > 0);
            QCOMPARE(product.sku, u"P%1"_s.arg(i));
            QCOMPARE(product.name, u"Product %1"_s.arg(i));
            QCOMPARE(product.stockBase, 40);
            QCOMPARE(product.units.size(), 2);
            QCOMPARE(product.units.at(1).basePerUnit, 12);
            QCOMPARE(product.units.at(1).price, Money::fromMinor(2200));
        }
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 3);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void theServicesAreSignedInOnTheirOwnLane()
    {
        // When a screen's services are made for the manager on lane 2
        const auto services = m_store->services(m_store->manager, u"2"_s);

        // Then the manager is signed in there, and the fixture's own session is not touched
        QCOMPARE(services->session.lane(), u"2"_s);
        QVERIFY(services->session.isSignedIn());
        QCOMPARE(services->session.user()->id, m_store->manager.id);
        QVERIFY(!m_store->session().isSignedIn());
        // And they reach the store's database: the manager may list its users
        const auto users = services->users.list();
        QVERIFY_OK(users);
        QCOMPARE(users->size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestStoreFixture)

#include "tst_storefixture.moc"
