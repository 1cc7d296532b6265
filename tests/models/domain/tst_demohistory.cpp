#include "models/domain/demohistory.h"
#include "models/domain/money.h"

#include <QHash>
#include <QSet>
#include <QTest>

#include <numeric>

using namespace Qt::StringLiterals;

namespace {

// A small shop: a piece-only product, one with a crate, one sold by the gram.
QList<DemoProduct> catalogue()
{
    DemoProduct water{
            u"W1"_s,
            u"Drinks"_s,
            u"Water"_s,
            u"piece"_s,
            u"Standard"_s,
            1900,
            20,
            1,
            24,
            {{u"Bottle"_s, 1, 79, u"2010000010015"_s}, {u"Crate"_s, 12, 849, u"2010000010022"_s}}};
    DemoProduct bread{u"B1"_s,      u"Bakery"_s,
                      u"Bread"_s,   u"piece"_s,
                      u"Reduced"_s, 700,
                      90,           1,
                      10,           {{u"Loaf"_s, 1, 249, u"2010000020014"_s}}};
    DemoProduct apples{u"A1"_s,      u"Fruit"_s,
                       u"Apples"_s,  u"gram"_s,
                       u"Reduced"_s, 700,
                       120,          1000,
                       5000,         {{u"1 kg bag"_s, 1000, 299, u"2010000030013"_s}}};
    return {water, bread, apples};
}

DemoHistory::Plan plan(quint32 seed = 7)
{
    DemoHistory::Plan p;
    p.seed = seed;
    p.first = QDate(2026, 3, 2); // a Monday: the range holds a weekend with a second lane
    p.end = QDate(2026, 3, 16);
    p.billsPerDay = 40;
    return p;
}

//! What a reader of the store would compare: every bill's keys and figures, every refund.
QStringList fingerprint(const DemoHistory &history)
{
    QStringList out;
    for (const DemoBill &b : history.bills) {
        out << u"%1 %2/%3 %4 %5"_s.arg(b.uuid, b.lane)
                        .arg(b.number)
                        .arg(b.at.toString(Qt::ISODate))
                        .arg(b.total);
    }
    for (const DemoRefund &r : history.refunds) {
        out << u"%1 %2 %3"_s.arg(r.uuid).arg(r.amount).arg(r.at.toString(Qt::ISODate));
    }
    return out;
}

} // namespace

class TestDemoHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theSameSeedGivesTheSameHistory()
    {
        // Given one seed, twice; When the history is made; Then it is the same, row for row
        const DemoHistory a = DemoHistory::generate(catalogue(), plan());
        const DemoHistory b = DemoHistory::generate(catalogue(), plan());
        QVERIFY(a.bills.size() > 100);
        QVERIFY(!a.refunds.isEmpty());
        QCOMPARE(fingerprint(b), fingerprint(a));
        QCOMPARE(b.ledger.size(), a.ledger.size());
    }

    void anotherSeedGivesAnotherHistory()
    {
        QVERIFY(fingerprint(DemoHistory::generate(catalogue(), plan(8)))
                != fingerprint(DemoHistory::generate(catalogue(), plan(7))));
    }

    void billsBalance()
    {
        const DemoHistory history = DemoHistory::generate(catalogue(), plan());
        for (const DemoBill &bill : history.bills) {
            qint64 lines = 0;
            qint64 tax = 0;
            qint64 discount = 0;
            for (const DemoLine &line : bill.lines) {
                const DemoUnit &unit = catalogue().at(line.product).units.at(line.unit);
                QCOMPARE(line.unitPrice, unit.priceMinor);
                QCOMPARE(line.baseQuantity, line.quantity * unit.basePerUnit);
                QCOMPARE(line.total, line.unitPrice * line.quantity - line.discount);
                // Prices include tax: the tax is the part of the total the rate makes.
                QCOMPARE(line.tax,
                         roundedDiv(line.total, line.taxRateBp, 10000 + line.taxRateBp).value());
                lines += line.total;
                tax += line.tax;
                discount += line.discount;
            }
            QCOMPARE(bill.total, lines);
            QCOMPARE(bill.tax, tax);
            QCOMPARE(bill.discount, discount);
            qint64 paid = 0;
            for (const DemoPayment &payment : bill.payments) {
                paid += payment.amount;
                if (payment.method == Tender::Method::Cash) {
                    QCOMPARE(payment.change, payment.tendered - payment.amount);
                    QVERIFY(payment.change >= 0);
                } else {
                    QCOMPARE(payment.tendered, -1);
                }
            }
            QCOMPARE(paid, bill.total);
        }
    }

    void datesFallInTheRange()
    {
        const DemoHistory::Plan p = plan();
        const DemoHistory history = DemoHistory::generate(catalogue(), p);
        QSet<QDate> days;
        for (const DemoBill &bill : history.bills) {
            QVERIFY2(bill.at.date() >= p.first && bill.at.date() < p.end,
                     qPrintable(bill.at.toString(Qt::ISODate)));
            days.insert(bill.at.date());
        }
        QCOMPARE(days.size(), p.first.daysTo(p.end));
        for (const DemoRefund &refund : history.refunds) {
            QVERIFY(refund.at > history.bills.at(refund.bill).at);
            QVERIFY(refund.at.date() < p.end);
        }
        for (const DemoMovement &move : history.ledger) {
            if (move.reason == u"opening"_s) {
                QCOMPARE(move.at, DemoHistory::openingTime(p));
                QVERIFY(move.at.date() < p.first);
            }
        }
    }

    void everyDocumentFallsInAShiftOfItsLane()
    {
        const DemoHistory history = DemoHistory::generate(catalogue(), plan());
        QHash<QString, const DemoShift *> shiftOf;
        for (const DemoShift &shift : history.shifts) {
            shiftOf.insert(u"%1/%2"_s.arg(shift.lane).arg(shift.zNumber), &shift);
        }
        QHash<QString, qint64> cashIn;
        for (const DemoBill &bill : history.bills) {
            const DemoShift *shift = shiftOf.value(u"%1/%2"_s.arg(bill.lane).arg(bill.zNumber));
            QVERIFY(shift);
            QVERIFY(bill.at > shift->openedAt && bill.at < shift->closedAt);
            QCOMPARE(bill.cashier, shift->cashier);
        }
        for (const DemoRefund &refund : history.refunds) {
            const DemoShift *shift = shiftOf.value(u"%1/%2"_s.arg(refund.lane).arg(refund.zNumber));
            QVERIFY(shift);
            QVERIFY(refund.at > shift->openedAt && refund.at < shift->closedAt);
        }
    }

    void numbersFollowTheClockPerLane()
    {
        const DemoHistory history = DemoHistory::generate(catalogue(), plan());
        QHash<QString, qint64> lastNumber;
        QHash<QString, QDateTime> lastAt;
        for (const DemoBill &bill : history.bills) {
            QCOMPARE(bill.number, lastNumber.value(bill.lane) + 1);
            QVERIFY(bill.at >= lastAt.value(bill.lane));
            lastNumber[bill.lane] = bill.number;
            lastAt[bill.lane] = bill.at;
        }
        QVERIFY2(lastNumber.size() == 2, "the weekend opens a second lane");
        qint64 refundNumber = 0;
        for (const DemoRefund &refund : history.refunds) {
            QCOMPARE(refund.number, ++refundNumber);
        }
    }

    void refundsComeBackFromTheirLines()
    {
        const DemoHistory history = DemoHistory::generate(catalogue(), plan());
        for (const DemoRefund &refund : history.refunds) {
            const DemoLine &line = history.bills.at(refund.bill).lines.at(refund.line);
            QCOMPARE(line.refundedBase, refund.baseQuantity);
            QVERIFY(refund.baseQuantity > 0 && refund.baseQuantity <= line.baseQuantity);
            QVERIFY(refund.amount > 0 && refund.amount <= line.total);
            QVERIFY(DemoHistory::refundReasons().contains(refund.reason));
        }
    }

    void theLedgerEndsWithStockOnEveryShelf()
    {
        // Given the ledger of sales, refunds and opening stock
        const QList<DemoProduct> products = catalogue();
        const DemoHistory history = DemoHistory::generate(products, plan());
        QList<qint64> stock(products.size(), 0);
        QList<qint64> sold(products.size(), 0);
        for (const DemoMovement &move : history.ledger) {
            stock[move.product] += move.delta;
            if (move.reason == u"sale"_s) {
                sold[move.product] -= move.delta;
                QVERIFY(move.bill >= 0 && move.refund < 0);
            }
        }
        qint64 lines = 0;
        for (const DemoBill &bill : history.bills) {
            for (const DemoLine &line : bill.lines) {
                lines += line.baseQuantity;
            }
        }
        // Then every sold base unit left the shelf once, and each shelf ends between a fifth
        // of its reorder level and four times it
        QCOMPARE(std::accumulate(sold.cbegin(), sold.cend(), qint64(0)), lines);
        for (qsizetype p = 0; p < products.size(); ++p) {
            const qint64 level = std::max<qint64>(products.at(p).reorderLevel,
                                                  products.at(p).units.constFirst().basePerUnit);
            QVERIFY2(stock.at(p) >= level / 5 && stock.at(p) <= level * 4,
                     qPrintable(u"%1: %2"_s.arg(products.at(p).sku).arg(stock.at(p))));
        }
    }

    void anEmptyCatalogueSellsNothing()
    {
        const DemoHistory history = DemoHistory::generate({}, plan());
        QVERIFY(history.bills.isEmpty());
        QVERIFY(history.ledger.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDemoHistory)
#include "tst_demohistory.moc"
