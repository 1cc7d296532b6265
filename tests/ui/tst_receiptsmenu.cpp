#include "models/services/receiptrenderer.h"
#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/receiptsmenu.h"
#include "ui/shiftreportdialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;

/*!
 * Printing from the counter as a person meets it: a copy of the last bill without a
 * receipt printer, and the X/Z report dialog's print and PDF buttons. Driven on the
 * offscreen platform against the real services and database.
 */
class TestReceiptsMenu : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<QTemporaryDir> m_dir;

    static Money m(qint64 minor) { return Money::fromMinor(minor); }

    static QString pdfText(const QString &path)
    {
        QProcess pdftotext;
        pdftotext.start(u"pdftotext"_s, {path, u"-"_s});
        if (!pdftotext.waitForFinished(20000) || pdftotext.exitCode() != 0) {
            return {};
        }
        return QString::fromUtf8(pdftotext.readAllStandardOutput());
    }

    //! Answers the next modal message box: what it said, and clicks the named button.
    void answerMessageBox(const QString &buttonName, QString *text, QString *informative)
    {
        QTimer::singleShot(0, this, [this, buttonName, text, informative] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) {
                answerMessageBox(buttonName, text, informative); // not shown yet: look again
                return;
            }
            *text = box->text();
            *informative = box->informativeText();
            if (auto *button = box->findChild<QAbstractButton *>(buttonName)) {
                button->click();
            } else {
                box->reject();
            }
        });
    }

    static ShiftReport twoCashiers()
    {
        ShiftReport r;
        r.shift.id = 1;
        r.shift.lane = u"1"_s;
        r.shift.zNumber = 7;
        r.shift.cashierName = u"Carl Cashier"_s;
        r.shift.openedAt = QDateTime(QDate(2026, 3, 14), QTime(8, 0), QTimeZone::utc());
        r.shift.closedAt = QDateTime(QDate(2026, 3, 14), QTime(18, 0), QTimeZone::utc());
        r.shift.openingFloat = m(10000);
        r.bills = 5;
        r.sales = m(4250);
        r.salesByMethod = {{u"cash"_s, 5, m(4250)}};
        r.salesByCashier
                = {{3, u"Maria Manager"_s, 2, m(3000)}, {2, u"Carl Cashier"_s, 3, m(1250)}};
        r.expectedCash = m(14250);
        r.countedCash = m(14250);
        r.generatedAt = r.shift.closedAt;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        QLocale::setDefault(QLocale::c());
    }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_services = m_store->services(m_store->cashier);
        m_window = std::make_unique<QWidget>();
        m_window->resize(800, 600);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        ReceiptsMenu::setFileChooser({});
        ShiftReportDialog::setFileChooser({});
        m_window.reset();
        if (m_services) {
            m_services->printer.waitForDone();
        }
        m_services.reset();
        m_store.reset();
        m_dir.reset();
    }

    void withoutAPrinterACopySaysSoAndOffersAPdf()
    {
        // Given a bill, and no receipt printer at this till
        const Product cola
                = m_store->addProduct(u"COLA"_s, u"Kolibri Cola"_s, {{u"Can"_s, 1, 119, {}}}, 10);
        QVERIFY(m_services->shifts.open(m(0)));
        Cart cart;
        CheckoutService::addToCart(cart, CheckoutService::lineFor(cola, cola.units.at(0), 2));
        QVERIFY(m_services->checkout.commit(cart, {{Tender::Method::Cash, m(238), {}}},
                                            CheckoutService::newSaleUuid()));
        QCOMPARE(m_services->printer.config().kind, ReceiptPrinter::Kind::None);
        ReceiptsMenu menu(*m_services, m_window.get());
        QSignalSpy done(&menu, &ReceiptsMenu::done);
        QSignalSpy failed(&menu, &ReceiptsMenu::failed);
        QString suggested;
        const QString path = m_dir->filePath(u"copy.pdf"_s);
        ReceiptsMenu::setFileChooser([&](QWidget *, const QString &, const QString &proposal) {
            suggested = proposal;
            return path;
        });

        // When Ctrl+P asks for a copy of the last bill, and the offer of a PDF is taken
        QString text;
        QString informative;
        answerMessageBox(u"savePdfButton"_s, &text, &informative);
        menu.reprintLastAction()->trigger();

        // Then the till said there is no printer, and the copy is a PDF where it was asked for
        QCOMPARE(text, u"No receipt printer is set up."_s);
        QVERIFY2(informative.contains(u"1-000001"_s), qPrintable(informative));
        QVERIFY2(suggested.endsWith(u"bill-1-000001.pdf"_s), qPrintable(suggested));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(done.count(), 1);
        const QString message = done.first().first().toString();
        QVERIFY2(!message.contains(u"Printing"_s), qPrintable(message));
        QVERIFY2(message.contains(u"saved"_s) && message.contains(u"1-000001"_s),
                 qPrintable(message));
        const QString pdf = pdfText(path);
        QVERIFY2(pdf.contains(u"Bill 1-000001"_s), qPrintable(pdf));
        QVERIFY(pdf.contains(u"COPY"_s));
        QVERIFY(pdf.contains(u"Kolibri Cola"_s));

        // And declining the offer says the copy was not printed, rather than that it was
        answerMessageBox(u"no such button"_s, &text, &informative);
        menu.reprintLastAction()->trigger();
        QCOMPARE(done.count(), 1);
        QCOMPARE(failed.count(), 1);
        const QString why = failed.first().first().value<ServiceError>().message;
        QVERIFY2(why.contains(u"No receipt printer is set up"_s), qPrintable(why));
    }

    void theShiftReportDialogNamesEveryCashierPrintsAndSaves()
    {
        // Given a Z report of a shift in which two people sold, and a receipt printer
        ReceiptPrinter::Config config;
        config.kind = ReceiptPrinter::Kind::EscPosDevice;
        config.device = m_dir->filePath(u"lp0"_s);
        config.paperMillimetres = 80;
        m_services->printer.setConfig(config);
        const ShiftReport report = twoCashiers();
        ShiftReportDialog dialog(report, u"€"_s, m_window.get(), &m_services->printer);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Then the dialog shows both with their sales
        const QString shown = namedChild<QTextBrowser>(dialog, u"reportView"_s)->toPlainText();
        QVERIFY2(shown.contains(u"Maria Manager"_s), qPrintable(shown));
        QVERIFY(shown.contains(u"Carl Cashier"_s));
        QVERIFY(shown.contains(u"30.00"_s));
        QVERIFY(shown.contains(u"12.50"_s));

        // When Print is pressed, the report goes to the receipt printer, at its width
        QSignalSpy printed(&m_services->printer, &ReceiptPrinter::printed);
        QTest::mouseClick(namedChild<QPushButton>(dialog, u"printButton"_s), Qt::LeftButton);
        QTRY_COMPARE(printed.count(), 1);
        QFile device(config.device);
        QVERIFY(device.open(QIODevice::ReadOnly));
        const QByteArray bytes = device.readAll();
        QCOMPARE(bytes, ReceiptRenderer::escPos(report, u"€"_s, {80, true, false}));
        QVERIFY(bytes.contains("Z report 7, lane 1"));
        QVERIFY(bytes.contains("Maria Manager"));
        QVERIFY(bytes.contains("Carl Cashier"));
        auto *status = namedChild<QLabel>(dialog, u"statusLabel"_s);
        QTRY_VERIFY2(status->text().contains(u"was printed"_s), qPrintable(status->text()));

        // When it is saved as a PDF, the PDF holds the same figures
        const QString path = m_dir->filePath(u"z.pdf"_s);
        QString suggested;
        ShiftReportDialog::setFileChooser([&](QWidget *, const QString &, const QString &proposal) {
            suggested = proposal;
            return path;
        });
        QTest::mouseClick(namedChild<QPushButton>(dialog, u"exportButton"_s), Qt::LeftButton);
        QVERIFY2(suggested.endsWith(u"z-report-1-7.pdf"_s), qPrintable(suggested));
        const QString pdf = pdfText(path);
        QVERIFY2(pdf.contains(u"Z report 7, lane 1"_s), qPrintable(pdf));
        QVERIFY(pdf.contains(u"Maria Manager"_s));
        QVERIFY(pdf.contains(u"Carl Cashier"_s));
        QVERIFY2(status->text().contains(path), qPrintable(status->text()));
    }
};

QTEST_MAIN(TestReceiptsMenu)
#include "tst_receiptsmenu.moc"
