#include "models/domain/cart.h"
#include "models/domain/quantity.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
CartLine line(qint64 priceMinor, qint64 quantity, int rateBp, Discount discount = {})
{
    CartLine l;
    l.unitPrice = Money::fromMinor(priceMinor);
    l.catalogPrice = l.unitPrice;
    l.quantity = quantity;
    l.taxRateBp = rateBp;
    l.discount = discount;
    return l;
}
Money m(qint64 minor)
{
    return Money::fromMinor(minor);
}
} // namespace

class TestPricing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void totals_data()
    {
        QTest::addColumn<Cart>("cart");
        QTest::addColumn<qint64>("subtotal");
        QTest::addColumn<qint64>("discount");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("total");

        Cart single;
        single.lines = {line(119, 1, 1900)};
        // 1.19 including 19 %: 0.19 tax.
        QTest::newRow("one can, inclusive") << single << 119ll << 0ll << 19ll << 119ll;

        Cart mixed;
        mixed.lines = {line(249, 2, 700), line(1299, 1, 1900)};
        // 7 %: 498 * 7/107 = 32.58 -> 33; 19 %: 1299 * 19/119 = 207.40 -> 207.
        QTest::newRow("mixed rates, inclusive") << mixed << 1797ll << 0ll << 240ll << 1797ll;

        Cart exclusive = mixed;
        exclusive.pricesIncludeTax = false;
        // 7 % of 4.98 = 34.86 -> 35; 19 % of 12.99 = 246.81 -> 247.
        QTest::newRow("mixed rates, exclusive") << exclusive << 1797ll << 0ll << 282ll << 2079ll;

        Cart lineDiscount;
        lineDiscount.lines = {line(1000, 3, 1900, Discount::percent(1000)), line(500, 1, 700)};
        // 30.00 less 10 % = 27.00; tax 27.00*19/119 = 4.3109 -> 431; 5.00*7/107 = 0.327 -> 33.
        QTest::newRow("10 % off a line") << lineDiscount << 3500ll << 300ll << 464ll << 3200ll;

        Cart billDiscount;
        billDiscount.lines = {line(1000, 1, 1900), line(500, 1, 700)};
        billDiscount.billDiscount = Discount::amount(m(300));
        // 3.00 shared 2:1 -> 2.00 and 1.00; 8.00*19/119 = 1.277 -> 128; 4.00*7/107 = 0.2616 -> 26.
        QTest::newRow("amount off the bill") << billDiscount << 1500ll << 300ll << 154ll << 1200ll;

        Cart halfCent;
        halfCent.lines = {line(5, 1, 1000)};
        halfCent.pricesIncludeTax = false;
        // 10 % of 0.05 = 0.005: half a cent rounds away from zero to 1 cent.
        QTest::newRow("half a cent of tax") << halfCent << 5ll << 0ll << 1ll << 6ll;

        Cart everythingOff;
        everythingOff.lines = {line(999, 1, 1900, Discount::percent(10000))};
        QTest::newRow("100 % off") << everythingOff << 999ll << 999ll << 0ll << 0ll;

        Cart tooMuchOff;
        tooMuchOff.lines = {line(200, 1, 1900, Discount::amount(m(500)))};
        QTest::newRow("discount capped at the price") << tooMuchOff << 200ll << 200ll << 0ll << 0ll;

        Cart zeroRate;
        zeroRate.lines = {line(350, 4, 0)};
        QTest::newRow("tax-free") << zeroRate << 1400ll << 0ll << 0ll << 1400ll;

        Cart large;
        large.lines = {line(123456789, 1000, 1900)};
        QTest::newRow("large quantity")
                << large << 123456789000ll << 0ll << 19711588160ll << 123456789000ll;
    }
    void totals()
    {
        QFETCH(Cart, cart);
        QFETCH(qint64, subtotal);
        QFETCH(qint64, discount);
        QFETCH(qint64, tax);
        QFETCH(qint64, total);
        const CartTotals t = Pricing::price(cart);
        QVERIFY(t.isValid);
        QCOMPARE(t.subtotal, m(subtotal));
        QCOMPARE(t.discount, m(discount));
        QCOMPARE(t.tax, m(tax));
        QCOMPARE(t.total, m(total));
        // Lines, rates and bill always add up.
        Money lineTax = m(0);
        Money lineTotal = m(0);
        Money lineDiscount = m(0);
        for (const PricedLine &l : t.lines) {
            lineTax += l.tax;
            lineTotal += l.total;
            lineDiscount += l.discount();
            QCOMPARE(l.net, l.gross - l.discount());
        }
        QCOMPARE(lineTax, t.tax);
        QCOMPARE(lineTotal, t.total);
        QCOMPARE(lineDiscount, t.discount);
        Money rateTax = m(0);
        for (const TaxBreakdown &b : t.taxes) {
            rateTax += b.tax;
            QCOMPARE(b.gross, b.net + b.tax);
        }
        QCOMPARE(rateTax, t.tax);
    }

    void taxBreakdownIsPerRateHighestFirst()
    {
        Cart cart;
        cart.lines = {line(100, 1, 700), line(100, 1, 1900), line(100, 1, 700)};
        const CartTotals t = Pricing::price(cart);
        QCOMPARE(t.taxes.size(), 2);
        QCOMPARE(t.taxes.at(0).rateBp, 1900);
        QCOMPARE(t.taxes.at(1).rateBp, 700);
        QCOMPARE(t.taxes.at(1).gross, m(200));
        QCOMPARE(t.taxes.at(1).tax, m(13)); // 2.00 * 7/107 = 0.1308
    }

    void shareHandsOutEveryCent_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QList<qint64>>("weights");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("thirds") << 100ll << QList<qint64>{1, 1, 1} << QList<qint64>{34, 33, 33};
        QTest::newRow("proportional")
                << 300ll << QList<qint64>{1000, 500} << QList<qint64>{200, 100};
        QTest::newRow("largest remainder")
                << 10ll << QList<qint64>{3, 3, 4} << QList<qint64>{3, 3, 4};
        QTest::newRow("zero weight gets nothing")
                << 7ll << QList<qint64>{0, 2, 5} << QList<qint64>{0, 2, 5};
        QTest::newRow("negative amount")
                << -100ll << QList<qint64>{1, 1, 1} << QList<qint64>{-34, -33, -33};
        QTest::newRow("no weights") << 50ll << QList<qint64>{0, 0} << QList<qint64>{0, 0};
    }
    void shareHandsOutEveryCent()
    {
        QFETCH(qint64, amount);
        QFETCH(QList<qint64>, weights);
        QFETCH(QList<qint64>, expected);
        QList<Money> w;
        for (qint64 x : weights) {
            w << m(x);
        }
        const QList<Money> parts = Pricing::share(m(amount), w);
        QList<qint64> got;
        for (const Money &p : parts) {
            got << p.minor();
        }
        QCOMPARE(got, expected);
    }

    void cashRounding_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<qint64>("due");
        QTest::addColumn<qint64>("rounding");
        QTest::newRow("no rounding") << 1233ll << 1ll << 1233ll << 0ll;
        QTest::newRow("down to 0.05") << 1232ll << 5ll << 1230ll << -2ll;
        QTest::newRow("up to 0.05") << 1233ll << 5ll << 1235ll << 2ll;
        QTest::newRow("half rounds up") << 1225ll << 10ll << 1230ll << 5ll;
        QTest::newRow("exact") << 1250ll << 5ll << 1250ll << 0ll;
    }
    void cashRounding()
    {
        QFETCH(qint64, total);
        QFETCH(qint64, step);
        QFETCH(qint64, due);
        QFETCH(qint64, rounding);
        const auto cash = Pricing::cashDue(m(total), step);
        QCOMPARE(cash.due, m(due));
        QCOMPARE(cash.rounding, m(rounding));
    }

    void overflowMakesTheCartInvalid()
    {
        Cart cart;
        cart.lines = {line(std::numeric_limits<qint64>::max() / 2, 3, 1900)};
        QVERIFY(!Pricing::price(cart).isValid);
    }

    void aPackTooLargeToMultiplyMakesTheCartInvalid()
    {
        // Given two of a pack of 2^63-1 pieces (quantity × pack size would wrap to -2)
        CartLine pack = line(100, 2, 1900);
        pack.basePerUnit = std::numeric_limits<qint64>::max();
        Cart cart;
        cart.lines = {pack};
        // Then the line has no base quantity rather than a wrapped one, and the sale is invalid
        QVERIFY(!pack.hasValidQuantity());
        QCOMPARE(pack.baseQuantity(), 0);
        QVERIFY(!Pricing::price(cart).isValid);
    }

    void quantitiesHaveBounds_data()
    {
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<qint64>("basePerUnit");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("baseQuantity");
        QTest::newRow("the most units of the largest pack")
                << Quantity::kMaxUnitsPerLine << Quantity::kMaxBasePerUnit << true
                << Quantity::kMaxBase;
        QTest::newRow("a billion units")
                << Q_INT64_C(1000000000) << Q_INT64_C(1) << false << Q_INT64_C(0);
        QTest::newRow("one unit more than a line holds")
                << Quantity::kMaxUnitsPerLine + 1 << Q_INT64_C(1) << false << Q_INT64_C(0);
        QTest::newRow("a pack larger than the catalogue allows")
                << Q_INT64_C(1) << Quantity::kMaxBasePerUnit + 1 << false << Q_INT64_C(0);
        QTest::newRow("none") << Q_INT64_C(0) << Q_INT64_C(1) << false << Q_INT64_C(0);
        QTest::newRow("three crates of 24")
                << Q_INT64_C(3) << Q_INT64_C(24) << true << Q_INT64_C(72);
    }
    void quantitiesHaveBounds()
    {
        QFETCH(qint64, quantity);
        QFETCH(qint64, basePerUnit);
        QFETCH(bool, valid);
        QFETCH(qint64, baseQuantity);
        CartLine l = line(1, quantity, 0);
        l.basePerUnit = basePerUnit;
        Cart cart;
        cart.lines = {l};
        QCOMPARE(l.hasValidQuantity(), valid);
        QCOMPARE(l.baseQuantity(), baseQuantity);
        QCOMPARE(Pricing::price(cart).isValid, valid);
    }
};

QTEST_GUILESS_MAIN(TestPricing)
#include "tst_pricing.moc"
