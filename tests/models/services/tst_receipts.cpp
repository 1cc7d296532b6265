#include "models/db/conversionratecache.h"
#include "models/db/settingsrepository.h"
#include "models/services/checkoutservice.h"
#include "models/services/receiptprinter.h"
#include "models/services/receiptrenderer.h"
#include "models/services/receiptservice.h"
#include "models/services/shiftservice.h"
#include "tests/common/storefixture.h"

#include <QProcess>
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
        QVERIFY(bytes.startsWith(QByteArray("\x1b@\x1bt\x13\x1b\x61\x01\x1b\x45\x01\x1d!\x11" "Corner Market\n", 28)));
        // The ü of Müsli and the € of the total in code page 858.
        QVERIFY(bytes.contains(QByteArray("M\x81sli\n")));
        QVERIFY(bytes.contains(QByteArray("\x1b\x45\x01TOTAL \xd5")));
        // The bill's code as Code 128: set B and the 8 characters of "1-000042".
        QVERIFY(bytes.contains(QByteArray("\x1dkI\x0a{B1-000042", 14)));
        // Feed, cut, then the drawer kick on pin 2.
        QVERIFY(bytes.endsWith(QByteArray("\n\n\n\x1dVB\x03\x1bp\x00\x19\xfa", 12)));
        QVERIFY(!ReceiptRenderer::escPos(knownBill(), {80, true, false}).contains(QByteArray("\x1bp", 2)));
    }

    void aPdfReceiptHoldsTheLinesAndTotals()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"receipt.pdf"_s);
        QString error;
        QVERIFY2(ReceiptRenderer::writePdf(knownBill(), path, &error), qPrintable(error));
        QProcess pdftotext;
        pdftotext.start(u"pdftotext"_s, {path, u"-"_s});
        QVERIFY2(pdftotext.waitForFinished(20000), "pdftotext (poppler-utils) is needed; ./till.sh test installs it");
        QCOMPARE(pdftotext.exitCode(), 0);
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
        QVERIFY2(text.contains(u"Kolibri Cola"_s), qPrintable(text));
        QVERIFY(text.contains(u"Müsli"_s));
        QVERIFY(text.contains(u"5.52"_s));
        QVERIFY(text.contains(u"4.48"_s));
        QVERIFY(text.contains(u"Bill 1-000042"_s));
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
        QVERIFY(SettingsRepository(store->db()).setValue(SettingsRepository::kStoreName, u"Corner Market"_s));
        QVERIFY(SettingsRepository(store->db()).setValue(SettingsRepository::kCurrencySymbol, u"€"_s));
        const Product cola = store->addProduct(u"COLA"_s, u"Cola"_s, {{u"Can"_s, 1, 119, {}}}, 10);
        store->signIn(store->cashier);
        ShiftService shifts(store->db(), store->session(), store->authorizer());
        QVERIFY(shifts.open(m(0)));
        ConversionRateCache cache(store->db());
        CheckoutService checkout(store->db(), store->session(), store->authorizer(), cache);
        Cart cart;
        CheckoutService::addToCart(cart, CheckoutService::lineFor(cola, cola.units.at(0), 3));
        const auto sale = checkout.commit(cart, {{Tender::Method::Cash, m(500), {}}}, CheckoutService::newSaleUuid());
        QVERIFY(sale);

        ReceiptService receipts(store->db(), store->session(), store->authorizer());
        const auto receipt = receipts.forBill(sale->bill.id);
        QVERIFY2(receipt, qPrintable(receipt ? QString() : receipt.error().message));
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
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] { received += socket->readAll(); });
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
