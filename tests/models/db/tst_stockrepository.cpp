#include "models/db/productrepository.h"
#include "models/db/stockrepository.h"
#include "models/db/transaction.h"
#include "tests/common/othersession.h"
#include "tests/common/qverifyok.h"
#include "tests/common/storefixture.h"

#include <QDeadlineTimer>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

/*!
 * A goods receipt checks its own lines, so no foreign key has to: on PostgreSQL it locks
 * its products before it writes, and a product deleted on another connection at the same
 * time either waits for the receipt (and then has history, so stays) or refuses it whole.
 */
class TestStockRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;

    static QList<StockDelta> receiptOf(const QList<Product> &products)
    {
        QList<StockDelta> lines;
        for (const Product &product : products) {
            lines.append({product.id, product.units.at(0).id, 3, 3, std::nullopt});
        }
        return lines;
    }

    StockRepository::ReceiptHeader header() const
    {
        return {m_store->manager.id, u"Wholesale"_s, {}, u"1"_s};
    }

    //! Rows that name a product that is not there, or a unit not of their product.
    qint64 orphans()
    {
        return m_store->scalar(
                u"SELECT (SELECT COUNT(*) FROM stock_movements m WHERE NOT EXISTS (SELECT 1 "
                "FROM products p WHERE p.id = m.product_id)) "
                "+ (SELECT COUNT(*) FROM stock_document_lines l WHERE NOT EXISTS (SELECT 1 FROM "
                "product_units u WHERE u.id = l.unit_id AND u.product_id = l.product_id))"_s);
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
    }

    void aReceiptOfADeletedProductWritesNothing()
    {
        // Given a product without history that is deleted while a receipt still lists it
        const Product gone = m_store->addProduct(u"G-1"_s, u"Gone"_s, {{u"Piece"_s, 1, 100, {}}});
        const Product kept = m_store->addProduct(u"K-1"_s, u"Kept"_s, {{u"Piece"_s, 1, 100, {}}});
        const auto deleted = ProductRepository(m_store->db()).removeUnlessHistory(gone.id);
        QVERIFY_OK(deleted);
        QCOMPARE(*deleted, true);

        // When the receipt is posted with both products
        const auto posted
                = StockRepository(m_store->db()).postReceipt(receiptOf({kept, gone}), header());

        // Then it is refused at the deleted product's line and writes nothing
        QVERIFY_OK(posted);
        QCOMPARE(posted->refusedLine, 2);
        QCOMPARE(posted->document.id, 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_documents"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_document_lines"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_movements"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(kept.id)),
                 0);
        QCOMPARE(orphans(), 0);
    }

    void aDeletionInFlightRefusesTheReceiptWhole()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("One SQLite file has one writer; the race needs two PostgreSQL sessions.");
        }
        // Given a product without history, deleted in a transaction that is still open
        const Product gone = m_store->addProduct(u"R-1"_s, u"Raced"_s, {{u"Piece"_s, 1, 100, {}}});
        const Product kept = m_store->addProduct(u"K-2"_s, u"Kept"_s, {{u"Piece"_s, 1, 100, {}}});
        Transaction deleting(m_store->db());
        QVERIFY_OK(deleting.begin());
        const auto deleted = ProductRepository(m_store->db()).removeUnlessHistory(gone.id);
        QVERIFY_OK(deleted);
        QCOMPARE(*deleted, true);

        // When another connection posts a receipt of it meanwhile
        const DatabaseUrl url = m_store->scratch().url();
        const QList<StockDelta> lines = receiptOf({kept, gone});
        const StockRepository::ReceiptHeader who = header();
        OtherSession<StockRepository::PostedReceipt> office(
                url, [&](Database &db) { return StockRepository(db).postReceipt(lines, who); });
        // (the receipt waits for the deletion's lock on the product)
        const bool waited = someoneWaitsFor(*m_store);
        const DbStatus committed = deleting.commit();
        QVERIFY(office.wait());
        const DbResult<StockRepository::PostedReceipt> &posted = office.result();
        QVERIFY_OK(committed);
        QVERIFY(waited);

        // Then the receipt is refused whole: the product is gone and nothing names it
        QVERIFY_OK(posted);
        QCOMPARE(posted->refusedLine, 2);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE id = %1"_s.arg(gone.id)), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_documents"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_document_lines"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(kept.id)),
                 0);
        QCOMPARE(orphans(), 0);
    }

    void aReceiptInFlightKeepsItsProduct()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("One SQLite file has one writer; the race needs two PostgreSQL sessions.");
        }
        // Given a receipt of a product without history, in a transaction still open
        const Product p = m_store->addProduct(u"R-2"_s, u"Raced"_s, {{u"Piece"_s, 1, 100, {}}});
        Transaction receiving(m_store->db());
        QVERIFY_OK(receiving.begin());
        const auto posted = StockRepository(m_store->db()).postReceipt(receiptOf({p}), header());
        QVERIFY_OK(posted);
        QCOMPARE(posted->refusedLine, 0);

        // When a manager on another connection deletes the product meanwhile
        const DatabaseUrl url = m_store->scratch().url();
        OtherSession<bool> manager(
                url, [&](Database &db) { return ProductRepository(db).removeUnlessHistory(p.id); },
                OtherSession<bool>::InTransaction::Yes);
        // (the deletion waits for the receipt's lock on the product)
        const bool waited = someoneWaitsFor(*m_store);
        const DbStatus committed = receiving.commit();
        QVERIFY(manager.wait());
        const DbResult<bool> &deleted = manager.result();
        QVERIFY_OK(committed);
        QVERIFY_OK(deleted);
        QVERIFY(waited);

        // Then the deletion found the receipt's history and kept the product
        QCOMPARE(*deleted, false);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(p.id)), 3);
        QCOMPARE(orphans(), 0);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void cleanup() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(TestStockRepository)
#include "tst_stockrepository.moc"
