#include "models/domain/quantity.h"
#include "models/items/cartmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCartModel : public QObject
{
    Q_OBJECT

private:
    static Money m(qint64 minor) { return Money::fromMinor(minor); }

    static CartLine line(qint64 unitId, qint64 priceMinor, qint64 quantity = 1,
                         qint64 basePerUnit = 1, int taxBp = 1900)
    {
        CartLine l;
        l.productId = unitId < 100 ? 1 : 2;
        l.unitId = unitId;
        l.sku = u"SKU%1"_s.arg(l.productId);
        l.productName = u"Product %1"_s.arg(l.productId);
        l.unitName = basePerUnit == 1 ? u"Piece"_s : u"Box of %1"_s.arg(basePerUnit);
        l.basePerUnit = basePerUnit;
        l.quantity = quantity;
        l.unitPrice = m(priceMinor);
        l.catalogPrice = m(priceMinor);
        l.taxRateBp = taxBp;
        return l;
    }

    std::unique_ptr<CartModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<CartModel>();
        m_model->setCurrencySymbol(u"€"_s);
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void startsEmptyWithoutASale()
    {
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->columnCount(), int(CartModel::ColumnCount));
        QVERIFY(m_model->isEmpty());
        QVERIFY(m_model->saleUuid().isEmpty());
        QCOMPARE(m_model->totals().total, m(0));
    }

    void aNewUnitInsertsARowAndTheSameUnitRaisesItsQuantity()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy totals(m_model.get(), &CartModel::totalsChanged);

        // Given a can, when a box of the same product and then the can again are added
        QCOMPARE(m_model->addLine(line(1, 119)), 0);
        QCOMPARE(m_model->addLine(line(2, 649, 1, 6)), 1);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_model->addLine(line(1, 119, 2)), 0);

        // Then the can's line holds 3, in place, and only its row changed
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(changed.count(), 1);
        const QModelIndex topLeft = changed.first().at(0).toModelIndex();
        const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
        QCOMPARE(topLeft.row(), 0);
        QCOMPARE(bottomRight.row(), 0);
        QVERIFY(topLeft.column() <= int(CartModel::QuantityColumn));
        QCOMPARE(bottomRight.column(), int(CartModel::TotalColumn));
        QCOMPARE(m_model->index(0, CartModel::QuantityColumn)
                         .data(CartModel::QuantityRole)
                         .toLongLong(),
                 3);
        QCOMPARE(m_model->index(0, CartModel::TotalColumn)
                         .data(CartModel::LineTotalMinorRole)
                         .toLongLong(),
                 357);
        QCOMPARE(totals.count(), 3);
        QCOMPARE(m_model->totals().total, m(357 + 649));
        QCOMPARE(m_model->cart().itemCount(), 4);
    }

    void theSaleKeepsOneUuidUntilItIsCleared()
    {
        m_model->addLine(line(1, 100));
        const QString uuid = m_model->saleUuid();
        QVERIFY(!uuid.isEmpty());
        m_model->addLine(line(2, 100));
        m_model->setQuantity(0, 5);
        m_model->removeLine(1);
        QCOMPARE(m_model->saleUuid(), uuid);

        m_model->clear();
        QVERIFY(m_model->saleUuid().isEmpty());
        m_model->addLine(line(1, 100));
        QVERIFY(!m_model->saleUuid().isEmpty());
        QVERIFY(m_model->saleUuid() != uuid);
    }

    void setCartKeepsAGivenUuid()
    {
        Cart cart;
        cart.lines << line(1, 250, 2);
        m_model->setCart(cart, u"fixed-uuid"_s);
        QCOMPARE(m_model->saleUuid(), u"fixed-uuid"_s);
        QCOMPARE(m_model->rowCount(), 1);
        m_model->setCart(cart);
        QVERIFY(m_model->saleUuid() != u"fixed-uuid"_s);
        m_model->setCart(Cart());
        QVERIFY(m_model->saleUuid().isEmpty());
    }

    void quantityBelowOneIsRefused_data()
    {
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("zero") << qint64(0) << false;
        QTest::newRow("negative") << qint64(-3) << false;
        QTest::newRow("one") << qint64(1) << true;
        QTest::newRow("many") << qint64(48) << true;
        QTest::newRow("overflowing base units") << std::numeric_limits<qint64>::max() << false;
        QTest::newRow("the most a line holds") << Quantity::kMaxUnitsPerLine << true;
        QTest::newRow("one more than a line holds") << Quantity::kMaxUnitsPerLine + 1 << false;
        QTest::newRow("a billion") << qint64(1000000000) << false;
    }
    void quantityBelowOneIsRefused()
    {
        QFETCH(qint64, quantity);
        QFETCH(bool, accepted);
        m_model->addLine(line(2, 649, 2, 6));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QCOMPARE(m_model->setQuantity(0, quantity), accepted);
        QCOMPARE(m_model->line(0).quantity, accepted ? quantity : 2);
        QCOMPARE(changed.count(), accepted && quantity != 2 ? 1 : 0);
        QVERIFY(!m_model->setQuantity(1, 3)); // no such row
    }

    void changingTheUnitTakesThatUnitsPrice()
    {
        m_model->addLine(line(1, 119, 2));
        ProductUnit box{2, 1, u"Six-pack"_s, 6, m(649), u"96385074"_s, true};
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(m_model->setUnit(0, box));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_model->line(0).unitName, u"Six-pack"_s);
        QCOMPARE(m_model->line(0).quantity, 2);
        QCOMPARE(m_model->line(0).baseQuantity(), 12);
        QCOMPARE(m_model->totals().total, m(1298));
        QCOMPARE(m_model->index(0, CartModel::UnitColumn).data().toString(), u"Six-pack"_s);

        ProductUnit otherProducts{7, 99, u"Bag"_s, 1, m(10), {}, true};
        QVERIFY(!m_model->setUnit(0, otherProducts));
    }

    void discountsAndOverridesShowInTheRowAndTheTotals()
    {
        m_model->addLine(line(1, 1000, 2));
        m_model->addLine(line(2, 500));
        QSignalSpy totals(m_model.get(), &CartModel::totalsChanged);

        QVERIFY(m_model->setLineDiscount(0, Discount::percent(1000)));
        QCOMPARE(m_model->index(0, CartModel::DiscountColumn)
                         .data(CartModel::DiscountMinorRole)
                         .toLongLong(),
                 200);
        QVERIFY(m_model->index(0, CartModel::DiscountColumn).data().toString().contains(u"10"_s));
        QCOMPARE(m_model->index(0, CartModel::TotalColumn)
                         .data(CartModel::LineTotalMinorRole)
                         .toLongLong(),
                 1800);

        QVERIFY(m_model->overridePrice(1, m(400)));
        QVERIFY(m_model->index(1, CartModel::UnitPriceColumn)
                        .data(CartModel::PriceOverriddenRole)
                        .toBool());
        QVERIFY(!m_model->index(1, CartModel::UnitPriceColumn)
                         .data(Qt::ToolTipRole)
                         .toString()
                         .isEmpty());
        QVERIFY(!m_model->index(0, CartModel::UnitPriceColumn)
                         .data(CartModel::PriceOverriddenRole)
                         .toBool());

        QVERIFY(m_model->setLineDiscount(1, Discount::amount(m(50))));
        QVERIFY(!m_model->overridePrice(1, Money::invalid()));
        QVERIFY(!m_model->overridePrice(1, m(-1)));

        m_model->setBillDiscount(Discount::amount(m(100)));
        QCOMPARE(totals.count(), 4);
        QCOMPARE(m_model->totals().subtotal, m(2400));
        QCOMPARE(m_model->totals().discount, m(200 + 50 + 100));
        QCOMPARE(m_model->totals().total, m(2400 - 350));
        // The bill discount is not a line's: the line totals stay what the lines say.
        QCOMPARE(m_model->index(1, CartModel::TotalColumn)
                         .data(CartModel::LineTotalMinorRole)
                         .toLongLong(),
                 350);

        m_model->setBillDiscount(Discount());
        QVERIFY(m_model->cart().billDiscount.isNone());
        QCOMPARE(m_model->totals().total, m(2400 - 250));
    }

    void removingALineRemovesItsRowAndItsMoney()
    {
        m_model->addLine(line(1, 100));
        m_model->addLine(line(2, 200));
        m_model->addLine(line(3, 300));
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_model->removeLine(1));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 1);
        QCOMPARE(removed.first().at(2).toInt(), 1);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->totals().total, m(400));
        QCOMPARE(m_model->index(1, 0).data(CartModel::UnitIdRole).toLongLong(), 3);
        QVERIFY(!m_model->removeLine(5));
        QVERIFY(!m_model->removeLine(-1));
    }

    void clearingRemovesEveryRowAtOnce()
    {
        m_model->addLine(line(1, 100));
        m_model->addLine(line(2, 200));
        m_model->setBillDiscount(Discount::percent(500));
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy totals(m_model.get(), &CartModel::totalsChanged);
        m_model->clear();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(2).toInt(), 1);
        QCOMPARE(totals.count(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(m_model->cart().billDiscount.isNone());
        QCOMPARE(m_model->totals().total, m(0));
    }

    void totalsFollowTheTaxMode()
    {
        m_model->addLine(line(1, 1190)); // 19 %
        m_model->addLine(line(2, 1070, 1, 1, 700));
        QCOMPARE(m_model->totals().tax, m(190 + 70));
        QCOMPARE(m_model->totals().taxes.size(), 2);
        QCOMPARE(m_model->totals().taxes.first().rateBp, 1900);
        QSignalSpy totals(m_model.get(), &CartModel::totalsChanged);
        m_model->setPricesIncludeTax(false);
        QCOMPARE(totals.count(), 1);
        QCOMPARE(m_model->totals().total, m(1190 + 226 + 1070 + 75));
        m_model->setPricesIncludeTax(false);
        QCOMPARE(totals.count(), 1);
    }

    void cellsShowMoneyWithTheSymbol()
    {
        m_model->addLine(line(1, 1234, 2));
        const QString price = m_model->index(0, CartModel::UnitPriceColumn).data().toString();
        QVERIFY2(price.contains(u"€"_s), qPrintable(price));
        QVERIFY2(price.contains(u"12"_s) && price.contains(u"34"_s), qPrintable(price));
        QCOMPARE(m_model->index(0, CartModel::ProductColumn).data().toString(), u"Product 1"_s);
        QCOMPARE(m_model->index(0, CartModel::QuantityColumn).data().toString(), u"2"_s);
        QVERIFY(m_model->index(0, CartModel::DiscountColumn).data().toString().isEmpty());
        QVERIFY(!m_model->headerData(CartModel::TotalColumn, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!m_model->headerData(0, Qt::Vertical).isValid());
    }
};

QTEST_GUILESS_MAIN(TestCartModel)
#include "tst_cartmodel.moc"
