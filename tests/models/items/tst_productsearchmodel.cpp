#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/items/productsearchmodel.h"
#include "models/services/catalogueservice.h"
#include "tests/common/storefixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

//! The sale screen's search list: one query per page, pages by key, offers only what sells.
class TestProductSearchModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<CatalogueService> m_catalogue;
    std::unique_ptr<ProductSearchModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        for (int i = 0; i < 25; ++i) {
            m_store->addProduct(u"TEA-%1"_s.arg(i, 2, 10, QChar(u'0')),
                                u"Green tea %1"_s.arg(i, 2, 10, QChar(u'0')),
                                {{u"Box"_s, 1, 300 + i, {}}, {u"Tray of 12"_s, 12, 3400, {}}}, 50);
        }
        m_store->addProduct(u"COF-1"_s, u"Coffee"_s, {{u"Bag"_s, 1, 599, {}}}, 10);
        m_store->signIn(m_store->cashier);
        m_catalogue = std::make_unique<CatalogueService>(m_store->db(), m_store->session(),
                                                         m_store->authorizer());
        m_model = std::make_unique<ProductSearchModel>(*m_catalogue);
        m_model->setPageSize(10);
        m_model->setCurrencySymbol(u"€"_s);
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_catalogue.reset();
        m_store.reset();
    }

    void pagesAsTheListScrollsOneQueryEach()
    {
        // Given a search that matches 25 products, 10 to a page
        {
            ProfileScope scope(u"test.search"_s);
            QVERIFY(m_model->search(u"tea"_s));
            QCOMPARE(scope.statementCount(), 1);
        }
        QCOMPARE(m_model->rowCount(), 10);
        QVERIFY(m_model->canFetchMore({}));
        QCOMPARE(m_model->index(0, ProductSearchModel::NameColumn).data().toString(),
                 u"Green tea 00"_s);

        // When the view asks for more, one query brings the next page in
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        {
            ProfileScope scope(u"test.search.more"_s);
            m_model->fetchMore({});
            QCOMPARE(scope.statementCount(), 1);
        }
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_model->rowCount(), 20);
        QCOMPARE(m_model->index(10, ProductSearchModel::NameColumn).data().toString(),
                 u"Green tea 10"_s);
        m_model->fetchMore({});
        QCOMPARE(m_model->rowCount(), 25);
        QVERIFY(!m_model->canFetchMore({}));
    }

    void rowsShowUnitsPricesAndStock()
    {
        QVERIFY(m_model->search(u"COF"_s));
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->index(0, ProductSearchModel::SkuColumn).data().toString(), u"COF-1"_s);
        QVERIFY(m_model->index(0, ProductSearchModel::PriceColumn)
                        .data()
                        .toString()
                        .contains(u"Bag"_s));
        QVERIFY(!m_model->index(0, ProductSearchModel::StockColumn).data().toString().isEmpty());
        QCOMPARE(m_model->index(0, 0).data(ProductSearchModel::UnitCountRole).toInt(), 1);
        QVERIFY(m_model->search(u"Green tea 07"_s));
        QCOMPARE(m_model->product(0).units.size(), 2);
    }

    void unitsOutOfSaleAreNotOffered()
    {
        QVERIFY(SqlQuery::run(
                m_store->db(),
                u"UPDATE product_units SET active = FALSE WHERE name = 'Tray of 12'"_s));
        QVERIFY(SqlQuery::run(m_store->db(),
                              u"UPDATE products SET active = FALSE WHERE sku = 'TEA-03'"_s));
        QVERIFY(m_model->search(u"Green tea 0"_s));
        QCOMPARE(m_model->rowCount(), 9);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            QCOMPARE(m_model->product(row).units.size(), 1);
        }
    }

    void anEmptyTextEmptiesTheListWithoutAQuery()
    {
        QVERIFY(m_model->search(u"tea"_s));
        ProfileScope scope(u"test.search.empty"_s);
        QVERIFY(m_model->search(u"  "_s));
        QCOMPARE(scope.statementCount(), 0);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->canFetchMore({}));
    }
};

QTEST_GUILESS_MAIN(TestProductSearchModel)
#include "tst_productsearchmodel.moc"
