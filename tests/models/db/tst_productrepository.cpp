#include "models/db/productrepository.h"
#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "tests/common/storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestProductRepository : public QObject
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
        // 25 products named so their order by name differs from their order by SKU and id.
        for (int i = 0; i < 25; ++i) {
            const QString name = u"Product %1"_s.arg(QChar(u'Y' - i));
            m_store->addProduct(u"SKU-%1"_s.arg(i, 3, 10, QChar(u'0')), name,
                                {{u"Piece"_s, 1, 100 + i, {}}}, (i * 7) % 13, BaseUnit::Piece, 5);
        }
        m_store->addProduct(u"COLA-1"_s, u"Kolibri COLA 0.33 l"_s,
                            {{u"Case of 24"_s, 24, 2399, u"2000000000084"_s},
                             {u"Can"_s, 1, 119, u"2000000000015"_s},
                             {u"Six-pack"_s, 6, 649, {}}},
                            48);
        m_store->addProduct(u"PCT-1"_s, u"100% Juice"_s, {{u"Bottle"_s, 1, 199, {}}}, 3);
    }

    void pagesFollowTheSortWithoutGapsOrRepeats_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<bool>("descending");
        QTest::newRow("name") << int(ProductFilter::Sort::Name) << false;
        QTest::newRow("name desc") << int(ProductFilter::Sort::Name) << true;
        QTest::newRow("sku") << int(ProductFilter::Sort::Sku) << false;
        QTest::newRow("stock") << int(ProductFilter::Sort::Stock) << false;
        QTest::newRow("stock desc") << int(ProductFilter::Sort::Stock) << true;
    }
    void pagesFollowTheSortWithoutGapsOrRepeats()
    {
        QFETCH(int, sort);
        QFETCH(bool, descending);
        ProductFilter filter;
        filter.sort = static_cast<ProductFilter::Sort>(sort);
        filter.descending = descending;
        ProductRepository repository(m_store->db());
        QList<Product> all;
        ProductCursor cursor;
        for (int page = 0; page < 10; ++page) {
            ProfileScope scope(u"test.page"_s);
            const auto rows = repository.page(filter, cursor, 10);
            QVERIFY(rows);
            // One query per page, units and names joined in.
            QCOMPARE(scope.statementCount(), 1);
            all += *rows;
            if (rows->size() < 10) {
                break;
            }
            cursor = ProductCursor::after(rows->constLast(), filter.sort);
        }
        QCOMPARE(all.size(), 27);
        QSet<qint64> ids;
        for (qsizetype i = 0; i < all.size(); ++i) {
            ids.insert(all.at(i).id);
            if (i == 0) {
                continue;
            }
            const Product &a = all.at(i - 1);
            const Product &b = all.at(i);
            int order = 0;
            switch (filter.sort) {
            case ProductFilter::Sort::Name:
                order = QString::compare(a.name, b.name) < 0 ? -1 : (a.name == b.name ? 0 : 1);
                break;
            case ProductFilter::Sort::Sku:
                order = QString::compare(a.sku, b.sku) < 0 ? -1 : (a.sku == b.sku ? 0 : 1);
                break;
            case ProductFilter::Sort::Stock:
                order = a.stockBase < b.stockBase ? -1 : (a.stockBase == b.stockBase ? 0 : 1);
                break;
            }
            if (order == 0) {
                order = a.id < b.id ? -1 : 1;
            }
            QCOMPARE(order, descending ? 1 : -1);
        }
        QCOMPARE(ids.size(), 27);
    }

    void unitsCategoryAndTaxComeJoined()
    {
        ProductFilter filter;
        filter.text = u"cola"_s;
        const auto rows = ProductRepository(m_store->db()).page(filter, {}, 10);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        const Product &cola = rows->constFirst();
        QCOMPARE(cola.categoryName, u"Drinks"_s);
        QCOMPARE(cola.taxRateBp, 1900);
        QCOMPARE(cola.units.size(), 3);
        QCOMPARE(cola.units.at(0).name, u"Can"_s);
        QCOMPARE(cola.units.at(1).basePerUnit, 6);
        QCOMPARE(cola.units.at(2).price, Money::fromMinor(2399));
        QCOMPARE(cola.stockText(), u"2 cases"_s);
    }

    void filtersNarrowTheList_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("lowStock");
        QTest::addColumn<int>("expected");
        QTest::newRow("name, any case") << u"kolibri cola"_s << false << 1;
        QTest::newRow("sku prefix") << u"SKU-01"_s << false << 10;
        QTest::newRow("sku is no substring") << u"KU-01"_s << false << 0;
        QTest::newRow("barcode") << u"2000000000084"_s << false << 1;
        QTest::newRow("percent is literal") << u"100%"_s << false << 1;
        QTest::newRow("underscore is literal") << u"_"_s << false << 0;
        QTest::newRow("low stock") << QString() << true << 12;
    }
    void filtersNarrowTheList()
    {
        QFETCH(QString, text);
        QFETCH(bool, lowStock);
        QFETCH(int, expected);
        ProductFilter filter;
        filter.text = text;
        filter.lowStockOnly = lowStock;
        const auto rows = ProductRepository(m_store->db()).page(filter, {}, 100);
        QVERIFY(rows);
        QCOMPARE(rows->size(), expected);
        if (lowStock) {
            for (const Product &p : *rows) {
                QVERIFY(p.isLowStock());
            }
        }
    }

    void categoryAndActiveFilters()
    {
        ProductRepository repository(m_store->db());
        const auto cola = repository.findBySku(u"COLA-1"_s).value().value();
        QVERIFY(repository.setActive(cola.id, false));
        ProductFilter filter;
        QCOMPARE(repository.page(filter, {}, 100)->size(), 26);
        filter.active = ProductFilter::Active::No;
        QCOMPARE(repository.page(filter, {}, 100)->size(), 1);
        filter.active = ProductFilter::Active::Any;
        filter.categoryId = m_store->groceries;
        QCOMPARE(repository.page(filter, {}, 100)->size(), 0);
    }

    void aScanIsOneIndexedQuery()
    {
        ProductRepository repository(m_store->db());
        ProfileScope scope(u"test.scan"_s);
        const auto found = repository.findUnitByBarcode(u"2000000000084"_s);
        QCOMPARE(scope.statementCount(), 1);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->unit.name, u"Case of 24"_s);
        QCOMPARE((*found)->unit.basePerUnit, 24);
        QCOMPARE((*found)->product.sku, u"COLA-1"_s);
        QCOMPARE((*found)->product.taxRateBp, 1900);
        const auto unknown = repository.findUnitByBarcode(u"4006381333931"_s);
        QVERIFY(unknown);
        QVERIFY(!unknown->has_value());
    }

    void conversionRatesForManyUnitsInOneQuery()
    {
        const auto cola = ProductRepository(m_store->db()).findBySku(u"COLA-1"_s).value().value();
        QList<qint64> ids;
        for (const ProductUnit &unit : cola.units) {
            ids << unit.id;
        }
        ids << 999999;
        ProfileScope scope(u"test.rates"_s);
        const auto rates = ProductRepository(m_store->db()).conversionRates(ids);
        QCOMPARE(scope.statementCount(), 1);
        QVERIFY(rates);
        QCOMPARE(rates->size(), 3);
        QCOMPARE(rates->value(cola.units.at(2).id), 24);
    }

    void lowStockListsTheEmptiestFirst()
    {
        const auto rows = ProductRepository(m_store->db()).lowStock(5);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 5);
        QVERIFY(rows->at(0).stockBase - rows->at(0).reorderLevelBase
                <= rows->at(4).stockBase - rows->at(4).reorderLevelBase);
    }

    void aProductWithHistoryIsNeverDeleted_data()
    {
        QTest::addColumn<QString>("history");
        QTest::newRow("bill line") << u"bill"_s;
        QTest::newRow("ledger row") << u"ledger"_s;
        QTest::newRow("stock document line") << u"document"_s;
    }
    void aProductWithHistoryIsNeverDeleted()
    {
        QFETCH(QString, history);
        // Given a product that got a history after anybody last looked
        const Product p
                = m_store->addProduct(u"H-1"_s, u"Has history"_s, {{u"Piece"_s, 1, 100, {}}});
        const QString at = u"'2026-01-01T10:00:00.000Z'"_s;
        QStringList writes;
        if (history == u"bill"_s) {
            writes << u"INSERT INTO bills (id, uuid, number, lane, cashier_id, created_at, "
                      "subtotal_minor, tax_minor, total_minor) VALUES (1, 'b1', 1, '1', %1, %2, "
                      "100, "
                      "16, 100)"_s.arg(m_store->cashier.id)
                              .arg(at)
                   << u"INSERT INTO bill_items (bill_id, line_no, product_id, unit_id, quantity, "
                      "base_quantity, unit_price_minor, tax_rate_bp, tax_minor, total_minor) "
                      "VALUES (1, 1, %1, %2, 1, 1, 100, 1900, 16, 100)"_s.arg(p.id)
                              .arg(p.units.at(0).id);
        } else if (history == u"ledger"_s) {
            writes << u"INSERT INTO stock_movements (product_id, delta_base, reason, created_at) "
                      "VALUES (%1, 0, 'correction', %2)"_s.arg(p.id)
                              .arg(at);
        } else {
            writes << u"INSERT INTO stock_documents (id, kind, number, created_at) "
                      "VALUES (1, 'receipt', 1, %1)"_s.arg(at)
                   << u"INSERT INTO stock_document_lines (document_id, product_id, unit_id, "
                      u"quantity, "
                      "base_quantity) VALUES (1, %1, %2, 1, 1)"_s.arg(p.id)
                              .arg(p.units.at(0).id);
        }
        for (const QString &sql : std::as_const(writes)) {
            QVERIFY(SqlQuery::run(m_store->db(), sql));
        }
        const qint64 products = m_store->scalar(u"SELECT COUNT(*) FROM products"_s);

        // When the repository is asked to delete it
        const auto deleted = ProductRepository(m_store->db()).removeUnlessHistory(p.id);

        // Then it refuses, and the product, its unit and its history are all still there
        QVERIFY(deleted);
        QCOMPARE(*deleted, false);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), products);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM product_units WHERE product_id = %1"_s.arg(p.id)),
                 1);
        QCOMPARE(m_store->scalar(u"SELECT (SELECT COUNT(*) FROM bill_items) "
                                 "+ (SELECT COUNT(*) FROM stock_movements WHERE product_id = %1) "
                                 "+ (SELECT COUNT(*) FROM stock_document_lines)"_s.arg(p.id)),
                 1);
        QCOMPARE(*ProductRepository(m_store->db()).hasHistory(p.id), true);
    }

    void aProductWithoutHistoryIsDeletedWithItsUnits()
    {
        const Product p = m_store->addProduct(u"N-1"_s, u"No history"_s,
                                              {{u"Piece"_s, 1, 100, {}}, {u"Box"_s, 6, 550, {}}});
        QCOMPARE(*ProductRepository(m_store->db()).hasHistory(p.id), false);
        const auto deleted = ProductRepository(m_store->db()).removeUnlessHistory(p.id);
        QVERIFY(deleted);
        QCOMPARE(*deleted, true);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE id = %1"_s.arg(p.id)), 0);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM product_units WHERE product_id = %1"_s.arg(p.id)),
                 0);
    }

    void cleanup() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(TestProductRepository)
#include "tst_productrepository.moc"
