#include "models/db/conversionratecache.h"
#include "models/db/productrepository.h"
#include "models/db/salerepository.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"
#include "models/services/inventoryservice.h"
#include "tests/common/othersession.h"
#include "tests/common/storefixture.h"

#include <QDeadlineTimer>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

/*!
 * What the foreign keys of the hot tables promised, kept without them (migration 0003): the
 * parents nobody deletes cannot be deleted, and a product goes only while nothing names it,
 * even when a sale of it and its deletion run at the same time on two connections.
 */
class TestReferenceGuards : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;

    static SaleRecord::Line line(const Product &product, qint64 quantity)
    {
        const ProductUnit &unit = product.units.at(0);
        const Money total = unit.price.times(quantity);
        return {product.id, unit.id,
                quantity,   quantity,
                unit.price, Money::fromMinor(0),
                1900,       Money::fromMinor(roundedDiv(total.minor(), 1900, 11900).value()),
                total};
    }

    SaleRecord sale(const QList<Product> &products) const
    {
        SaleRecord s;
        s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.lane = u"1"_s;
        s.cashierId = m_store->cashier.id;
        s.at = QDateTime::currentDateTimeUtc();
        // Products without history have no stock: the sale may take it below zero.
        s.allowNegativeStock = true;
        Money total = Money::fromMinor(0);
        for (const Product &product : products) {
            s.lines.append(line(product, 1));
            total += s.lines.constLast().total;
        }
        s.subtotal = s.total = total;
        s.discount = s.tax = s.rounding = Money::fromMinor(0);
        s.payments = {{u"card"_s, total, Money::fromMinor(0), Money::fromMinor(0), u"REF"_s}};
        return s;
    }

    //! Rows that name a product or a unit that is not there.
    qint64 orphans()
    {
        return m_store->scalar(
                u"SELECT (SELECT COUNT(*) FROM bill_items bi WHERE NOT EXISTS (SELECT 1 FROM "
                "products p WHERE p.id = bi.product_id) OR NOT EXISTS (SELECT 1 FROM "
                "product_units u WHERE u.id = bi.unit_id AND u.product_id = bi.product_id)) "
                "+ (SELECT COUNT(*) FROM stock_movements m WHERE NOT EXISTS (SELECT 1 FROM "
                "products p WHERE p.id = m.product_id)) "
                "+ (SELECT COUNT(*) FROM stock_document_lines l WHERE NOT EXISTS (SELECT 1 FROM "
                "products p WHERE p.id = l.product_id))"_s);
    }

    //! Waits until another session waits for a lock this thread's connection holds (from
    //! One row of the table that nothing else names; the WHERE condition that finds it.
    QString childlessRow(const QString &table)
    {
        const QString at = u"'2026-01-01T10:00:00.000Z'"_s;
        const qint64 cashier = m_store->cashier.id;
        if (table == u"lanes"_s) {
            return SqlQuery::run(m_store->db(), u"INSERT INTO lanes (name) VALUES ('9')"_s)
                           ? u"name = '9'"_s
                           : QString();
        }
        if (table == u"users"_s) {
            const User nobody
                    = StoreFixture::addUser(m_store->db(), u"idle"_s, u"Idle"_s, Role::Cashier);
            return nobody.id > 0 ? u"id = %1"_s.arg(nobody.id) : QString();
        }
        if (table == u"shifts"_s) {
            const qint64 shift = m_store->openShift(u"2"_s);
            return shift > 0 ? u"id = %1"_s.arg(shift) : QString();
        }
        QStringList writes;
        if (table == u"bills"_s || table == u"bill_items"_s || table == u"refunds"_s) {
            const Product p
                    = m_store->addProduct(u"B-1"_s, u"Billed"_s, {{u"Piece"_s, 1, 100, {}}});
            writes << u"INSERT INTO bills (id, uuid, number, lane, cashier_id, created_at, "
                      "subtotal_minor, tax_minor, total_minor) "
                      "VALUES (900, 'b900', 900, '1', %1, %2, 100, 16, 100)"_s.arg(cashier)
                              .arg(at);
            if (table != u"bills"_s) {
                writes << u"INSERT INTO bill_items (id, bill_id, line_no, product_id, unit_id, "
                          "quantity, base_quantity, unit_price_minor, tax_rate_bp, tax_minor, "
                          "total_minor) VALUES (900, 900, 1, %1, %2, 1, 1, 100, 1900, 16, 100)"_s
                                  .arg(p.id)
                                  .arg(p.units.at(0).id);
            }
            if (table == u"refunds"_s) {
                writes << u"INSERT INTO refunds (id, uuid, number, lane, bill_id, cashier_id, "
                          "created_at, total_minor) VALUES (900, 'r900', 900, '1', 900, %1, %2, "
                          "0)"_s.arg(cashier)
                                  .arg(at);
            }
        } else if (table == u"stock_documents"_s) {
            writes << u"INSERT INTO stock_documents (id, kind, number, created_at) "
                      "VALUES (900, 'receipt', 900, %1)"_s.arg(at);
        }
        for (const QString &sql : std::as_const(writes)) {
            if (!SqlQuery::run(m_store->db(), sql)) {
                return {};
            }
        }
        return u"id = 900"_s;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        QVERIFY(m_store->openShift(u"1"_s) > 0);
    }

    void rowsOthersNameAreNeverDeleted_data()
    {
        QTest::addColumn<QString>("table");
        for (const QString &table : {u"lanes"_s, u"users"_s, u"shifts"_s, u"bills"_s,
                                     u"bill_items"_s, u"refunds"_s, u"stock_documents"_s}) {
            QTest::newRow(qPrintable(table)) << table;
        }
    }
    void rowsOthersNameAreNeverDeleted()
    {
        QFETCH(QString, table);
        // Given a row of the table that nothing names yet (no key would refuse its deletion)
        const QString where = childlessRow(table);
        QVERIFY(!where.isEmpty());
        const QString count = u"SELECT COUNT(*) FROM %1"_s.arg(table);
        const qint64 before = m_store->scalar(count);

        // When anybody deletes it, or everything in the table, or (PostgreSQL) truncates it
        QStringList attempts{u"DELETE FROM %1 WHERE %2"_s.arg(table, where),
                             u"DELETE FROM %1"_s.arg(table)};
        if (TestDatabase::isPostgres()) {
            attempts << u"TRUNCATE %1 CASCADE"_s.arg(table);
        }
        for (const QString &sql : std::as_const(attempts)) {
            const DbStatus deleted = SqlQuery::run(m_store->db(), sql);

            // Then the database refuses, and every row is still there
            QVERIFY2(!deleted, qPrintable(sql));
            QVERIFY2(deleted.error().details.contains(u"never deleted"_s),
                     qPrintable(deleted.error().details));
            QCOMPARE(m_store->scalar(count), before);
        }
    }

    void keysOthersNameNeverChange_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("change");
        QTest::newRow("lanes") << u"lanes"_s << u"name = name || 'x'"_s;
        for (const QString &table :
             {u"users"_s, u"shifts"_s, u"bills"_s, u"bill_items"_s, u"refunds"_s,
              u"stock_documents"_s, u"products"_s, u"product_units"_s}) {
            QTest::newRow(qPrintable(table)) << table << u"id = id + 1000"_s;
        }
    }
    void keysOthersNameNeverChange()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("SQLite keeps its foreign keys, which refuse a key change that strands a row.");
        }
        QFETCH(QString, table);
        QFETCH(QString, change);
        // Given a row of the table (products and units: one product with its unit)
        const QString where = table.startsWith(u"product"_s) ? u"id > 0"_s : childlessRow(table);
        m_store->addProduct(u"K-1"_s, u"Keyed"_s, {{u"Piece"_s, 1, 100, {}}});
        QVERIFY(!where.isEmpty());

        // When its key is changed, then the database refuses
        const DbStatus changed = SqlQuery::run(
                m_store->db(), u"UPDATE %1 SET %2 WHERE %3"_s.arg(table, change, where));
        QVERIFY(!changed);
        QVERIFY2(changed.error().details.contains(u"never changes"_s),
                 qPrintable(changed.error().details));
    }

    void aSaleOfADeletedProductWritesNothing()
    {
        // Given a product without history that is deleted, and another one still sold
        const Product gone = m_store->addProduct(u"G-1"_s, u"Gone"_s, {{u"Piece"_s, 1, 100, {}}});
        const Product kept = m_store->addProduct(u"S-1"_s, u"Sold"_s, {{u"Piece"_s, 1, 250, {}}});
        const auto deleted = ProductRepository(m_store->db()).removeUnlessHistory(gone.id);
        QVERIFY_OK(deleted);
        QCOMPARE(*deleted, true);

        // When a till that still shows it sells both
        const auto bill = SaleRepository(m_store->db()).commit(sale({kept, gone}));

        // Then the sale is refused whole: no bill, no line, no ledger row, no orphan
        QVERIFY(!bill);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bill_items"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'sale'"_s),
                 0);
        QCOMPARE(orphans(), 0);
    }

    void aStocktakeOfADeletedProductWritesNothing()
    {
        // Given a product without history that is deleted while a stock count still lists it
        const Product gone = m_store->addProduct(u"G-2"_s, u"Gone"_s, {{u"Piece"_s, 1, 100, {}}});
        const Product kept
                = m_store->addProduct(u"C-2"_s, u"Counted"_s, {{u"Piece"_s, 1, 100, {}}});
        const auto deleted = ProductRepository(m_store->db()).removeUnlessHistory(gone.id);
        QVERIFY_OK(deleted);
        QCOMPARE(*deleted, true);

        // When the count is posted with both products
        m_store->signIn(m_store->manager);
        ConversionRateCache cache(m_store->db());
        InventoryService inventory(m_store->db(), m_store->session(), m_store->authorizer(), cache);
        const auto posted = inventory.postStocktake({{kept.id, 5}, {gone.id, 3}}, {});

        // Then nothing is posted: no document, no line, no ledger row, no orphan
        QVERIFY(!posted);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_documents"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_document_lines"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(kept.id)),
                 0);
        QCOMPARE(orphans(), 0);
    }

    void aSaleInFlightKeepsItsProduct()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("One SQLite file has one writer; the race needs two PostgreSQL sessions.");
        }
        // Given a product without history, sold in a transaction that is still open
        const Product p = m_store->addProduct(u"R-1"_s, u"Raced"_s, {{u"Piece"_s, 1, 100, {}}});
        Transaction selling(m_store->db());
        QVERIFY_OK(selling.begin());
        QVERIFY_OK(SaleRepository(m_store->db()).commit(sale({p})));

        // When a manager on another connection deletes the product meanwhile
        const DatabaseUrl url = m_store->scratch().url();
        OtherSession<bool> manager(
                url, [&](Database &db) { return ProductRepository(db).removeUnlessHistory(p.id); },
                OtherSession<bool>::InTransaction::Yes);
        // (the deletion waits for the sale's lock on the product)
        const bool waited = someoneWaitsFor(*m_store);
        const DbStatus sold = selling.commit();
        QVERIFY(manager.wait());
        const DbResult<bool> &deleted = manager.result();
        QVERIFY_OK(sold);
        QVERIFY_OK(deleted);
        QVERIFY(waited);

        // Then the deletion found the sale's history and kept the product and its unit
        QCOMPARE(*deleted, false);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE id = %1"_s.arg(p.id)), 1);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM bill_items WHERE product_id = %1"_s.arg(p.id)),
                 1);
        QCOMPARE(orphans(), 0);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aDeletionInFlightFailsTheSaleWhole()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("One SQLite file has one writer; the race needs two PostgreSQL sessions.");
        }
        // Given a product without history, deleted in a transaction that is still open
        const Product gone = m_store->addProduct(u"R-2"_s, u"Raced"_s, {{u"Piece"_s, 1, 100, {}}});
        const Product kept = m_store->addProduct(u"S-2"_s, u"Sold"_s, {{u"Piece"_s, 1, 250, {}}});
        Transaction deleting(m_store->db());
        QVERIFY_OK(deleting.begin());
        const auto deleted = ProductRepository(m_store->db()).removeUnlessHistory(gone.id);
        QVERIFY_OK(deleted);
        QCOMPARE(*deleted, true);

        // When a lane on another connection sells it with another product meanwhile
        const DatabaseUrl url = m_store->scratch().url();
        const SaleRecord record = sale({kept, gone});
        OtherSession<CommittedBill> lane(
                url, [&](Database &db) { return SaleRepository(db).commit(record); });
        // (the sale waits for the deletion's lock on the product)
        const bool waited = someoneWaitsFor(*m_store);
        const DbStatus committed = deleting.commit();
        QVERIFY(lane.wait());
        const DbResult<CommittedBill> &bill = lane.result();
        QVERIFY_OK(committed);
        QVERIFY(waited);

        // Then the sale failed whole: the product is gone and nothing names it
        QVERIFY(!bill);
        QVERIFY2(bill.error().kind != DbError::Kind::ConnectionFailed,
                 qPrintable(bill.error().details));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE id = %1"_s.arg(gone.id)), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bill_items"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(kept.id)),
                 0);
        QCOMPARE(orphans(), 0);
    }

    void cleanup() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(TestReferenceGuards)
#include "tst_referenceguards.moc"
