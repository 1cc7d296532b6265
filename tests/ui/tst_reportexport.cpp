#include "models/db/sqlquery.h"
#include "models/items/reporttablemodel.h"
#include "models/services/services.h"
#include "tests/common/storefixture.h"
#include "ui/filedialogs.h"
#include "ui/reportexport.h"
#include "ui/reportview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

/*!
 * What leaves the Reports area: a table as CSV, a report as a PDF whose text holds its
 * figures, and a clear refusal where a file cannot be written.
 */
class TestReportExport : public QObject
{
    Q_OBJECT

private:
    using Kind = ReportTableModel::Kind;

    static Money m(qint64 minor) { return Money::fromMinor(minor); }
    static QVariant amount(qint64 minor) { return QVariant::fromValue(m(minor)); }

    //! Three products, one with a comma, one with quotes, one with no margin known.
    static void fillProducts(ReportTableModel &model)
    {
        model.setColumns({{u"Product"_s, Kind::Text},
                          {u"Quantity"_s, Kind::Count},
                          {u"Revenue"_s, Kind::Money},
                          {u"Margin"_s, Kind::Money},
                          {u"Rate"_s, Kind::Percent}});
        model.setRows({{{u"Tea, green"_s, 12, amount(1250), amount(-50), 700}, {}},
                       {{u"The \"Big\" Box"_s, 1, amount(100000), QVariant(), 1900}, {}},
                       {{u"Line\nbreak"_s, 3, amount(5), amount(1), 0}, {{}, u"3 × Piece"_s}}});
    }

    //! The figures of a small day, as the report service would hand them over.
    static SalesReport fixedReport()
    {
        SalesReport r;
        r.range = ReportRange::days(QDate(2026, 3, 10), QDate(2026, 3, 11));
        r.summary.bills = 3;
        r.summary.itemsSold = 8;
        r.summary.gross = m(1900);
        r.summary.discounts = m(100);
        r.summary.net = m(1800);
        r.summary.tax = m(241);
        r.taxes = {{1900, m(1300), m(208)}, {700, m(500), m(33)}};
        r.byHour = {{u"9"_s, 2, m(1200)}, {u"17"_s, 1, m(600)}};
        r.byDay = {{u"2026-03-10"_s, 3, m(1800)}};
        r.byCashier = {{u"Carl Cashier"_s, 2, m(1200)}, {u"Maria Manager"_s, 1, m(600)}};
        r.byPaymentMethod = {{u"card"_s, 2, m(1500)}, {u"cash"_s, 1, m(300)}};
        r.byCategory = {{u"Drinks"_s, 2, m(1300)}, {u"Groceries"_s, 2, m(500)}};
        r.products = {{1,
                       u"BEER"_s,
                       u"Beer"_s,
                       u"Drinks"_s,
                       8,
                       m(1300),
                       m(132),
                       true,
                       BaseUnit::Piece,
                       {{u"Six-pack"_s, 6}, {u"Can"_s, 1}}},
                      {2,
                       u"APL"_s,
                       u"Apple"_s,
                       u"Groceries"_s,
                       5,
                       m(500),
                       m(167),
                       true,
                       BaseUnit::Piece,
                       {{u"Piece"_s, 1}}}};
        return r;
    }

    static QString pdfText(const QString &path)
    {
        QProcess pdftotext;
        pdftotext.start(u"pdftotext"_s, {u"-layout"_s, path, u"-"_s});
        if (!pdftotext.waitForFinished(30000) || pdftotext.exitCode() != 0) {
            qWarning() << "pdftotext failed:" << pdftotext.readAllStandardError();
            return {};
        }
        return QString::fromUtf8(pdftotext.readAllStandardOutput());
    }

    static bool hasInk(const QImage &image)
    {
        const QRgb white = qRgb(255, 255, 255);
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4) {
                coloured += image.pixel(x, y) != white ? 1 : 0;
            }
        }
        return coloured > 50;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void aTableAsCsv()
    {
        // Given a table of products with a comma, quotes, a line break and money
        ReportTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        fillProducts(model);
        QCOMPARE(model.rowCount(), 3);

        // Then its CSV quotes what needs it, writes money as plain decimals with a dot,
        // leaves an unknown margin empty and writes a quantity shown as "3 × Piece" as the
        // number a spreadsheet can sum
        const QString expected = u"Product,Quantity,Revenue,Margin,Rate\r\n"
                                 "\"Tea, green\",12,12.50,-0.50,7\r\n"
                                 "\"The \"\"Big\"\" Box\",1,1000.00,,19\r\n"
                                 "\"Line\nbreak\",3,0.05,0.01,0\r\n"_s;
        QCOMPARE(ReportExport::csv(model), expected);
    }

    void aCellASpreadsheetWouldRunIsWrittenAsText()
    {
        // Given product names a spreadsheet would take for formulas, and negative amounts
        ReportTableModel model;
        model.setColumns({{u"Product"_s, Kind::Text},
                          {u"Quantity"_s, Kind::Count},
                          {u"Revenue"_s, Kind::Money},
                          {u"Margin"_s, Kind::Money},
                          {u"Rate"_s, Kind::Percent}});
        model.setRows({{{u"=HYPERLINK(\"http://x\")"_s, 1, amount(-250), amount(-300), 0}, {}},
                       {{u"+1+1"_s, 1, amount(100), amount(1), 0}, {}},
                       {{u"-2+3"_s, 1, amount(100), amount(1), 0}, {}},
                       {{u"@SUM(A1)"_s, 1, amount(100), amount(1), 0}, {}},
                       {{u"\tTab"_s, 1, amount(100), amount(1), 0}, {}},
                       {{u"'=quoted"_s, 1, amount(100), amount(1), 0}, {}}});

        // Then each such cell starts with ' and shows as text, while a plain negative
        // number such as -2.50 stays a number
        const QStringList lines = ReportExport::csv(model).split(u"\r\n"_s);
        QCOMPARE(lines.at(1), u"\"'=HYPERLINK(\"\"http://x\"\")\",1,-2.50,-3.00,0"_s);
        QCOMPARE(lines.at(2), u"'+1+1,1,1.00,0.01,0"_s);
        QCOMPARE(lines.at(3), u"'-2+3,1,1.00,0.01,0"_s);
        QCOMPARE(lines.at(4), u"'@SUM(A1),1,1.00,0.01,0"_s);
        QCOMPARE(lines.at(5), u"'\tTab,1,1.00,0.01,0"_s);
        QCOMPARE(lines.at(6), u"''=quoted,1,1.00,0.01,0"_s);
    }

    void theCsvFollowsTheSortShown()
    {
        ReportTableModel model;
        fillProducts(model);
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(ReportTableModel::SortRole);
        // When sorted by revenue, largest first (the money, not its text)
        sorted.sort(2, Qt::DescendingOrder);
        const QStringList lines = ReportExport::csv(sorted).split(u"\r\n"_s);
        QCOMPARE(lines.at(1).left(14), u"\"The \"\"Big\"\" B"_s);
        QVERIFY(lines.at(2).startsWith(u"\"Tea, green\""_s));
        QVERIFY(lines.at(3).startsWith(u"\"Line\nbreak\""_s));
        // An unknown margin sorts below every known one
        sorted.sort(3, Qt::AscendingOrder);
        QVERIFY(ReportExport::csv(sorted).split(u"\r\n"_s).at(1).startsWith(u"\"The"_s));
    }

    void aCsvFileIsWritten()
    {
        ReportTableModel model;
        fillProducts(model);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"products.csv"_s);
        const auto error = ReportExport::writeCsv(model, path);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), ReportExport::csv(model));
    }

    void aFolderThatCannotBeWrittenIsSaid()
    {
        ReportTableModel model;
        fillProducts(model);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(u"no/such/folder/products.csv"_s);

        // A folder that does not exist: nothing written, a sentence naming it
        auto error = ReportExport::writeCsv(model, missing);
        QVERIFY(error);
        QCOMPARE(error->code, ServiceError::Code::InvalidInput);
        QVERIFY2(error->message.contains(
                         QDir::toNativeSeparators(dir.filePath(u"no/such/folder"_s))),
                 qPrintable(error->message));
        QVERIFY(!QFile::exists(missing));
        error = ReportExport::writePdf(ReportExport::Document{u"Report"_s, {}, {}, {}, {}, {}},
                                       dir.filePath(u"nowhere/report.pdf"_s));
        QVERIFY(error);
        QVERIFY(error->message.contains(u"does not exist"_s));

        // A folder given where a file belongs
        error = ReportExport::writeCsv(model, dir.path());
        QVERIFY(error);
        QCOMPARE(error->message, u"Choose a file name to save to."_s);

        // A folder without write permission (root may write anywhere, so only for others)
        const QString locked = dir.filePath(u"locked"_s);
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        if (!QFileInfo(locked).isWritable()) {
            error = ReportExport::writeCsv(model, locked + u"/products.csv"_s);
            QVERIFY(error);
            QCOMPARE(error->code, ServiceError::Code::Unavailable);
            QVERIFY(error->message.contains(u"cannot be written"_s));
            QVERIFY(!error->details.isEmpty());
        }
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                              | QFileDevice::ExeOwner);
    }

    void aReportAsPdfHoldsItsFigures()
    {
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        // Given the report view of a real till showing a small fixed report
        auto store = StoreFixture::create();
        QVERIFY2(store, qPrintable(TestDatabase::lastError()));
        Services services(store->db(), u"1"_s);
        services.session.signIn(store->manager);
        const QString symbol = services.catalogue.currencySymbol();
        const auto money = [&](qint64 minor) {
            return m(minor).toString(QLocale(), symbol);
        };
        ReportView view(services);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setReport(fixedReport(), u"Sales report, 10 March 2026 to 11 March 2026"_s,
                       {u"Lane: All lanes. Cashier: Everybody. Category: Every category."_s});
        QVERIFY(SqlQuery::run(
                store->db(),
                u"INSERT INTO settings (key, value) VALUES ('store.name', 'Corner Shop')"_s));
        QCOMPARE(view.tileText(ReportView::Tile::Gross), money(1800));
        QCOMPARE(view.tileText(ReportView::Tile::Net), money(1800 - 241));
        QCOMPARE(view.tileText(ReportView::Tile::AverageBasket), money(600));

        // The document carries the figures and the charts, drawn
        ReportExport::Document document = view.document();
        QCOMPARE(document.charts.size(), 4);
        for (const auto &chart : std::as_const(document.charts)) {
            QVERIFY2(hasInk(chart.image), qPrintable(chart.title));
        }
        QCOMPARE(document.tables.size(), 8);

        // When it is written as a PDF
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"report.pdf"_s);
        const auto error = ReportExport::writePdf(document, path);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5).startsWith("%PDF"));

        // Then its text holds the title, the net sales, the tax and each tax rate's lines
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"Sales report, 10 March 2026"_s), qPrintable(text));
        // headed by the store's name, from its settings
        QVERIFY2(text.contains(u"Corner Shop: Sales report"_s), qPrintable(text));
        QCOMPARE(document.title.left(13), u"Corner Shop: "_s);
        QVERIFY2(text.contains(u"Gross sales"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Net sales"_s), qPrintable(text));
        QVERIFY2(text.contains(money(1800 - 241)), qPrintable(text));
        QVERIFY2(text.contains(money(1800)), qPrintable(text));
        QVERIFY2(text.contains(money(241)), qPrintable(text));
        QVERIFY2(text.contains(u"Tax by rate"_s), qPrintable(text));
        QVERIFY2(text.contains(money(208)), qPrintable(text));
        QVERIFY2(text.contains(money(33)), qPrintable(text));
        QVERIFY2(text.contains(u"Carl Cashier"_s), qPrintable(text));
        // The product table says the beer in packs
        QVERIFY2(text.contains(u"1 × Six-pack + 2 × Can"_s), qPrintable(text));
    }

    void fileDialogsStartInDocumentsAndRememberTheFolder()
    {
        // Given a person who never saved a file
        QTemporaryDir settingsDir;
        QVERIFY(settingsDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        QSettings().clear();
        QStandardPaths::setTestModeEnabled(true);
        const QString documents
                = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QVERIFY(QDir().mkpath(documents));

        // When the dialog opens, it is in their Documents folder
        QTemporaryDir chosen;
        QVERIFY(chosen.isValid());
        QString seen;
        const auto answer = [&seen](const QString &fileName) {
            QTimer::singleShot(0, [&seen, fileName] {
                auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                seen = dialog->directory().absolutePath();
                dialog->selectFile(fileName);
                QMetaObject::invokeMethod(dialog, "accept");
            });
        };
        answer(chosen.filePath(u"sales.csv"_s));
        const QString path = FileDialogs::saveFileName(nullptr, u"Export"_s, u"sales.csv"_s,
                                                       u"CSV files (*.csv)"_s);
        QCOMPARE(seen, QDir(documents).absolutePath());
        QCOMPARE(path, chosen.filePath(u"sales.csv"_s));

        // Then the next dialog, of any kind, starts where the last one was left
        QFile catalogue(chosen.filePath(u"catalogue.csv"_s));
        QVERIFY(catalogue.open(QIODevice::WriteOnly));
        catalogue.close();
        answer(chosen.filePath(u"catalogue.csv"_s));
        FileDialogs::openFileName(nullptr, u"Import"_s, u"CSV files (*.csv)"_s);
        QCOMPARE(seen, QDir(chosen.path()).absolutePath());
        QCOMPARE(FileDialogs::startFolder(), chosen.path());
        QStandardPaths::setTestModeEnabled(false);
    }

    void aShiftReportAsPdf()
    {
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"z.pdf"_s);
        QVERIFY(!ReportExport::writePdf(u"Z report 7, lane 1"_s,
                                        u"<table><tr><td>Sales</td><td>123.45</td></tr></table>"_s,
                                        path));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"Z report 7, lane 1"_s), qPrintable(text));
        QVERIFY2(text.contains(u"123.45"_s), qPrintable(text));
    }
};

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
