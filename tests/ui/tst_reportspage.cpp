#include "models/items/reporttablemodel.h"
#include "models/services/livesales.h"
#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/messagestrip.h"
#include "ui/reportspage.h"
#include "ui/reportview.h"
#include "ui/shiftreportdialog.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;

/*!
 * The Reports area as a manager uses it, on the real services and database: periods and
 * dates are picked, the figures arrive from the worker thread, the Today tab follows a sale
 * by itself, and stored Z reports read back as they were at closing.
 *
 * Tea costs 2.50 a box with 19 % tax included. Yesterday at 10:00 two boxes were sold for
 * cash (5.00, tax 0.80) and at 15:00 one for card (2.50, tax 0.40): 2 bills, 3 items,
 * 7.50 net, 1.20 tax, 3.75 on average.
 */
class TestReportsPage : public QObject
{
    Q_OBJECT

private:
    using Tile = ReportView::Tile;

    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<ReportsPage> m_page;
    Product m_tea;
    const QDate m_today = QDate::currentDate();
    const QDate m_yesterday = m_today.addDays(-1);

    static Money m(qint64 minor) { return Money::fromMinor(minor); }
    QString money(qint64 minor) const
    {
        return m(minor).toString(QLocale(), m_services->catalogue.currencySymbol());
    }

    template<typename T>
    T *child(const QString &name) const
    {
        return namedChild<T>(*m_page, name);
    }

    //! Sells boxes of tea at this lane at the given local time (now when invalid).
    bool sell(qint64 boxes, Tender::Method method, const QDateTime &at = {})
    {
        m_services->checkout.setClock(
                [at] { return at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc(); });
        Cart cart;
        CheckoutService::addToCart(cart, CheckoutService::lineFor(m_tea, m_tea.units.at(0), boxes));
        const auto sale = m_services->checkout.commit(cart, {{method, m(250 * boxes), {}}},
                                                      CheckoutService::newSaleUuid());
        if (!sale) {
            qWarning() << sale.error().message << sale.error().details;
        }
        return bool(sale);
    }

    //! Shows the page with the given tab in front (the first one, Today, by default).
    void showPage(const QString &tab = {})
    {
        m_page = std::make_unique<ReportsPage>(*m_services);
        if (!tab.isEmpty()) {
            showTab(tab);
        }
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void showTab(const QString &name)
    {
        auto *tabs = child<QTabWidget>(u"reportTabs"_s);
        tabs->setCurrentWidget(child<QWidget>(name));
    }

    void choosePeriod(ReportsPage::Period period)
    {
        auto *combo = child<QComboBox>(u"periodCombo"_s);
        combo->setCurrentIndex(combo->findData(int(period)));
    }

    QString salesTile(Tile tile) const { return m_page->salesView()->tileText(tile); }
    QString todayTile(Tile tile) const { return m_page->todayView()->tileText(tile); }
    QString stripText() const { return m_page->messageStrip()->text(); }

    //! The plain text of a shift report as the page shows it.
    QString shiftText(const ShiftReport &report) const
    {
        QTextDocument document;
        document.setHtml(ShiftReportDialog::html(report, m_services->catalogue.currencySymbol()));
        return document.toPlainText();
    }

    void waitUntilIdle() { QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 10000); }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_tea = m_store->addProduct(u"TEA"_s, u"Tea"_s, {{u"Box"_s, 1, 250, {}}}, 1000);
        m_services = m_store->services(m_store->manager);
        QVERIFY(m_services->shifts.open(m(10000)));
        QVERIFY(sell(2, Tender::Method::Cash, QDateTime(m_yesterday, QTime(10, 0))));
        QVERIFY(sell(1, Tender::Method::Card, QDateTime(m_yesterday, QTime(15, 0))));
    }

    void cleanup()
    {
        m_page.reset();
        m_services.reset();
        m_store.reset();
    }

    void yesterdayAndACustomPeriod()
    {
        showPage(u"salesTab"_s);

        // When the manager picks "Yesterday"
        choosePeriod(ReportsPage::Period::Yesterday);
        QCOMPARE(child<QDateEdit>(u"fromEdit"_s)->date(), m_yesterday);
        QCOMPARE(child<QDateEdit>(u"toEdit"_s)->date(), m_yesterday);

        // Then yesterday's figures arrive from the worker, as worked out by hand
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);
        waitUntilIdle();
        QCOMPARE(salesTile(Tile::BeforeDiscounts), money(750));
        QCOMPARE(salesTile(Tile::Discounts), money(0));
        QCOMPARE(salesTile(Tile::Gross), money(750));
        QCOMPARE(salesTile(Tile::Tax), money(120));
        QCOMPARE(salesTile(Tile::Net), money(630));
        QCOMPARE(salesTile(Tile::Refunds), money(0));
        QCOMPARE(salesTile(Tile::AverageBasket), money(375));
        QCOMPARE(salesTile(Tile::ItemsSold), u"3"_s);
        QCOMPARE(salesTile(Tile::Margin), u"—"_s);
        QVERIFY(m_page->salesView()->noteText().isEmpty());
        QVERIFY(!child<QLabel>(u"salesBusyLabel"_s)->isVisible());

        // And the tables agree: one tax rate, cash and card, the product in its unit
        QAbstractItemModel *taxes = m_page->salesView()->tableModel(ReportView::Table::Taxes);
        QCOMPARE(taxes->rowCount(), 1);
        QCOMPARE(taxes->index(0, 1).data().toString(), money(750));
        QCOMPARE(taxes->index(0, 2).data().toString(), money(120));
        QAbstractItemModel *payments = m_page->salesView()->tableModel(ReportView::Table::Payments);
        QCOMPARE(payments->rowCount(), 2);
        QAbstractItemModel *products = m_page->salesView()->tableModel(ReportView::Table::Products);
        QCOMPARE(products->rowCount(), 1);
        QCOMPARE(products->index(0, 3).data().toString(), u"3 × Box"_s);

        // When a sale is made today and the dates are typed: yesterday to today
        QVERIFY(sell(4, Tender::Method::Cash));
        child<QDateEdit>(u"toEdit"_s)->setDate(m_today);
        auto *period = child<QComboBox>(u"periodCombo"_s);
        QCOMPARE(period->currentData().toInt(), int(ReportsPage::Period::Custom));

        // Then the report covers both days
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"3"_s, 10000);
        QCOMPARE(salesTile(Tile::Gross), money(1750));
        QCOMPARE(salesTile(Tile::ItemsSold), u"7"_s);
        QCOMPARE(m_page->salesView()->tableModel(ReportView::Table::Days)->rowCount(), 2);
    }

    void aBackwardRangeIsSaidAndTheFiguresStay()
    {
        showPage(u"salesTab"_s);
        choosePeriod(ReportsPage::Period::Yesterday);
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);
        waitUntilIdle();

        // When the first day is put after the last
        child<QDateEdit>(u"fromEdit"_s)->setDate(m_today);

        // Then the strip says so and yesterday's figures stay on screen
        QTRY_COMPARE(stripText(),
                     u"The first day comes after the last day. Swap them and try again."_s);
        QCOMPARE(m_page->messageStrip()->kind(), MessageStrip::Kind::Error);
        QVERIFY(!m_page->isBusy());
        QCOMPARE(salesTile(Tile::Bills), u"2"_s);
        QCOMPARE(salesTile(Tile::Gross), money(750));

        // And once the range is right again, the message goes
        child<QDateEdit>(u"toEdit"_s)->setDate(m_today);
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"0"_s, 10000);
        QCOMPARE(m_page->messageStrip()->kind(), MessageStrip::Kind::None);
    }

    void aPeriodWithoutSalesShowsZeros()
    {
        showPage(u"salesTab"_s);
        choosePeriod(ReportsPage::Period::Yesterday);
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);

        child<QDateEdit>(u"fromEdit"_s)->setDate(QDate(2020, 1, 1));
        child<QDateEdit>(u"toEdit"_s)->setDate(QDate(2020, 1, 31));
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"0"_s, 10000);
        QCOMPARE(salesTile(Tile::Gross), money(0));
        QCOMPARE(salesTile(Tile::AverageBasket), money(0));
        QCOMPARE(m_page->salesView()->noteText(), u"No sales in this period."_s);
        QCOMPARE(m_page->messageStrip()->kind(), MessageStrip::Kind::None);
    }

    void filtersNarrowTheReport()
    {
        showPage(u"salesTab"_s);
        choosePeriod(ReportsPage::Period::Yesterday);
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);

        // The lanes seen and the staff are offered; lane 2 sold nothing
        auto *lanes = child<QComboBox>(u"laneCombo"_s);
        QVERIFY(lanes->findData(u"1"_s) > 0);
        lanes->setCurrentIndex(lanes->findData(u"2"_s));
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"0"_s, 10000);
        lanes->setCurrentIndex(lanes->findData(u"1"_s));
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);

        // Maria sold both bills, Carl nothing; the groceries category had no sale
        auto *cashiers = child<QComboBox>(u"cashierCombo"_s);
        cashiers->setCurrentIndex(cashiers->findData(m_store->cashier.id));
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"0"_s, 10000);
        cashiers->setCurrentIndex(cashiers->findData(m_store->manager.id));
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);
        cashiers->setCurrentIndex(0);
        auto *categories = child<QComboBox>(u"categoryCombo"_s);
        categories->setCurrentIndex(categories->findData(m_store->groceries));
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"0"_s, 10000);
    }

    void aFailedReportKeepsTheLastFigures()
    {
        showPage(u"salesTab"_s);
        choosePeriod(ReportsPage::Period::Yesterday);
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);
        waitUntilIdle();

        // When the report is asked for by someone who may not see reports
        m_services->session.signIn(m_store->cashier);
        choosePeriod(ReportsPage::Period::Today);

        // Then the strip says why, and yesterday's figures stay
        QTRY_COMPARE_WITH_TIMEOUT(m_page->messageStrip()->kind(), MessageStrip::Kind::Error, 10000);
        QVERIFY2(!stripText().isEmpty(), qPrintable(stripText()));
        waitUntilIdle();
        QCOMPARE(salesTile(Tile::Bills), u"2"_s);
        QCOMPARE(salesTile(Tile::Gross), money(750));
    }

    void todayFollowsASaleByItself()
    {
        m_services->session.signIn(m_store->manager);
        showPage();
        // The Today tab comes first and reads at once: nothing sold today yet
        QCOMPARE(child<QTabWidget>(u"reportTabs"_s)->currentWidget()->objectName(), u"todayTab"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->todayView()->hasReport(), 10000);
        QCOMPARE(todayTile(Tile::Bills), u"0"_s);
        QCOMPARE(m_page->todayView()->noteText(), u"No sales in this period."_s);
        QVERIFY(child<QLabel>(u"updatedLabel"_s)->text().startsWith(u"Updated "_s));

        // When a sale is committed at the till, nobody touching the Reports area
        m_page->liveSales()->setInterval(50);
        QVERIFY(sell(3, Tender::Method::Cash));

        // Then the dashboard reads it by itself
        QTRY_COMPARE_WITH_TIMEOUT(todayTile(Tile::Bills), u"1"_s, 10000);
        QCOMPARE(todayTile(Tile::Gross), money(750));
        QCOMPARE(todayTile(Tile::ItemsSold), u"3"_s);
        QVERIFY(m_page->todayView()->noteText().isEmpty());

        // And a burst of sales ends on the figures of the last one
        QVERIFY(sell(1, Tender::Method::Card));
        QVERIFY(sell(1, Tender::Method::Cash));
        QTRY_COMPARE_WITH_TIMEOUT(todayTile(Tile::Bills), u"3"_s, 10000);
        QCOMPARE(todayTile(Tile::Gross), money(1250));
    }

    void zReportsAreListedAndReadBackUnchanged()
    {
        // Given an X report while the shift is open
        showPage(u"shiftsTab"_s);
        QCOMPARE(m_page->zModel()->rowCount(), 0);
        QTest::mouseClick(child<QPushButton>(u"xReportButton"_s), Qt::LeftButton);
        QCOMPARE(child<QLabel>(u"shiftTitleLabel"_s)->text(), u"X report, lane 1"_s);
        QVERIFY2(m_page->shiftReportText().contains(money(750)),
                 qPrintable(m_page->shiftReportText()));

        // When the shift is closed with the drawer counted: 100.00 float + 5.00 cash
        const auto z = m_services->shifts.close(m(10500));
        QVERIFY_OK(z);
        QCOMPARE(z->shift.zNumber, 1);

        // Then the Z list shows it with its totals
        showTab(u"todayTab"_s);
        showTab(u"shiftsTab"_s);
        QCOMPARE(m_page->zModel()->rowCount(), 1);
        const auto cell = [this](int column) {
            return m_page->zModel()->index(0, column).data().toString();
        };
        QCOMPARE(cell(0), u"1"_s); // lane
        QCOMPARE(cell(1), u"1"_s); // Z number
        QCOMPARE(cell(4), m_store->manager.name);
        QCOMPARE(cell(5), u"2"_s);       // bills
        QCOMPARE(cell(6), money(750));   // sales
        QCOMPARE(cell(8), money(10500)); // expected cash
        QCOMPARE(cell(9), money(10500)); // counted
        QCOMPARE(cell(10), money(0));    // difference

        // And viewing it shows what was printed at closing, figure for figure
        auto *zView = child<QTableView>(u"zView"_s);
        zView->setCurrentIndex(m_page->zModel()->index(0, 0));
        QTest::mouseClick(child<QPushButton>(u"viewZButton"_s), Qt::LeftButton);
        QCOMPARE(child<QLabel>(u"shiftTitleLabel"_s)->text(), u"Z report 1, lane 1"_s);
        const QString atClose = shiftText(*z);
        QCOMPARE(m_page->shiftReportText(), atClose);
        QVERIFY(atClose.contains(money(10500)));

        // When later sales go into the next shift
        QVERIFY(m_services->shifts.open(m(5000)));
        QVERIFY(sell(8, Tender::Method::Cash));
        QVERIFY(m_services->shifts.close(m(7000)));

        // Then Z 1 reads back exactly as it was, and the new shift is Z 2 above it
        showTab(u"todayTab"_s);
        showTab(u"shiftsTab"_s);
        QCOMPARE(m_page->zModel()->rowCount(), 2);
        QCOMPARE(m_page->zModel()->index(0, 1).data().toString(), u"2"_s);
        QCOMPARE(m_page->zModel()->index(0, 6).data().toString(), money(2000));
        QCOMPARE(m_page->zModel()->index(1, 6).data().toString(), money(750));
        zView->setCurrentIndex(m_page->zModel()->index(1, 0));
        QTest::keyClick(zView, Qt::Key_Return);
        QCOMPARE(child<QLabel>(u"shiftTitleLabel"_s)->text(), u"Z report 1, lane 1"_s);
        QCOMPARE(m_page->shiftReportText(), atClose);
    }

    void cashiersMayNotListZReports()
    {
        m_services->session.signIn(m_store->cashier);
        const auto refused = m_services->shifts.closedShifts({}, 0, 1);
        QCOMPARE(refused.error().code, ServiceError::Code::PermissionDenied);
        showPage(u"shiftsTab"_s);
        QCOMPARE(m_page->zModel()->rowCount(), 0);
        QCOMPARE(m_page->messageStrip()->kind(), MessageStrip::Kind::Error);
        QCOMPARE(stripText(), refused.error().message);
    }

    void lastMonthAndLastSevenDaysAreOffered()
    {
        showPage(u"salesTab"_s);
        auto *combo = child<QComboBox>(u"periodCombo"_s);
        QStringList offered;
        for (int i = 0; i < combo->count(); ++i) {
            offered.append(combo->itemText(i));
        }
        QVERIFY2(offered.contains(u"Last 7 days"_s), qPrintable(offered.join(u", "_s)));
        QVERIFY2(offered.contains(u"Last month"_s), qPrintable(offered.join(u", "_s)));

        // When the manager picks the last 7 days, yesterday's sales are in them
        choosePeriod(ReportsPage::Period::Last7Days);
        QCOMPARE(child<QDateEdit>(u"fromEdit"_s)->date(), m_today.addDays(-6));
        QCOMPARE(child<QDateEdit>(u"toEdit"_s)->date(), m_today);
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);

        // And last month covers the month before this one, first to last day
        choosePeriod(ReportsPage::Period::LastMonth);
        const QDate first = QDate(m_today.year(), m_today.month(), 1).addMonths(-1);
        QCOMPARE(child<QDateEdit>(u"fromEdit"_s)->date(), first);
        QCOMPARE(child<QDateEdit>(u"toEdit"_s)->date(), first.addDays(first.daysInMonth() - 1));
    }

    void theTilesNameWhatTheyShow()
    {
        showPage(u"salesTab"_s);
        choosePeriod(ReportsPage::Period::Yesterday);
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);
        ReportView *view = m_page->salesView();

        // No two tiles carry the same caption
        QStringList captions;
        for (Tile tile :
             {Tile::BeforeDiscounts, Tile::Discounts, Tile::Gross, Tile::Tax, Tile::Net,
              Tile::Refunds, Tile::Bills, Tile::AverageBasket, Tile::ItemsSold, Tile::Margin}) {
            const QString caption = view->tileCaption(tile);
            QVERIFY2(!caption.isEmpty() && !captions.contains(caption), qPrintable(caption));
            captions.append(caption);
        }
        // "Net" is net of tax; the figure with tax in it is gross, and says so
        QCOMPARE(view->tileCaption(Tile::Net), u"Net sales"_s);
        QCOMPARE(salesTile(Tile::Net), money(750 - 120));
        QVERIFY2(!view->tileDetail(Tile::Net).contains(u"tax included"_s),
                 qPrintable(view->tileDetail(Tile::Net)));
        QCOMPARE(view->tileCaption(Tile::Gross), u"Gross sales"_s);
        QCOMPARE(salesTile(Tile::Gross), money(750));
        QVERIFY2(view->tileDetail(Tile::Gross).contains(u"tax included"_s),
                 qPrintable(view->tileDetail(Tile::Gross)));
        QCOMPARE(view->tileCaption(Tile::BeforeDiscounts), u"Sales before discounts"_s);
    }

    void theHourChartSpansTheTradingDayWithCurrency()
    {
        showPage(u"salesTab"_s);
        choosePeriod(ReportsPage::Period::Yesterday);
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);
        waitUntilIdle();
        const auto hours = [this] {
            const auto axes = m_page->salesView()->hourChart()->axes(Qt::Horizontal);
            auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis *>(axes.first());
            return axis ? axis->categories() : QStringList();
        };
        const QStringList day{u"10"_s, u"11"_s, u"12"_s, u"13"_s, u"14"_s, u"15"_s};
        QCOMPARE(hours(), day);

        // The amounts are in the store's currency, and the axis says which
        const auto amounts = m_page->salesView()->hourChart()->axes(Qt::Vertical);
        QCOMPARE(amounts.size(), 1);
        QCOMPARE(amounts.first()->titleText(),
                 u"Sales (%1)"_s.arg(m_services->catalogue.currencySymbol()));

        // When the report is narrowed to a lane that sold nothing, or a category without
        // sales, the store's trading hours stay, each at zero
        auto *lanes = child<QComboBox>(u"laneCombo"_s);
        lanes->setCurrentIndex(lanes->findData(u"2"_s));
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"0"_s, 10000);
        waitUntilIdle();
        QCOMPARE(hours(), day);
        lanes->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"2"_s, 10000);
        auto *categories = child<QComboBox>(u"categoryCombo"_s);
        categories->setCurrentIndex(categories->findData(m_store->groceries));
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"0"_s, 10000);
        waitUntilIdle();
        QCOMPARE(hours(), day);
    }

    void everyProductIsExportedWhileTheScreenListsTheTop()
    {
        // Given more products sold yesterday than the screen lists
        const int kinds = ReportService::kTopProducts + 3;
        m_services->checkout.setClock(
                [this] { return QDateTime(m_yesterday, QTime(12, 0)).toUTC(); });
        Cart cart;
        for (int i = 0; i < kinds; ++i) {
            const Product p = m_store->addProduct(u"P%1"_s.arg(i), u"Product %1"_s.arg(i),
                                                  {{u"Piece"_s, 1, 100, {}}}, 1000);
            CheckoutService::addToCart(cart, CheckoutService::lineFor(p, p.units.at(0), 2));
        }
        QVERIFY(m_services->checkout.commit(cart, {{Tender::Method::Card, m(200 * kinds), {}}},
                                            CheckoutService::newSaleUuid()));
        showPage(u"salesTab"_s);
        choosePeriod(ReportsPage::Period::Yesterday);
        QTRY_COMPARE_WITH_TIMEOUT(salesTile(Tile::Bills), u"3"_s, 10000);
        waitUntilIdle();
        ReportView *view = m_page->salesView();

        // Then the screen lists the top ones and says so beside the table
        QCOMPARE(view->tableModel(ReportView::Table::Products)->rowCount(),
                 ReportService::kTopProducts);
        const QString note = u"Top %1 of %2 products; the CSV export has all of them."_s
                                     .arg(ReportService::kTopProducts)
                                     .arg(kinds + 1);
        QCOMPARE(view->tableNote(ReportView::Table::Products), note);
        namedChild<QTabWidget>(*view, u"tablesTabs"_s)
                ->setCurrentWidget(namedChild<QTableView>(*view, u"productsView"_s));
        auto *noteLabel = namedChild<QLabel>(*view, u"tableNoteLabel"_s);
        QVERIFY(noteLabel->isVisible());
        QCOMPARE(noteLabel->text(), note);
        QVERIFY(view->tableNote(ReportView::Table::Taxes).isEmpty());

        // And the CSV has every product, each quantity a number with its unit beside it
        const QStringList lines
                = view->csvText(ReportView::Table::Products).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + kinds + 1);
        QCOMPARE(lines.first(), u"SKU,Product,Category,Quantity,Unit,Revenue,Margin"_s);
        const QString tea = lines.filter(u"TEA,"_s).value(0);
        QVERIFY2(tea.startsWith(u"TEA,Tea,"_s), qPrintable(tea));
        QVERIFY2(tea.contains(u",3,Piece,7.50,"_s), qPrintable(tea));
        QVERIFY2(!view->csvText(ReportView::Table::Products).contains(u"×"_s), "no packs");
    }

    void aSavedMessageGoesByItselfAnErrorStays()
    {
        showPage(u"salesTab"_s);
        MessageStrip *strip = m_page->messageStrip();
        QVERIFY(strip->successTimeout() > 0);
        strip->setSuccessTimeout(100);
        strip->show();
        strip->showSuccess(u"The report was saved as /tmp/x.pdf."_s);
        QCOMPARE(strip->kind(), MessageStrip::Kind::Success);
        QTRY_COMPARE_WITH_TIMEOUT(strip->kind(), MessageStrip::Kind::None, 2000);
        QVERIFY(!strip->isVisible());

        strip->show();
        strip->showError(u"The folder does not exist."_s);
        QTest::qWait(400);
        QCOMPARE(strip->kind(), MessageStrip::Kind::Error);
        QVERIFY(strip->isVisible());
        // until it is closed
        auto *close = child<QPushButton>(u"messageStripCloseButton"_s);
        QVERIFY(close->isVisible());
        QTest::mouseClick(close, Qt::LeftButton);
        QCOMPARE(strip->kind(), MessageStrip::Kind::None);
        QVERIFY(!strip->isVisible());
    }

    void moneyInTheShiftListIsNeverCutShort_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x768") << QSize(1024, 768);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void moneyInTheShiftListIsNeverCutShort()
    {
        QFETCH(QSize, size);
        QVERIFY(sell(100, Tender::Method::Cash, QDateTime(m_yesterday, QTime(11, 0))));
        QVERIFY(m_services->shifts.close(m(10000 + 500 + 25000)));
        showPage(u"shiftsTab"_s);
        m_page->resize(size);
        QCOMPARE(m_page->zModel()->rowCount(), 1);
        auto *view = child<QTableView>(u"zView"_s);
        QHeaderView *header = view->horizontalHeader();
        QTRY_VERIFY(header->sectionSize(6) > 0);
        const QFontMetrics metrics(view->font());
        for (int column = 0; column < m_page->zModel()->columnCount(); ++column) {
            const bool money
                    = m_page->zModel()->columns().at(column).kind == ReportTableModel::Kind::Money;
            if (money) {
                QCOMPARE(header->sectionResizeMode(column), QHeaderView::ResizeToContents);
                const QString text = m_page->zModel()->index(0, column).data().toString();
                QVERIFY2(header->sectionSize(column) >= metrics.horizontalAdvance(text),
                         qPrintable(text));
            }
        }
        QCOMPARE(header->sectionResizeMode(4), QHeaderView::Stretch); // the cashier
        QCOMPARE(m_page->zModel()->index(0, 6).data().toString(), money(750 + 25000));
    }

    void periodsAreWholeDays()
    {
        using Period = ReportsPage::Period;
        const QDate wednesday(2026, 11, 18);
        QCOMPARE(ReportsPage::periodDays(Period::Today, wednesday),
                 std::pair(wednesday, wednesday));
        QCOMPARE(ReportsPage::periodDays(Period::Yesterday, wednesday),
                 std::pair(wednesday.addDays(-1), wednesday.addDays(-1)));
        QCOMPARE(ReportsPage::periodDays(Period::ThisMonth, wednesday),
                 std::pair(QDate(2026, 11, 1), wednesday));
        // The last 7 days end today; last month is the whole month before, however long
        QCOMPARE(ReportsPage::periodDays(Period::Last7Days, wednesday),
                 std::pair(QDate(2026, 11, 12), wednesday));
        QCOMPARE(ReportsPage::periodDays(Period::LastMonth, wednesday),
                 std::pair(QDate(2026, 10, 1), QDate(2026, 10, 31)));
        QCOMPARE(ReportsPage::periodDays(Period::LastMonth, QDate(2026, 3, 31)),
                 std::pair(QDate(2026, 2, 1), QDate(2026, 2, 28)));
        QCOMPARE(ReportsPage::periodDays(Period::LastMonth, QDate(2027, 1, 5)),
                 std::pair(QDate(2026, 12, 1), QDate(2026, 12, 31)));
        const auto week = ReportsPage::periodDays(Period::ThisWeek, wednesday);
        QCOMPARE(week.first.dayOfWeek(), int(QLocale().firstDayOfWeek()));
        QVERIFY(week.first <= wednesday && week.first.daysTo(wednesday) < 7);
    }
};

QTEST_MAIN(TestReportsPage)
#include "tst_reportspage.moc"
