#include "models/db/conversionratecache.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/db/sqlquery.h"
#include "models/domain/quantity.h"
#include "models/services/checkoutservice.h"
#include "models/services/shiftservice.h"
#include "tests/common/storefixture.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCheckoutService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<ConversionRateCache> m_cache;
    std::unique_ptr<CheckoutService> m_checkout;
    std::unique_ptr<ShiftService> m_shifts;
    QList<Product> m_products;
    Product m_cola;

    Money m(qint64 minor) { return Money::fromMinor(minor); }
    Cart cartOf(int lines)
    {
        Cart cart;
        for (int i = 0; i < lines; ++i) {
            const Product &p = m_products.at(i);
            CheckoutService::addToCart(cart, CheckoutService::lineFor(p, p.units.at(0), 1 + i % 3));
        }
        return cart;
    }
    QList<Tender> cash(qint64 minor) { return {{Tender::Method::Cash, m(minor), {}}}; }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_products.clear();
        for (int i = 0; i < 50; ++i) {
            m_products << m_store->addProduct(u"P%1"_s.arg(i), u"Product %1"_s.arg(i),
                                              {{u"Piece"_s, 1, 100 + i, {}}}, 100);
        }
        m_cola = m_store->addProduct(
                u"COLA"_s, u"Cola"_s,
                {{u"Can"_s, 1, 119, u"4006381333931"_s}, {u"Six-pack"_s, 6, 649, u"96385074"_s}},
                60);
        m_cache = std::make_unique<ConversionRateCache>(m_store->db());
        m_checkout = std::make_unique<CheckoutService>(m_store->db(), m_store->session(),
                                                       m_store->authorizer(), *m_cache);
        m_shifts = std::make_unique<ShiftService>(m_store->db(), m_store->session(),
                                                  m_store->authorizer());
        SaleRules rules;
        rules.allowNegativeStock = true;
        // This store lets a cashier give up to 10 % alone.
        rules.cashierDiscountLimitBp = 1000;
        m_checkout->setRules(rules);
        m_store->signIn(m_store->cashier);
        QVERIFY(m_shifts->open(m(10000)));
    }

    void theStoreSettingPricesEveryRate_data()
    {
        QTest::addColumn<QString>("included");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("total");
        // Two tins at 2.49 and 7 %, one bottle at 12.99 and 19 %.
        // Included: 4.98 × 7/107 = 0.3258 -> 0.33; 12.99 × 19/119 = 2.0740 -> 2.07.
        QTest::newRow("prices include tax") << u"1"_s << 240ll << 1797ll;
        // Added: 4.98 × 7 % = 0.3486 -> 0.35; 12.99 × 19 % = 2.4681 -> 2.47.
        QTest::newRow("tax added to prices") << u"0"_s << 282ll << 2079ll;
    }
    void theStoreSettingPricesEveryRate()
    {
        QFETCH(QString, included);
        QFETCH(qint64, tax);
        QFETCH(qint64, total);
        // Given the store's one setting and products at both of its rates
        QVERIFY(SettingsRepository(m_store->db())
                        .setValue(Setting::PricesIncludeTax.key, included));
        QVERIFY(m_checkout->loadRules());
        m_store->addProduct(u"TIN"_s, u"Tomatoes"_s, {{u"Tin"_s, 1, 249, u"4000000000013"_s}});
        m_store->addProduct(u"WINE"_s, u"Wine"_s, {{u"Bottle"_s, 1, 1299, u"4000000000020"_s}});
        QVERIFY(SqlQuery::run(m_store->db(), u"UPDATE products SET tax_rate_id = %1 "
                                             "WHERE sku = 'TIN'"_s.arg(m_store->reducedTax)));

        // When both are scanned and sold
        const auto tins = m_checkout->scan(u"4000000000013"_s, 2);
        const auto wine = m_checkout->scan(u"4000000000020"_s);
        QVERIFY(tins && wine);
        QCOMPARE(tins->taxRateBp, 700);
        QCOMPARE(wine->taxRateBp, 1900);
        Cart cart;
        CheckoutService::addToCart(cart, *tins);
        CheckoutService::addToCart(cart, *wine);
        const auto sale = m_checkout->commit(cart, cash(5000), CheckoutService::newSaleUuid());
        QVERIFY_OK(sale);

        // Then both rates follow the setting, on the bill as written
        QCOMPARE(sale->totals.tax, m(tax));
        QCOMPARE(sale->totals.total, m(total));
        QCOMPARE(m_store->scalar(u"SELECT tax_minor FROM bills WHERE id = %1"_s.arg(sale->bill.id)),
                 tax);
        QCOMPARE(m_store->scalar(
                         u"SELECT total_minor FROM bills WHERE id = %1"_s.arg(sale->bill.id)),
                 total);
    }

    void aPackBarcodeSellsThePackAndASecondScanCostsNoQuery()
    {
        {
            ProfileScope scope(u"test.scan"_s);
            const auto line = m_checkout->scan(u"96385074"_s);
            QVERIFY(line);
            QCOMPARE(scope.statementCount(), 1);
            QCOMPARE(line->unitName, u"Six-pack"_s);
            QCOMPARE(line->basePerUnit, 6);
            QCOMPARE(line->unitPrice, m(649));
        }
        ProfileScope scope(u"test.scan.again"_s);
        const auto again = m_checkout->scan(u"96385074"_s, 3);
        QVERIFY(again);
        QCOMPARE(scope.statementCount(), 0);
        QCOMPARE(again->quantity, 3);
    }

    void badScansSayWhy_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<int>("code_");
        QTest::newRow("unknown barcode")
                << u"4006381333948"_s << 1ll << int(ServiceError::Code::NotFound);
        QTest::newRow("empty") << u"  "_s << 1ll << int(ServiceError::Code::InvalidInput);
        QTest::newRow("zero quantity")
                << u"96385074"_s << 0ll << int(ServiceError::Code::InvalidInput);
        QTest::newRow("negative quantity")
                << u"96385074"_s << -2ll << int(ServiceError::Code::InvalidInput);
    }
    void badScansSayWhy()
    {
        QFETCH(QString, code);
        QFETCH(qint64, quantity);
        QFETCH(int, code_);
        const auto line = m_checkout->scan(code, quantity);
        QVERIFY(!line);
        QCOMPARE(int(line.error().code), code_);
        QVERIFY(!line.error().message.isEmpty());
        if (code_ == int(ServiceError::Code::NotFound)) {
            QVERIFY(line.error().message.contains(code));
        }
    }

    void aQuantityAboveALinesLimitIsRefusedAndWritesNothing()
    {
        // When a billion cans are scanned
        const auto line = m_checkout->scan(u"4006381333931"_s, Q_INT64_C(1000000000));
        // Then the scan is refused with the limit
        QVERIFY(!line);
        QCOMPARE(line.error().code, ServiceError::Code::InvalidInput);
        QVERIFY2(line.error().message.contains(QLocale().toString(Quantity::kMaxUnitsPerLine)),
                 qPrintable(line.error().message));
        // and a cart that carries them anyway is not sold
        Cart cart;
        cart.lines = {CheckoutService::lineFor(m_cola, m_cola.units.at(0), Q_INT64_C(1000000000))};
        const auto receipt = m_checkout->commit(cart, cash(Q_INT64_C(119000000000)),
                                                CheckoutService::newSaleUuid());
        QVERIFY(!receipt);
        QCOMPARE(receipt.error().code, ServiceError::Code::InvalidInput);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bill_items"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'COLA'"_s), 60);
    }

    void aLineStopsGrowingAtTheMostItHolds()
    {
        // Given a line holding as many cans as a line may
        Cart cart;
        const CartLine can = CheckoutService::lineFor(m_cola, m_cola.units.at(0), 1);
        CartLine full = can;
        full.quantity = Quantity::kMaxUnitsPerLine;
        QCOMPARE(CheckoutService::addToCart(cart, full), 0);
        // When one more is scanned, it starts a line of its own
        QCOMPARE(CheckoutService::addToCart(cart, can), 1);
        QCOMPARE(cart.lines.at(0).quantity, Quantity::kMaxUnitsPerLine);
        QCOMPARE(cart.lines.at(1).quantity, 1);
        QVERIFY(Pricing::price(cart).isValid);
    }

    void scanningTheSameItemAgainRaisesItsQuantity()
    {
        Cart cart;
        QCOMPARE(CheckoutService::addToCart(cart, *m_checkout->scan(u"4006381333931"_s)), 0);
        QCOMPARE(CheckoutService::addToCart(cart, *m_checkout->scan(u"96385074"_s)), 1);
        QCOMPARE(CheckoutService::addToCart(cart, *m_checkout->scan(u"4006381333931"_s, 2)), 0);
        QCOMPARE(cart.lines.size(), 2);
        QCOMPARE(cart.lines.at(0).quantity, 3);
    }

    void aCashSaleIsCommittedWithChange()
    {
        Cart cart;
        CheckoutService::addToCart(cart, *m_checkout->scan(u"4006381333931"_s, 2));
        CheckoutService::addToCart(cart, *m_checkout->scan(u"96385074"_s));
        QSignalSpy committed(m_checkout.get(), &CheckoutService::saleCommitted);
        const auto receipt = m_checkout->commit(cart, cash(1000), CheckoutService::newSaleUuid());
        QVERIFY_OK(receipt);
        QCOMPARE(receipt->totals.total, m(238 + 649));
        QCOMPARE(receipt->settlement.change, m(1000 - 887));
        QCOMPARE(receipt->bill.number, 1);
        QCOMPARE(committed.count(), 1);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'COLA'"_s),
                 60 - 2 - 6);
        QCOMPARE(m_store->scalar(u"SELECT tendered_minor FROM payments"_s), 1000);
        QCOMPARE(m_store->scalar(u"SELECT change_minor FROM payments"_s), 113);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aCommitCostsTheSameStatementsForOneLineOrFifty_data()
    {
        QTest::addColumn<int>("lines");
        QTest::newRow("1 line") << 1;
        QTest::newRow("10 lines") << 10;
        QTest::newRow("50 lines") << 50;
    }
    void aCommitCostsTheSameStatementsForOneLineOrFifty()
    {
        QFETCH(int, lines);
        const Cart cart = cartOf(lines);
        const Money total = Pricing::price(cart).total;
        ProfileScope scope(u"test.commit"_s);
        const auto receipt
                = m_checkout->commit(cart, cash(total.minor()), CheckoutService::newSaleUuid());
        QVERIFY_OK(receipt);
        QCOMPARE(scope.statementCount(), TestDatabase::isPostgres() ? 1 : 8);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bill_items"_s), lines);
    }

    void theSameUuidTwiceMakesOneBill()
    {
        const Cart cart = cartOf(3);
        const QString uuid = CheckoutService::newSaleUuid();
        const Money total = Pricing::price(cart).total;
        const auto first = m_checkout->commit(cart, cash(total.minor()), uuid);
        const auto second = m_checkout->commit(cart, cash(total.minor()), uuid);
        QVERIFY(first && second);
        QVERIFY(second->bill.alreadyExisted);
        QCOMPARE(second->bill.id, first->bill.id);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 1);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void unpaidOrOverpaidByCardWritesNothing_data()
    {
        QTest::addColumn<QList<Tender>>("tenders");
        QTest::newRow("too little cash")
                << QList<Tender>{{Tender::Method::Cash, Money::fromMinor(100), {}}};
        QTest::newRow("card over the total")
                << QList<Tender>{{Tender::Method::Card, Money::fromMinor(99999), {}}};
        QTest::newRow("nothing") << QList<Tender>{};
    }
    void unpaidOrOverpaidByCardWritesNothing()
    {
        QFETCH(QList<Tender>, tenders);
        const auto receipt = m_checkout->commit(cartOf(3), tenders, CheckoutService::newSaleUuid());
        QVERIFY(!receipt);
        QCOMPARE(receipt.error().code, ServiceError::Code::InvalidInput);
        QVERIFY(!receipt.error().message.isEmpty());
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);
    }

    void blockedStockNamesTheProducts()
    {
        SaleRules rules = m_checkout->rules();
        rules.allowNegativeStock = false;
        m_checkout->setRules(rules);
        Cart cart;
        CheckoutService::addToCart(cart, *m_checkout->scan(u"96385074"_s, 11)); // 66 cans of 60
        if (TestDatabase::isPostgres()) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        }
        const auto receipt = m_checkout->commit(cart, cash(100000), CheckoutService::newSaleUuid());
        QVERIFY(!receipt);
        QCOMPARE(receipt.error().code, ServiceError::Code::Conflict);
        QVERIFY2(receipt.error().message.contains(u"Cola"_s), qPrintable(receipt.error().message));
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'COLA'"_s), 60);
    }

    void noShiftNoSale()
    {
        QVERIFY(m_shifts->close(m(10000)));
        const auto receipt
                = m_checkout->commit(cartOf(1), cash(100000), CheckoutService::newSaleUuid());
        QVERIFY(!receipt);
        QVERIFY(receipt.error().message.contains(u"shift"_s));
    }

    void discountsAboveTheLimitNeedAManager()
    {
        // The cashier may give 10 %, not 25 %.
        const auto within = m_checkout->authorizeDiscount(Discount::percent(1000), m(1000));
        QVERIFY(within);
        QVERIFY(!within->isGranted());
        const auto refused = m_checkout->authorizeDiscount(Discount::percent(2500), m(1000));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ServiceError::Code::PermissionDenied);
        QCOMPARE(m_checkout->authorizeDiscount(Discount::percent(10001), m(1000)).error().code,
                 ServiceError::Code::InvalidInput);
        QCOMPARE(m_checkout->authorizeDiscount(Discount::amount(m(2000)), m(1000)).error().code,
                 ServiceError::Code::InvalidInput);
        // 3.00 off 10.00 is 30 %: above the limit as well.
        QVERIFY(!m_checkout->authorizeDiscount(Discount::amount(m(300)), m(1000)));

        const auto approval = m_store->authorizer().requestApproval(
                m_store->session(), Permission::DiscountAboveLimit, u"maria"_s, u"1234"_s);
        QVERIFY(approval);
        const auto approved
                = m_checkout->authorizeDiscount(Discount::percent(2500), m(1000), *approval);
        QVERIFY(approved);
        QVERIFY(*approved == *approval);
        // Given now, used by the sale: a sale that fails can be tried again with it.
        QVERIFY(!approval->isUsed());

        Cart cart = cartOf(1);
        cart.lines[0].discount = Discount::percent(2500);
        cart.lines[0].discountApproval = *approved;
        const Money total = Pricing::price(cart).total;
        QVERIFY(m_checkout->commit(cart, cash(total.minor()), CheckoutService::newSaleUuid()));
        QVERIFY(approval->isUsed());
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM audit_log WHERE action = 'discount_above_limit' "
                         "AND approved_by = %1 AND details LIKE 'bill=1/1 %%'"_s.arg(
                                 m_store->manager.id)),
                 1);
        QCOMPARE(m_store->scalar(u"SELECT approved_by FROM bills"_s), m_store->manager.id);

        // The used approval does not sell a second discounted cart.
        const auto again
                = m_checkout->commit(cart, cash(total.minor()), CheckoutService::newSaleUuid());
        QVERIFY(!again);
        QCOMPARE(again.error().code, ServiceError::Code::PermissionDenied);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 1);
    }

    void priceOverridesNeedTheirPermission()
    {
        QCOMPARE(m_checkout->authorizePriceOverride(m(50)).error().code,
                 ServiceError::Code::PermissionDenied);
        m_store->signIn(m_store->manager);
        const auto own = m_checkout->authorizePriceOverride(m(50));
        QVERIFY(own);
        QVERIFY(!own->isGranted()); // a manager's role is enough
        QCOMPARE(m_checkout->authorizePriceOverride(m(-1)).error().code,
                 ServiceError::Code::InvalidInput);
    }

    // A cart as a caller could forge it: nothing the catalogue or a manager did not say passes.
    void aForgedCartIsRefusedAndWritesNothing_data()
    {
        QTest::addColumn<QString>("forgery");
        QTest::addColumn<int>("expected");
        const int conflict = int(ServiceError::Code::Conflict);
        const int denied = int(ServiceError::Code::PermissionDenied);
        QTest::newRow("price and catalogue price of 0.01") << u"price"_s << conflict;
        QTest::newRow("overridden price, no approval") << u"override"_s << denied;
        QTest::newRow("tax rate of 0") << u"tax"_s << conflict;
        QTest::newRow("can sold as a six-pack's stock") << u"pack"_s << conflict;
        QTest::newRow("unit of another product") << u"unit"_s << conflict;
        QTest::newRow("90 % line discount") << u"line discount"_s << denied;
        QTest::newRow("99 % bill discount") << u"bill discount"_s << denied;
        QTest::newRow("archived product") << u"archived"_s << conflict;
    }
    void aForgedCartIsRefusedAndWritesNothing()
    {
        QFETCH(QString, forgery);
        QFETCH(int, expected);
        Cart cart;
        CheckoutService::addToCart(cart, *m_checkout->scan(u"4006381333931"_s, 2));
        CartLine &line = cart.lines[0];
        if (forgery == u"price"_s) {
            line.unitPrice = line.catalogPrice = m(1);
        } else if (forgery == u"override"_s) {
            line.unitPrice = m(1);
        } else if (forgery == u"tax"_s) {
            line.taxRateBp = 0;
        } else if (forgery == u"pack"_s) {
            line.basePerUnit = 6;
        } else if (forgery == u"unit"_s) {
            line.productId = m_products.at(0).id;
        } else if (forgery == u"line discount"_s) {
            line.discount = Discount::percent(9000);
        } else if (forgery == u"bill discount"_s) {
            cart.billDiscount = Discount::percent(9900);
        } else if (forgery == u"archived"_s) {
            QVERIFY(SqlQuery(m_store->db(),
                             u"UPDATE products SET active = FALSE WHERE sku = 'COLA'"_s)
                            .exec());
        }
        const Money total = Pricing::price(cart).total;
        const auto receipt
                = m_checkout->commit(cart, cash(total.minor()), CheckoutService::newSaleUuid());
        QVERIFY(!receipt);
        QCOMPARE(int(receipt.error().code), expected);
        QVERIFY2(receipt.error().message.contains(u"Nothing was sold"_s),
                 qPrintable(receipt.error().message));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bill_items"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action IN "
                                 "('price_override', 'discount_above_limit')"_s),
                 0);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'COLA'"_s), 60);
    }

    void anApprovedOverrideIsAuditedWithTheSaleInOneStatement()
    {
        Cart cart;
        CheckoutService::addToCart(cart, *m_checkout->scan(u"4006381333931"_s, 2));
        const auto approval = m_store->authorizer().requestApproval(
                m_store->session(), Permission::OverridePrice, u"maria"_s, u"1234"_s);
        QVERIFY(approval);
        const auto allowed = m_checkout->authorizePriceOverride(m(99), *approval);
        QVERIFY(allowed);
        cart.lines[0].unitPrice = m(99);
        cart.lines[0].priceApproval = *allowed;
        const Money total = Pricing::price(cart).total;
        QCOMPARE(total, m(198));

        ProfileScope scope(u"test.commit.override"_s);
        const auto receipt
                = m_checkout->commit(cart, cash(total.minor()), CheckoutService::newSaleUuid());
        QVERIFY_OK(receipt);
        // The audit row goes in with the sale: one statement more on SQLite, none on PostgreSQL.
        QCOMPARE(scope.statementCount(), TestDatabase::isPostgres() ? 1 : 9);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM audit_log WHERE action = 'price_override' AND "
                         "approved_by = %1 AND user_id = %2 AND details = 'bill=1/1 sku=COLA "
                         "price=99 catalog=119'"_s.arg(m_store->manager.id)
                                 .arg(m_store->cashier.id)),
                 1);
        QCOMPARE(m_store->scalar(u"SELECT unit_price_minor FROM bill_items"_s), 99);
    }

    void oneApprovalCoversOneThing()
    {
        const auto approval = m_store->authorizer().requestApproval(
                m_store->session(), Permission::DiscountAboveLimit, u"maria"_s, u"1234"_s);
        QVERIFY(approval);
        Cart cart = cartOf(2);
        for (CartLine &line : cart.lines) {
            line.discount = Discount::percent(5000);
            line.discountApproval = *approval;
        }
        const Money total = Pricing::price(cart).total;
        const auto receipt
                = m_checkout->commit(cart, cash(total.minor()), CheckoutService::newSaleUuid());
        QVERIFY(!receipt);
        QCOMPARE(receipt.error().code, ServiceError::Code::PermissionDenied);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);
        QVERIFY(!approval->isUsed());
    }

    void anApprovalSurvivesAFailedCommit()
    {
        const auto approval = m_store->authorizer().requestApproval(
                m_store->session(), Permission::DiscountAboveLimit, u"maria"_s, u"1234"_s);
        QVERIFY(approval);
        Cart cart = cartOf(1);
        cart.billDiscount = Discount::percent(5000);
        cart.billDiscountApproval = *approval;
        const Money total = Pricing::price(cart).total;
        QVERIFY(m_shifts->close(m(10000)));
        QVERIFY(!m_checkout->commit(cart, cash(total.minor()), CheckoutService::newSaleUuid()));
        QVERIFY(!approval->isUsed());
        QVERIFY(m_shifts->open(m(10000)));
        QVERIFY(m_checkout->commit(cart, cash(total.minor()), CheckoutService::newSaleUuid()));
        QVERIFY(approval->isUsed());
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM audit_log WHERE action = 'discount_above_limit'"_s),
                 1);
    }

    void aStalePriceIsRefusedAndTheReviewSaysWhatChanged()
    {
        // Given a cart scanned before the manager changed a price and archived a product
        Cart cart = cartOf(3);
        QVERIFY(SqlQuery(m_store->db(),
                         u"UPDATE product_units SET price_minor = 555 WHERE product_id = %1"_s.arg(
                                 m_products.at(1).id))
                        .exec());
        QVERIFY(SqlQuery(m_store->db(), u"UPDATE products SET active = FALSE WHERE id = %1"_s.arg(
                                                m_products.at(2).id))
                        .exec());

        // When the sale is paid, nothing is sold
        const Money total = Pricing::price(cart).total;
        const auto receipt
                = m_checkout->commit(cart, cash(total.minor()), CheckoutService::newSaleUuid());
        QVERIFY(!receipt);
        QCOMPARE(receipt.error().code, ServiceError::Code::Conflict);
        QVERIFY2(receipt.error().message.contains(u"catalogue changed"_s),
                 qPrintable(receipt.error().message));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);

        // and the review names both lines and fixes the cart in one query.
        ProfileScope scope(u"test.review"_s);
        const auto review = m_checkout->review(cart);
        QVERIFY(review);
        QCOMPARE(scope.statementCount(), 1);
        QCOMPARE(review->changes.size(), 2);
        QVERIFY2(review->changes.at(0).contains(u"Product 1"_s), qPrintable(review->changes.at(0)));
        QVERIFY2(review->changes.at(0).contains(u"5.55"_s), qPrintable(review->changes.at(0)));
        QVERIFY2(review->changes.at(1).contains(u"Product 2"_s), qPrintable(review->changes.at(1)));
        QCOMPARE(review->cart.lines.size(), 2);
        QCOMPARE(review->cart.lines.at(1).unitPrice, m(555));
        const Money reviewedTotal = Pricing::price(review->cart).total;
        QVERIFY(m_checkout->commit(review->cart, cash(reviewedTotal.minor()),
                                   CheckoutService::newSaleUuid()));
    }

    void aCartFromAFileLosesWhatOnlyAnApprovalAllowed()
    {
        // A restored or recalled cart carries no approvals: what needed one goes back.
        Cart cart = cartOf(2);
        cart.lines[0].unitPrice = m(1);
        cart.lines[1].discount = Discount::percent(5000);
        cart.billDiscount = Discount::percent(10); // 0.1 %: within the limit, kept
        const auto review = m_checkout->review(cart);
        QVERIFY(review);
        QCOMPARE(review->changes.size(), 2);
        QCOMPARE(review->cart.lines.at(0).unitPrice, m_products.at(0).units.at(0).price);
        QVERIFY(review->cart.lines.at(1).discount.isNone());
        QCOMPARE(review->cart.billDiscount, Discount::percent(10));
        // A manager's own role allows both: then nothing changes.
        m_store->signIn(m_store->manager);
        const auto managers = m_checkout->review(cart);
        QVERIFY(managers);
        QVERIFY(managers->changes.isEmpty());
        QCOMPARE(managers->cart, cart);
    }

    void voidsAndClearsAreAudited()
    {
        const Cart cart = cartOf(2);
        QVERIFY(m_checkout->recordVoid(cart.lines.at(0)));
        QVERIFY(m_checkout->recordClear(cart));
        QCOMPARE(
                m_store->scalar(
                        u"SELECT COUNT(*) FROM audit_log WHERE action IN ('line_voided', 'sale_cleared')"_s),
                2);
    }

    void aParkedSaleIsRecalledOnceOnAnyLane()
    {
        Cart cart = cartOf(3);
        cart.billDiscount = Discount::amount(m(50));
        const auto id = m_checkout->park(cart, u"Lady with the red coat"_s);
        QVERIFY(id);
        const auto list = m_checkout->parked();
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().label, u"Lady with the red coat"_s);
        QCOMPARE(list->first().cashierName, u"Carl Cashier"_s);
        QCOMPARE(list->first().cart, cart);

        // Another lane recalls it; it is gone for everybody else.
        Session otherLane(u"2"_s);
        otherLane.signIn(m_store->cashier);
        CheckoutService other(m_store->db(), otherLane, m_store->authorizer(), *m_cache);
        const auto recalled = other.recall(*id);
        QVERIFY(recalled);
        QCOMPARE(*recalled, cart);
        QCOMPARE(m_checkout->recall(*id).error().code, ServiceError::Code::NotFound);
        QCOMPARE(m_checkout->parked()->size(), 0);
    }

    void aLostConnectionIsRetriedOnceWithoutWritingTwice()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("An SQLite file cannot lose its connection.");
        }
        // The server ends this till's session; the commit must reconnect and write once.
        SqlQuery pid(m_store->db(), u"SELECT pg_backend_pid()"_s);
        QVERIFY(pid.execOne());
        {
            QSqlQuery kill(QSqlDatabase::database(u"till-test-admin"_s));
            QVERIFY(kill.exec(u"SELECT pg_terminate_backend(%1)"_s.arg(pid.int64(0))));
        }
        const Cart cart = cartOf(2);
        const Money total = Pricing::price(cart).total;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        const auto receipt
                = m_checkout->commit(cart, cash(total.minor()), CheckoutService::newSaleUuid());
        QVERIFY2(receipt, qPrintable(receipt ? QString()
                                             : receipt.error().message + u" / "_s
                                                       + receipt.error().details));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 1);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void cleanup()
    {
        m_shifts.reset();
        m_checkout.reset();
        m_cache.reset();
        m_store.reset();
    }
};

QTEST_GUILESS_MAIN(TestCheckoutService)
#include "tst_checkoutservice.moc"
