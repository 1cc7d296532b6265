#include "models/db/conversionratecache.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/services/checkoutservice.h"
#include "models/services/receiptprinter.h"
#include "models/services/receiptrenderer.h"
#include "models/services/receiptservice.h"
#include "models/services/refundservice.h"
#include "models/services/shiftservice.h"
#include "tests/common/storefixture.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestReceipts : public QObject
{
    Q_OBJECT

private:
    Money m(qint64 minor) { return Money::fromMinor(minor); }

    //! A known bill, the same on every machine.
    ReceiptData knownBill()
    {
        ReceiptData r;
        r.storeName = u"Corner Market"_s;
        r.storeAddress = u"Main Street 1, 04177 Leipzig"_s;
        r.taxId = u"DE 123"_s;
        r.currencySymbol = u"€"_s;
        r.lane = u"1"_s;
        r.number = 42;
        r.cashier = u"Carl"_s;
        r.at = QDateTime(QDate(2026, 3, 14), QTime(12, 30), QTimeZone::utc());
        r.lines = {{u"Kolibri Cola"_s, u"Can"_s, 2, m(119), m(0), m(238), 1900},
                   {u"Müsli"_s, u"Bag"_s, 1, m(349), m(35), m(314), 700}};
        r.taxes = {{1900, m(200), m(38), m(238)}, {700, m(293), m(21), m(314)}};
        r.subtotal = m(587);
        r.discount = m(35);
        r.tax = m(59);
        r.rounding = m(0);
        r.total = m(552);
        r.payments = {{u"cash"_s, m(552), m(1000), m(448), {}}};
        r.change = m(448);
        return r;
    }

    //! Refund 231 at lane 1 of bill 9184: what was paid comes back.
    ReceiptData knownRefund()
    {
        ReceiptData r = knownBill();
        r.isRefund = true;
        r.number = 231;
        r.originalLane = u"1"_s;
        r.originalNumber = 9184;
        r.payments = {{u"cash"_s, m(552), m(0), m(0), {}}};
        r.change = m(0);
        return r;
    }

    struct Word
    {
        QString text;
        QRectF box; //!< in points
    };
    struct PdfWords
    {
        QSizeF page; //!< in points
        QList<Word> words;
    };
    //! Every word of the PDF's first page with its box, as `pdftotext -bbox` reads them.
    static std::optional<PdfWords> wordsOf(const QString &path)
    {
        QProcess pdftotext;
        pdftotext.start(u"pdftotext"_s, {u"-bbox"_s, path, u"-"_s});
        if (!pdftotext.waitForFinished(20000) || pdftotext.exitCode() != 0) {
            return std::nullopt;
        }
        const QString xhtml = QString::fromUtf8(pdftotext.readAllStandardOutput());
        PdfWords out;
        const QRegularExpression page(uR"re(<page width="([\d.]+)" height="([\d.]+)")re"_s);
        const auto pageMatch = page.match(xhtml);
        if (!pageMatch.hasMatch()) {
            return std::nullopt;
        }
        out.page = QSizeF(pageMatch.captured(1).toDouble(), pageMatch.captured(2).toDouble());
        const QRegularExpression word(
                uR"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re"_s);
        for (auto it = word.globalMatch(xhtml); it.hasNext();) {
            const auto w = it.next();
            out.words.append({w.captured(5),
                              QRectF(QPointF(w.captured(1).toDouble(), w.captured(2).toDouble()),
                                     QPointF(w.captured(3).toDouble(), w.captured(4).toDouble()))});
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        QLocale::setDefault(QLocale::c());
    }

    void theTextLayoutFitsThePaper_data()
    {
        QTest::addColumn<int>("paper");
        QTest::addColumn<int>("columns");
        QTest::newRow("58 mm") << 58 << 32;
        QTest::newRow("80 mm") << 80 << 48;
    }
    void theTextLayoutFitsThePaper()
    {
        QFETCH(int, paper);
        QFETCH(int, columns);
        QCOMPARE(ReceiptRenderer::columnsFor(paper), columns);
        const QStringList lines = ReceiptRenderer::textLines(knownBill(), columns);
        for (const QString &line : lines) {
            QVERIFY2(line.size() <= columns, qPrintable(line));
        }
        const QString all = lines.join(u'\n');
        QVERIFY(all.contains(u"Bill 1-000042"_s));
        QVERIFY(all.contains(u"Kolibri Cola"_s));
        QVERIFY(lines.contains(u"TOTAL €"_s + QString(columns - 7 - 4, u' ') + u"5.52"_s));
        QVERIFY(all.contains(u"Change"_s));
        QVERIFY(all.contains(u"19 %"_s));
    }

    void escPosBytesOfAKnownBill()
    {
        ReceiptRenderer::EscPosOptions options;
        options.paperMillimetres = 58;
        options.kickDrawer = true;
        const QByteArray bytes = ReceiptRenderer::escPos(knownBill(), options);
        // Initialise, code page 858, the store's name centred, bold and large.
        QVERIFY(bytes.startsWith(QByteArray("\x1b@\x1bt\x13\x1b\x61\x01\x1b\x45\x01\x1d!\x11"
                                            "Corner Market\n",
                                            28)));
        // The ü of Müsli and the € of the total in code page 858.
        QVERIFY(bytes.contains(QByteArray("M\x81sli\n")));
        QVERIFY(bytes.contains(QByteArray("\x1b\x45\x01TOTAL \xd5")));
        // The bill's code as Code 128: set B and the 8 characters of "1-000042".
        QVERIFY(bytes.contains(QByteArray("\x1dkI\x0a{B1-000042", 14)));
        // Feed, cut, then the drawer kick on pin 2.
        QVERIFY(bytes.endsWith(QByteArray("\n\n\n\x1dVB\x03\x1bp\x00\x19\xfa", 12)));
        QVERIFY(!ReceiptRenderer::escPos(knownBill(), {80, true, false})
                         .contains(QByteArray("\x1bp", 2)));
    }

    void aPdfReceiptHoldsTheLinesAndTotals()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"receipt.pdf"_s);
        QString error;
        QVERIFY2(ReceiptRenderer::writePdf(knownBill(), path, &error), qPrintable(error));
        QProcess pdftotext;
        pdftotext.start(u"pdftotext"_s, {path, u"-"_s});
        QVERIFY2(pdftotext.waitForFinished(20000),
                 "pdftotext (poppler-utils) is needed; ./till.sh test installs it");
        QCOMPARE(pdftotext.exitCode(), 0);
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
        QVERIFY2(text.contains(u"Kolibri Cola"_s), qPrintable(text));
        QVERIFY(text.contains(u"Müsli"_s));
        QVERIFY(text.contains(u"5.52"_s));
        QVERIFY(text.contains(u"4.48"_s));
        QVERIFY(text.contains(u"Bill 1-000042"_s));
    }

    void aPdfReceiptIsReadableOnThePaperItIsFor_data()
    {
        QTest::addColumn<int>("paper");
        QTest::newRow("80 mm") << 80;
        QTest::newRow("58 mm") << 58;
    }
    void aPdfReceiptIsReadableOnThePaperItIsFor()
    {
        QFETCH(int, paper);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"receipt.pdf"_s);
        ReceiptData bill = knownBill();
        bill.lines.append({u"Bio-Vollkornbrot mit Sonnenblumenkernen, geschnitten"_s, u"Loaf"_s, 1,
                           m(429), m(0), m(429), 700});
        QString error;
        QVERIFY2(ReceiptRenderer::writePdf(bill, path, &error, paper), qPrintable(error));
        const auto pdf = wordsOf(path);
        QVERIFY2(pdf, "pdftotext (poppler-utils) is needed; ./till.sh test installs it");
        // The page is the roll's width, so a PDF printed 1:1 comes out like the thermal slip.
        const qreal pointsPerMm = 72 / 25.4;
        QVERIFY2(qAbs(pdf->page.width() - paper * pointsPerMm) < 1,
                 qPrintable(QString::number(pdf->page.width())));
        QVERIFY(pdf->words.size() > 30);
        QStringList texts;
        for (const Word &word : pdf->words) {
            texts << word.text;
            // Body text of about 9 pt: its glyph box is at least 8 pt tall.
            QVERIFY2(word.box.height() >= 8,
                     qPrintable(u"%1 is %2 pt tall"_s.arg(word.text).arg(word.box.height())));
            // Nothing runs off the paper's edges.
            QVERIFY2(word.box.left() >= pointsPerMm
                             && word.box.right() <= pdf->page.width() - pointsPerMm,
                     qPrintable(u"%1 at %2..%3"_s.arg(word.text)
                                        .arg(word.box.left())
                                        .arg(word.box.right())));
        }
        const QString all = texts.join(u' ');
        QVERIFY2(all.contains(u"Kolibri Cola"_s), qPrintable(all));
        QVERIFY(all.contains(u"Sonnenblumenkernen,"_s));
        QVERIFY(all.contains(u"5.52"_s));
    }

    void aRefundReceiptHasItsOwnNumberAndNegativeAmounts()
    {
        const ReceiptData refund = knownRefund();
        QCOMPARE(refund.code(), u"R1-000231"_s);
        QCOMPARE(refund.originalCode(), u"1-009184"_s);
        QCOMPARE(refund.fileName(), u"refund-R1-000231.pdf"_s);
        QCOMPARE(knownBill().fileName(), u"bill-1-000042.pdf"_s);

        const QStringList lines = ReceiptRenderer::textLines(refund, 48);
        const QString all = lines.join(u'\n');
        QVERIFY2(all.contains(u"Refund R1-000231"_s), qPrintable(all));
        QVERIFY(all.contains(u"of bill 1-009184"_s));
        QVERIFY(!all.contains(u"Bill 1-000231"_s));
        QVERIFY(lines.contains(u"TOTAL €"_s + QString(48 - 7 - 5, u' ') + u"-5.52"_s));
        QVERIFY(lines.contains(u"  2 × Can 1.19"_s + QString(48 - 14 - 5, u' ') + u"-2.38"_s));
        QVERIFY(lines.contains(u"Cash"_s + QString(48 - 4 - 5, u' ') + u"-5.52"_s));
        for (const QString &line : lines) {
            QVERIFY2(!line.endsWith(u" 5.52"_s), qPrintable(line));
        }
        // The barcode is the refund's code, not a bill's.
        QVERIFY(ReceiptRenderer::escPos(refund, {}).contains(QByteArray("{BR1-000231")));

        QTemporaryDir dir;
        const QString path = dir.filePath(refund.fileName());
        QString error;
        QVERIFY2(ReceiptRenderer::writePdf(refund, path, &error), qPrintable(error));
        const auto pdf = wordsOf(path);
        QVERIFY(pdf);
        QStringList texts;
        for (const Word &word : pdf->words) {
            texts << word.text;
        }
        const QString text = texts.join(u' ');
        QVERIFY2(text.contains(u"R1-000231"_s), qPrintable(text));
        QVERIFY(text.contains(u"1-009184"_s));
        QVERIFY(text.contains(u"-5.52"_s));
        QVERIFY(text.contains(u"-2.38"_s));
    }

    void aPdfFolderFilesBillsAndRefundsUnderTheirOwnNames()
    {
        QTemporaryDir dir;
        ReceiptPrinter printer;
        ReceiptPrinter::Config config;
        config.kind = ReceiptPrinter::Kind::PdfFolder;
        config.pdfFolder = dir.path();
        printer.setConfig(config);
        QSignalSpy printed(&printer, &ReceiptPrinter::printed);
        printer.print(knownBill(), false);
        printer.print(knownRefund(), false);
        QTRY_COMPARE(printed.count(), 2);
        QCOMPARE(printed.at(1).first().toString(), u"R1-000231"_s);
        QVERIFY(QFile::exists(dir.filePath(u"bill-1-000042.pdf"_s)));
        QVERIFY(QFile::exists(dir.filePath(u"refund-R1-000231.pdf"_s)));
    }

    void aCommittedRefundIsNumberedAsARefund()
    {
        auto store = StoreFixture::create();
        QVERIFY(store);
        const Product cola = store->addProduct(u"COLA"_s, u"Cola"_s, {{u"Can"_s, 1, 119, {}}}, 10);
        store->signIn(store->manager);
        ShiftService shifts(store->db(), store->session(), store->authorizer());
        QVERIFY(shifts.open(m(0)));
        ConversionRateCache cache(store->db());
        CheckoutService checkout(store->db(), store->session(), store->authorizer(), cache);
        Cart cart;
        CheckoutService::addToCart(cart, CheckoutService::lineFor(cola, cola.units.at(0), 3));
        const auto sale = checkout.commit(cart, {{Tender::Method::Cash, m(357), {}}},
                                          CheckoutService::newSaleUuid());
        QVERIFY(sale);
        RefundService refunds(store->db(), store->session(), store->authorizer());
        const auto bill = refunds.load(sale->bill.id);
        QVERIFY(bill);
        RefundService::Request request;
        request.billId = sale->bill.id;
        request.reason = u"Changed mind"_s;
        request.lines.append({bill->lines.first().billItemId, 2, false, true});
        const auto outcome = refunds.commit(request, CheckoutService::newSaleUuid());
        QVERIFY_OK(outcome);
        QCOMPARE(outcome->receipt.code(), u"R1-000001"_s);
        QCOMPARE(outcome->receipt.originalCode(), u"1-000001"_s);
        const QString all = ReceiptRenderer::textLines(outcome->receipt, 32).join(u'\n');
        QVERIFY2(all.contains(u"of bill 1-000001"_s), qPrintable(all));
        QVERIFY(all.contains(u"-2.38"_s));
    }

    void aZReportListsEveryCashierWhoSoldAndPrintsOnTheSlip()
    {
        auto store = StoreFixture::create();
        QVERIFY(store);
        const Product cola = store->addProduct(u"COLA"_s, u"Cola"_s, {{u"Can"_s, 1, 119, {}}}, 100);
        ShiftService shifts(store->db(), store->session(), store->authorizer());
        ConversionRateCache cache(store->db());
        CheckoutService checkout(store->db(), store->session(), store->authorizer(), cache);
        const auto sell = [&](qint64 quantity) {
            Cart cart;
            CheckoutService::addToCart(cart,
                                       CheckoutService::lineFor(cola, cola.units.at(0), quantity));
            return bool(checkout.commit(cart, {{Tender::Method::Cash, m(119 * quantity), {}}},
                                        CheckoutService::newSaleUuid()));
        };
        store->signIn(store->cashier);
        QVERIFY(shifts.open(m(0)));
        QVERIFY(sell(1));
        QVERIFY(sell(2));
        int oneCashier = 0;
        {
            ProfileScope scope(u"test.x_report"_s);
            QVERIFY(shifts.xReport());
            oneCashier = scope.statementCount();
        }
        // The manager takes over the lane for a sale, in the same shift.
        store->signIn(store->manager);
        QVERIFY(sell(4));
        {
            // Another cashier costs no statement of its own.
            ProfileScope scope(u"test.x_report"_s);
            QVERIFY(shifts.xReport());
            QCOMPARE(scope.statementCount(), oneCashier);
        }
        const auto z = shifts.close(m(119 * 7));
        QVERIFY_OK(z);
        QCOMPARE(z->bills, 3);
        QCOMPARE(z->sales, m(119 * 7));
        QCOMPARE(z->salesByCashier.size(), 2);
        QCOMPARE(z->salesByCashier.at(0).name, store->manager.name);
        QCOMPARE(z->salesByCashier.at(0).bills, 1);
        QCOMPARE(z->salesByCashier.at(0).sales, m(476));
        QCOMPARE(z->salesByCashier.at(1).name, store->cashier.name);
        QCOMPARE(z->salesByCashier.at(1).bills, 2);
        QCOMPARE(z->salesByCashier.at(1).sales, m(357));
        // The stored Z report, reprinted later, still names both.
        const auto stored = shifts.zReport(z->shift.lane, z->shift.zNumber);
        QVERIFY_OK(stored);
        QCOMPARE(stored->salesByCashier.size(), 2);
        QCOMPARE(stored->salesByCashier.at(1).sales, m(357));

        // On the slip: the receipt printer's columns, every cashier with their sales.
        const QStringList lines = ReceiptRenderer::shiftReportLines(*z, u"€"_s, 32);
        for (const QString &line : lines) {
            QVERIFY2(line.size() <= 32, qPrintable(line));
        }
        const QString slip = lines.join(u'\n');
        QVERIFY2(slip.contains(u"Z report %1, lane 1"_s.arg(z->shift.zNumber)), qPrintable(slip));
        QVERIFY(slip.contains(store->manager.name));
        QVERIFY(slip.contains(store->cashier.name));
        QVERIFY(slip.contains(u"4.76"_s));

        QTemporaryDir dir;
        ReceiptPrinter printer;
        ReceiptPrinter::Config config;
        config.kind = ReceiptPrinter::Kind::EscPosDevice;
        config.device = dir.filePath(u"lp0"_s);
        config.paperMillimetres = 58;
        printer.setConfig(config);
        QSignalSpy printed(&printer, &ReceiptPrinter::printed);
        printer.print(*z, u"€"_s);
        QTRY_COMPARE(printed.count(), 1);
        QFile device(config.device);
        QVERIFY(device.open(QIODevice::ReadOnly));
        const QByteArray bytes = device.readAll();
        QCOMPARE(bytes, ReceiptRenderer::escPos(*z, u"€"_s, {58, true, false}));
        QVERIFY(bytes.contains(store->cashier.name.toLatin1()));
        QVERIFY(bytes.endsWith(QByteArray("\x1dVB\x03")));

        // A PDF folder files it under the Z report's name, at the roll's width.
        config.kind = ReceiptPrinter::Kind::PdfFolder;
        config.pdfFolder = dir.path();
        config.paperMillimetres = 80;
        printer.setConfig(config);
        printer.print(*z, u"€"_s);
        QTRY_COMPARE(printed.count(), 2);
        const auto pdf = wordsOf(dir.filePath(u"z-report-1-%1.pdf"_s.arg(z->shift.zNumber)));
        QVERIFY(pdf);
        QVERIFY(qAbs(pdf->page.width() - 80 * 72 / 25.4) < 1);
        QStringList texts;
        for (const Word &word : pdf->words) {
            texts << word.text;
            QVERIFY2(word.box.height() >= 8, qPrintable(word.text));
        }
        QVERIFY(texts.join(u' ').contains(store->cashier.name));
    }

    void anUnwritableFolderSaysSo()
    {
        QString error;
        QVERIFY(!ReceiptRenderer::writePdf(knownBill(), u"/no/such/folder/r.pdf"_s, &error));
        QVERIFY(!error.isEmpty());
    }

    void aCommittedSaleReadsBackAsItsReceipt()
    {
        auto store = StoreFixture::create();
        QVERIFY(store);
        QVERIFY(SettingsRepository(store->db())
                        .setValue(Setting::StoreName.key, u"Corner Market"_s));
        QVERIFY(SettingsRepository(store->db()).setValue(Setting::CurrencySymbol.key, u"€"_s));
        const Product cola = store->addProduct(u"COLA"_s, u"Cola"_s, {{u"Can"_s, 1, 119, {}}}, 10);
        store->signIn(store->cashier);
        ShiftService shifts(store->db(), store->session(), store->authorizer());
        QVERIFY(shifts.open(m(0)));
        ConversionRateCache cache(store->db());
        CheckoutService checkout(store->db(), store->session(), store->authorizer(), cache);
        Cart cart;
        CheckoutService::addToCart(cart, CheckoutService::lineFor(cola, cola.units.at(0), 3));
        const auto sale = checkout.commit(cart, {{Tender::Method::Cash, m(500), {}}},
                                          CheckoutService::newSaleUuid());
        QVERIFY(sale);

        ReceiptService receipts(store->db(), store->session(), store->authorizer());
        const auto receipt = receipts.forBill(sale->bill.id);
        QVERIFY_OK(receipt);
        QCOMPARE(receipt->storeName, u"Corner Market"_s);
        QCOMPARE(receipt->lines.size(), 1);
        QCOMPARE(receipt->lines.first().name, u"Cola"_s);
        QCOMPARE(receipt->lines.first().quantity, 3);
        QCOMPARE(receipt->total, m(357));
        QCOMPARE(receipt->change, m(143));
        QCOMPARE(receipt->taxes.first().tax, m(57));
        const auto last = receipts.lastOfLane();
        QVERIFY(last);
        QVERIFY(last->reprint);
        QCOMPARE(last->number, sale->bill.number);
        QCOMPARE(receipts.byCode(u"1-000001"_s)->number, 1);
        QCOMPARE(receipts.byCode(u"9"_s).error().code, ServiceError::Code::NotFound);
        QCOMPARE(receipts.byCode(u"abc"_s).error().code, ServiceError::Code::InvalidInput);
    }

    void thePrinterWritesToADeviceAndReportsFailures()
    {
        QTemporaryDir dir;
        ReceiptPrinter printer;
        ReceiptPrinter::Config config;
        config.kind = ReceiptPrinter::Kind::EscPosDevice;
        config.device = dir.filePath(u"lp0"_s);
        config.paperMillimetres = 58;
        printer.setConfig(config);
        QSignalSpy printed(&printer, &ReceiptPrinter::printed);
        QSignalSpy failed(&printer, &ReceiptPrinter::failed);
        printer.print(knownBill(), true);
        QTRY_COMPARE(printed.count(), 1);
        QCOMPARE(printed.first().first().toString(), u"1-000042"_s);
        QFile device(config.device);
        QVERIFY(device.open(QIODevice::ReadOnly));
        QCOMPARE(device.readAll(), ReceiptRenderer::escPos(knownBill(), {58, true, true}));

        config.device = u"/no/such/dir/lp0"_s;
        printer.setConfig(config);
        printer.print(knownBill(), false);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().at(1).toString().contains(u"/no/such/dir/lp0"_s));
    }

    void thePrinterTalksToANetworkPrinter()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray received;
        connect(&server, &QTcpServer::newConnection, this, [&server, &received] {
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket,
                    [socket, &received] { received += socket->readAll(); });
        });
        ReceiptPrinter printer;
        ReceiptPrinter::Config config;
        config.kind = ReceiptPrinter::Kind::EscPosNetwork;
        config.host = u"127.0.0.1"_s;
        config.port = server.serverPort();
        printer.setConfig(config);
        QSignalSpy printed(&printer, &ReceiptPrinter::printed);
        printer.kickDrawer();
        QTRY_COMPARE(printed.count(), 1);
        QTRY_COMPARE(received, ReceiptRenderer::escPosDrawerKick());

        server.close();
        QSignalSpy failed(&printer, &ReceiptPrinter::failed);
        printer.kickDrawer();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    }
};

QTEST_MAIN(TestReceipts)
#include "tst_receipts.moc"
