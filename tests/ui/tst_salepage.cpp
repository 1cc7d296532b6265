#include "models/db/settingsrepository.h"
#include "models/db/sqlquery.h"
#include "models/domain/barcode.h"
#include "models/domain/quantity.h"
#include "models/items/cartmodel.h"
#include "models/services/salerecovery.h"
#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/stallproxy.h"
#include "tests/common/storefixture.h"
#include "ui/amountdialog.h"
#include "ui/approvaldialog.h"
#include "ui/closeshiftdialog.h"
#include "ui/errorbanner.h"
#include "ui/messagestrip.h"
#include "ui/paymentdialog.h"
#include "ui/recalldialog.h"
#include "ui/salepage.h"
#include "ui/shiftreportdialog.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

/*!
 * The sale screen as a cashier uses it: QTest key events into the scan field and into the
 * dialogs it opens, then the database is asked what happened.
 */
class TestSalePage : public QObject
{
    Q_OBJECT

private:
    static inline const QString kLane = u"1"_s;

    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<StallProxy> m_proxy;
    std::unique_ptr<Database> m_proxiedDb;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<SalePage> m_page;
    QList<QTimer *> m_waiting;
    Product m_cola;
    Product m_bread;
    Product m_milk;
    QString m_canCode;
    QString m_packCode;
    QString m_breadCode;
    QString m_milkCode;

    template<typename T>
    T *child(const QString &name)
    {
        return namedChild<T>(*m_page, name);
    }
    QLineEdit *scanField() { return child<QLineEdit>(u"scanField"_s); }
    MessageStrip *strip() { return child<MessageStrip>(u"messageStrip"_s); }
    CartModel *cart() { return m_page->cartModel(); }

    //! Runs handler on the next modal dialog of type T once it is up and active (exec() blocks).
    template<typename T>
    void whenDialog(std::function<void(T *)> handler)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        m_waiting.append(timer);
        connect(timer, &QTimer::timeout, this, [this, timer, handler] {
            auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
            // Keys go to the active window: wait until the dialog is it.
            if (!dialog || !dialog->isVisible() || !dialog->isActiveWindow()) {
                return;
            }
            timer->stop();
            m_waiting.removeOne(timer);
            timer->deleteLater();
            const QPointer<T> guard(dialog);
            handler(dialog);
            // A check that failed inside the handler must not leave exec() waiting forever.
            if (QTest::currentTestFailed() && guard && guard->isVisible()) {
                guard->reject();
            }
        });
        timer->start();
    }
    //! Presses key in the next popup menu that opens (QMenu::exec() blocks too).
    void whenMenu(Qt::Key key)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        m_waiting.append(timer);
        connect(timer, &QTimer::timeout, this, [this, timer, key] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu || !menu->isVisible()) {
                return;
            }
            timer->stop();
            m_waiting.removeOne(timer);
            timer->deleteLater();
            QTest::keyClick(menu, key);
        });
        timer->start();
    }

    template<typename T>
    T *in(QWidget *dialog, const QString &name)
    {
        return namedChild<T>(*dialog, name);
    }

    void scan(const QString &text)
    {
        QTest::keyClicks(scanField(), text);
        QTest::keyClick(scanField(), Qt::Key_Return);
    }

    void showPage()
    {
        m_page = std::make_unique<SalePage>(*m_services);
        m_page->resize(1200, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    void openShiftWithTheKeyboard()
    {
        QCOMPARE(child<QStackedWidget>(u"modeStack"_s)->currentWidget()->objectName(),
                 u"noShiftPane"_s);
        auto *button = child<QPushButton>(u"openShiftButton"_s);
        QCOMPARE(QApplication::focusWidget(), button);
        whenDialog<AmountDialog>([this](AmountDialog *dialog) {
            auto *amount = in<QLineEdit>(dialog, u"amountEdit"_s);
            QTest::keyClicks(amount, u"150"_s);
            QTest::keyClick(amount, Qt::Key_Return);
        });
        QTest::keyClick(button, Qt::Key_Return);
        QCOMPARE(child<QStackedWidget>(u"modeStack"_s)->currentWidget()->objectName(),
                 u"salePane"_s);
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
        QCOMPARE(m_store->scalar(
                         u"SELECT opening_float_minor FROM shifts WHERE closed_at IS NULL"_s),
                 15000);
    }

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

    void init()
    {
        SaleRecovery(SaleRecovery::defaultPath(kLane)).clear();
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_canCode = Barcode::withCheckDigit(u"400638133393"_s);
        m_packCode = u"96385074"_s;
        m_breadCode = Barcode::withCheckDigit(u"200000000001"_s);
        m_milkCode = Barcode::withCheckDigit(u"200000000002"_s);
        m_cola = m_store->addProduct(
                u"COLA"_s, u"Cola"_s,
                {{u"Can"_s, 1, 119, m_canCode}, {u"Six-pack"_s, 6, 649, m_packCode}}, 60);
        m_bread = m_store->addProduct(u"BREAD"_s, u"Bread"_s, {{u"Loaf"_s, 1, 250, m_breadCode}},
                                      20);
        m_milk = m_store->addProduct(u"MILK"_s, u"Milk"_s, {{u"Bottle"_s, 1, 99, m_milkCode}}, 30);
        const SettingsRepository settings(m_store->db());
        QVERIFY(settings.setValue(Setting::CurrencySymbol.key, u"€"_s));
        QVERIFY(settings.setValue(Setting::Currency.key, u"EUR"_s));
        m_services = m_store->services(m_store->cashier, kLane);
    }

    void cleanup()
    {
        for (QTimer *timer : std::as_const(m_waiting)) {
            timer->stop();
            timer->deleteLater();
        }
        m_waiting.clear();
        m_page.reset();
        m_services.reset();
        m_proxiedDb.reset();
        m_proxy.reset();
        m_store.reset();
        SaleRecovery(SaleRecovery::defaultPath(kLane)).clear();
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

    void aParkedSaleComesBack()
    {
        m_store->openShift(kLane);
        showPage();
        scan(m_canCode);
        scan(u"2*"_s + m_breadCode);
        const Cart before = cart()->cart();

        // F6 parks it under a name
        whenDialog<QInputDialog>([](QInputDialog *dialog) {
            auto *label = dialog->findChild<QLineEdit *>();
            QTest::keyClicks(label, u"Anna"_s);
            QTest::keyClick(label, Qt::Key_Return);
        });
        QTest::keyClick(scanField(), Qt::Key_F6);
        QCOMPARE(cart()->rowCount(), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM parked_carts"_s), 1);
        QTRY_COMPARE(QApplication::focusWidget(), scanField());

        // A new sale is started, then F7 recalls the parked one: park the new one first
        scan(m_milkCode);
        whenDialog<RecallDialog>([this](RecallDialog *dialog) {
            whenDialog<QMessageBox>([](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Return); });
            QTest::keyClick(in<QTableView>(dialog, u"parkedView"_s), Qt::Key_Return);
        });
        QTest::keyClick(scanField(), Qt::Key_F7);

        QCOMPARE(cart()->rowCount(), 2);
        QCOMPARE(cart()->cart().lines, before.lines);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM parked_carts"_s), 1); // the milk sale
        QTRY_COMPARE(QApplication::focusWidget(), scanField());

        // And it is paid like any other sale
        whenDialog<PaymentDialog>([this](PaymentDialog *dialog) {
            auto *cash = in<QLineEdit>(dialog, u"cashEdit"_s);
            QTest::keyClick(cash, Qt::Key_F2);
            QTest::keyClick(cash, Qt::Key_Return);
        });
        QTest::keyClick(scanField(), Qt::Key_F10);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 1);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bill_items"_s), 2);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void withoutAShiftNothingIsSold()
    {
        showPage();
        auto *stack = child<QStackedWidget>(u"modeStack"_s);
        QCOMPARE(stack->currentWidget()->objectName(), u"noShiftPane"_s);
        QVERIFY(!scanField()->isVisible());
        QVERIFY(child<QLabel>(u"noShiftLabel"_s)->text().contains(kLane));
        // Even keys typed at the page sell nothing and open no payment
        QTest::keyClicks(scanField(), m_canCode);
        QTest::keyClick(scanField(), Qt::Key_Return);
        QTest::keyClick(m_page.get(), Qt::Key_F10);
        QCOMPARE(cart()->rowCount(), 0);
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);
    }

    void aShiftClosedElsewhereKeepsTheSaleOnScreen()
    {
        const qint64 shift = m_store->openShift(kLane);
        showPage();
        scan(m_canCode);
        scan(m_breadCode);
        // The shift is closed behind the page's back (another session, a manager)
        QVERIFY(SqlQuery::run(m_store->db(),
                              u"UPDATE shifts SET closed_at = opened_at, counted_cash_minor = 0 "
                              "WHERE id = %1"_s.arg(shift)));
        QString refusal;
        whenDialog<PaymentDialog>([&refusal](PaymentDialog *dialog) {
            auto *cash = dialog->findChild<QLineEdit *>(u"cashEdit"_s);
            QTest::keyClicks(cash, u"10"_s);
            QTest::keyClick(cash, Qt::Key_Return);
            // The sale is saved off the window's thread: the answer comes back in a moment.
            QTRY_VERIFY(!dialog->isWaiting());
            // The dialog stays with the reason; Esc goes back to the sale
            refusal = dialog->findChild<QLabel *>(u"errorLabel"_s)->text();
            QVERIFY(dialog->isVisible());
            QTest::keyClick(cash, Qt::Key_Escape);
        });
        QTest::keyClick(scanField(), Qt::Key_Return);
        QVERIFY2(refusal.contains(u"shift"_s), qPrintable(refusal));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 0);
        // Nothing lost: the sale is there, with its uuid, behind the "open a shift" screen
        QCOMPARE(cart()->rowCount(), 2);
        QVERIFY(!cart()->saleUuid().isEmpty());
        QCOMPARE(child<QStackedWidget>(u"modeStack"_s)->currentWidget()->objectName(),
                 u"noShiftPane"_s);
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

    void closingTheShiftCountsTheDrawerByNoteAndCoin()
    {
        m_store->openShift(kLane); // a float of 100.00
        showPage();
        scan(m_canCode);
        whenDialog<PaymentDialog>([this](PaymentDialog *dialog) {
            auto *cash = in<QLineEdit>(dialog, u"cashEdit"_s);
            QTest::keyClick(cash, Qt::Key_F2);
            QTest::keyClick(cash, Qt::Key_Return);
        });
        QTest::keyClick(scanField(), Qt::Key_Return);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM bills"_s), 1);
        QTRY_COMPARE(QApplication::focusWidget(), scanField());

        // Alt+S, C: the drawer is counted note by note: 100 + 1 + 0.10 + 0.05 + 2 × 0.02
        QString zTitle;
        whenMenu(Qt::Key_C);
        whenDialog<CloseShiftDialog>([this, &zTitle](CloseShiftDialog *dialog) {
            auto *view = in<QTableView>(dialog, u"countView"_s);
            QCOMPARE(QApplication::focusWidget(), view);
            QVERIFY(in<QLabel>(dialog, u"expectedValue"_s)->text().contains(u"101.19"_s));
            const auto count = [view](const QString &digits) {
                QTest::keyClicks(QApplication::focusWidget(), digits);
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
                QTest::qWait(20); // the editor commits and closes on the next turn of the loop
                Q_UNUSED(view);
            };
            const auto down = [view](int rows) {
                for (int i = 0; i < rows; ++i) {
                    QTest::keyClick(view, Qt::Key_Down);
                }
            };
            down(2); // 100 € note
            count(u"1"_s);
            down(5); // 1 € coin
            count(u"1"_s);
            down(2); // 10 cent
            count(u"1"_s);
            count(u"1"_s); // 5 cent, the next row
            count(u"2"_s); // 2 cent
            QTRY_COMPARE(dialog->counted().value_or(Money::invalid()), Money::fromMinor(10119));
            QVERIFY2(in<QLabel>(dialog, u"differenceValue"_s)->text().contains(u"0.00"_s),
                     qPrintable(in<QLabel>(dialog, u"differenceValue"_s)->text()));
            whenDialog<ShiftReportDialog>([&zTitle](ShiftReportDialog *report) {
                zTitle = report->windowTitle();
                QTest::keyClick(report, Qt::Key_Escape);
            });
            QTest::keyClick(view, Qt::Key_C, Qt::AltModifier);
        });
        QTest::keyClick(scanField(), Qt::Key_S, Qt::AltModifier);

        QVERIFY2(zTitle.contains(u"Z report 1"_s), qPrintable(zTitle));
        QCOMPARE(m_store->scalar(u"SELECT counted_cash_minor FROM shifts"_s), 10119);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM shifts WHERE closed_at IS NULL"_s), 0);
        QCOMPARE(child<QStackedWidget>(u"modeStack"_s)->currentWidget()->objectName(),
                 u"noShiftPane"_s);
        QVERIFY(child<MessageStrip>(u"noShiftMessageStrip"_s)->text().contains(u"1"_s));
    }

    void cashOutAsksAManagerAndIsCounted()
    {
        m_store->openShift(kLane);
        showPage();
        whenMenu(Qt::Key_U);
        whenDialog<AmountDialog>([this](AmountDialog *dialog) {
            auto *amount = in<QLineEdit>(dialog, u"amountEdit"_s);
            QTest::keyClicks(amount, u"20"_s);
            QTest::keyClick(amount, Qt::Key_Return);
            auto *reason = in<QLineEdit>(dialog, u"reasonEdit"_s);
            QCOMPARE(QApplication::focusWidget(), reason);
            whenDialog<ApprovalDialog>([this](ApprovalDialog *approval) {
                QTest::keyClicks(in<QLineEdit>(approval, u"managerEdit"_s), m_store->manager.login);
                QTest::keyClick(in<QLineEdit>(approval, u"managerEdit"_s), Qt::Key_Return);
                QTest::keyClicks(in<QLineEdit>(approval, u"pinEdit"_s), u"1234"_s);
                QTest::keyClick(in<QLineEdit>(approval, u"pinEdit"_s), Qt::Key_Return);
            });
            QTest::keyClicks(reason, u"To the safe"_s);
            QTest::keyClick(reason, Qt::Key_Return);
        });
        QTest::keyClick(scanField(), Qt::Key_S, Qt::AltModifier);

        const auto x = m_services->shifts.xReport();
        QVERIFY(x);
        QCOMPARE(x->cashOut, Money::fromMinor(2000));
        QCOMPARE(x->expectedCash, Money::fromMinor(10000 - 2000));
        QCOMPARE(strip()->kind(), MessageStrip::Kind::Success);
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
    }

    void quickKeysSell()
    {
        QVERIFY(SqlQuery::run(
                m_store->db(),
                u"INSERT INTO quick_keys (position, unit_id) VALUES (0, %1), (1, %2)"_s
                        .arg(m_bread.units.at(0).id)
                        .arg(m_cola.units.at(1).id)));
        m_store->openShift(kLane);
        showPage();
        auto *second = child<QPushButton>(u"quickKey2"_s);
        QVERIFY(second);
        QVERIFY(second->text().contains(u"Six-pack"_s));
        QTest::keyClick(scanField(), Qt::Key_1, Qt::AltModifier);
        QCOMPARE(cart()->rowCount(), 1);
        QCOMPARE(cart()->line(0).productName, u"Bread"_s);
        QTest::keyClicks(scanField(), u"2*"_s);
        QTest::keyClick(scanField(), Qt::Key_2, Qt::AltModifier);
        QCOMPARE(cart()->line(1).unitName, u"Six-pack"_s);
        QCOMPARE(cart()->line(1).quantity, 2);
        QVERIFY(scanField()->text().isEmpty());
    }
};

QTEST_MAIN(TestSalePage)
#include "tst_salepage.moc"
