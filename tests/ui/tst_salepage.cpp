#include "models/db/settingsrepository.h"
#include "models/domain/barcode.h"
#include "models/domain/quantity.h"
#include "tests/ui/salepagefixture.h"
#include "ui/approvaldialog.h"
#include "ui/errorbanner.h"
#include "ui/paymentdialog.h"

#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>

/*!
 * The sale screen as a cashier uses it to sell: scanning, the cart and the payment, with QTest
 * key events into the scan field and into the dialogs it opens, then the database is asked what
 * happened. The shift and the other screens of the sale are in tst_salepageshift.
 */
class TestSalePage : public SalePageFixture
{
    Q_OBJECT

private:
    qint64 stockOf(const QString &sku)
    {
        return m_store->scalar(u"SELECT stock_base FROM products WHERE sku = '%1'"_s.arg(sku));
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        usePrivateUserFolders(u"tst_salepage"_s);
        QSettings().clear();
    }


    void aStalledServerNeverFreezesThePayment()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("An SQLite file has no server to stop answering.");
        }
        // Given a till whose database server can stop answering
        m_store->openShift(kLane);
        m_proxy = std::make_unique<StallProxy>(m_store->scratch().url());
        QVERIFY(m_proxy->listen());
        auto opened = Database::open(m_proxy->url());
        QVERIFY_OK(opened);
        m_proxiedDb = std::move(*opened);
        m_services = std::make_unique<Services>(*m_proxiedDb, kLane);
        m_services->session.signIn(m_store->cashier);
        showPage();
        m_page->setSaveLimit(std::chrono::milliseconds(2500));
        QTRY_VERIFY(!m_page->hasPendingDatabaseWork()); // connected before anybody pays
        scan(m_canCode);
        const QString uuid = cart()->saleUuid();

        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        whenDialog<PaymentDialog>([&](PaymentDialog *dialog) {
            auto *cashEdit = in<QLineEdit>(dialog, u"cashEdit"_s);
            auto *waiting = in<QLabel>(dialog, u"waitingLabel"_s);
            // When the server stops answering as the sale is paid
            m_proxy->setStalled(true);
            ticker.start(50);
            QTest::keyClicks(cashEdit, u"5"_s);
            QTest::keyClick(cashEdit, Qt::Key_Return);

            // Then the screen says what it waits for, counting, and keeps running
            QVERIFY(dialog->isWaiting());
            QTRY_VERIFY2(waiting->text().contains(u"Waiting for the database (1 s)"_s),
                         qPrintable(waiting->text()));
            QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
            // Esc does not walk away from a sale on its way to the database.
            QTest::keyClick(dialog, Qt::Key_Escape);
            QVERIFY(dialog->isVisible());

            // and after its bound it stops waiting and says so, with everything kept.
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isWaiting(), 6000);
            auto *banner = in<ErrorBanner>(dialog, u"errorBanner"_s);
            QVERIFY2(banner->text().contains(u"did not answer in time"_s),
                     qPrintable(banner->text()));
            QCOMPARE(cart()->rowCount(), 1);
            QCOMPARE(cart()->saleUuid(), uuid);
            QCOMPARE(dialog->tenders().size(), 1);
            QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);

            // When the server is back, Enter tries again with the same sale.
            m_proxy->setStalled(false);
            QTest::keyClick(cashEdit, Qt::Key_Return);
        });
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"interrupted the connection"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        QTest::keyClick(scanField(), Qt::Key_Return);

        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 1);
        QCOMPARE(strip()->kind(), MessageStrip::Kind::Success);
        QCOMPARE(cart()->rowCount(), 0);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aScannedSalePaidInCashNeedsNoMouse()
    {
        showPage();
        openShiftWithTheKeyboard();

        // Given three barcodes scanned: a can, a six-pack of the same cola, a loaf
        scan(m_canCode);
        scan(m_packCode);
        scan(m_breadCode);
        QCOMPARE(cart()->rowCount(), 3);
        QVERIFY(scanField()->text().isEmpty());
        QCOMPARE(cart()->totals().total, Money::fromMinor(119 + 649 + 250));
        QVERIFY(child<QLabel>(u"totalLabel"_s)->text().contains(u"10.18"_s));

        // When Enter on the empty field opens the payment, and 20 in cash is typed
        whenDialog<PaymentDialog>([this](PaymentDialog *dialog) {
            auto *cash = in<QLineEdit>(dialog, u"cashEdit"_s);
            QCOMPARE(QApplication::focusWidget(), cash);
            QTest::keyClicks(cash, u"20"_s);
            QTest::keyClick(cash, Qt::Key_Return);
        });
        QTest::keyClick(scanField(), Qt::Key_Return);

        // Then one bill holds the three lines, stock went down, the ledger agrees
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 1);
        QCOMPARE(m_store->scalar(u"SELECT total_minor FROM bills"_s), 1018);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bill_items"_s), 3);
        QCOMPARE(m_store->scalar(u"SELECT base_quantity FROM bill_items bi JOIN product_units u "
                                 "ON u.id = bi.unit_id WHERE u.name = 'Six-pack'"_s),
                 6);
        QCOMPARE(m_store->scalar(u"SELECT change_minor FROM payments"_s), 2000 - 1018);
        QCOMPARE(stockOf(u"COLA"_s), 60 - 1 - 6);
        QCOMPARE(stockOf(u"BREAD"_s), 20 - 1);
        QCOMPARE(m_store->ledgerMismatches(), 0);

        // And the next sale is ready: empty, the change in view, the focus in the scan field
        QCOMPARE(cart()->rowCount(), 0);
        QVERIFY(cart()->saleUuid().isEmpty());
        auto *change = child<QLabel>(u"changeLabel"_s);
        QVERIFY(change->isVisible());
        QVERIFY2(change->text().contains(u"9.82"_s), qPrintable(change->text()));
        QCOMPARE(strip()->kind(), MessageStrip::Kind::Success);
        QVERIFY(strip()->text().contains(u"9.82"_s));
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
        QVERIFY(!QApplication::activeModalWidget());
        // The crash copy of the finished sale is gone
        QVERIFY(!SaleRecovery(SaleRecovery::defaultPath(kLane)).load());

        // The next scan starts the next sale and puts the change away
        scan(m_milkCode);
        QCOMPARE(cart()->rowCount(), 1);
        QVERIFY(!change->isVisible());
    }

    void scanningTheSameItemAgainRaisesItsQuantity()
    {
        m_store->openShift(kLane);
        showPage();
        scan(m_canCode);
        scan(m_canCode);
        QCOMPARE(cart()->rowCount(), 1);
        QCOMPARE(cart()->line(0).quantity, 2);
        // + and - on the empty field change the selected line
        QTest::keyClick(scanField(), Qt::Key_Plus);
        QCOMPARE(cart()->line(0).quantity, 3);
        QTest::keyClick(scanField(), Qt::Key_Minus);
        QCOMPARE(cart()->line(0).quantity, 2);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'line_voided'"_s),
                 1);
    }

    void anUnknownBarcodeSaysSoWithoutADialog()
    {
        m_store->openShift(kLane);
        showPage();
        const QString unknown = Barcode::withCheckDigit(u"200000000099"_s);
        scan(unknown);
        QCOMPARE(cart()->rowCount(), 0);
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(strip()->kind(), MessageStrip::Kind::Error);
        QVERIFY2(strip()->text().contains(unknown), qPrintable(strip()->text()));
        // The code stays, selected, so the next scan replaces it
        QCOMPARE(scanField()->text(), unknown);
        QCOMPARE(scanField()->selectedText(), unknown);
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
        QVERIFY(scanField()->property("error").toBool());

        scan(m_breadCode);
        QCOMPARE(cart()->rowCount(), 1);
        QCOMPARE(cart()->line(0).productName, u"Bread"_s);
        QCOMPARE(strip()->kind(), MessageStrip::Kind::Info);
        QVERIFY(!scanField()->property("error").toBool());
    }

    void aQuantityPrefixSellsSeveral()
    {
        m_store->openShift(kLane);
        showPage();
        scan(u"3*"_s + m_canCode);
        QCOMPARE(cart()->rowCount(), 1);
        QCOMPARE(cart()->line(0).quantity, 3);
        // "2*" first, then the scanner's code: the same
        QTest::keyClicks(scanField(), u"2*"_s);
        scan(m_packCode);
        QCOMPARE(cart()->line(1).quantity, 2);
        QCOMPARE(cart()->line(1).baseQuantity(), 12);
        // A number and F2 is the quantity key
        QTest::keyClicks(scanField(), u"4"_s);
        QTest::keyClick(scanField(), Qt::Key_F2);
        QCOMPARE(scanField()->text(), u"4*"_s);
        scan(m_breadCode);
        QCOMPARE(cart()->line(2).quantity, 4);
        // Nothing sells zero times
        scan(u"0*"_s + m_milkCode);
        QCOMPARE(cart()->rowCount(), 3);
        QCOMPARE(strip()->kind(), MessageStrip::Kind::Error);
    }

    void aQuantityNoLineHoldsIsRefusedWithTheLimit()
    {
        m_store->openShift(kLane);
        showPage();
        const QString limit = QString::number(Quantity::kMaxUnitsPerLine);
        // A million typed before the code is a quantity, and too many
        scan(u"1000000*"_s + m_canCode);
        QCOMPARE(cart()->rowCount(), 0);
        QCOMPARE(strip()->kind(), MessageStrip::Kind::Error);
        QVERIFY2(strip()->text().contains(limit), qPrintable(strip()->text()));
        // The most a line holds sells, and + does not raise it further
        scanField()->clear();
        scan(limit + u"*"_s + m_canCode);
        QCOMPARE(cart()->rowCount(), 1);
        QCOMPARE(cart()->line(0).quantity, Quantity::kMaxUnitsPerLine);
        QTest::keyClick(scanField(), Qt::Key_Plus);
        QCOMPARE(cart()->line(0).quantity, Quantity::kMaxUnitsPerLine);
        QCOMPARE(strip()->kind(), MessageStrip::Kind::Error);
    }

    void searchingByNameSellsFromThePopup()
    {
        m_store->openShift(kLane);
        showPage();
        auto *popup = child<QTableView>(u"searchPopup"_s);
        // Typing a name opens the list after a pause in typing
        QTest::keyClicks(scanField(), u"brea"_s);
        QVERIFY(!popup->isVisible());
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->model()->rowCount(), 1);
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
        QTest::keyClick(scanField(), Qt::Key_Return);
        QCOMPARE(cart()->rowCount(), 1);
        QCOMPARE(cart()->line(0).productName, u"Bread"_s);
        QVERIFY(!popup->isVisible());
        QVERIFY(scanField()->text().isEmpty());

        // A product with packs asks which one; 2 picks the second
        QTest::keyClicks(scanField(), u"2*col"_s);
        QTRY_VERIFY(popup->isVisible());
        QTimer::singleShot(50, this, [] {
            if (QWidget *menu = QApplication::activePopupWidget()) {
                QTest::keyClick(menu, Qt::Key_2);
            }
        });
        QTest::keyClick(scanField(), Qt::Key_Return);
        QCOMPARE(cart()->rowCount(), 2);
        QCOMPARE(cart()->line(1).unitName, u"Six-pack"_s);
        QCOMPARE(cart()->line(1).quantity, 2);
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
    }

    void voidingALineNeedsNoApprovalButIsAudited()
    {
        m_store->openShift(kLane);
        showPage();
        scan(m_canCode);
        scan(m_breadCode);
        QCOMPARE(cart()->rowCount(), 2);
        // The last line is selected; Delete on the empty field voids it at once
        QTest::keyClick(scanField(), Qt::Key_Delete);
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(cart()->rowCount(), 1);
        QCOMPARE(cart()->line(0).productName, u"Cola"_s);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'line_voided' "
                                 "AND user_id = %1"_s.arg(m_store->cashier.id)),
                 1);
        // F8 does the same
        QTest::keyClick(scanField(), Qt::Key_F8);
        QCOMPARE(cart()->rowCount(), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'line_voided'"_s),
                 2);
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
    }

    void aCashiersPriceOverrideAsksAManager()
    {
        m_store->openShift(kLane);
        showPage();
        scan(m_canCode);
        // The new price, then the manager's name and PIN, all typed
        whenDialog<AmountDialog>([this](AmountDialog *dialog) {
            auto *amount = in<QLineEdit>(dialog, u"amountEdit"_s);
            QCOMPARE(amount->selectedText(), u"1.19"_s);
            whenDialog<ApprovalDialog>([this](ApprovalDialog *approval) {
                auto *manager = in<QLineEdit>(approval, u"managerEdit"_s);
                QTest::keyClicks(manager, m_store->manager.login);
                QTest::keyClick(manager, Qt::Key_Return);
                auto *pin = in<QLineEdit>(approval, u"pinEdit"_s);
                QCOMPARE(QApplication::focusWidget(), pin);
                QTest::keyClicks(pin, u"1234"_s);
                QTest::keyClick(pin, Qt::Key_Return);
            });
            QTest::keyClicks(amount, u"0.99"_s);
            QTest::keyClick(amount, Qt::Key_Return);
        });
        QTest::keyClick(scanField(), Qt::Key_F5);

        QCOMPARE(cart()->line(0).unitPrice, Money::fromMinor(99));
        QVERIFY(cart()->line(0).isPriceOverridden());
        QCOMPARE(cart()->line(0).priceApproval.approverId(), m_store->manager.id);
        QVERIFY(cart()->index(0, CartModel::UnitPriceColumn)
                        .data(CartModel::PriceOverriddenRole)
                        .toBool());
        QCOMPARE(cart()->totals().total, Money::fromMinor(99));
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
        QVERIFY(m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE approved_by = %1"_s.arg(
                        m_store->manager.id))
                >= 1);
    }

    void aCancelledApprovalChangesNothing()
    {
        m_store->openShift(kLane);
        showPage();
        scan(m_canCode);
        whenDialog<AmountDialog>([this](AmountDialog *dialog) {
            whenDialog<ApprovalDialog>(
                    [](ApprovalDialog *approval) { QTest::keyClick(approval, Qt::Key_Escape); });
            auto *amount = in<QLineEdit>(dialog, u"amountEdit"_s);
            QTest::keyClicks(amount, u"0.10"_s);
            QTest::keyClick(amount, Qt::Key_Return);
        });
        QTest::keyClick(scanField(), Qt::Key_F5);
        QCOMPARE(cart()->line(0).unitPrice, Money::fromMinor(119));
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
    }

    void theSaleInProgressSurvivesTheScreen()
    {
        // Prices without tax: the page changes the cart's tax mode as it opens, which must
        // not wipe the copy on disk before it was read.
        QVERIFY(SettingsRepository(m_store->db()).setValue(Setting::PricesIncludeTax.key, u"0"_s));
        m_store->openShift(kLane);
        showPage();
        scan(m_canCode);
        scan(u"5*"_s + m_milkCode);
        const Cart before = cart()->cart();
        const QString uuid = cart()->saleUuid();
        // The screen goes (sign-out throws it away, or the till crashed) and comes back
        m_page.reset();
        showPage();
        QCOMPARE(cart()->cart().lines, before.lines);
        QCOMPARE(cart()->saleUuid(), uuid);
        QVERIFY(!cart()->cart().pricesIncludeTax);
        QCOMPARE(strip()->kind(), MessageStrip::Kind::Info);
    }

    void clearingTheSaleAsksAndIsAudited()
    {
        m_store->openShift(kLane);
        showPage();
        scan(m_canCode);
        scan(m_breadCode);
        whenDialog<QMessageBox>(
                [](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Y, Qt::AltModifier); });
        QTest::keyClick(scanField(), Qt::Key_F9);
        QCOMPARE(cart()->rowCount(), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = 'sale_cleared'"_s),
                 1);
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
    }
};

QTEST_MAIN(TestSalePage)
#include "tst_salepage.moc"
