#include "models/db/conversionratecache.h"
#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/domain/quantity.h"
#include "models/services/catalogueservice.h"
#include "models/services/inventoryservice.h"
#include "tests/common/storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestCatalogueService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<CatalogueService> m_catalogue;

    Product draft() const
    {
        Product p;
        p.sku = u"TEA-1"_s;
        p.name = u"Green tea"_s;
        p.taxRateId = m_store->reducedTax;
        p.categoryId = m_store->groceries;
        p.units = {ProductUnit{0, 0, u"Box"_s, 1, Money::fromMinor(349), u"4006381333931"_s, true},
                   ProductUnit{0, 0, u"Tray of 12"_s, 12, Money::fromMinor(3799), {}, true}};
        return p;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_catalogue = std::make_unique<CatalogueService>(m_store->db(), m_store->session(),
                                                         m_store->authorizer());
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no sku") << u"sku"_s << u"SKU"_s;
        QTest::newRow("no name") << u"name"_s << u"name"_s;
        QTest::newRow("no tax") << u"tax"_s << u"tax"_s;
        QTest::newRow("rate zero") << u"rate0"_s << u"Tray of 12"_s;
        QTest::newRow("rate negative") << u"rate-1"_s << u"Tray of 12"_s;
        QTest::newRow("negative price") << u"price"_s << u"Box"_s;
        QTest::newRow("check digit") << u"barcode"_s << u"4006381333932"_s;
        QTest::newRow("barcode twice") << u"barcode2"_s << u"4006381333931"_s;
        QTest::newRow("same size twice") << u"size"_s << u"12"_s;
        QTest::newRow("no units") << u"units"_s << u"unit"_s;
        QTest::newRow("unit name twice") << u"unitname"_s << u"Box"_s;
        // The limits, each said in the sentence.
        QTest::newRow("sku too long") << u"longsku"_s << u"64"_s;
        QTest::newRow("name too long") << u"longname"_s << u"200"_s;
        const QLocale locale;
        QTest::newRow("pack too large") << u"pack"_s << locale.toString(Quantity::kMaxBasePerUnit);
        QTest::newRow("pack of 2^63-1") << u"packmax"_s << u"Tray of 12"_s;
        QTest::newRow("price too high") << u"pricemax"_s << u"999999"_s;
        QTest::newRow("cost too high") << u"costmax"_s << u"999999"_s;
        QTest::newRow("cost for too many")
                << u"costper"_s << locale.toString(ProductLimits::kMaxCostPerBase);
        QTest::newRow("reorder too high")
                << u"reorder"_s << locale.toString(ProductLimits::kMaxReorderLevel);
    }
    void validationNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, mentions);
        Product p = draft();
        if (field == u"sku"_s) {
            p.sku = u"  "_s;
        } else if (field == u"name"_s) {
            p.name.clear();
        } else if (field == u"tax"_s) {
            p.taxRateId = 0;
        } else if (field == u"rate0"_s) {
            p.units[1].basePerUnit = 0;
        } else if (field == u"rate-1"_s) {
            p.units[1].basePerUnit = -12;
        } else if (field == u"price"_s) {
            p.units[0].price = Money::fromMinor(-1);
        } else if (field == u"barcode"_s) {
            p.units[0].barcode = u"4006381333932"_s;
        } else if (field == u"barcode2"_s) {
            p.units[1].barcode = p.units[0].barcode;
        } else if (field == u"size"_s) {
            p.units[0].basePerUnit = 12;
        } else if (field == u"units"_s) {
            p.units.clear();
        } else if (field == u"unitname"_s) {
            p.units[1].name = u"box"_s;
        } else if (field == u"longsku"_s) {
            p.sku = QString(65, u'S');
        } else if (field == u"longname"_s) {
            p.name = QString(201, u'n');
        } else if (field == u"pack"_s) {
            p.units[1].basePerUnit = Quantity::kMaxBasePerUnit + 1;
        } else if (field == u"packmax"_s) {
            p.units[1].basePerUnit = std::numeric_limits<qint64>::max();
        } else if (field == u"pricemax"_s) {
            p.units[0].price = Money::fromMinor(ProductLimits::kMaxPriceMinor + 1);
        } else if (field == u"costmax"_s) {
            p.cost = Money::fromMinor(ProductLimits::kMaxCostMinor + 1);
        } else if (field == u"costper"_s) {
            p.costPerBase = ProductLimits::kMaxCostPerBase + 1;
        } else if (field == u"reorder"_s) {
            p.reorderLevelBase = ProductLimits::kMaxReorderLevel + 1;
        }
        const auto problem = CatalogueService::validate(p);
        QVERIFY(problem.has_value());
        QCOMPARE(problem->code, ServiceError::Code::InvalidInput);
        QVERIFY2(problem->message.contains(mentions, Qt::CaseInsensitive),
                 qPrintable(problem->message));
        QVERIFY(!CatalogueService::validate(draft()).has_value());
    }

    void aPackAboveTheLimitIsNotSaved()
    {
        // Given a manager saving a product whose pack would hold 2^63-1 pieces
        m_store->signIn(m_store->manager);
        Product p = draft();
        p.units[1].basePerUnit = std::numeric_limits<qint64>::max();
        // Then it is refused as invalid and nothing is written
        const auto saved = m_catalogue->save(p);
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ServiceError::Code::InvalidInput);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 0);
    }

    void aCashierCannotEditTheCatalogue()
    {
        m_store->signIn(m_store->cashier);
        const auto saved = m_catalogue->save(draft());
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ServiceError::Code::PermissionDenied);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 0);
        // but may read it
        QVERIFY(m_catalogue->page({}, {}, 10));
    }

    void aManagerSavesAndEditsAProduct()
    {
        m_store->signIn(m_store->manager);
        const auto saved = m_catalogue->save(draft());
        QVERIFY_OK(saved);
        QVERIFY(saved->id > 0);
        QCOMPARE(saved->units.size(), 2);
        QCOMPARE(saved->categoryName, u"Groceries"_s);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM audit_log WHERE action = 'product_created'"_s),
                 1);

        // Dropping a unit keeps it for old bills, inactive and without its barcode.
        Product edited = *saved;
        edited.name = u"Green tea, organic"_s;
        edited.units.removeFirst();
        edited.units.append(ProductUnit{0, 0, u"Single bag"_s, 1, Money::fromMinor(40),
                                        u"4006381333931"_s, true});
        const auto again = m_catalogue->save(edited);
        QVERIFY_OK(again);
        QCOMPARE(again->name, u"Green tea, organic"_s);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM product_units WHERE active = TRUE"_s), 2);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM product_units WHERE active = FALSE "
                                 "AND barcode IS NULL"_s),
                 1);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM product_units WHERE barcode = '4006381333931'"_s),
                 1);
    }

    void duplicatesAgainstTheDatabaseAreRefused()
    {
        m_store->signIn(m_store->manager);
        QVERIFY(m_catalogue->save(draft()));
        Product sameSku = draft();
        sameSku.units[0].barcode.clear();
        const auto skuTaken = m_catalogue->save(sameSku);
        QVERIFY(!skuTaken);
        QCOMPARE(skuTaken.error().code, ServiceError::Code::Conflict);
        QVERIFY(skuTaken.error().message.contains(u"TEA-1"_s));

        Product sameBarcode = draft();
        sameBarcode.sku = u"TEA-2"_s;
        const auto codeTaken = m_catalogue->save(sameBarcode);
        QVERIFY(!codeTaken);
        QCOMPARE(codeTaken.error().code, ServiceError::Code::Conflict);
        QVERIFY(codeTaken.error().message.contains(u"4006381333931"_s));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 1);
    }

    void soldProductsAreArchivedOthersDeleted()
    {
        m_store->signIn(m_store->manager);
        const Product sold
                = m_store->addProduct(u"S1"_s, u"Sold"_s, {{u"Piece"_s, 1, 100, {}}}, 10);
        const Product unsold
                = m_store->addProduct(u"U1"_s, u"Unsold"_s, {{u"Piece"_s, 1, 100, {}}});
        QVERIFY(SqlQuery::run(
                m_store->db(),
                u"INSERT INTO bills (id, uuid, number, lane, cashier_id, created_at, "
                u"subtotal_minor, "
                "tax_minor, total_minor) VALUES (1, 'b1', 1, '1', %1, '2026-01-01T10:00:00.000Z', 100, 16, 100)"_s
                        .arg(m_store->cashier.id)));
        QVERIFY(SqlQuery::run(m_store->db(), u"INSERT INTO bill_items (bill_id, line_no, "
                                             u"product_id, unit_id, quantity, base_quantity, "
                                             "unit_price_minor, tax_rate_bp, tax_minor, "
                                             "total_minor) VALUES (1, 1, %1, %2, 1, 1, 100, "
                                             "1900, 16, 100)"_s.arg(sold.id)
                                                     .arg(sold.units.at(0).id)));

        const auto archived = m_catalogue->archiveOrDelete(sold.id);
        QVERIFY(archived);
        QCOMPARE(*archived, false);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM products WHERE sku = 'S1' AND active = FALSE"_s),
                 1);

        const auto deleted = m_catalogue->archiveOrDelete(unsold.id);
        QVERIFY(deleted);
        QCOMPARE(*deleted, true);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE sku = 'U1'"_s), 0);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void productsWithStockHistoryAreArchivedNotDeleted()
    {
        // Given a product never sold but received into stock, and one with no history at all
        m_store->signIn(m_store->manager);
        const Product received
                = m_store->addProduct(u"R1"_s, u"Received"_s, {{u"Piece"_s, 1, 100, {}}});
        const Product fresh = m_store->addProduct(u"F1"_s, u"Fresh"_s, {{u"Piece"_s, 1, 100, {}}});
        ConversionRateCache cache(m_store->db());
        InventoryService inventory(m_store->db(), m_store->session(), m_store->authorizer(), cache);
        QVERIFY(inventory.postReceipt({{received.id, received.units.at(0).id, 6, {}}}, u"Mill"_s,
                                      {}));
        const QString count = u"SELECT COUNT(*) FROM %1 WHERE product_id = %2"_s;

        // When both are removed
        QCOMPARE(m_catalogue->hasHistory(received.id).value(), true);
        QCOMPARE(m_catalogue->hasHistory(fresh.id).value(), false);
        const auto archived = m_catalogue->archiveOrDelete(received.id);
        const auto deleted = m_catalogue->archiveOrDelete(fresh.id);

        // Then the received one is archived with its ledger and its receipt line intact
        QVERIFY(archived);
        QCOMPARE(*archived, false);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM products WHERE id = %1 AND active = FALSE"_s.arg(
                                 received.id)),
                 1);
        QCOMPARE(m_store->scalar(count.arg(u"stock_movements"_s).arg(received.id)), 1);
        QCOMPARE(m_store->scalar(count.arg(u"stock_document_lines"_s).arg(received.id)), 1);
        QCOMPARE(m_store->scalar(count.arg(u"product_units"_s).arg(received.id)), 1);
        QCOMPARE(m_store->scalar(
                         u"SELECT stock_base FROM products WHERE id = %1"_s.arg(received.id)),
                 6);
        QCOMPARE(m_store->ledgerMismatches(), 0);
        // and the fresh one is gone with its unit
        QVERIFY(deleted);
        QCOMPARE(*deleted, true);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE id = %1"_s.arg(fresh.id)),
                 0);
        QCOMPARE(m_store->scalar(count.arg(u"product_units"_s).arg(fresh.id)), 0);
    }

    void aBulkPriceChangeIsOneStatementWhateverItsSize_data()
    {
        QTest::addColumn<int>("products");
        QTest::newRow("5 products") << 5;
        QTest::newRow("60 products") << 60;
    }
    void aBulkPriceChangeIsOneStatementWhateverItsSize()
    {
        QFETCH(int, products);
        for (int i = 0; i < products; ++i) {
            m_store->addProduct(u"P%1"_s.arg(i), u"Juice %1"_s.arg(i),
                                {{u"Bottle"_s, 1, 199, {}}, {u"Crate"_s, 6, 1099, {}}});
        }
        m_store->signIn(m_store->manager);
        ProductFilter filter;
        filter.text = u"juice"_s;
        PriceChange change{PriceChange::Mode::Percent, 1000, false}; // +10 %

        const auto preview = m_catalogue->previewPriceChange(filter, change, 1000);
        QVERIFY(preview);
        QCOMPARE(preview->size(), products * 2);
        QCOMPARE(preview->first().oldPrice, Money::fromMinor(199));
        QCOMPARE(preview->first().newPrice, Money::fromMinor(219)); // 218.9 rounds up

        ProfileScope scope(u"test.bulk"_s);
        const auto applied = m_catalogue->applyPriceChange(filter, change);
        QVERIFY_OK(applied);
        QCOMPARE(*applied, products * 2);
        // BEGIN, the UPDATE, the audit row, COMMIT: the same for 5 or 60 products.
        QCOMPARE(scope.statementCount(), 4);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM product_units WHERE price_minor = 1209"_s),
                 products);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'price_change'"_s),
                 1);
    }

    void aPriceChangeThatGoesNegativeChangesNothing()
    {
        m_store->addProduct(u"C1"_s, u"Cheap"_s, {{u"Piece"_s, 1, 50, {}}});
        m_store->addProduct(u"E1"_s, u"Expensive"_s, {{u"Piece"_s, 1, 5000, {}}});
        m_store->signIn(m_store->manager);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        const auto applied
                = m_catalogue->applyPriceChange({}, {PriceChange::Mode::Amount, -100, false});
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ServiceError::Code::InvalidInput);
        QCOMPARE(m_store->scalar(u"SELECT SUM(price_minor) FROM product_units"_s), 5050);
    }

    void categoriesAndTaxRates()
    {
        m_store->signIn(m_store->manager);
        QVERIFY(m_catalogue->saveCategory({0, u"Bakery"_s, 3}));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        QCOMPARE(m_catalogue->saveCategory({0, u"Bakery"_s, 4}).error().code,
                 ServiceError::Code::Conflict);
        QCOMPARE(m_catalogue->saveTaxRate({0, u"Zero"_s, 10001}).error().code,
                 ServiceError::Code::InvalidInput);
        m_store->addProduct(u"X"_s, u"X"_s, {{u"Piece"_s, 1, 1, {}}});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        QCOMPARE(m_catalogue->removeTaxRate(m_store->standardTax).error().code,
                 ServiceError::Code::Conflict);
        QVERIFY(m_catalogue->removeCategory(m_store->drinks));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE category_id IS NULL"_s), 1);
    }

    void cleanup()
    {
        m_catalogue.reset();
        m_store.reset();
    }
};

QTEST_GUILESS_MAIN(TestCatalogueService)
#include "tst_catalogueservice.moc"
