#include "models/items/parkedcartmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;

class TestParkedCartModel : public QObject
{
    Q_OBJECT

private:
    static CartLine line(const QString &name, qint64 priceMinor, qint64 quantity)
    {
        CartLine l;
        l.productId = priceMinor;
        l.unitId = priceMinor;
        l.sku = name.toUpper();
        l.productName = name;
        l.unitName = u"Piece"_s;
        l.quantity = quantity;
        l.unitPrice = Money::fromMinor(priceMinor);
        l.catalogPrice = l.unitPrice;
        l.taxRateBp = 1900;
        return l;
    }

    static ParkedCart parked(qint64 id, const QString &label, const QList<CartLine> &lines)
    {
        ParkedCart cart;
        cart.id = id;
        cart.lane = u"2"_s;
        cart.cashierName = u"Carl Cashier"_s;
        cart.label = label;
        cart.parkedAt = QDateTime(QDate(2026, 3, 10), QTime(14, 30), Qt::UTC);
        cart.cart.lines = lines;
        return cart;
    }

    QString cell(int row, int column) const
    {
        return m_model->index(row, column).data().toString();
    }

    std::unique_ptr<ParkedCartModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland)); }

    void init()
    {
        m_model = std::make_unique<ParkedCartModel>();
        m_model->setCurrencySymbol(u"€"_s);
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void aParkedSaleShowsWhoParkedItAndWhatItCosts()
    {
        // Given a sale parked as "Table 4" with two cans and a loaf, and one without a label
        m_model->setParked(
                {parked(7, u"Table 4"_s, {line(u"Cola"_s, 119, 2), line(u"Bread"_s, 250, 1)}),
                 parked(5, {}, {line(u"Milk"_s, 99, 1)})});

        // Then the recall list shows each as the cashier left it, with its items and total
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->columnCount(), int(ParkedCartModel::ColumnCount));
        QCOMPARE(cell(0, ParkedCartModel::LabelColumn), u"Table 4"_s);
        QCOMPARE(cell(0, ParkedCartModel::LaneColumn), u"2"_s);
        QCOMPARE(cell(0, ParkedCartModel::CashierColumn), u"Carl Cashier"_s);
        QCOMPARE(cell(0, ParkedCartModel::ItemsColumn), u"3"_s);
        QCOMPARE(cell(0, ParkedCartModel::TotalColumn), u"€4.88"_s);
        QCOMPARE(m_model->index(0, 0).data(ParkedCartModel::TotalMinorRole).toLongLong(), 488);
        QCOMPARE(m_model->index(0, 0).data(ParkedCartModel::ParkedIdRole).toLongLong(), 7);
        QCOMPARE(m_model->parked(0).id, 7);
        QVERIFY(!cell(0, ParkedCartModel::ParkedAtColumn).isEmpty());
        // And a sale parked without a label says so rather than showing nothing
        QCOMPARE(cell(1, ParkedCartModel::LabelColumn), u"(no label)"_s);
        QCOMPARE(cell(1, ParkedCartModel::TotalColumn), u"€0.99"_s);
        QCOMPARE(m_model->headerData(ParkedCartModel::TotalColumn, Qt::Horizontal).toString(),
                 u"Total"_s);
    }

    void theListFollowsWhatIsStillParked()
    {
        // Given three parked sales
        m_model->setParked({parked(3, u"A"_s, {line(u"Tea"_s, 300, 1)}),
                            parked(2, u"B"_s, {line(u"Tea"_s, 300, 2)}),
                            parked(1, u"C"_s, {line(u"Tea"_s, 300, 3)})});
        QCOMPARE(m_model->rowCount(), 3);

        // When another lane recalls the newest and the list is read again
        m_model->setParked({parked(2, u"B"_s, {line(u"Tea"_s, 300, 2)}),
                            parked(1, u"C"_s, {line(u"Tea"_s, 300, 3)})});

        // Then the others stay, with their own totals
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(cell(0, ParkedCartModel::LabelColumn), u"B"_s);
        QCOMPARE(cell(1, ParkedCartModel::TotalColumn), u"€9.00"_s);

        // And when the last ones are recalled the list is empty
        m_model->setParked({});
        QCOMPARE(m_model->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestParkedCartModel)

#include "tst_parkedcartmodel.moc"
