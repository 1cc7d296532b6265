#include "models/db/conversionratecache.h"
#include "models/db/sqlquery.h"
#include "models/services/checkoutservice.h"
#include "models/services/shiftservice.h"
#include "tests/common/storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestShiftService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<ConversionRateCache> m_cache;
    std::unique_ptr<CheckoutService> m_checkout;
    std::unique_ptr<ShiftService> m_shifts;
    Product m_tea;

    Money m(qint64 minor) { return Money::fromMinor(minor); }
    void sell(qint64 quantity, Tender::Method method, qint64 tendered)
    {
        Cart cart;
        CheckoutService::addToCart(cart,
                                   CheckoutService::lineFor(m_tea, m_tea.units.at(0), quantity));
        const auto receipt = m_checkout->commit(cart, {{method, m(tendered), {}}},
                                                CheckoutService::newSaleUuid());
        QVERIFY_OK(receipt);
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        // 10.00 with 7 % tax included.
        m_tea = m_store->addProduct(u"TEA"_s, u"Tea"_s, {{u"Box"_s, 1, 1000, {}}}, 1000);
        QVERIFY(SqlQuery::run(m_store->db(),
                              u"UPDATE products SET tax_rate_id = %1"_s.arg(m_store->reducedTax)));
        m_tea.taxRateBp = 700;
        m_cache = std::make_unique<ConversionRateCache>(m_store->db());
        m_checkout = std::make_unique<CheckoutService>(m_store->db(), m_store->session(),
                                                       m_store->authorizer(), *m_cache);
        m_shifts = std::make_unique<ShiftService>(m_store->db(), m_store->session(),
                                                  m_store->authorizer());
        m_store->signIn(m_store->cashier);
    }

    void oneOpenShiftPerLane()
    {
        QVERIFY(!m_shifts->current()->has_value());
        const auto shift = m_shifts->open(m(15000));
        QVERIFY(shift);
        QCOMPARE(shift->openingFloat, m(15000));
        QCOMPARE((*m_shifts->current())->id, shift->id);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        const auto again = m_shifts->open(m(0));
        QVERIFY(!again);
        QCOMPARE(again.error().code, ServiceError::Code::Conflict);
        QCOMPARE(m_shifts->open(m(-1)).error().code, ServiceError::Code::InvalidInput);
    }

    void cashInAndOutNeedAManagerAndAReason()
    {
        QVERIFY(m_shifts->open(m(10000)));
        const auto refused
                = m_shifts->moveCash(ShiftService::CashDirection::Out, m(2000), u"Bank"_s);
        QCOMPARE(refused.error().code, ServiceError::Code::PermissionDenied);
        const auto approval = m_store->authorizer().requestApproval(
                m_store->session(), Permission::CashInOut, u"maria"_s, u"1234"_s);
        QVERIFY(approval);
        QCOMPARE(m_shifts->moveCash(ShiftService::CashDirection::Out, m(2000), u" "_s, *approval)
                         .error()
                         .code,
                 ServiceError::Code::InvalidInput);
        QVERIFY(m_shifts->moveCash(ShiftService::CashDirection::Out, m(2000), u"Bank deposit"_s,
                                   *approval));
        QCOMPARE(m_store->scalar(u"SELECT approved_by FROM audit_log WHERE action = 'cash_out'"_s),
                 m_store->manager.id);
    }

    void theXReportAddsUpAndChangesNothing()
    {
        QVERIFY(m_shifts->open(m(10000)));
        sell(2, Tender::Method::Cash, 5000); // 20.00 cash, 30.00 change
        sell(1, Tender::Method::Card, 1000); // 10.00 card
        sell(3, Tender::Method::Cash, 3000); // 30.00 cash
        m_store->signIn(m_store->manager);
        QVERIFY(m_shifts->moveCash(ShiftService::CashDirection::In, m(500),
                                   u"Change from the bank"_s));
        QVERIFY(m_shifts->openDrawer(u"Customer needed coins"_s));
        m_store->signIn(m_store->cashier);

        const auto x = m_shifts->xReport();
        QVERIFY_OK(x);
        QCOMPARE(x->bills, 3);
        QCOMPARE(x->sales, m(6000));
        QCOMPARE(x->salesBy(Tender::Method::Cash), m(5000));
        QCOMPARE(x->salesBy(Tender::Method::Card), m(1000));
        QCOMPARE(x->cashIn, m(500));
        QCOMPARE(x->drawerOpens, 1);
        QCOMPARE(x->taxes.size(), 1);
        QCOMPARE(x->taxes.first().rateBp, 700);
        QCOMPARE(x->taxes.first().gross, m(6000));
        QCOMPARE(x->expectedCash, m(10000 + 5000 + 500));
        QVERIFY(!x->countedCash.has_value());
        // An X report closes nothing.
        QVERIFY(m_shifts->current()->has_value());
    }

    void closingCountsTheCashAndStoresANumberedZ()
    {
        QVERIFY(m_shifts->open(m(10000)));
        sell(2, Tender::Method::Cash, 2000);
        const auto z = m_shifts->close(m(11950));
        QVERIFY_OK(z);
        QCOMPARE(z->shift.zNumber, 1);
        QCOMPARE(z->expectedCash, m(12000));
        QCOMPARE(*z->countedCash, m(11950));
        QCOMPARE(z->difference(), m(-50));
        QVERIFY(!m_shifts->current()->has_value());
        QCOMPARE(m_store->scalar(u"SELECT counted_cash_minor FROM shifts"_s), 11950);

        // The next shift closes as Z 2; Z 1 reads back unchanged, for a manager.
        QVERIFY(m_shifts->open(m(10000)));
        const auto second = m_shifts->close(m(10000));
        QVERIFY(second);
        QCOMPARE(second->shift.zNumber, 2);
        QCOMPARE(m_shifts->zReport(u"1"_s, 1).error().code, ServiceError::Code::PermissionDenied);
        m_store->signIn(m_store->manager);
        const auto reprint = m_shifts->zReport(u"1"_s, 1);
        QVERIFY(reprint);
        QCOMPARE(reprint->toJson(), z->toJson());
        QCOMPARE(m_shifts->zReport(u"1"_s, 9).error().code, ServiceError::Code::NotFound);
    }

    void closedShiftsAreListedWithTheirTotalsAPageAtATime()
    {
        // Given three closed shifts at lane 1 and one at lane 2
        for (int shift = 1; shift <= 3; ++shift) {
            QVERIFY(m_shifts->open(m(10000)));
            sell(shift, Tender::Method::Cash, shift * 1000);
            QVERIFY(m_shifts->close(m(10000 + shift * 1000 - 10)));
        }
        QVERIFY(m_store->openShift(u"2"_s) > 0);
        QVERIFY(SqlQuery::run(m_store->db(), u"UPDATE shifts SET closed_at = opened_at, "
                                             "z_number = 1 WHERE lane = '2'"_s));

        // A cashier may not list them
        QCOMPARE(m_shifts->closedShifts({}, 0, 10).error().code,
                 ServiceError::Code::PermissionDenied);
        m_store->signIn(m_store->manager);

        // When a manager lists lane 1 two at a time, the latest come first with their totals
        const auto first = m_shifts->closedShifts(u"1"_s, 0, 2);
        QVERIFY(first);
        QCOMPARE(first->size(), 2);
        QCOMPARE(first->at(0).shift.zNumber, 3);
        QCOMPARE(first->at(0).bills, 1);
        QCOMPARE(first->at(0).sales, m(3000));
        QCOMPARE(first->at(0).expectedCash, m(13000));
        QCOMPARE(first->at(0).countedCash, m(12990));
        QCOMPARE(first->at(0).difference(), m(-10));
        QCOMPARE(first->at(0).shift.cashierName, m_store->cashier.name);
        QCOMPARE(first->at(1).shift.zNumber, 2);
        const auto rest = m_shifts->closedShifts(u"1"_s, first->last().shift.id, 2);
        QVERIFY(rest);
        QCOMPARE(rest->size(), 1);
        QCOMPARE(rest->at(0).shift.zNumber, 1);
        QCOMPARE(rest->at(0).sales, m(1000));

        // And without a lane every lane's shifts are listed
        QCOMPARE(m_shifts->closedShifts({}, 0, 10)->size(), 4);
    }

    void closingWithoutAnOpenShiftSaysSo()
    {
        const auto closed = m_shifts->close(m(0));
        QVERIFY(!closed);
        QCOMPARE(closed.error().code, ServiceError::Code::InvalidInput);
    }

    void cleanup()
    {
        m_shifts.reset();
        m_checkout.reset();
        m_cache.reset();
        m_store.reset();
    }
};

QTEST_GUILESS_MAIN(TestShiftService)
#include "tst_shiftservice.moc"
