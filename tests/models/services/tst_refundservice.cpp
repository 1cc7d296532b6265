#include "models/db/conversionratecache.h"
#include "models/db/queryprofiler.h"
#include "models/db/refundrepository.h"
#include "models/services/checkoutservice.h"
#include "models/services/refundservice.h"
#include "models/services/shiftservice.h"
#include "tests/common/storefixture.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;

class TestRefundService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<ConversionRateCache> m_cache;
    std::unique_ptr<CheckoutService> m_checkout;
    std::unique_ptr<ShiftService> m_shifts;
    std::unique_ptr<RefundService> m_refunds;
    QList<Product> m_products;

    Money m(qint64 minor) { return Money::fromMinor(minor); }

    //! Sells lines of 5 pieces each (the first 10.00 for 3, i.e. 3.33 1/3 apiece) and returns the bill id.
    qint64 sell(int lines, Tender::Method method = Tender::Method::Cash)
    {
        Cart cart;
        for (int i = 0; i < lines; ++i) {
            const Product &p = m_products.at(i);
            CheckoutService::addToCart(cart, CheckoutService::lineFor(p, p.units.at(0), 5));
        }
        const Money total = Pricing::price(cart).total;
        const auto sale = m_checkout->commit(cart, {{method, total, u"CARD-1"_s}},
                                             CheckoutService::newSaleUuid());
        if (!sale) {
            qWarning() << sale.error().message;
            return 0;
        }
        return sale->bill.id;
    }
    RefundService::Request request(qint64 billId, qint64 quantity, bool restock = true,
                                   int lines = 1)
    {
        const auto bill = m_refunds->load(billId);
        RefundService::Request r;
        r.billId = billId;
        r.reason = u"Changed mind"_s;
        for (int i = 0; i < lines; ++i) {
            r.lines.append({bill->lines.at(i).billItemId, quantity, false, restock});
        }
        return r;
    }
    Approval managerApproval()
    {
        return m_store->authorizer()
                .requestApproval(m_store->session(), Permission::Refund, u"maria"_s, u"1234"_s)
                .value();
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_products = m_store->addProducts(50, {{u"Piece"_s, 1, 200, {}}}, 100);
        m_cache = std::make_unique<ConversionRateCache>(m_store->db());
        m_checkout = std::make_unique<CheckoutService>(m_store->db(), m_store->session(),
                                                       m_store->authorizer(), *m_cache);
        m_shifts = std::make_unique<ShiftService>(m_store->db(), m_store->session(),
                                                  m_store->authorizer());
        m_refunds = std::make_unique<RefundService>(m_store->db(), m_store->session(),
                                                    m_store->authorizer());
        m_store->signIn(m_store->manager);
        QVERIFY(m_shifts->open(m(10000)));
    }

    void loadAndCommitCostTheSameForOneLineOrFifty_data()
    {
        QTest::addColumn<int>("lines");
        QTest::addColumn<bool>("restock");
        QTest::newRow("1 line") << 1 << true;
        QTest::newRow("50 lines") << 50 << true;
        QTest::newRow("50 damaged lines") << 50 << false;
    }
    void loadAndCommitCostTheSameForOneLineOrFifty()
    {
        QFETCH(int, lines);
        QFETCH(bool, restock);
        const qint64 billId = sell(lines);
        QVERIFY(billId > 0);
        {
            ProfileScope scope(u"test.load"_s);
            const auto bill = m_refunds->load(billId);
            QVERIFY(bill);
            QCOMPARE(bill->lines.size(), lines);
            // The bill with its lines, its payments and its refunds so far: one query.
            QCOMPARE(scope.statementCount(), 1);
        }
        const RefundService::Request req = request(billId, 2, restock, lines);
        ProfileScope scope(u"test.commit"_s);
        const auto outcome = m_refunds->commit(req, CheckoutService::newSaleUuid());
        QVERIFY_OK(outcome);
        // Planned from the bill just loaded (0), the refund with its audit row (one statement
        // on PostgreSQL, BEGIN + 8 + COMMIT on SQLite) and the store's header for the receipt.
        QCOMPARE(scope.statementCount(), TestDatabase::isPostgres() ? 2 : 11);
        QCOMPARE(outcome->refund.number, 1);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refund_items"_s), lines);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void partialRefundsAddUpToTheLineAndNoFurther()
    {
        // 3 pieces at 3.33 1/3: a 10.00 line from a whole-bill discount.
        const Product &p = m_products.at(0);
        Cart cart;
        CheckoutService::addToCart(cart, CheckoutService::lineFor(p, p.units.at(0), 3));
        cart.billDiscount = Discount::amount(m(200));
        const auto sale = m_checkout->commit(cart, {{Tender::Method::Cash, m(400), {}}},
                                             CheckoutService::newSaleUuid());
        QVERIFY(sale);
        const qint64 billId = sale->bill.id;
        QCOMPARE(sale->totals.total, m(400));

        qint64 refunded = 0;
        for (int step = 0; step < 3; ++step) {
            const auto outcome
                    = m_refunds->commit(request(billId, 1), CheckoutService::newSaleUuid());
            QVERIFY_OK(outcome);
            refunded += outcome->record.total.minor();
        }
        // 1.33 + 1.34 + 1.33: exactly what was paid.
        QCOMPARE(refunded, 400);
        const auto fourth = m_refunds->commit(request(billId, 0), CheckoutService::newSaleUuid());
        QVERIFY(!fourth);
        const auto bill = m_refunds->load(billId);
        QCOMPARE(bill->lines.first().refundableBase(), 0);
        QCOMPARE(bill->refunded, m(400));
        QCOMPARE(*RefundRepository(m_store->db()).billRefundTotal(billId), m(400));
        RefundService::Request more = request(billId, 1);
        const auto refused = m_refunds->commit(more, CheckoutService::newSaleUuid());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ServiceError::Code::InvalidInput);
        QVERIFY(refused.error().message.contains(u"Only 0"_s));
    }

    void restockedGoodsReturnDamagedOnesDoNot()
    {
        const qint64 billId = sell(2);
        const auto bill = m_refunds->load(billId);
        RefundService::Request req;
        req.billId = billId;
        req.reason = u"Broken"_s;
        req.lines = {{bill->lines.at(0).billItemId, 2, false, true},
                     {bill->lines.at(1).billItemId, 3, false, false}};
        QVERIFY(m_refunds->commit(req, CheckoutService::newSaleUuid()));
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'P0'"_s),
                 100 - 5 + 2);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'P1'"_s), 100 - 5);
        // Both came back; the damaged ones left again at once.
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'refund'"_s),
                 2);
        QCOMPARE(
                m_store->scalar(u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'damaged'"_s),
                1);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void theLedgerSaysDamagedGoodsCameBackAndLeftAgain()
    {
        // Given a bill of 5 of P0, 3 of which come back: 1 fit to sell again, 2 broken.
        const qint64 billId = sell(1);
        const auto bill = m_refunds->load(billId);
        const qint64 item = bill->lines.at(0).billItemId;
        RefundService::Request req;
        req.billId = billId;
        req.reason = u"Broken"_s;
        req.lines = {{item, 1, false, true}, {item, 2, false, false}};
        // When the refund is committed
        const auto outcome = m_refunds->commit(req, CheckoutService::newSaleUuid());
        QVERIFY_OK(outcome);
        // Then the ledger shows all 3 coming back and the 2 broken ones leaving stock again,
        // both rows pointing at the refund, and stock went up by the 1 that is sellable.
        const qint64 productId = m_products.at(0).id;
        auto moved = [&](const QString &what, const QString &reason) {
            return m_store->scalar(u"SELECT %1 FROM stock_movements WHERE product_id = %2 "
                                   "AND refund_id = %3 AND reason = '%4'"_s.arg(what)
                                           .arg(productId)
                                           .arg(outcome->refund.id)
                                           .arg(reason));
        };
        QCOMPARE(moved(u"COUNT(*)"_s, u"refund"_s), 1);
        QCOMPARE(moved(u"SUM(delta_base)"_s, u"refund"_s), 3);
        QCOMPARE(moved(u"COUNT(*)"_s, u"damaged"_s), 1);
        QCOMPARE(moved(u"SUM(delta_base)"_s, u"damaged"_s), -2);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(productId)),
                 100 - 5 + 1);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aRetryWithTheSameUuidRefundsOnce()
    {
        const qint64 billId = sell(1);
        const RefundService::Request req = request(billId, 1);
        const QString uuid = CheckoutService::newSaleUuid();
        const auto first = m_refunds->commit(req, uuid);
        const auto again = m_refunds->commit(req, uuid);
        QVERIFY(first && again);
        QVERIFY(again->refund.alreadyExisted);
        QCOMPARE(again->refund.id, first->refund.id);
        QCOMPARE(m_store->scalar(u"SELECT refunded_base_quantity FROM bill_items"_s), 1);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 1);
    }

    void aCashierNeedsAManagersApproval()
    {
        const qint64 billId = sell(1);
        m_store->signIn(m_store->cashier);
        const auto refused = m_refunds->commit(request(billId, 1), CheckoutService::newSaleUuid());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ServiceError::Code::PermissionDenied);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 0);
        const auto approved = m_refunds->commit(request(billId, 1), CheckoutService::newSaleUuid(),
                                                managerApproval());
        QVERIFY(approved);
        QCOMPARE(m_store->scalar(u"SELECT approved_by FROM refunds"_s), m_store->manager.id);
        QCOMPARE(m_store->scalar(u"SELECT approved_by FROM audit_log WHERE action = 'refund'"_s),
                 m_store->manager.id);
    }

    void moneyGoesBackTheWayItCame()
    {
        const qint64 cardBill = sell(1, Tender::Method::Card);
        const auto toCard = m_refunds->commit(request(cardBill, 2), CheckoutService::newSaleUuid());
        QVERIFY(toCard);
        QCOMPARE(toCard->record.payments.size(), 1);
        QCOMPARE(toCard->record.payments.first().method, u"card"_s);
        QCOMPARE(toCard->record.payments.first().reference, u"CARD-1"_s);
        RefundService::Request cash = request(cardBill, 1);
        cash.allToCash = true;
        const auto toCash = m_refunds->commit(cash, CheckoutService::newSaleUuid());
        QVERIFY(toCash);
        QCOMPARE(toCash->record.payments.first().method, u"cash"_s);
        // The shift's cash knows: 2.00 went out of the drawer.
        const auto x = m_shifts->xReport();
        QVERIFY(x);
        QCOMPARE(x->refundedBy(Tender::Method::Cash), m(200));
        QCOMPARE(x->refundedBy(Tender::Method::Card), m(400));
        QVERIFY(toCash->receipt.isRefund);
        QCOMPARE(toCash->receipt.originalNumber, 1);
    }

    void badRequestsSayWhy()
    {
        const qint64 billId = sell(1);
        QCOMPARE(m_refunds->findBill(u"1-000099"_s).error().code, ServiceError::Code::NotFound);
        QCOMPARE(m_refunds->findBill(u"7-000001"_s).error().code, ServiceError::Code::NotFound);
        QCOMPARE(*m_refunds->findBill(u"1-000001"_s), billId);
        QCOMPARE(*m_refunds->findBill(u"1"_s), billId);
        QCOMPARE(m_refunds->findBill(u"x"_s).error().code, ServiceError::Code::InvalidInput);
        RefundService::Request noReason = request(billId, 1);
        noReason.reason.clear();
        QCOMPARE(m_refunds->commit(noReason, CheckoutService::newSaleUuid()).error().code,
                 ServiceError::Code::InvalidInput);
        QCOMPARE(m_refunds->commit(request(billId, 6), CheckoutService::newSaleUuid()).error().code,
                 ServiceError::Code::InvalidInput);
        RefundService::Request strange = request(billId, 1);
        strange.lines.first().billItemId = 999999;
        QCOMPARE(m_refunds->commit(strange, CheckoutService::newSaleUuid()).error().code,
                 ServiceError::Code::InvalidInput);
        QVERIFY(m_shifts->close(m(0)));
        QCOMPARE(m_refunds->commit(request(billId, 1), CheckoutService::newSaleUuid()).error().code,
                 ServiceError::Code::InvalidInput);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 0);
    }

    void aRefundPlannedBeforeAnotherOneIsPlannedAgain()
    {
        // 3 pieces for 10.00 (a 2.00 bill discount): 3.33, 3.34, 3.33 as they come back.
        const Product &p = m_products.at(0);
        Cart cart;
        CheckoutService::addToCart(cart, CheckoutService::lineFor(p, p.units.at(0), 3));
        cart.billDiscount = Discount::amount(m(200));
        const auto sale = m_checkout->commit(cart, {{Tender::Method::Cash, m(400), {}}},
                                             CheckoutService::newSaleUuid());
        QVERIFY(sale);
        const qint64 billId = sale->bill.id;
        // This till shows the bill; another refunds one piece meanwhile.
        const RefundService::Request one = request(billId, 1);
        RefundService other(m_store->db(), m_store->session(), m_store->authorizer());
        QVERIFY(other.load(billId));
        const auto first = other.commit(one, CheckoutService::newSaleUuid());
        QVERIFY_OK(first);
        QCOMPARE(first->record.total, m(133));
        // The bill as loaded says nothing came back yet (1.33 again); the database says one
        // did, so the refund is planned again: the second piece's share.
        const auto second = m_refunds->commit(one, CheckoutService::newSaleUuid());
        QVERIFY_OK(second);
        QCOMPARE(second->record.total, m(134));
        QCOMPARE(*RefundRepository(m_store->db()).billRefundTotal(billId), m(267));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 2);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aStaleRefundWritesNothing()
    {
        const qint64 billId = sell(2);
        auto bill = m_refunds->load(billId);
        QVERIFY_OK(bill);
        auto planned = m_refunds->plan(*bill, request(billId, 1, true, 2));
        QVERIFY_OK(planned);
        RefundRecord record = *planned;
        record.uuid = CheckoutService::newSaleUuid();
        record.lane = u"1"_s;
        record.cashierId = m_store->manager.id;
        record.at = QDateTime::currentDateTimeUtc();
        record.refundsBefore = 1; // as if read before a refund that never was
        const auto refused = RefundRepository(m_store->db()).commit(record);
        QVERIFY(!refused);
        QVERIFY2(RefundRepository::isStale(refused.error()), qPrintable(refused.error().details));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refund_items"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT SUM(refunded_base_quantity) FROM bill_items"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT next_refund_number FROM lanes WHERE name = '1'"_s), 1);
        record.refundsBefore = 0;
        QVERIFY_OK(RefundRepository(m_store->db()).commit(record));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 1);
    }

    void twoLanesRefundingTheLastItemAtOnce()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("One SQLite file has one till; the race between lanes is PostgreSQL's.");
        }
        const qint64 billId = sell(1);
        QVERIFY(m_store->openShift(u"2"_s) > 0);
        const auto bill = m_refunds->load(billId);
        // Four of five come back first; two lanes then both try to take the last one.
        QVERIFY(m_refunds->commit(request(billId, 4), CheckoutService::newSaleUuid()));
        const RefundableBill::Line line = bill->lines.first();
        const DatabaseUrl url = m_store->scratch().url();
        const qint64 manager = m_store->manager.id;
        std::atomic<int> ok{0};
        std::atomic<int> refused{0};
        auto lane = [&](const QString &name) {
            auto db = Database::open(url);
            RefundRecord r;
            r.uuid = CheckoutService::newSaleUuid();
            r.lane = name == u"1"_s ? u"1"_s : u"2"_s;
            r.billId = billId;
            r.cashierId = manager;
            r.reason = u"race"_s;
            r.at = QDateTime::currentDateTimeUtc();
            r.total = m(200);
            r.lines = {{line.billItemId, line.productId, 1, m(200), true}};
            r.payments = {{u"cash"_s, m(200), {}}};
            r.refundsBefore = 1; // planned after the refund of four
            const auto done = RefundRepository(**db).commit(r);
            if (done) {
                ++ok;
            } else {
                ++refused;
                // The loser is refused by the CHECK on refunded_base_quantity, nothing else.
                if (done.error().kind != DbError::Kind::Constraint) {
                    qWarning("unexpected refusal: %s", qPrintable(done.error().details));
                }
            }
            (*db)->closeThreadConnection();
        };
        QThread *a = QThread::create(lane, u"1"_s);
        QThread *b = QThread::create(lane, u"2"_s);
        a->start();
        b->start();
        QVERIFY(a->wait(30000) && b->wait(30000));
        delete a;
        delete b;
        QCOMPARE(ok.load(), 1);
        QCOMPARE(refused.load(), 1);
        QCOMPARE(m_store->scalar(
                         u"SELECT refunded_base_quantity FROM bill_items WHERE id = %1"_s.arg(
                                 line.billItemId)),
                 5);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void historyPagesByKey()
    {
        for (int i = 0; i < 7; ++i) {
            QVERIFY(sell(1 + i % 2) > 0);
        }
        QList<BillSummary> all;
        QDateTime beforeAt;
        qint64 beforeId = 0;
        for (int page = 0; page < 5; ++page) {
            ProfileScope scope(u"test.history"_s);
            const auto rows = m_refunds->history({}, beforeAt, beforeId, 3);
            QVERIFY(rows);
            QCOMPARE(scope.statementCount(), 1);
            all += *rows;
            if (rows->size() < 3) {
                break;
            }
            beforeAt = rows->constLast().at;
            beforeId = rows->constLast().id;
        }
        QCOMPARE(all.size(), 7);
        QCOMPARE(all.first().number, 7);
        QCOMPARE(all.last().number, 1);
        QCOMPARE(all.first().lines, 1);
        QCOMPARE(all.at(1).lines, 2);
        BillFilter byProduct;
        byProduct.productId = m_products.at(1).id;
        QCOMPARE(m_refunds->history(byProduct, {}, 0, 50)->size(), 3);
        BillFilter big;
        big.minTotal = m(1500);
        QCOMPARE(m_refunds->history(big, {}, 0, 50)->size(), 3);
    }

    void cleanup()
    {
        m_refunds.reset();
        m_shifts.reset();
        m_checkout.reset();
        m_cache.reset();
        m_store.reset();
    }
};

QTEST_GUILESS_MAIN(TestRefundService)
#include "tst_refundservice.moc"
