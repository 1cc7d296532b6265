#include "models/items/lowstockmodel.h"
#include "models/services/services.h"
#include "tests/common/storefixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLowStockModel : public QObject
{
    Q_OBJECT

private:
    QString sku(int row) const
    {
        return m_model->index(row, LowStockModel::SkuColumn).data().toString();
    }
    //! Reads the list again: empty when it could be read, else why not.
    QString reloaded()
    {
        const auto error = m_model->reload();
        return error ? u"not read: %1"_s.arg(error->message) : QString();
    }
    qint64 shortfall(int row) const
    {
        return m_model->index(row, 0).data(LowStockModel::ShortfallBaseRole).toLongLong();
    }

    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<LowStockModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    Product m_tea;

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        // Stock and reorder level: water 2 of 6, tea 1 of 10, juice 6 of 6, cola 50 of 10.
        m_store->addProduct(u"W-1"_s, u"Water"_s, {{u"Bottle"_s, 1, 99, {}}}, 2, BaseUnit::Piece,
                            6);
        m_tea = m_store->addProduct(u"T-1"_s, u"Tea"_s, {{u"Box"_s, 1, 349, {}}}, 1,
                                    BaseUnit::Piece, 10);
        m_store->addProduct(u"J-1"_s, u"Juice"_s, {{u"Carton"_s, 1, 189, {}}}, 6, BaseUnit::Piece,
                            6);
        m_store->addProduct(u"C-1"_s, u"Cola"_s, {{u"Can"_s, 1, 119, {}}}, 50, BaseUnit::Piece, 10);
        m_services = m_store->services(m_store->manager);
        m_model = std::make_unique<LowStockModel>(m_services->inventory);
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_services.reset();
        m_store.reset();
    }

    void theFurthestUnderItsLevelComesFirst()
    {
        // When the list is read
        QCOMPARE(reloaded(), QString());

        // Then the products at or under their level are there, the furthest under first,
        // and the one well stocked is not
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->columnCount(), int(LowStockModel::ColumnCount));
        QCOMPARE(sku(0), u"T-1"_s);
        QCOMPARE(shortfall(0), 9);
        QCOMPARE(m_model->index(0, LowStockModel::NameColumn).data().toString(), u"Tea"_s);
        QCOMPARE(m_model->index(0, 0).data(LowStockModel::ProductIdRole).toLongLong(), m_tea.id);
        QCOMPARE(sku(1), u"W-1"_s);
        QCOMPARE(shortfall(1), 4);
        QCOMPARE(sku(2), u"J-1"_s);
        QCOMPARE(m_model->index(2, LowStockModel::ShortfallColumn).data().toString(),
                 u"At the level"_s);
        QVERIFY(!m_model->isTruncated());
    }

    void aDeliveryTakesAProductOffTheList()
    {
        QCOMPARE(reloaded(), QString());
        QCOMPARE(m_model->rowCount(), 3);

        // When ten boxes of tea arrive and the list is read again
        const auto received = m_services->inventory.postReceipt(
                {{m_tea.id, m_tea.units.first().id, 10, {}}}, u"Tea Traders"_s, {});
        QVERIFY_OK(received);
        QCOMPARE(reloaded(), QString());

        // Then the tea is no longer to reorder and the others stay
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(sku(0), u"W-1"_s);
        QCOMPARE(sku(1), u"J-1"_s);

        // And a cleared list shows nothing until it is read again
        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(reloaded(), QString());
        QCOMPARE(m_model->rowCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLowStockModel)

#include "tst_lowstockmodel.moc"
