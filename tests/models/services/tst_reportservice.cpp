#include "models/db/conversionratecache.h"
#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/services/checkoutservice.h"
#include "models/services/refundservice.h"
#include "models/services/reportservice.h"
#include "tests/common/storefixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * A small shop day by hand. Apple 1.00 (7 %, cost 0.60), Beer 2.00 a can or 10.00 a
 * six-pack (19 %, cost 1.20 a can). On 10 March:
 *   09:15 lane 1 Carl   3 apples, cash                    3.00  tax 0.20
 *   09:40 lane 1 Carl   1 six-pack less 10 %, card         9.00  tax 1.44
 *   17:05 lane 2 Maria  2 apples + 2 cans, card            6.00  tax 0.13 + 0.64
 * On 11 March: 10:00 lane 1 Carl 1 apple cash 1.00 (tax 0.07); 11:00 one apple of the
 * first bill comes back (1.00). On 12 March, prices without tax: 1 apple, 1.00 + 0.07.
 */
class TestReportService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<ConversionRateCache> m_cache;
    std::unique_ptr<ReportService> m_reports;
    const QDate m_day{2026, 3, 10};

    Money m(qint64 minor) { return Money::fromMinor(minor); }
    SalesReport report(const QDate &first, const QDate &last, const QString &lane = {},
                       qint64 category = 0)
    {
        ReportRange range = ReportRange::days(first, last);
        range.lane = lane;
        range.categoryId = category;
        auto r = m_reports->sales(range);
        if (!r) {
            qWarning() << r.error().message << r.error().details;
            return {};
        }
        return *r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        Product apple = m_store->addProduct(u"APL"_s, u"Apple"_s, {{u"Piece"_s, 1, 100, {}}}, 100);
        Product beer = m_store->addProduct(
                u"BEER"_s, u"Beer"_s, {{u"Can"_s, 1, 200, {}}, {u"Six-pack"_s, 6, 1000, {}}}, 100);
        QVERIFY(SqlQuery::run(m_store->db(),
                              u"UPDATE products SET tax_rate_id = %1, category_id = %2, "
                              "cost_minor = 60 WHERE sku = 'APL'"_s.arg(m_store->reducedTax)
                                      .arg(m_store->groceries)));
        QVERIFY(SqlQuery::run(m_store->db(),
                              u"UPDATE products SET cost_minor = 120 WHERE sku = 'BEER'"_s));
        apple.taxRateBp = 700;
        QVERIFY(m_store->openShift(u"1"_s) > 0);
        QVERIFY(m_store->openShift(u"2"_s, m_store->manager.id) > 0);

        m_cache = std::make_unique<ConversionRateCache>(m_store->db());
        Session lane2(u"2"_s);
        lane2.signIn(m_store->manager);
        CheckoutService one(m_store->db(), m_store->session(), m_store->authorizer(), *m_cache);
        CheckoutService two(m_store->db(), lane2, m_store->authorizer(), *m_cache);
        // This store lets a cashier give up to 10 % alone, as the beer's discount below does.
        SaleRules store;
        store.cashierDiscountLimitBp = 1000;
        one.setRules(store);
        m_store->signIn(m_store->cashier);
        auto sell = [&](CheckoutService &till, const QDateTime &at, QList<CartLine> lines,
                        Tender::Method method) {
            till.setClock([at] { return at.toUTC(); });
            Cart cart;
            for (const CartLine &line : lines) {
                CheckoutService::addToCart(cart, line);
            }
            const Money total = Pricing::price(cart).total;
            const auto sale = till.commit(
                    cart,
                    {{method,
                      total.roundedTo(1)
                              + (till.rules().pricesIncludeTax ? m(0) : Pricing::price(cart).tax),
                      {}}},
                    CheckoutService::newSaleUuid());
            return sale ? sale->bill.id : 0;
        };
        const auto at = [](const QDate &d, int h, int min) {
            return QDateTime(d, QTime(h, min));
        };
        const qint64 first = sell(one, at(m_day, 9, 15),
                                  {CheckoutService::lineFor(apple, apple.units.at(0), 3)},
                                  Tender::Method::Cash);
        CartLine pack = CheckoutService::lineFor(beer, beer.units.at(1), 1);
        pack.discount = Discount::percent(1000);
        QVERIFY(first > 0);
        QVERIFY(sell(one, at(m_day, 9, 40), {pack}, Tender::Method::Card) > 0);
        QVERIFY(sell(two, at(m_day, 17, 5),
                     {CheckoutService::lineFor(apple, apple.units.at(0), 2),
                      CheckoutService::lineFor(beer, beer.units.at(0), 2)},
                     Tender::Method::Card)
                > 0);
        QVERIFY(sell(one, at(m_day.addDays(1), 10, 0),
                     {CheckoutService::lineFor(apple, apple.units.at(0), 1)}, Tender::Method::Cash)
                > 0);

        m_store->signIn(m_store->manager);
        RefundService refunds(m_store->db(), m_store->session(), m_store->authorizer());
        refunds.setClock([this] { return QDateTime(m_day.addDays(1), QTime(11, 0)).toUTC(); });
        const auto bill = refunds.load(first);
        QVERIFY(bill);
        QVERIFY(refunds.commit({first,
                                {{bill->lines.first().billItemId, 1, false, true}},
                                u"Bruised"_s,
                                false,
                                {}},
                               CheckoutService::newSaleUuid()));

        SaleRules exclusive;
        exclusive.pricesIncludeTax = false;
        one.setRules(exclusive);
        QVERIFY(sell(one, at(m_day.addDays(2), 12, 0),
                     {CheckoutService::lineFor(apple, apple.units.at(0), 1)}, Tender::Method::Card)
                > 0);

        m_reports = std::make_unique<ReportService>(m_store->db(), m_store->session(),
                                                    m_store->authorizer());
    }

    void theSummaryOfADay()
    {
        const SalesReport r = report(m_day, m_day);
        QCOMPARE(r.summary.bills, 3);
        QCOMPARE(r.summary.itemsSold, 8);
        QCOMPARE(r.summary.gross, m(1900));
        QCOMPARE(r.summary.discounts, m(100));
        QCOMPARE(r.summary.net, m(1800));
        QCOMPARE(r.summary.tax, m(20 + 144 + 13 + 64));
        QCOMPARE(r.summary.refunds, 0);
        QCOMPARE(r.summary.averageBasket(), m(600));
        // Cost 0.60 × 5 apples + 1.20 × 8 cans; margin on the net without tax.
        QCOMPARE(r.summary.cost, m(300 + 960));
        QCOMPARE(r.summary.margin(), m((300 - 20) + (900 - 144) + (200 - 13) + (400 - 64) - 1260));
    }

    void taxesByRate()
    {
        const SalesReport r = report(m_day, m_day);
        QCOMPARE(r.taxes.size(), 2);
        QCOMPARE(r.taxes.at(0).rateBp, 1900);
        QCOMPARE(r.taxes.at(0).gross, m(1300));
        QCOMPARE(r.taxes.at(0).tax, m(208));
        QCOMPARE(r.taxes.at(1).gross, m(500));
        QCOMPARE(r.taxes.at(1).tax, m(33));
    }

    void byHourDayCashierMethodCategory()
    {
        const SalesReport r = report(m_day, m_day.addDays(1));
        QCOMPARE(r.byHour.size(), 3);
        QCOMPARE(r.byHour.at(0).key, u"9"_s);
        QCOMPARE(r.byHour.at(0).count, 2);
        QCOMPARE(r.byHour.at(0).amount, m(1200));
        QCOMPARE(r.byHour.at(1).key, u"10"_s);
        QCOMPARE(r.byHour.at(2).key, u"17"_s);
        QCOMPARE(r.byDay.size(), 2);
        QCOMPARE(r.byDay.at(0).key, u"2026-03-10"_s);
        QCOMPARE(r.byDay.at(0).amount, m(1800));
        QCOMPARE(r.byDay.at(1).key, u"2026-03-11"_s);
        QCOMPARE(r.byDay.at(1).amount, m(100));
        QCOMPARE(r.byCashier.size(), 2);
        QCOMPARE(r.byCashier.at(0).key, u"Carl Cashier"_s);
        QCOMPARE(r.byCashier.at(0).amount, m(1300));
        QCOMPARE(r.byCashier.at(1).amount, m(600));
        QCOMPARE(r.byPaymentMethod.size(), 2);
        QCOMPARE(r.byPaymentMethod.at(0).key, u"card"_s);
        QCOMPARE(r.byPaymentMethod.at(0).amount, m(1500));
        QCOMPARE(r.byPaymentMethod.at(1).key, u"cash"_s);
        QCOMPARE(r.byPaymentMethod.at(1).amount, m(400));
        QCOMPARE(r.byCategory.size(), 2);
        QCOMPARE(r.byCategory.at(0).key, u"Drinks"_s);
        QCOMPARE(r.byCategory.at(0).amount, m(1300));
        QCOMPARE(r.byCategory.at(1).key, u"Groceries"_s);
        QCOMPARE(r.byCategory.at(1).amount, m(600));
        // Bills per category: the 17:05 bill of apples and beer counts once in each.
        QCOMPARE(r.byCategory.at(0).count, 2);
        QCOMPARE(r.byCategory.at(1).count, 3);
    }

    void productsWithQuantitiesAndMargins()
    {
        const SalesReport r = report(m_day, m_day);
        QCOMPARE(r.products.size(), 2);
        QCOMPARE(r.products.at(0).name, u"Beer"_s);
        QCOMPARE(r.products.at(0).baseQuantity, 8);
        QCOMPARE(r.products.at(0).revenue, m(1300));
        QCOMPARE(r.products.at(0).margin, m((756 + 336) - 960));
        QCOMPARE(r.products.at(1).name, u"Apple"_s);
        QCOMPARE(r.products.at(1).baseQuantity, 5);
        QCOMPARE(r.products.at(1).margin, m((280 + 187) - 300));
        // Each with its packs, biggest first, so the screen can say "1 × Six-pack + 2 × Can".
        QCOMPARE(r.products.at(0).packs.size(), 2);
        QCOMPARE(r.products.at(0).packs.at(0).name, u"Six-pack"_s);
        QCOMPARE(r.products.at(0).packs.at(0).basePerUnit, 6);
        QCOMPARE(r.products.at(1).packs.size(), 1);
        QCOMPARE(r.products.at(1).baseUnit, BaseUnit::Piece);
    }

    void refundsFallOnTheirOwnDay()
    {
        const SalesReport r = report(m_day.addDays(1), m_day.addDays(1));
        QCOMPARE(r.summary.bills, 1);
        QCOMPARE(r.summary.refunds, 1);
        QCOMPARE(r.summary.refunded, m(100));
        QCOMPARE(r.refunds.size(), 1);
        QCOMPARE(r.refunds.first().billCode, u"1-000001"_s);
        QCOMPARE(r.refunds.first().reason, u"Bruised"_s);
        QCOMPARE(r.refunds.first().cashier, u"Maria Manager"_s);
    }

    void lanesAndCategoriesNarrow()
    {
        const SalesReport lane2 = report(m_day, m_day, u"2"_s);
        QCOMPARE(lane2.summary.bills, 1);
        QCOMPARE(lane2.summary.net, m(600));
        const SalesReport groceries = report(m_day, m_day.addDays(1), {}, m_store->groceries);
        QCOMPARE(groceries.summary.bills, 3);
        QCOMPARE(groceries.summary.net, m(600));
        QCOMPARE(groceries.summary.tax, m(20 + 13 + 7));
        QCOMPARE(groceries.summary.refunded, m(100));
        QCOMPARE(report(m_day, m_day.addDays(1), {}, m_store->drinks).summary.refunded, m(0));
    }

    void pricesWithoutTaxAddTaxOnTop()
    {
        const SalesReport r = report(m_day.addDays(2), m_day.addDays(2));
        QCOMPARE(r.summary.gross, m(100));
        QCOMPARE(r.summary.tax, m(7));
        QCOMPARE(r.summary.net, m(107));
    }

    void anEmptyRangeAndABackwardRange()
    {
        const SalesReport empty = report(QDate(2020, 1, 1), QDate(2020, 1, 31));
        QCOMPARE(empty.summary.bills, 0);
        QCOMPARE(empty.summary.net, m(0));
        QVERIFY(empty.byHour.isEmpty());
        ReportRange backwards = ReportRange::days(m_day, m_day);
        std::swap(backwards.from, backwards.to);
        const auto refused = m_reports->sales(backwards);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ServiceError::Code::InvalidInput);
    }

    void aReportIsAFixedNumberOfQueries()
    {
        {
            ProfileScope scope(u"test.report"_s);
            QVERIFY(m_reports->sales(ReportRange::days(m_day, m_day.addDays(30))));
            // The period's bill ids, nine aggregates, the refunds and the packs of the products
            // listed: the units sold and the costs come with the taxes, from one pass.
            QCOMPARE(scope.statementCount(), 12);
        }
        {
            // A category puts every figure on the lines: the bills' figures come from them too.
            ProfileScope scope(u"test.report.category"_s);
            ReportRange range = ReportRange::days(m_day, m_day.addDays(30));
            range.categoryId = m_store->groceries;
            QVERIFY(m_reports->sales(range));
            QCOMPARE(scope.statementCount(), 12);
        }
    }

    void narrowedHoursSpanTheStoresDay()
    {
        // Lane 2 sold at 17:00 only; the store traded from 9:00 that day
        const SalesReport lane2 = report(m_day, m_day, u"2"_s);
        QCOMPARE(lane2.byHour.size(), 2);
        QCOMPARE(lane2.byHour.at(0).key, u"9"_s);
        QCOMPARE(lane2.byHour.at(0).count, 0);
        QCOMPARE(lane2.byHour.at(0).amount, m(0));
        QCOMPARE(lane2.byHour.at(1).key, u"17"_s);
        QCOMPARE(lane2.byHour.at(1).count, 1);
        QCOMPARE(lane2.byHour.at(1).amount, m(600));
        // Drinks sold at 9:00 and 17:00; the apple of 11 March at 10:00 adds an hour at zero
        const SalesReport drinks = report(m_day, m_day.addDays(1), {}, m_store->drinks);
        QCOMPARE(drinks.byHour.size(), 3);
        QCOMPARE(drinks.byHour.at(0).amount, m(900));
        QCOMPARE(drinks.byHour.at(1).key, u"10"_s);
        QCOMPARE(drinks.byHour.at(1).amount, m(0));
        QCOMPARE(drinks.byHour.at(2).amount, m(400));
    }

    void cashiersSeeNoReports()
    {
        m_store->signIn(m_store->cashier);
        QCOMPARE(m_reports->sales(ReportRange::days(m_day, m_day)).error().code,
                 ServiceError::Code::PermissionDenied);
        m_store->signIn(m_store->manager);
    }

    void everyProductSoldIsInTheReport()
    {
        // Given a day on which more products sold than the screen lists
        const int kinds = ReportService::kTopProducts + 5;
        Cart cart;
        for (int i = 0; i < kinds; ++i) {
            const Product p = m_store->addProduct(u"MANY%1"_s.arg(i), u"Many %1"_s.arg(i),
                                                  {{u"Piece"_s, 1, 100 + i, {}}}, 100);
            CheckoutService::addToCart(cart, CheckoutService::lineFor(p, p.units.at(0), 1));
        }
        const QDate day = m_day.addDays(20);
        CheckoutService till(m_store->db(), m_store->session(), m_store->authorizer(), *m_cache);
        till.setClock([day] { return QDateTime(day, QTime(12, 0)).toUTC(); });
        const Money total = Pricing::price(cart).total;
        QVERIFY(till.commit(cart, {{Tender::Method::Card, total, {}}},
                            CheckoutService::newSaleUuid()));

        // Then the report holds every one of them, largest first, in the same statements
        ProfileScope scope(u"test.report.many"_s);
        const SalesReport r = report(day, day);
        QCOMPARE(r.products.size(), kinds);
        QCOMPARE(r.products.first().name, u"Many %1"_s.arg(kinds - 1));
        QCOMPARE(r.products.last().name, u"Many 0"_s);
        QCOMPARE(r.products.last().packs.size(), 1);
        QCOMPARE(scope.statementCount(), 12);
    }

    void cleanupTestCase()
    {
        m_reports.reset();
        m_cache.reset();
        m_store.reset();
    }
};

QTEST_GUILESS_MAIN(TestReportService)
#include "tst_reportservice.moc"
