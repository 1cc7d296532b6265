#include "models/items/cashcountmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCashCountModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void euroDrawerHasNotesThenCoins()
    {
        const QList<Denomination> euro = Denominations::of(u"eur"_s);
        QCOMPARE(euro.size(), 15);
        QCOMPARE(euro.first().value, Money::fromMinor(50000));
        QCOMPARE(euro.last().value, Money::fromMinor(1));
        QCOMPARE(euro.at(6).kind, Denomination::Kind::Note);
        QCOMPARE(euro.at(7).kind, Denomination::Kind::Coin);
        // An unknown currency gets the euro's series rather than nothing to count.
        QCOMPARE(Denominations::of(u"XYZ"_s), euro);
        QCOMPARE(Denominations::of(u"USD"_s).first().value, Money::fromMinor(10000));
    }

    void countsAddUpLive()
    {
        CashCountModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy total(&model, &CashCountModel::totalChanged);
        model.setDenominations(Denominations::of(u"EUR"_s));
        model.setCurrencySymbol(u"€"_s);
        QCOMPARE(model.rowCount(), 15);
        QCOMPARE(model.total(), Money::fromMinor(0));

        // Given two 20 € notes and three 50 cent coins typed into the count column
        QVERIFY(model.setData(model.index(4, CashCountModel::CountColumn), u"2"_s));
        QVERIFY(model.setData(model.index(9, CashCountModel::CountColumn), 3));
        // Then the drawer holds 41.50 €, and each change was announced
        QCOMPARE(model.total(), Money::fromMinor(4150));
        QCOMPARE(total.last().at(0).value<Money>(), Money::fromMinor(4150));
        QCOMPARE(model.index(4, CashCountModel::AmountColumn)
                         .data(CashCountModel::AmountMinorRole)
                         .toLongLong(),
                 4000);
        QVERIFY(model.index(4, CashCountModel::AmountColumn).data().toString().contains(u"40"_s));
        QVERIFY(model.flags(model.index(4, CashCountModel::CountColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(4, CashCountModel::AmountColumn)) & Qt::ItemIsEditable));

        // Bad counts change nothing
        QVERIFY(!model.setData(model.index(4, CashCountModel::CountColumn), u"-1"_s));
        QVERIFY(!model.setData(model.index(4, CashCountModel::CountColumn), u"two"_s));
        QVERIFY(!model.setData(model.index(4, CashCountModel::AmountColumn), u"5"_s));
        QVERIFY(!model.setCount(4, CashCountModel::kMaxCount + 1));
        QCOMPARE(model.count(4), 2);
        // An emptied cell is a count of nothing.
        QVERIFY(model.setData(model.index(4, CashCountModel::CountColumn), QString()));
        QCOMPARE(model.total(), Money::fromMinor(150));

        model.clearCounts();
        QCOMPARE(model.total(), Money::fromMinor(0));
    }
};

QTEST_GUILESS_MAIN(TestCashCountModel)
#include "tst_cashcountmodel.moc"
