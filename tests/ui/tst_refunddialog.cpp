#include "models/items/billhistorymodel.h"
#include "models/items/refundlinesmodel.h"
#include "models/services/services.h"
#include "tests/common/modeltesters.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/approvaldialog.h"
#include "ui/refunddialog.h"
#include "ui/refundspage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

/*!
 * The Refunds area as a person uses it: a bill is found by its number, quantities and a
 * reason are typed, and Ctrl+Enter refunds. Driven with key events on the offscreen
 * platform, against the real services and database.
 */
class TestRefundDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<RefundsPage> m_page;
    std::unique_ptr<QTemporaryDir> m_receipts;
    Product m_apple;
    Product m_water;

    static Money m(qint64 minor) { return Money::fromMinor(minor); }
    QString money(qint64 minor) const
    {
        return m(minor).toString(QLocale(), m_services->catalogue.currencySymbol());
    }

    template<typename T>
    static T *child(QObject *parent, const QString &name)
    {
        return namedChild<T>(*parent, name);
    }

    //! Sells quantity of the product's unit for cash at lane 1; returns the bill's number.
    qint64 sell(const Product &product, int unit, qint64 quantity)
    {
        Cart cart;
        CheckoutService::addToCart(
                cart, CheckoutService::lineFor(product, product.units.at(unit), quantity));
        const Money total = Pricing::price(cart).total;
        const auto sale = m_services->checkout.commit(cart, {{Tender::Method::Cash, total, {}}},
                                                      CheckoutService::newSaleUuid());
        if (!sale) {
            qWarning() << sale.error().message << sale.error().details;
            return 0;
        }
        return sale->bill.number;
    }

    void showPage()
    {
        m_page = std::make_unique<RefundsPage>(*m_services);
        m_page->resize(1200, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    //! Scans or types the code into the page and presses Enter; the dialog that opened.
    RefundDialog *openBill(const QString &code)
    {
        auto *codeEdit = child<QLineEdit>(m_page.get(), u"codeEdit"_s);
        codeEdit->setFocus();
        QTest::keyClicks(codeEdit, code);
        QTest::keyClick(codeEdit, Qt::Key_Return);
        RefundDialog *dialog = m_page->refundDialog();
        if (dialog) {
            watchItemModels(dialog);
        }
        if (dialog && !focus(dialog)) {
            qWarning("the refund dialog did not become active");
        }
        return dialog;
    }

    static QTableView *linesView(RefundDialog *dialog)
    {
        return child<QTableView>(dialog, u"linesView"_s);
    }
    static QPushButton *refundButton(RefundDialog *dialog)
    {
        return child<QPushButton>(dialog, u"refundButton"_s);
    }
    static QString cell(RefundDialog *dialog, int row, int column, int role = Qt::DisplayRole)
    {
        return dialog->linesModel()->index(row, column).data(role).toString();
    }

    //! Types into the "Refund" cell of the row as a person does: digits, then Enter.
    static void typeQuantity(RefundDialog *dialog, int row, const QString &digits)
    {
        QTableView *view = linesView(dialog);
        view->setFocus();
        view->setCurrentIndex(dialog->linesModel()->index(row, RefundLinesModel::QuantityColumn));
        // The first key opens the editor in the cell; the rest go to the editor.
        QTest::keyClick(view, digits.front().toLatin1());
        for (qsizetype i = 1; i < digits.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), digits.at(i).toLatin1());
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCoreApplication::processEvents();
    }

    static void typeReason(RefundDialog *dialog, const QString &reason)
    {
        auto *combo = child<QComboBox>(dialog, u"reasonCombo"_s);
        combo->setFocus();
        QTest::keyClicks(combo->lineEdit(), reason);
    }

    /*!
     * Waits until the dialog's window has the focus. The offscreen platform moves it a
     * moment after a dialog shows (or after the approval on top of it closed), and key
     * shortcuts go to the focused window; a person would wait for the dialog too.
     */
    static bool focus(QWidget *dialog)
    {
        dialog->activateWindow();
        return QTest::qWaitFor(
                [dialog] { return QGuiApplication::focusWindow() == dialog->windowHandle(); });
    }

    static void pressRefund(RefundDialog *dialog)
    {
        if (!focus(dialog)) {
            qWarning("the refund dialog cannot get the focus");
        }
        QTest::keyClick(dialog, Qt::Key_Return, Qt::ControlModifier);
    }

    //! Why a dialog is still open, for failure messages.
    static QByteArray stillOpen(const QPointer<RefundDialog> &dialog)
    {
        if (!dialog) {
            return {};
        }
        return u"error: \"%1\" preview: \"%2\""_s
                .arg(child<QLabel>(dialog, u"errorLabel"_s)->text(),
                     child<QLabel>(dialog, u"previewLabel"_s)->text())
                .toUtf8();
    }

    //! Refunds with Ctrl+Enter and waits for the dialog to close.
    bool refundAndClose(RefundDialog *dialog)
    {
        const QPointer<RefundDialog> guard(dialog);
        pressRefund(dialog);
        if (!QTest::qWaitFor([this] { return !m_page->refundDialog(); }, 2000)) {
            qWarning("the dialog stayed open: %s", stillOpen(guard).constData());
            return false;
        }
        return true;
    }

    /*!
     * Runs work on the modal dialog of type T as soon as it is up (the approval dialog
     * runs its own event loop, so the test must act from inside it).
     */
    template<typename T>
    static void whenModal(std::function<void(T *)> work, int attempts = 200)
    {
        QTimer::singleShot(10, qApp, [work, attempts] {
            if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
                work(dialog);
            } else if (attempts > 0) {
                whenModal<T>(work, attempts - 1);
            } else {
                qWarning("no modal dialog came up");
            }
        });
    }

    static void approveAs(ApprovalDialog *dialog, const QString &login, const QString &pin)
    {
        auto *manager = child<QLineEdit>(dialog, u"managerEdit"_s);
        auto *pinEdit = child<QLineEdit>(dialog, u"pinEdit"_s);
        QTest::keyClicks(manager, login);
        QTest::keyClick(manager, Qt::Key_Return);
        QTest::keyClicks(pinEdit, pin);
        QTest::keyClick(pinEdit, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_apple = m_store->addProduct(u"APL"_s, u"Apple"_s, {{u"Piece"_s, 1, 200, {}}}, 100);
        m_water = m_store->addProduct(u"WTR"_s, u"Water"_s,
                                      {{u"Bottle"_s, 1, 100, {}}, {u"Crate of 6"_s, 6, 500, {}}},
                                      60);
        m_services = m_store->services(m_store->manager);
        m_receipts = std::make_unique<QTemporaryDir>();
        QVERIFY(m_receipts->isValid());
        ReceiptPrinter::Config printer;
        printer.kind = ReceiptPrinter::Kind::PdfFolder;
        printer.pdfFolder = m_receipts->path();
        m_services->printer.setConfig(printer);
        QVERIFY(m_services->shifts.open(m(10000)));
    }

    void cleanup()
    {
        m_page.reset();
        if (m_services) {
            m_services->printer.waitForDone();
        }
        m_services.reset();
        m_receipts.reset();
        m_store.reset();
    }

    void refundTwoOfFive()
    {
        // Given a bill of 5 apples, paid in cash
        QCOMPARE(sell(m_apple, 0, 5), 1);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'APL'"_s), 95);
        showPage();

        // When the manager types its number, 2 as the quantity and a reason, and refunds
        RefundDialog *dialog = openBill(u"1"_s);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"Refund of bill 1-000001"_s);
        QCOMPARE(child<QLabel>(dialog, u"billLabel"_s)->text(), u"1-000001"_s);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::ProductColumn), u"Apple"_s);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::SoldColumn), u"5"_s);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::RefundableColumn), u"5"_s);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::PaidColumn), money(1000));
        QCOMPARE(cell(dialog, 0, RefundLinesModel::EachColumn), money(200));
        QVERIFY(!refundButton(dialog)->isEnabled());

        typeQuantity(dialog, 0, u"2"_s);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::QuantityColumn, Qt::EditRole), u"2"_s);
        // The preview follows at once: the line's amount and the total.
        QCOMPARE(cell(dialog, 0, RefundLinesModel::AmountColumn), money(400));
        QCOMPARE(child<QLabel>(dialog, u"previewTotalLabel"_s)->text(),
                 u"Refund %1"_s.arg(money(400)));
        QVERIFY(child<QLabel>(dialog, u"previewLabel"_s)->text().contains(u"in cash"_s));
        QVERIFY(!refundButton(dialog)->isEnabled());

        typeReason(dialog, u"Changed their mind"_s);
        QVERIFY(refundButton(dialog)->isEnabled());
        QSignalSpy printed(&m_services->printer, &ReceiptPrinter::printed);
        QSignalSpy committed(&m_services->refunds, &RefundService::refundCommitted);
        QPointer<RefundDialog> closing = dialog;
        pressRefund(dialog);

        // Then the refund is written, its receipt printed, and the page says which it is
        QCOMPARE(committed.count(), 1);
        QTRY_VERIFY(!closing || !closing->isVisible());
        QTRY_COMPARE(printed.count(), 1);
        QCOMPARE(printed.first().first().toString(), u"R1-000001"_s);
        QVERIFY(QFileInfo::exists(QDir(m_receipts->path()).filePath(u"refund-R1-000001.pdf"_s)));
        const QString done = child<QLabel>(m_page.get(), u"doneLabel"_s)->text();
        QVERIFY2(done.contains(u"Refund R1-000001 of bill 1-000001"_s), qPrintable(done));
        QVERIFY2(done.contains(money(400)), qPrintable(done));

        // The stock is back up by 2 and the ledger agrees with it
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'APL'"_s), 97);
        QCOMPARE(m_store->scalar(u"SELECT refunded_base_quantity FROM bill_items"_s), 2);
        QCOMPARE(m_store->scalar(u"SELECT approved_by IS NULL FROM refunds"_s), 1);
        QCOMPARE(m_store->ledgerMismatches(), 0);

        // And the bill, opened again, shows 2 refunded and 3 still refundable
        dialog = openBill(u"1-000001"_s);
        QVERIFY(dialog);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::RefundedColumn), u"2"_s);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::RefundableColumn), u"3"_s);
        QCOMPARE(child<QLabel>(dialog, u"refundedLabel"_s)->text(), money(400));
        QCOMPARE(dialog->linesModel()
                         ->index(0, RefundLinesModel::QuantityColumn)
                         .data(RefundLinesModel::MaximumRole)
                         .toLongLong(),
                 3);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!m_page->refundDialog());
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 1);
    }

    void theHistoryOpensABillAndCountsItsRefund()
    {
        QCOMPARE(sell(m_apple, 0, 5), 1);
        QCOMPARE(sell(m_apple, 0, 1), 2);
        showPage();
        auto *view = child<QTableView>(m_page.get(), u"billsView"_s);
        QCOMPARE(view->model()->rowCount(), 2);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(1, BillHistoryModel::BillColumn));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY(m_page->refundDialog());
        RefundDialog *dialog = m_page->refundDialog();
        QVERIFY(focus(dialog));
        QCOMPARE(child<QLabel>(dialog, u"billLabel"_s)->text(), u"1-000001"_s);

        QTest::mouseClick(child<QPushButton>(dialog, u"everythingButton"_s), Qt::LeftButton);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::QuantityColumn), u"5"_s);
        typeReason(dialog, u"Damaged or faulty"_s);
        // Damaged: they do not go back on the shelf.
        dialog->linesModel()->setData(
                dialog->linesModel()->index(0, RefundLinesModel::RestockColumn), Qt::Unchecked,
                Qt::CheckStateRole);
        QVERIFY(refundAndClose(dialog));

        QCOMPARE(view->model()->index(1, BillHistoryModel::RefundedColumn).data().toString(),
                 money(1000));
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'APL'"_s), 94);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aCashierIsAskedForApproval()
    {
        QCOMPARE(sell(m_apple, 0, 5), 1);
        m_services->session.signIn(m_store->cashier);
        showPage();
        RefundDialog *dialog = openBill(u"1"_s);
        QVERIFY(dialog);
        typeQuantity(dialog, 0, u"1"_s);
        typeReason(dialog, u"Wrong item"_s);
        QVERIFY(refundButton(dialog)->isEnabled());

        // When the cashier refunds, a manager is asked; cancelling refunds nothing
        bool asked = false;
        whenModal<ApprovalDialog>([&asked](ApprovalDialog *approval) {
            asked = true;
            approval->reject();
        });
        pressRefund(dialog);
        QVERIFY2(asked, stillOpen(dialog).constData());
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(dialog, u"errorLabel"_s)->text().contains(u"approval"_s));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 0);

        // Then Maria approves with her PIN, and the same refund goes through
        const QString uuid = dialog->uuid();
        asked = false;
        whenModal<ApprovalDialog>([&asked](ApprovalDialog *approval) {
            asked = true;
            approveAs(approval, u"maria"_s, u"1234"_s);
        });
        pressRefund(dialog);
        QVERIFY2(asked, stillOpen(dialog).constData());
        QTRY_VERIFY(!m_page->refundDialog());
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 1);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds WHERE uuid = '%1'"_s.arg(uuid)), 1);
        QCOMPARE(m_store->scalar(u"SELECT approved_by FROM refunds"_s), m_store->manager.id);
        QCOMPARE(m_store->scalar(u"SELECT cashier_id FROM refunds"_s), m_store->cashier.id);
        QCOMPARE(m_store->scalar(u"SELECT approved_by FROM audit_log WHERE action = 'refund'"_s),
                 m_store->manager.id);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void moreThanWasSoldCannotBeEntered()
    {
        QCOMPARE(sell(m_apple, 0, 5), 1);
        showPage();
        RefundDialog *dialog = openBill(u"1"_s);
        QVERIFY(dialog);
        RefundLinesModel *lines = dialog->linesModel();
        const QModelIndex quantity = lines->index(0, RefundLinesModel::QuantityColumn);

        // The editor does not take a 6 when 5 were sold, and the model refuses it too.
        typeQuantity(dialog, 0, u"6"_s);
        QCOMPARE(quantity.data(Qt::EditRole).toLongLong(), 0);
        QVERIFY(!lines->setData(quantity, 6));
        QCOMPARE(quantity.data(Qt::EditRole).toLongLong(), 0);
        QVERIFY(!refundButton(dialog)->isEnabled());

        // 5 are typed; meanwhile another till takes one back.
        typeQuantity(dialog, 0, u"5"_s);
        QCOMPARE(quantity.data(Qt::EditRole).toLongLong(), 5);
        typeReason(dialog, u"Changed their mind"_s);
        RefundService::Request elsewhere;
        elsewhere.billId = lines->bill().id;
        elsewhere.reason = u"At the other till"_s;
        elsewhere.lines = {{lines->bill().lines.first().billItemId, 1, false, true}};
        QVERIFY(m_services->refunds.commit(elsewhere, CheckoutService::newSaleUuid()));

        // Refunding now is refused with the reason; the dialog stays with what was typed
        // and shows the bill as it is now.
        pressRefund(dialog);
        QVERIFY(dialog->isVisible());
        const QString message = child<QLabel>(dialog, u"errorLabel"_s)->text();
        QVERIFY2(message.contains(u"Only 4"_s), qPrintable(message));
        QCOMPARE(quantity.data(Qt::EditRole).toLongLong(), 5);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::RefundableColumn), u"4"_s);
        QVERIFY(!quantity.data(RefundLinesModel::ProblemRole).toString().isEmpty());
        QVERIFY(!refundButton(dialog)->isEnabled());
        QCOMPARE(child<QComboBox>(dialog, u"reasonCombo"_s)->currentText(),
                 u"Changed their mind"_s);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 1);

        // 4 goes through.
        typeQuantity(dialog, 0, u"4"_s);
        QVERIFY(refundButton(dialog)->isEnabled());
        QVERIFY(refundAndClose(dialog));
        QCOMPARE(m_store->scalar(u"SELECT refunded_base_quantity FROM bill_items"_s), 5);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void noReasonNoRefund()
    {
        QCOMPARE(sell(m_apple, 0, 5), 1);
        showPage();
        RefundDialog *dialog = openBill(u"1"_s);
        QVERIFY(dialog);
        typeQuantity(dialog, 0, u"1"_s);
        QVERIFY(!refundButton(dialog)->isEnabled());
        QVERIFY(child<QLabel>(dialog, u"previewLabel"_s)->text().contains(u"reason"_s));
        pressRefund(dialog);
        typeReason(dialog, u"   "_s);
        QVERIFY(!refundButton(dialog)->isEnabled());
        pressRefund(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM refunds"_s), 0);

        typeReason(dialog, u"Wrong item"_s);
        QVERIFY(refundButton(dialog)->isEnabled());
    }

    void aPackComesBackInBaseUnits()
    {
        // A crate of 6 bottles; 4 bottles come back.
        QCOMPARE(sell(m_water, 1, 1), 1);
        showPage();
        RefundDialog *dialog = openBill(u"1"_s);
        QVERIFY(dialog);
        RefundLinesModel *lines = dialog->linesModel();
        QCOMPARE(cell(dialog, 0, RefundLinesModel::UnitColumn), u"Crate of 6"_s);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::CountInColumn), u"Crate of 6"_s);
        QVERIFY(lines->setData(lines->index(0, RefundLinesModel::CountInColumn), qint64(1)));
        QCOMPARE(cell(dialog, 0, RefundLinesModel::CountInColumn), u"Piece"_s);
        QCOMPARE(lines->index(0, RefundLinesModel::QuantityColumn)
                         .data(RefundLinesModel::MaximumRole)
                         .toLongLong(),
                 6);
        typeQuantity(dialog, 0, u"4"_s);
        typeReason(dialog, u"Changed their mind"_s);
        // 4 of 6 of 5.00: 3.33.
        QCOMPARE(cell(dialog, 0, RefundLinesModel::AmountColumn), money(333));
        QVERIFY(refundAndClose(dialog));
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'WTR'"_s),
                 60 - 6 + 4);
        QCOMPARE(m_store->ledgerMismatches(), 0);

        // What is left is 2 bottles of an opened crate: counted in bottles from the start.
        dialog = openBill(u"1"_s);
        QVERIFY(dialog);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::RefundedColumn),
                 u"0 × Crate of 6 + 4 × Piece"_s);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::RefundableColumn),
                 u"0 × Crate of 6 + 2 × Piece"_s);
        QCOMPARE(cell(dialog, 0, RefundLinesModel::CountInColumn), u"Piece"_s);
        QTest::keyClick(dialog, Qt::Key_Escape);
    }

    void anUnknownNumberIsSaidInTheStrip()
    {
        QCOMPARE(sell(m_apple, 0, 5), 1);
        showPage();
        QVERIFY(!openBill(u"1-000099"_s));
        const QString message = child<QLabel>(m_page.get(), u"errorLabel"_s)->text();
        QVERIFY2(message.contains(u"no bill 99"_s), qPrintable(message));
        auto *codeEdit = child<QLineEdit>(m_page.get(), u"codeEdit"_s);
        // The wrong number stays, selected, so the next scan replaces it.
        QCOMPARE(codeEdit->selectedText(), u"1-000099"_s);
        QCOMPARE(QApplication::focusWidget(), codeEdit);
        QVERIFY(openBill(u"1-000001"_s));
    }
};

QTEST_MAIN(TestRefundDialog)
#include "tst_refunddialog.moc"
