#include "app/appearance.h"
#include "models/db/sqlquery.h"
#include "models/services/demostore.h"
#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/testdatabase.h"
#include "ui/mainwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

/*!
 * The width an item view's delegate asks for to show a cell whole: what a view sized to
 * its contents gives the cell. A cell narrower than that is drawn elided ("10.…").
 */
int wantedWidth(const QAbstractItemView &view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.font = view.font();
    option.fontMetrics = view.fontMetrics();
    option.textElideMode = view.textElideMode();
    option.decorationSize = view.iconSize().isValid()
                                    ? view.iconSize()
                                    : QSize(view.style()->pixelMetric(QStyle::PM_SmallIconSize),
                                            view.style()->pixelMetric(QStyle::PM_SmallIconSize));
    return view.itemDelegateForIndex(index)->sizeHint(option, index).width();
}

bool isNumberCell(const QModelIndex &index)
{
    const auto alignment = Qt::Alignment(index.data(Qt::TextAlignmentRole).toInt());
    return alignment.testFlag(Qt::AlignRight);
}

/*!
 * Every cut-off figure in the visible item views under root: right-aligned cells (money,
 * quantities, stock) whose text does not fit their column, as "view row,column: text".
 * Names may be elided where the layout gives them what is left, but then their whole
 * text must be in the tool tip; those that are not are listed too.
 */
QStringList cutOffCells(const QWidget &root)
{
    QStringList cut;
    const auto views = root.findChildren<QAbstractItemView *>();
    for (const QAbstractItemView *view : views) {
        if (!view->isVisible() || !view->model()) {
            continue;
        }
        const QAbstractItemModel &model = *view->model();
        const QRect viewport = view->viewport()->rect();
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int column = 0; column < model.columnCount(); ++column) {
                const QModelIndex index = model.index(row, column);
                const QRect cell = view->visualRect(index);
                const QString text = index.data().toString();
                if (text.isEmpty() || !cell.isValid() || !viewport.intersects(cell)) {
                    continue;
                }
                if (wantedWidth(*view, index) <= cell.width()) {
                    continue;
                }
                const bool number = isNumberCell(index);
                if (!number && index.data(Qt::ToolTipRole).toString().contains(text)) {
                    continue;
                }
                cut << u"%1 %2,%3: %4 (%5 px of %6)"_s.arg(view->objectName())
                                .arg(row)
                                .arg(column)
                                .arg(text)
                                .arg(cell.width())
                                .arg(wantedWidth(*view, index));
            }
        }
    }
    return cut;
}

//! Labels and buttons under root that are narrower than their text needs.
QStringList clippedTexts(const QWidget &root)
{
    QStringList clipped;
    const auto labels = root.findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (!label->isVisible() || label->text().isEmpty() || label->wordWrap()
            || !label->pixmap().isNull()) {
            continue;
        }
        // A label made to elide (ElidedLabel) draws "…" and keeps the whole in its tool tip.
        if (label->inherits("ElidedLabel") && label->toolTip().contains(label->text())) {
            continue;
        }
        // A buddy's mnemonic is drawn underlined, without its ampersand.
        QString shown = label->text();
        if (label->buddy()) {
            shown.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
        }
        const QMargins margins = label->contentsMargins();
        int widest = 0;
        for (const QString &line : shown.split(u'\n')) {
            widest = std::max(widest, label->fontMetrics().horizontalAdvance(line));
        }
        const int needed = widest + margins.left() + margins.right() + 2 * label->margin();
        if (label->textFormat() != Qt::RichText && !Qt::mightBeRichText(label->text())
            && needed > label->width()) {
            clipped << u"label %1: %2 (%3 px of %4)"_s.arg(label->objectName(), label->text())
                               .arg(label->width())
                               .arg(needed);
        }
    }
    const auto buttons = root.findChildren<QPushButton *>();
    for (const QPushButton *button : buttons) {
        if (button->isVisible() && !button->text().isEmpty()
            && button->width() < button->minimumSizeHint().width()) {
            clipped << u"button %1: %2 (%3 px of %4)"_s.arg(button->objectName(), button->text())
                               .arg(button->width())
                               .arg(button->minimumSizeHint().width());
        }
    }
    const auto edits = root.findChildren<QLineEdit *>();
    for (const QLineEdit *edit : edits) {
        // The frame and the text margins of a line edit take about a character's width.
        const int room = edit->width() - edit->fontMetrics().averageCharWidth() * 2;
        if (edit->isVisible() && edit->text().isEmpty() && !edit->placeholderText().isEmpty()
            && edit->fontMetrics().horizontalAdvance(edit->placeholderText()) > room) {
            clipped << u"placeholder %1: %2 (%3 px of %4)"_s
                               .arg(edit->objectName(), edit->placeholderText())
                               .arg(room)
                               .arg(edit->fontMetrics().horizontalAdvance(edit->placeholderText()));
        }
    }
    return clipped;
}

} // namespace

/*!
 * Till at the two display sizes it must serve, a 1024×768 touch till and a 1920×1080
 * monitor, in English and in German (whose words run longer), filled with the demo store: every
 * screen fits the window, and no figure on the sale screen, the product list, the stocktake or the
 * reports is cut off. With TILL_SCREENSHOT_DIR set, each screen is saved there as a PNG
 * (docs/screenshots).
 */
class TestScreenFit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<MainWindow> m_window;
    QString m_sizeName;
    QTranslator m_tillTranslator;
    QTranslator m_qtTranslator;

    template<typename T>
    T *child(const QString &name)
    {
        return namedChild<T>(*m_window, name);
    }

    void shoot(const QString &screen)
    {
        const QString folder = qEnvironmentVariable("TILL_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            QDir().mkpath(folder);
            m_window->grab().save(u"%1/%2-%3.png"_s.arg(folder, screen, m_sizeName));
        }
    }

    void settle()
    {
        // Reports and pages load on workers; give them their round trips.
        for (int i = 0; i < 20; ++i) {
            QTest::qWait(50);
        }
    }

    QStringList barcodesOfLongestNames(int count)
    {
        SqlQuery query(
                m_scratch->db(),
                u"SELECT u.barcode FROM product_units u JOIN products p ON p.id = u.product_id "
                "WHERE u.barcode IS NOT NULL AND u.base_per_unit > 1 AND p.active "
                "ORDER BY LENGTH(p.name) + LENGTH(u.name) DESC, u.barcode LIMIT :n"_s);
        query.bind(u"n"_s, count);
        QStringList barcodes;
        if (query.exec()) {
            while (query.next()) {
                barcodes << query.text(0);
            }
        }
        return barcodes;
    }

    /*!
     * What does not read on the screen shown, one problem a line: a window that does not
     * fit the size asked for (status bar included), cut-off figures, clipped labels.
     */
    QString whatDoesNotRead()
    {
        QFETCH_GLOBAL(QSize, size);
        QStringList problems;
        const QSize needed = m_window->minimumSizeHint();
        if (needed.width() > size.width() || needed.height() > size.height()
            || m_window->size() != size) {
            problems << u"the window needs %1x%2 and is %3x%4"_s.arg(needed.width())
                                .arg(needed.height())
                                .arg(m_window->width())
                                .arg(m_window->height());
        }
        const QStatusBar *status = m_window->statusBar();
        if (!status->isVisible() || status->geometry().bottom() >= size.height()) {
            problems << u"the status bar is off the window"_s;
        }
        problems << cutOffCells(*m_window) << clippedTexts(*m_window);
        return problems.join(u'\n');
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        usePrivateUserFolders(u"tst_screenfit"_s);
        QSettings().clear();
        applyCounterAppearance(*qApp);
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
        DemoStore::Options options;
        options.historyDays = 40;
        options.pinIterations = 1000;
        const auto filled = DemoStore::fill(m_scratch->db(), options);
        QVERIFY_OK(filled);
        Services services(m_scratch->db(), u"1"_s);
        const auto maria = services.auth.signIn(u"maria"_s, u"1234"_s);
        QVERIFY(maria.user);
        services.session.signIn(*maria.user);
        const auto shift = services.shifts.open(Money::fromMinor(10000));
        QVERIFY_OK(shift);
    }

    void init()
    {
        QFETCH_GLOBAL(QSize, size);
        QFETCH_GLOBAL(QString, language);
        m_sizeName = u"%1x%2-%3"_s.arg(size.width()).arg(size.height()).arg(language);
        QCoreApplication::removeTranslator(&m_qtTranslator);
        QCoreApplication::removeTranslator(&m_tillTranslator);
        QLocale::setDefault(QLocale(language));
        if (language != u"en"_s) {
            QVERIFY(m_tillTranslator.load(QLocale(), u"till"_s, u"_"_s,
                                          QStringLiteral(TILL_QM_DIR)));
            QVERIFY(QCoreApplication::installTranslator(&m_tillTranslator));
            if (m_qtTranslator.load(QLocale(), u"qtbase"_s, u"_"_s,
                                    QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
                QCoreApplication::installTranslator(&m_qtTranslator);
            }
        }
        m_services = std::make_unique<Services>(m_scratch->db(), u"1"_s);
        m_window = std::make_unique<MainWindow>(*m_services, u"Corner Market"_s);
        m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        shoot(u"login"_s);
        QTest::keyClicks(child<QLineEdit>(u"userEdit"_s), u"maria"_s);
        QTest::keyClick(child<QLineEdit>(u"userEdit"_s), Qt::Key_Return);
        QTest::keyClicks(child<QLineEdit>(u"pinEdit"_s), u"1234"_s);
        QTest::keyClick(child<QLineEdit>(u"pinEdit"_s), Qt::Key_Return);
        QTRY_VERIFY(m_services->session.isSignedIn());
    }

    void cleanup()
    {
        m_window.reset();
        m_services.reset();
    }

    void cleanupTestCase() { m_scratch.reset(); }

    void initTestCase_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        for (const QSize size : {QSize(1024, 768), QSize(1920, 1080)}) {
            for (const QString &language : {u"en"_s, u"de"_s}) {
                const QString name
                        = u"%1x%2-%3"_s.arg(size.width()).arg(size.height()).arg(language);
                QTest::newRow(qPrintable(name)) << size << language;
            }
        }
    }

    void theSaleScreenShowsEveryFigureWhole()
    {
        m_window->showArea(Area::Checkout);
        auto *scan = child<QLineEdit>(u"scanField"_s);
        QTRY_VERIFY(scan->isVisible() && scan->isEnabled());
        const QStringList barcodes = barcodesOfLongestNames(8);
        QCOMPARE(barcodes.size(), 8);
        for (const QString &barcode : barcodes) {
            QTest::keyClicks(scan, barcode);
            QTest::keyClick(scan, Qt::Key_Return);
        }
        auto *lines = child<QTableView>(u"linesView"_s);
        QTRY_COMPARE(lines->model()->rowCount(), 8);
        settle();
        shoot(u"sale"_s);
        const QString problems = whatDoesNotRead();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void theProductListShowsEveryFigureWhole()
    {
        m_window->showArea(Area::Products);
        settle();
        shoot(u"products"_s);
        const QString problems = whatDoesNotRead();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void theStocktakeShowsEveryFigureWhole()
    {
        m_window->showArea(Area::Stock);
        auto *tabs = child<QTabWidget>(u"stockTabs"_s);
        QVERIFY(tabs);
        tabs->setCurrentWidget(child<QWidget>(u"stocktake"_s));
        settle();
        shoot(u"stocktake"_s);
        const QString problems = whatDoesNotRead();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void theReportsShowEveryFigureWhole_data()
    {
        QTest::addColumn<int>("tab");
        QTest::newRow("today") << 0;
        QTest::newRow("sales") << 1;
        QTest::newRow("shifts") << 2;
    }

    void theReportsShowEveryFigureWhole()
    {
        QFETCH(int, tab);
        m_window->showArea(Area::Reports);
        auto *tabs = child<QTabWidget>(u"reportTabs"_s);
        QVERIFY(tabs);
        tabs->setCurrentIndex(tab);
        settle();
        shoot(u"reports-%1"_s.arg(QLatin1StringView(QTest::currentDataTag())));
        const QString problems = whatDoesNotRead();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_MAIN(TestScreenFit)
#include "tst_screenfit.moc"
