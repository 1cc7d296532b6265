#include "models/domain/settlement.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Money m(qint64 minor)
{
    return Money::fromMinor(minor);
}
Tender cash(qint64 minor)
{
    return {Tender::Method::Cash, m(minor), {}};
}
Tender card(qint64 minor)
{
    return {Tender::Method::Card, m(minor), u"1234"_s};
}
} // namespace

class TestSettlement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settles_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QList<Tender>>("tenders");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<int>("problem");
        QTest::addColumn<qint64>("rounding");
        QTest::addColumn<qint64>("change");
        QTest::addColumn<qint64>("remaining");
        QTest::addColumn<int>("payments");

        using P = Settlement::Problem;
        QTest::newRow("exact cash") << 1234ll << QList<Tender>{cash(1234)} << 1ll << int(P::None)
                                    << 0ll << 0ll << 0ll << 1;
        QTest::newRow("cash with change") << 1234ll << QList<Tender>{cash(2000)} << 1ll
                                          << int(P::None) << 0ll << 766ll << 0ll << 1;
        QTest::newRow("two notes count as one cash")
                << 1234ll << QList<Tender>{cash(1000), cash(500)} << 1ll << int(P::None) << 0ll
                << 266ll << 0ll << 1;
        QTest::newRow("cash rounds to 0.05") << 1233ll << QList<Tender>{cash(2000)} << 5ll
                                             << int(P::None) << 2ll << 765ll << 0ll << 1;
        QTest::newRow("card does not round") << 1233ll << QList<Tender>{card(1233)} << 5ll
                                             << int(P::None) << 0ll << 0ll << 0ll << 1;
        QTest::newRow("split card and cash") << 5000ll << QList<Tender>{card(3000), cash(2500)}
                                             << 1ll << int(P::None) << 0ll << 500ll << 0ll << 2;
        QTest::newRow("split rounds the cash part")
                << 5003ll << QList<Tender>{card(3000), cash(2005)} << 5ll << int(P::None) << 2ll
                << 0ll << 0ll << 2;
        QTest::newRow("not enough cash") << 1234ll << QList<Tender>{cash(1000)} << 1ll
                                         << int(P::Unpaid) << 0ll << 0ll << 234ll << 0;
        QTest::newRow("card short") << 1234ll << QList<Tender>{card(1000)} << 1ll << int(P::Unpaid)
                                    << 0ll << 0ll << 234ll << 1;
        QTest::newRow("card overpays") << 1234ll << QList<Tender>{card(1300)} << 1ll
                                       << int(P::CardOverpaid) << 0ll << 0ll << 0ll << 1;
        QTest::newRow("nothing tendered")
                << 1234ll << QList<Tender>{} << 1ll << int(P::Unpaid) << 0ll << 0ll << 1234ll << 0;
        QTest::newRow("negative tender") << 1234ll << QList<Tender>{cash(-5)} << 1ll
                                         << int(P::InvalidAmount) << 0ll << 0ll << 0ll << 0;
        QTest::newRow("free sale")
                << 0ll << QList<Tender>{} << 1ll << int(P::None) << 0ll << 0ll << 0ll << 0;
    }
    void settles()
    {
        QFETCH(qint64, total);
        QFETCH(QList<Tender>, tenders);
        QFETCH(qint64, step);
        QFETCH(int, problem);
        QFETCH(qint64, rounding);
        QFETCH(qint64, change);
        QFETCH(qint64, remaining);
        QFETCH(int, payments);
        const Settlement s = Settlement::settle(m(total), tenders, step);
        QCOMPARE(int(s.problem), problem);
        QCOMPARE(s.rounding, m(rounding));
        QCOMPARE(s.change, m(change));
        QCOMPARE(s.remaining, m(remaining));
        QCOMPARE(s.payments.size(), payments);
        if (s.isSettled()) {
            // The payments cover exactly the bill with its rounding.
            Money covered = m(0);
            for (const SettledPayment &p : s.payments) {
                covered += p.amount;
                if (p.method == Tender::Method::Cash) {
                    QCOMPARE(p.tendered - p.change, p.amount);
                }
            }
            QCOMPARE(covered, s.due);
            QCOMPARE(s.due, m(total) + s.rounding);
        }
    }

    void tenderNamesAreStoredOnce_data()
    {
        QTest::addColumn<Tender::Method>("method");
        QTest::addColumn<QString>("name");
        QTest::newRow("cash") << Tender::Method::Cash << u"cash"_s;
        QTest::newRow("card") << Tender::Method::Card << u"card"_s;
    }
    void tenderNamesAreStoredOnce()
    {
        QFETCH(Tender::Method, method);
        QFETCH(QString, name);
        // The names stored in payments.method and read back by reports and refunds.
        QCOMPARE(Tender::toString(method), name);
        QCOMPARE(Tender::fromString(name), std::optional<Tender::Method>(method));
    }

    void unknownTenderNamesAreNoMethod()
    {
        QCOMPARE(Tender::fromString(u"Cash"), std::nullopt);
        QCOMPARE(Tender::fromString(u"voucher"), std::nullopt);
        QCOMPARE(Tender::fromString(QString()), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestSettlement)
#include "tst_settlement.moc"
