#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/services/catalogueservice.h"
#include "tests/common/storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

//! The favourites grid: QuickKeyRepository through CatalogueService::quickKeys().
class TestQuickKeys : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<CatalogueService> m_catalogue;

    bool placeKey(int position, qint64 unitId, const QString &label = {})
    {
        SqlQuery q(m_store->db(), u"INSERT INTO quick_keys (position, unit_id, label) "
                                  "VALUES (:position, :unit, :label)"_s);
        q.bind(u"position"_s, position).bind(u"unit"_s, unitId);
        q.bind(u"label"_s, label.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : label);
        return q.exec();
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_catalogue = std::make_unique<CatalogueService>(m_store->db(), m_store->session(),
                                                         m_store->authorizer());
        m_store->signIn(m_store->cashier);
    }

    void keysComeInOneQueryWithTheirUnitsProductsAndTax()
    {
        // Given three keys placed out of order, one on a pack, one with its own label
        const Product cola = m_store->addProduct(
                u"COLA"_s, u"Cola"_s,
                {{u"Can"_s, 1, 119, u"4006381333931"_s}, {u"Six-pack"_s, 6, 649, u"96385074"_s}},
                60);
        const Product bread
                = m_store->addProduct(u"BREAD"_s, u"Bread"_s, {{u"Loaf"_s, 1, 250, {}}}, 5);
        QVERIFY(placeKey(2, bread.units.at(0).id, u"Fresh bread"_s));
        QVERIFY(placeKey(0, cola.units.at(0).id));
        QVERIFY(placeKey(1, cola.units.at(1).id));

        // When the grid is read
        ProfileScope scope(u"test.quick_keys"_s);
        const auto keys = m_catalogue->quickKeys();
        QVERIFY_OK(keys);

        // Then it took one statement, and each key knows what it sells and at what tax
        QCOMPARE(scope.statementCount(), 1);
        QCOMPARE(keys->size(), 3);
        QCOMPARE(keys->at(0).position, 0);
        QCOMPARE(keys->at(0).item.unit.name, u"Can"_s);
        QCOMPARE(keys->at(0).item.product.name, u"Cola"_s);
        QCOMPARE(keys->at(0).item.product.taxRateBp, 1900);
        QVERIFY(keys->at(0).label.isEmpty());
        QCOMPARE(keys->at(1).item.unit.basePerUnit, 6);
        QCOMPARE(keys->at(1).item.unit.price, Money::fromMinor(649));
        QCOMPARE(keys->at(1).item.unit.productId, cola.id);
        QCOMPARE(keys->at(2).label, u"Fresh bread"_s);
        QCOMPARE(keys->at(2).item.product.sku, u"BREAD"_s);
    }

    void keysOfProductsOutOfSaleAreLeftOut()
    {
        const Product cola
                = m_store->addProduct(u"COLA"_s, u"Cola"_s, {{u"Can"_s, 1, 119, {}}}, 60);
        const Product old = m_store->addProduct(u"OLD"_s, u"Old"_s, {{u"Piece"_s, 1, 99, {}}}, 0);
        QVERIFY(placeKey(0, cola.units.at(0).id));
        QVERIFY(placeKey(1, old.units.at(0).id));
        QVERIFY(SqlQuery::run(m_store->db(),
                              u"UPDATE products SET active = FALSE WHERE sku = 'OLD'"_s));
        const auto keys = m_catalogue->quickKeys();
        QVERIFY(keys);
        QCOMPARE(keys->size(), 1);
        QCOMPARE(keys->at(0).item.product.sku, u"COLA"_s);
    }

    void aManagerPlacesMovesAndRemovesKeysOnPages()
    {
        const Product cola = m_store->addProduct(
                u"COLA"_s, u"Cola"_s, {{u"Can"_s, 1, 119, {}}, {u"Six-pack"_s, 6, 649, {}}}, 60);
        const Product bread
                = m_store->addProduct(u"BREAD"_s, u"Bread"_s, {{u"Loaf"_s, 1, 250, {}}}, 5);
        m_store->signIn(m_store->manager);
        auto positions = [this] {
            QList<std::pair<int, QString>> held;
            const auto keys = m_catalogue->quickKeys();
            for (const QuickKey &key : keys.value()) {
                held.append({key.position, key.item.unit.name});
            }
            return held;
        };
        using Held = QList<std::pair<int, QString>>;

        // A key is placed in one write, checked and audited in its transaction.
        ProfileScope scope(u"test.place"_s);
        QVERIFY(m_catalogue->placeQuickKey(0, cola.units.at(0).id));
        QCOMPARE(scope.statementCount(), 4); // BEGIN, the upsert, the audit row, COMMIT
        // The second page starts at position 12.
        QVERIFY(m_catalogue->placeQuickKey(QuickKey::kKeysPerPage, bread.units.at(0).id));
        QCOMPARE(positions(), (Held{{0, u"Can"_s}, {12, u"Loaf"_s}}));
        QCOMPARE(m_catalogue->quickKeys()->at(1).page(), 1);
        QCOMPARE(m_catalogue->quickKeys()->at(1).slot(), 0);

        // Placing on a taken key replaces what it sold.
        QVERIFY(m_catalogue->placeQuickKey(0, cola.units.at(1).id));
        QCOMPARE(positions(), (Held{{0, u"Six-pack"_s}, {12, u"Loaf"_s}}));

        // Moving onto an empty key, then onto a taken one, which takes the moved key's place.
        QVERIFY(m_catalogue->moveQuickKey(0, 5));
        QCOMPARE(positions(), (Held{{5, u"Six-pack"_s}, {12, u"Loaf"_s}}));
        QVERIFY(m_catalogue->moveQuickKey(12, 5));
        QCOMPARE(positions(), (Held{{5, u"Loaf"_s}, {12, u"Six-pack"_s}}));

        QVERIFY(m_catalogue->removeQuickKey(5));
        QCOMPARE(positions(), (Held{{12, u"Six-pack"_s}}));
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM audit_log WHERE action = 'quick_keys_changed'"_s),
                 6);

        // Outside the pages there is no key.
        const ServiceStatus outside
                = m_catalogue->placeQuickKey(QuickKey::kMaxPosition + 1, bread.units.at(0).id);
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, ServiceError::Code::InvalidInput);
    }

    void aCashierMayNotArrangeTheKeys()
    {
        const Product cola
                = m_store->addProduct(u"COLA"_s, u"Cola"_s, {{u"Can"_s, 1, 119, {}}}, 60);
        QVERIFY(placeKey(0, cola.units.at(0).id));
        for (const ServiceStatus &status :
             {m_catalogue->placeQuickKey(1, cola.units.at(0).id), m_catalogue->moveQuickKey(0, 1),
              m_catalogue->removeQuickKey(0)}) {
            QVERIFY(!status);
            QCOMPARE(status.error().code, ServiceError::Code::PermissionDenied);
        }
        QCOMPARE(m_catalogue->quickKeys()->size(), 1);
        QCOMPARE(m_catalogue->quickKeys()->at(0).position, 0);
    }

    void nobodySignedInSeesNoKeys()
    {
        m_store->session().signOut();
        const auto keys = m_catalogue->quickKeys();
        QVERIFY(!keys);
        QCOMPARE(keys.error().code, ServiceError::Code::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestQuickKeys)
#include "tst_quickkeys.moc"
