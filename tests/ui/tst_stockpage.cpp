#include "models/items/receiptlinesmodel.h"
#include "models/items/stocktakemodel.h"
#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/adjustmentwidget.h"
#include "ui/goodsreceiptwidget.h"
#include "ui/ledgerwidget.h"
#include "ui/stockpage.h"
#include "ui/stocktakewidget.h"

#include "models/db/settingsrepository.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * The Stock area driven by keys: a goods receipt scanned in, a stocktake typed in and an
 * adjustment, each leaving stock and ledger in agreement.
 */
class TestStockPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<StockPage> m_page;
    Product m_water;
    Product m_tea;

    template<typename T>
    T *child(const QString &name)
    {
        return namedChild<T>(*m_page, name);
    }

    qint64 stockOf(const Product &product)
    {
        return m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(product.id));
    }

    void scan(QLineEdit *edit, const QString &code)
    {
        QTest::keyClicks(edit, code);
        QTest::keyClick(edit, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_water = m_store->addProduct(u"W-1"_s, u"Water"_s,
                                      {{u"Bottle"_s, 1, 99, u"4006381333931"_s},
                                       {u"Crate of 6"_s, 6, 549, u"96385074"_s}},
                                      10);
        m_tea = m_store->addProduct(u"T-1"_s, u"Green tea"_s,
                                    {{u"Box"_s, 1, 349, u"5901234123457"_s}}, 4);
        m_services = m_store->services(m_store->manager);
        m_page = std::make_unique<StockPage>(*m_services);
        m_page->resize(1100, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_services.reset();
        m_store.reset();
    }

    void scannedGoodsAreReceived()
    {
        ReceiptLinesModel *lines = m_page->goodsReceipt()->lines();
        QAbstractItemModelTester tester(lines,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *scanEdit = child<QWidget>(u"scanPicker"_s)->findChild<QLineEdit *>(u"pickerEdit"_s);
        QVERIFY(scanEdit);
        scanEdit->setFocus();

        // Given a bottle, a crate and the bottle again, scanned with Enter after each
        scan(scanEdit, u"4006381333931"_s);
        scan(scanEdit, u"96385074"_s);
        scan(scanEdit, u"4006381333931"_s);
        scan(scanEdit, u"5901234123457"_s);

        // Then the same unit scanned twice is one line of 2
        QCOMPARE(lines->rowCount(), 3);
        QCOMPARE(lines->index(0, ReceiptLinesModel::QuantityColumn).data().toString(), u"2"_s);
        QCOMPARE(lines->index(1, ReceiptLinesModel::UnitColumn).data().toString(), u"Crate of 6"_s);
        QCOMPARE(scanEdit->text(), QString());

        // When posted
        QTest::keyClick(scanEdit, Qt::Key_Return, Qt::ControlModifier);

        // Then stock went up by 2 bottles and a crate, and by a box of tea
        QCOMPARE(stockOf(m_water), 10 + 2 + 6);
        QCOMPARE(stockOf(m_tea), 4 + 1);
        QCOMPARE(m_store->ledgerMismatches(), 0);
        QCOMPARE(lines->rowCount(), 0);
        const QString posted = m_page->goodsReceipt()->findChild<QLabel *>(u"hintLabel"_s)->text();
        QVERIFY2(posted.contains(u"Goods receipt 1 "_s), qPrintable(posted));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_documents WHERE kind = 'receipt'"_s),
                 1);
    }

    void aLineCanChangeItsUnit()
    {
        ReceiptLinesModel *lines = m_page->goodsReceipt()->lines();
        auto *scanEdit = child<QWidget>(u"scanPicker"_s)->findChild<QLineEdit *>(u"pickerEdit"_s);
        scan(scanEdit, u"4006381333931"_s);
        const QModelIndex unit = lines->index(0, ReceiptLinesModel::UnitColumn);
        // A scan knows only the scanned unit; opening the unit's editor reads the others.
        QVERIFY(!unit.data(ReceiptLinesModel::UnitsCompleteRole).toBool());
        auto *view = child<QTableView>(u"linesView"_s);
        view->setFocus();
        view->setCurrentIndex(unit);
        QTest::keyClick(view, Qt::Key_F2);
        auto *combo = qobject_cast<QComboBox *>(QApplication::focusWidget());
        QVERIFY(combo);
        QCOMPARE(combo->count(), 2);
        QVERIFY(unit.data(ReceiptLinesModel::UnitsCompleteRole).toBool());
        QTest::keyClick(combo, Qt::Key_Down);
        QTest::keyClick(combo, Qt::Key_Return);
        QTRY_COMPARE(unit.data().toString(), u"Crate of 6"_s);

        m_page->goodsReceipt()->findChild<QPushButton *>(u"postButton"_s)->click();
        QCOMPARE(stockOf(m_water), 10 + 6);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aBadQuantityIsNamedAndNothingPosted()
    {
        ReceiptLinesModel *lines = m_page->goodsReceipt()->lines();
        auto *scanEdit = child<QWidget>(u"scanPicker"_s)->findChild<QLineEdit *>(u"pickerEdit"_s);
        scan(scanEdit, u"5901234123457"_s);
        QVERIFY(lines->setData(lines->index(0, ReceiptLinesModel::QuantityColumn), u"zwei"_s));
        m_page->goodsReceipt()->findChild<QPushButton *>(u"postButton"_s)->click();
        QCOMPARE(lines->rowCount(), 1);
        QVERIFY(m_page->goodsReceipt()
                        ->findChild<QLabel *>(u"errorLabel"_s)
                        ->text()
                        .contains(u"zwei"_s));
        QCOMPARE(stockOf(m_tea), 4);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_documents"_s), 0);
    }

    void aStocktakeSetsTheCountedStock()
    {
        child<QTabWidget>(u"stockTabs"_s)->setCurrentWidget(m_page->stocktake());
        StocktakeModel *model = m_page->stocktake()->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model->rowCount(), 2);
        const int waterRow = model->rowOf(m_water.id);
        const int teaRow = model->rowOf(m_tea.id);
        auto *view = child<QTableView>(u"countsView"_s);

        // Water: 3 crates and 2 loose bottles; tea: 4 boxes, as booked.
        for (const auto &[row, column, text] :
             {std::tuple{waterRow, int(StocktakeModel::PacksColumn), u"3"_s},
              std::tuple{waterRow, int(StocktakeModel::LooseColumn), u"2"_s},
              std::tuple{teaRow, int(StocktakeModel::LooseColumn), u"4"_s}}) {
            view->setFocus();
            view->setCurrentIndex(model->index(row, column));
            QTest::keyClick(view, Qt::Key_F2);
            QWidget *editor = QApplication::focusWidget();
            QVERIFY(qobject_cast<QLineEdit *>(editor));
            QTest::keyClicks(editor, text);
            QTest::keyClick(editor, Qt::Key_Return);
            // The delegate hands the text over in a queued call.
            QTRY_COMPARE(model->index(row, column).data(Qt::EditRole).toString(), text);
        }
        QCOMPARE(model->countedProducts(), 2);
        QCOMPARE(model->index(waterRow, StocktakeModel::CountedColumn).data().toString(),
                 u"3 crates + 2 bottles"_s);
        // Tea has no packs to count in.
        QVERIFY(!(model->flags(model->index(teaRow, StocktakeModel::PacksColumn))
                  & Qt::ItemIsEditable));

        m_page->stocktake()->findChild<QPushButton *>(u"postButton"_s)->click();

        QCOMPARE(stockOf(m_water), 20);
        QCOMPARE(stockOf(m_tea), 4);
        QCOMPARE(model->countedProducts(), 0);
        QCOMPARE(m_store->ledgerMismatches(), 0);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'stocktake'"_s),
                 1);
    }

    void aBlindStocktakeShowsTheStockOnlyOnceCounted_data()
    {
        QTest::addColumn<bool>("blind");
        QTest::newRow("open") << false;
        QTest::newRow("blind") << true;
    }

    void aBlindStocktakeShowsTheStockOnlyOnceCounted()
    {
        QFETCH(bool, blind);
        // The store's setting, as the Settings page saves it for every lane.
        QVERIFY(SettingsRepository(m_store->db())
                        .setValue(Setting::BlindCounts.key, blind ? u"1"_s : u"0"_s));
        child<QTabWidget>(u"stockTabs"_s)->setCurrentWidget(m_page->stocktake());
        StocktakeModel *model = m_page->stocktake()->model();
        QTRY_COMPARE(model->rowCount(), 2);
        const int waterRow = model->rowOf(m_water.id);
        auto cell = [model, waterRow](int column) {
            return model->index(waterRow, column).data().toString();
        };
        const QString booked = u"1 crate + 4 bottles"_s;

        // Before the count: the stock shows only when the count is not blind.
        QCOMPARE(cell(StocktakeModel::StockCountColumn) == booked, !blind);
        QVERIFY(!cell(StocktakeModel::StockCountColumn).contains(u"crate"_s) || !blind);
        QCOMPARE(cell(StocktakeModel::DifferenceColumn), QString());

        // When 8 bottles are counted
        QVERIFY(model->setData(model->index(waterRow, StocktakeModel::LooseColumn), u"8"_s));

        // Then the stock and the difference show, blind or not.
        QCOMPARE(cell(StocktakeModel::StockCountColumn), booked);
        QCOMPARE(cell(StocktakeModel::DifferenceColumn), u"−(2 bottles)"_s);
    }

    void stocktakeNamesStretchAndNumbersFit()
    {
        m_page->resize(1024, 768);
        child<QTabWidget>(u"stockTabs"_s)->setCurrentWidget(m_page->stocktake());
        StocktakeModel *model = m_page->stocktake()->model();
        QTRY_COMPARE(model->rowCount(), 2);
        QVERIFY(model->setData(model->index(model->rowOf(m_water.id), StocktakeModel::PacksColumn),
                               u"3"_s));
        QVERIFY(model->setData(model->index(model->rowOf(m_water.id), StocktakeModel::LooseColumn),
                               u"5"_s));
        auto *view = child<QTableView>(u"countsView"_s);
        QHeaderView *header = view->horizontalHeader();
        QCoreApplication::processEvents();

        QCOMPARE(header->sectionResizeMode(StocktakeModel::NameCountColumn), QHeaderView::Stretch);
        for (int column = 0; column < model->columnCount(); ++column) {
            int needed = header->sectionSizeHint(column);
            for (int row = 0; row < model->rowCount(); ++row) {
                needed = qMax(needed, view->sizeHintForIndex(model->index(row, column)).width());
            }
            QVERIFY2(header->sectionSize(column) >= needed,
                     qPrintable(u"column %1 (%2) is %3 wide, needs %4"_s.arg(column)
                                        .arg(model->headerData(column, Qt::Horizontal).toString())
                                        .arg(header->sectionSize(column))
                                        .arg(needed)));
        }
        // Nothing is pushed out of sight to the right.
        QVERIFY(!view->horizontalScrollBar()->isVisible());
        QVERIFY(header->sectionSize(StocktakeModel::NameCountColumn) >= 150);
    }

    void anAdjustmentTakesAwayDamagedGoods()
    {
        child<QTabWidget>(u"stockTabs"_s)->setCurrentWidget(m_page->adjustment());
        auto *picker = m_page->adjustment()->findChild<QLineEdit *>(u"pickerEdit"_s);
        picker->setFocus();
        scan(picker, u"96385074"_s);
        auto *quantity = m_page->adjustment()->findChild<QSpinBox *>(u"quantitySpin"_s);
        QCOMPARE(QApplication::focusWidget(), quantity);
        auto *unit = m_page->adjustment()->findChild<QComboBox *>(u"unitCombo"_s);
        unit->setCurrentIndex(1); // Crate of 6
        QTest::keyClicks(quantity, u"1"_s);
        m_page->adjustment()->findChild<QPushButton *>(u"adjustButton"_s)->click();

        QCOMPARE(stockOf(m_water), 4);
        QCOMPARE(
                m_store->scalar(u"SELECT COUNT(*) FROM stock_movements WHERE reason = 'damaged'"_s),
                1);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void theLedgerShowsAProductsMovements()
    {
        child<QTabWidget>(u"stockTabs"_s)->setCurrentWidget(m_page->ledger());
        auto *picker = m_page->ledger()->findChild<QLineEdit *>(u"pickerEdit"_s);
        picker->setFocus();
        scan(picker, u"4006381333931"_s);
        auto *view = m_page->ledger()->findChild<QTableView *>(u"ledgerView"_s);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 3).data().toString(), u"1 crate + 4 bottles"_s);
    }
};

QTEST_MAIN(TestStockPage)
#include "tst_stockpage.moc"
