#include "models/db/queryprofiler.h"
#include "models/db/salerepository.h"
#include "models/db/sqlquery.h"
#include "tests/common/storefixture.h"

#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>

using namespace Qt::StringLiterals;

class TestSaleRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    QList<Product> m_products;

    SaleRecord sale(int lines, qint64 quantity = 1)
    {
        SaleRecord s;
        s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.lane = u"1"_s;
        s.cashierId = m_store->cashier.id;
        s.at = QDateTime::currentDateTimeUtc();
        Money total = Money::fromMinor(0);
        for (int i = 0; i < lines; ++i) {
            const Product &p = m_products.at(i % m_products.size());
            const ProductUnit &unit = p.units.at(i % 2);
            SaleRecord::Line line;
            line.productId = p.id;
            line.unitId = unit.id;
            line.quantity = quantity;
            line.baseQuantity = quantity * unit.basePerUnit;
            line.unitPrice = unit.price;
            line.discount = Money::fromMinor(0);
            line.taxRateBp = 1900;
            line.total = unit.price.times(quantity);
            line.tax = Money::fromMinor(roundedDiv(line.total.minor(), 1900, 11900).value());
            total += line.total;
            s.lines.append(line);
        }
        s.subtotal = total;
        s.discount = Money::fromMinor(0);
        s.tax = Money::fromMinor(0);
        s.rounding = Money::fromMinor(0);
        s.total = total;
        s.payments = {{u"card"_s, total, Money::fromMinor(0), Money::fromMinor(0), u"REF"_s}};
        return s;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_products.clear();
        for (int i = 0; i < 60; ++i) {
            m_products << m_store->addProduct(
                    u"P%1"_s.arg(i), u"Product %1"_s.arg(i),
                    {{u"Piece"_s, 1, 150, {}}, {u"Six-pack"_s, 6, 799, {}}}, 1000);
        }
        QVERIFY(m_store->openShift(u"1"_s) > 0);
        QVERIFY(m_store->openShift(u"2"_s) > 0);
    }

    void noOpenShiftNoSale()
    {
        QVERIFY(SqlQuery::run(m_store->db(),
                              u"UPDATE shifts SET closed_at = opened_at WHERE lane = '1'"_s));
        const auto refused = SaleRepository(m_store->db()).commit(sale(2));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, DbError::Kind::NotFound);
        QCOMPARE(refused.error().details, SaleRepository::kNoOpenShift);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT next_bill_number FROM lanes WHERE name = '1'"_s), 1);
    }

    void billsAndPaymentsBelongToTheOpenShift()
    {
        const qint64 shift = m_store->scalar(
                u"SELECT id FROM shifts WHERE lane = '1' AND closed_at IS NULL"_s);
        const auto bill = SaleRepository(m_store->db()).commit(sale(2));
        QVERIFY(bill);
        QCOMPARE(m_store->scalar(u"SELECT shift_id FROM bills WHERE id = %1"_s.arg(bill->id)),
                 shift);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM payments WHERE shift_id = %1"_s.arg(shift)),
                 1);
    }

    void aSaleCostsTheSameStatementsWhateverItsSize_data()
    {
        QTest::addColumn<int>("lines");
        QTest::newRow("1 line") << 1;
        QTest::newRow("10 lines") << 10;
        QTest::newRow("50 lines") << 50;
    }
    void aSaleCostsTheSameStatementsWhateverItsSize()
    {
        QFETCH(int, lines);
        SaleRepository sales(m_store->db());
        const SaleRecord record = sale(lines);
        ProfileScope scope(u"test.commit"_s);
        const auto bill = sales.commit(record);
        QVERIFY_OK(bill);
        // PostgreSQL: one statement, its own transaction. SQLite: BEGIN, six statements, COMMIT.
        QCOMPARE(scope.statementCount(), TestDatabase::isPostgres() ? 1 : 8);
        QCOMPARE(bill->number, 1);
        QVERIFY(!bill->alreadyExisted);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM bill_items WHERE bill_id = %1"_s.arg(bill->id)),
                 lines);
        QCOMPARE(m_store->scalar(u"SELECT total_minor FROM bills WHERE id = %1"_s.arg(bill->id)),
                 record.total.minor());
        QCOMPARE(m_store->scalar(u"SELECT SUM(amount_minor) FROM payments WHERE bill_id = %1"_s.arg(
                         bill->id)),
                 record.total.minor());
        QCOMPARE(m_store->ledgerMismatches(), 0);
        QCOMPARE(m_store->scalar(u"SELECT next_bill_number FROM lanes WHERE name = '1'"_s), 2);
    }

    void stockFallsBySummedBaseQuantities()
    {
        // The same product as a piece and as a six-pack in one sale: one ledger row of -7.
        SaleRecord record = sale(1, 1);
        SaleRecord::Line pack = record.lines.first();
        pack.unitId = m_products.first().units.at(1).id;
        pack.baseQuantity = 6;
        pack.unitPrice = m_products.first().units.at(1).price;
        record.lines.append(pack);
        QVERIFY(SaleRepository(m_store->db()).commit(record));
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(
                         m_products.first().id)),
                 1000 - 7);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'sale'"_s),
                 1);
        QCOMPARE(m_store->scalar(u"SELECT delta_base FROM stock_movements WHERE reason = 'sale'"_s),
                 -7);
    }

    void aRetriedCommitWritesNothingTwice()
    {
        SaleRepository sales(m_store->db());
        const SaleRecord record = sale(3);
        const auto first = sales.commit(record);
        QVERIFY(first);
        const auto again = sales.commit(record);
        QVERIFY_OK(again);
        QVERIFY(again->alreadyExisted);
        QCOMPARE(again->id, first->id);
        QCOMPARE(again->number, first->number);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 1);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bill_items"_s), 3);
        QCOMPARE(m_store->scalar(u"SELECT next_bill_number FROM lanes WHERE name = '1'"_s), 2);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void numbersAreGapFreePerLane()
    {
        SaleRepository sales(m_store->db());
        for (int i = 0; i < 3; ++i) {
            QVERIFY(sales.commit(sale(1)));
        }
        SaleRecord other = sale(1);
        other.lane = u"2"_s;
        const auto onTwo = sales.commit(other);
        QVERIFY(onTwo);
        QCOMPARE(onTwo->number, 1);
        // A failed sale takes no number.
        SaleRecord broken = sale(1);
        broken.lines.first().unitId = 999999;
        if (TestDatabase::isPostgres()) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        }
        const auto refused = sales.commit(broken);
        QVERIFY(!refused);
        QVERIFY(SaleRepository::isCatalogueChanged(refused.error()));
        const auto next = sales.commit(sale(1));
        QVERIFY(next);
        QCOMPARE(next->number, 4);
    }

    void blockedNegativeStockWritesNothingAndNamesTheProducts()
    {
        SaleRecord record = sale(2, 1);
        record.lines[0].quantity = 1001;
        record.lines[0].baseQuantity = 1001;
        record.allowNegativeStock = false;
        SaleRepository sales(m_store->db());
        if (TestDatabase::isPostgres()) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        }
        const auto refused = sales.commit(record);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, DbError::Kind::Conflict);
        QCOMPARE(refused.error().details, m_products.at(0).name);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'sale'"_s),
                 0);
        QCOMPARE(m_store->scalar(u"SELECT next_bill_number FROM lanes WHERE name = '1'"_s), 1);

        // Warn mode lets it through: stock goes below zero and the ledger still explains it.
        record.allowNegativeStock = true;
        QVERIFY(sales.commit(record));
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(
                         m_products.at(0).id)),
                 -1);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void twoLanesSellingTheLastUnitsNeverLoseAnUpdate()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("One SQLite file has one till; concurrency between lanes is PostgreSQL's.");
        }
        // Given one product with 40 units and two lanes on their own connections
        const Product last
                = m_store->addProduct(u"LAST"_s, u"Last ones"_s, {{u"Piece"_s, 1, 100, {}}}, 40);
        const DatabaseUrl url = m_store->scratch().url();
        std::atomic<int> sold{0};
        std::atomic<int> refused{0};
        const qint64 cashier = m_store->cashier.id;
        auto lane = [&](const QString &name) {
            auto db = Database::open(url);
            QVERIFY(db);
            SaleRepository sales(**db);
            for (int i = 0; i < 30; ++i) {
                SaleRecord s;
                s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
                s.lane = name;
                s.cashierId = cashier;
                s.at = QDateTime::currentDateTimeUtc();
                s.lines = {{last.id, last.units.at(0).id, 1, 1, Money::fromMinor(100),
                            Money::fromMinor(0), 1900, Money::fromMinor(16),
                            Money::fromMinor(100)}};
                s.subtotal = s.total = Money::fromMinor(100);
                s.discount = s.rounding = Money::fromMinor(0);
                s.tax = Money::fromMinor(16);
                s.payments = {{u"cash"_s,
                               Money::fromMinor(100),
                               Money::fromMinor(100),
                               Money::fromMinor(0),
                               {}}};
                const auto bill = sales.commit(s);
                bill ? ++sold : ++refused;
            }
            (*db)->closeThreadConnection();
        };
        // When both sell 30 each at the same moment with negative stock blocked
        QThread *a = QThread::create(lane, u"1"_s);
        QThread *b = QThread::create(lane, u"2"_s);
        a->start();
        b->start();
        QVERIFY(a->wait(60000));
        QVERIFY(b->wait(60000));
        delete a;
        delete b;
        // Then exactly the 40 on the shelf were sold, none twice, and the ledger agrees
        QCOMPARE(sold.load(), 40);
        QCOMPARE(refused.load(), 20);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'LAST'"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 40);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM (SELECT lane FROM bills GROUP BY lane "
                                 "HAVING MAX(number) <> COUNT(*)) gaps"_s),
                 0);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void cleanup() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(TestSaleRepository)
#include "tst_salerepository.moc"
