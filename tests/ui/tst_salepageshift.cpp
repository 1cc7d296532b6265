#include "models/db/sqlquery.h"
#include "tests/ui/salepagefixture.h"
#include "ui/approvaldialog.h"
#include "ui/closeshiftdialog.h"
#include "ui/paymentdialog.h"
#include "ui/recalldialog.h"
#include "ui/shiftreportdialog.h"

#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>

/*!
 * The sale screen around the sale itself, as a cashier uses it: parking and recalling a sale,
 * the shift that must be open to sell and its closing count, cash out and the quick keys. QTest
 * key events go into the scan field and into the dialogs it opens, then the database is asked
 * what happened.
 */
class TestSalePageShift : public SalePageFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        usePrivateUserFolders(u"tst_salepageshift"_s);
        QSettings().clear();
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

QTEST_MAIN(TestSalePageShift)
#include "tst_salepageshift.moc"
