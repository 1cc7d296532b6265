#include "models/db/conversionratecache.h"
#include "models/db/queryprofiler.h"
#include "models/domain/quantity.h"
#include "models/services/catalogueservice.h"
#include "models/services/inventoryservice.h"
#include "tests/common/storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestInventoryService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<ConversionRateCache> m_cache;
    std::unique_ptr<InventoryService> m_inventory;
    QList<Product> m_products;

    qint64 stockOf(qint64 productId)
    {
        return m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(productId));
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_products = m_store->addProducts(
                60, {{u"Piece"_s, 1, 100, {}}, {u"Box of 12"_s, 12, 1100, {}}}, 10);
        m_cache = std::make_unique<ConversionRateCache>(m_store->db());
        m_inventory = std::make_unique<InventoryService>(m_store->db(), m_store->session(),
                                                         m_store->authorizer(), *m_cache);
        m_store->signIn(m_store->manager);
    }

    void aReceiptCostsTheSameStatementsForOneLineOrFifty_data()
    {
        QTest::addColumn<int>("lines");
        QTest::newRow("1 line") << 1;
        QTest::newRow("10 lines") << 10;
        QTest::newRow("50 lines") << 50;
    }
    void aReceiptCostsTheSameStatementsForOneLineOrFifty()
    {
        QFETCH(int, lines);
        QList<InventoryService::ReceiptLine> receipt;
        for (int i = 0; i < lines; ++i) {
            // Boxes of twelve: the stock rises in pieces.
            receipt.append({m_products.at(i).id, m_products.at(i).units.at(1).id, 2,
                            Money::fromMinor(800)});
        }
        // Warm the cache so the count is the posting alone.
        QList<qint64> units;
        for (const auto &line : receipt) {
            units << line.unitId;
        }
        QVERIFY(m_cache->rates(units));

        ProfileScope scope(u"test.receipt"_s);
        const auto posted = m_inventory->postReceipt(receipt, u"Grocery Wholesale"_s, {});
        QVERIFY_OK(posted);
        // PostgreSQL: one statement, its own transaction. SQLite: BEGIN, document, its
        // lines, stock, ledger, audit, COMMIT.
        QCOMPARE(scope.statementCount(), TestDatabase::isPostgres() ? 1 : 7);
        QCOMPARE(posted->lines, lines);
        QCOMPARE(posted->productsChanged, lines);
        QCOMPARE(posted->number, 1);
        QCOMPARE(stockOf(m_products.at(0).id), 10 + 24);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aProductOnTwoLinesIsSummed()
    {
        const Product &p = m_products.at(0);
        const auto posted = m_inventory->postReceipt({{p.id, p.units.at(0).id, 5, std::nullopt},
                                                      {p.id, p.units.at(1).id, 1, std::nullopt}},
                                                     {}, {});
        QVERIFY(posted);
        QCOMPARE(posted->productsChanged, 1);
        QCOMPARE(stockOf(p.id), 10 + 5 + 12);
        QCOMPARE(
                m_store->scalar(u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'receipt'"_s),
                1);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void badReceiptsChangeNothing_data()
    {
        QTest::addColumn<int>("what");
        QTest::newRow("zero quantity") << 0;
        QTest::newRow("negative quantity") << 1;
        QTest::newRow("unit of another product") << 2;
        QTest::newRow("unknown unit") << 3;
        QTest::newRow("overflowing quantity") << 4;
        QTest::newRow("no lines") << 5;
    }
    void badReceiptsChangeNothing()
    {
        QFETCH(int, what);
        const Product &a = m_products.at(0);
        const Product &b = m_products.at(1);
        QList<InventoryService::ReceiptLine> lines{{a.id, a.units.at(0).id, 3, std::nullopt}};
        switch (what) {
        case 0:
            lines.append({b.id, b.units.at(0).id, 0, std::nullopt});
            break;
        case 1:
            lines.append({b.id, b.units.at(0).id, -4, std::nullopt});
            break;
        case 2:
            lines.append({b.id, a.units.at(1).id, 1, std::nullopt});
            break;
        case 3:
            lines.append({b.id, 999999, 1, std::nullopt});
            break;
        case 4:
            lines.append({b.id, b.units.at(1).id, Q_INT64_C(900000000000000000), std::nullopt});
            break;
        case 5:
            lines.clear();
            break;
        }
        const auto posted = m_inventory->postReceipt(lines, {}, {});
        QVERIFY(!posted);
        QCOMPARE(posted.error().code, ServiceError::Code::InvalidInput);
        QVERIFY(!posted.error().message.isEmpty());
        QCOMPARE(stockOf(a.id), 10);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_documents"_s), 0);
    }

    void aUnitResizedAfterItsRateWasReadRefusesTheReceipt()
    {
        // Given rates this till remembers, and a box that another lane then makes a box of 6
        // without this cache hearing of it
        const Product &a = m_products.at(0);
        const Product &b = m_products.at(1);
        const QList<InventoryService::ReceiptLine> lines{{a.id, a.units.at(1).id, 1, std::nullopt},
                                                         {b.id, b.units.at(1).id, 2, std::nullopt}};
        QVERIFY(m_cache->rates({a.units.at(1).id, b.units.at(1).id}));
        QCOMPARE(m_store->scalar(u"UPDATE product_units SET base_per_unit = 6 WHERE id = %1 "
                                 "RETURNING base_per_unit"_s.arg(b.units.at(1).id)),
                 6);

        // When the receipt is posted with the old rate, it is refused at that line, whole
        const auto refused = m_inventory->postReceipt(lines, {}, {});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ServiceError::Code::InvalidInput);
        QVERIFY2(refused.error().message.contains(u"Line 2"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(stockOf(a.id), 10);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_documents"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_document_lines"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = "
                                 "'goods_receipt'"_s),
                 0);

        // Then posting it again reads the new size
        const auto posted = m_inventory->postReceipt(lines, {}, {});
        QVERIFY_OK(posted);
        QCOMPARE(stockOf(a.id), 10 + 12);
        QCOMPARE(stockOf(b.id), 10 + 2 * 6);
        QCOMPARE(m_store->scalar(u"SELECT SUM(base_quantity) FROM stock_document_lines"_s),
                 12 + 12);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aReceiptWritesItsLinesLedgerAndAuditOnce()
    {
        const Product &a = m_products.at(0);
        const Product &b = m_products.at(1);
        const auto posted
                = m_inventory->postReceipt({{a.id, a.units.at(1).id, 2, Money::fromMinor(900)},
                                            {b.id, b.units.at(0).id, 7, std::nullopt},
                                            {a.id, a.units.at(0).id, 1, std::nullopt}},
                                           u" Grocery Wholesale "_s, {});
        QVERIFY_OK(posted);
        QCOMPARE(posted->lines, 3);
        QCOMPARE(posted->productsChanged, 2);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_document_lines WHERE "
                                 "document_id = %1"_s.arg(posted->id)),
                 3);
        QCOMPARE(m_store->scalar(
                         u"SELECT cost_minor FROM stock_document_lines WHERE "
                         "document_id = %1 AND product_id = %2 AND quantity = 2"_s.arg(posted->id)
                                 .arg(a.id)),
                 900);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_documents WHERE supplier = "
                                 "'Grocery Wholesale' AND status = 'posted' AND user_id = %1"_s.arg(
                                         m_store->manager.id)),
                 1);
        QCOMPARE(m_store->scalar(u"SELECT SUM(delta_base) FROM stock_movements WHERE "
                                 "document_id = %1 AND reason = 'receipt'"_s.arg(posted->id)),
                 24 + 7 + 1);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = "
                                 "'goods_receipt' AND details = 'document=1 lines=3' AND "
                                 "user_id = %1"_s.arg(m_store->manager.id)),
                 1);
        QCOMPARE(stockOf(a.id), 10 + 25);
        QCOMPARE(stockOf(b.id), 10 + 7);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void absurdQuantitiesAreRefusedWithTheLimit_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<qint64>("quantity");
        // Ten billion pieces fit in 64 bits easily; nobody receives or counts them.
        const qint64 tooMany = Quantity::kMaxBase + 1;
        QTest::newRow("receipt in pieces") << u"receipt"_s << tooMany;
        QTest::newRow("receipt in boxes") << u"receipt-boxes"_s << tooMany / 12 + 1;
        QTest::newRow("stocktake") << u"stocktake"_s << tooMany;
        QTest::newRow("found goods") << u"found"_s << tooMany;
        QTest::newRow("lost goods") << u"lost"_s << -tooMany;
    }
    void absurdQuantitiesAreRefusedWithTheLimit()
    {
        QFETCH(QString, document);
        QFETCH(qint64, quantity);
        const Product &a = m_products.at(0);
        std::optional<ServiceError> refusal;
        if (document == u"receipt"_s || document == u"receipt-boxes"_s) {
            const qint64 unit = a.units.at(document == u"receipt"_s ? 0 : 1).id;
            const auto posted
                    = m_inventory->postReceipt({{a.id, unit, quantity, std::nullopt}}, {}, {});
            QVERIFY(!posted);
            refusal = posted.error();
        } else if (document == u"stocktake"_s) {
            const auto posted = m_inventory->postStocktake({{a.id, quantity}}, {});
            QVERIFY(!posted);
            refusal = posted.error();
        } else {
            const auto reason = quantity > 0 ? InventoryService::AdjustmentReason::Found
                                             : InventoryService::AdjustmentReason::Lost;
            const auto adjusted = m_inventory->adjust(a.id, quantity, reason, {});
            QVERIFY(!adjusted);
            refusal = adjusted.error();
        }
        // The refusal says the limit, and the stock, the ledger and the documents are as before.
        QCOMPARE(refusal->code, ServiceError::Code::InvalidInput);
        QVERIFY2(refusal->message.contains(QLocale().toString(Quantity::kMaxBase)),
                 qPrintable(refusal->message));
        QCOMPARE(stockOf(a.id), 10);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_documents"_s), 0);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aCashierCannotReceiveGoods()
    {
        m_store->signIn(m_store->cashier);
        const Product &a = m_products.at(0);
        const auto posted
                = m_inventory->postReceipt({{a.id, a.units.at(0).id, 3, std::nullopt}}, {}, {});
        QVERIFY(!posted);
        QCOMPARE(posted.error().code, ServiceError::Code::PermissionDenied);
    }

    void aStocktakeWritesOnlyTheDifferences_data()
    {
        QTest::addColumn<int>("lines");
        QTest::newRow("3 counted") << 3;
        QTest::newRow("50 counted") << 50;
    }
    void aStocktakeWritesOnlyTheDifferences()
    {
        QFETCH(int, lines);
        QList<InventoryService::CountLine> counts;
        for (int i = 0; i < lines; ++i) {
            // Every third product is as expected; the others are off.
            counts.append({m_products.at(i).id, i % 3 == 0 ? 10 : 10 + i});
        }
        ProfileScope scope(u"test.stocktake"_s);
        const auto posted = m_inventory->postStocktake(counts, u"Year end"_s);
        QVERIFY_OK(posted);
        // BEGIN, document, lock (PostgreSQL), lines, ledger, stock, audit, COMMIT.
        QCOMPARE(scope.statementCount(), TestDatabase::isPostgres() ? 8 : 7);
        const int off = lines - (lines + 2) / 3;
        QCOMPARE(posted->productsChanged, off);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'stocktake'"_s),
                 off);
        QCOMPARE(stockOf(m_products.at(1).id), 11);
        QCOMPARE(stockOf(m_products.at(3).id), 10);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void adjustmentsFollowTheirReason()
    {
        const qint64 id = m_products.at(0).id;
        QVERIFY(m_inventory->adjust(id, -2, InventoryService::AdjustmentReason::Damaged,
                                    u"dropped"_s));
        QVERIFY(m_inventory->adjust(id, 1, InventoryService::AdjustmentReason::Found, {}));
        QCOMPARE(stockOf(id), 9);
        QCOMPARE(m_inventory->adjust(id, 3, InventoryService::AdjustmentReason::Lost, {})
                         .error()
                         .code,
                 ServiceError::Code::InvalidInput);
        QCOMPARE(m_inventory->adjust(id, 0, InventoryService::AdjustmentReason::Correction, {})
                         .error()
                         .code,
                 ServiceError::Code::InvalidInput);
        QCOMPARE(m_inventory->adjust(987654, 1, InventoryService::AdjustmentReason::Found, {})
                         .error()
                         .code,
                 ServiceError::Code::NotFound);
        QCOMPARE(m_store->ledgerMismatches(), 0);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM audit_log WHERE action = 'stock_adjusted'"_s),
                 2);
    }

    void theLedgerShowsTheStockAfterEveryRow()
    {
        const Product &p = m_products.at(0);
        QVERIFY(m_inventory->postReceipt({{p.id, p.units.at(1).id, 1, std::nullopt}}, {}, {}));
        QVERIFY(m_inventory->adjust(p.id, -3, InventoryService::AdjustmentReason::Damaged, {}));
        QVERIFY(m_inventory->postStocktake({{p.id, 25}}, {}));
        QVERIFY(m_inventory->adjust(p.id, -1, InventoryService::AdjustmentReason::Lost, {}));

        // Newest first: lost -1 -> 24, stocktake +6 -> 25, damaged -3 -> 19, receipt +12 -> 22,
        // opening +10 -> 10. Two pages of three and two rows.
        const auto first = m_inventory->ledger(p.id, 0, 3);
        QVERIFY(first);
        QCOMPARE(first->size(), 3);
        QCOMPARE(first->at(0).reason, u"lost"_s);
        QCOMPARE(first->at(0).balanceBase, 24);
        QCOMPARE(first->at(1).deltaBase, 6);
        QCOMPARE(first->at(1).balanceBase, 25);
        QCOMPARE(first->at(2).balanceBase, 19);
        QCOMPARE(first->at(2).userName, u"Maria Manager"_s);
        const auto second = m_inventory->ledger(p.id, first->constLast().id, 3);
        QVERIFY(second);
        QCOMPARE(second->size(), 2);
        QCOMPARE(second->at(0).reason, u"receipt"_s);
        QCOMPARE(second->at(0).sourceKind, u"receipt"_s);
        QCOMPARE(second->at(0).balanceBase, 22);
        QCOMPARE(second->at(1).reason, u"opening"_s);
        QCOMPARE(second->at(1).balanceBase, 10);
    }

    static Product newProduct(const QString &sku, qint64 taxRateId)
    {
        Product product;
        product.sku = sku;
        product.name = u"Sparkling water"_s;
        product.taxRateId = taxRateId;
        ProductUnit bottle;
        bottle.name = u"Bottle"_s;
        bottle.price = Money::fromMinor(79);
        ProductUnit crate;
        crate.name = u"Crate of 12"_s;
        crate.basePerUnit = 12;
        crate.price = Money::fromMinor(849);
        product.units = {bottle, crate};
        return product;
    }

    void aNewProductsOpeningStockIsOnTheLedger()
    {
        // Given a manager creating a product with two crates of twelve on the shelf
        CatalogueService catalogue(m_store->db(), m_store->session(), m_store->authorizer(),
                                   m_cache.get());
        ProfileScope scope(u"test.opening"_s);
        const auto saved = catalogue.save(newProduct(u"WAT-1"_s, m_store->standardTax),
                                          m_inventory->openingStock(24));
        QVERIFY_OK(saved);
        // Then the product comes back with its stock, and the ledger says where it came from
        QCOMPARE(saved->stockBase, 24);
        QCOMPARE(stockOf(saved->id), 24);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_movements WHERE product_id = %1 "
                                 "AND reason = 'opening' AND delta_base = 24"_s.arg(saved->id)),
                 1);
        QCOMPARE(m_store->ledgerMismatches(), 0);
        // In the product's own transaction: one BEGIN, one COMMIT.
        int begins = 0;
        int commits = 0;
        for (const StatementRecord &statement : scope.statements()) {
            begins += statement.sql == u"BEGIN"_s ? 1 : 0;
            commits += statement.sql == u"COMMIT"_s ? 1 : 0;
        }
        QCOMPARE(begins, 1);
        QCOMPARE(commits, 1);
    }

    void anOpeningStockThatCannotBePostedKeepsTheProductOut()
    {
        // More than a product may hold: the product is not created without its stock.
        CatalogueService catalogue(m_store->db(), m_store->session(), m_store->authorizer(),
                                   m_cache.get());
        const auto tooMuch = catalogue.save(newProduct(u"WAT-2"_s, m_store->standardTax),
                                            m_inventory->openingStock(Quantity::kMaxBase + 1));
        QVERIFY(!tooMuch);
        QCOMPARE(tooMuch.error().code, ServiceError::Code::InvalidInput);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE sku = 'WAT-2'"_s), 0);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void noOpeningStockAddsNoLedgerRow()
    {
        CatalogueService catalogue(m_store->db(), m_store->session(), m_store->authorizer(),
                                   m_cache.get());
        const auto saved = catalogue.save(newProduct(u"WAT-3"_s, m_store->standardTax),
                                          m_inventory->openingStock(0));
        QVERIFY(saved);
        QCOMPARE(
                m_store->scalar(u"SELECT COUNT(*) FROM stock_movements WHERE product_id = %1"_s.arg(
                        saved->id)),
                0);
    }

    void cleanup()
    {
        m_inventory.reset();
        m_cache.reset();
        m_store.reset();
    }
};

QTEST_GUILESS_MAIN(TestInventoryService)
#include "tst_inventoryservice.moc"
