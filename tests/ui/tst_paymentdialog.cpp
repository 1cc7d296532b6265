#include "models/services/serviceerror.h"
#include "ui/paymentdialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

//! The payment dialog driven by keys, as a cashier would: QTest key events only.
class TestPaymentDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PaymentDialog> m_dialog;
    std::unique_ptr<QSignalSpy> m_finished;

    static Money m(qint64 minor) { return Money::fromMinor(minor); }

    template<typename T>
    T *child(const QString &name)
    {
        return namedChild<T>(*m_dialog, name);
    }
    QLineEdit *cash() { return child<QLineEdit>(u"cashEdit"_s); }
    QLineEdit *cardAmount() { return child<QLineEdit>(u"cardAmountEdit"_s); }
    QLineEdit *cardReference() { return child<QLineEdit>(u"cardReferenceEdit"_s); }
    QPushButton *finish() { return child<QPushButton>(u"finishButton"_s); }
    QString text(const QString &label) { return child<QLabel>(label)->text(); }
    int tenderRows() { return child<QTreeWidget>(u"tendersView"_s)->topLevelItemCount(); }
    QString error() { return child<QLabel>(u"errorLabel"_s)->text(); }

    void open(qint64 totalMinor, qint64 roundingStep = 1)
    {
        m_dialog = std::make_unique<PaymentDialog>(m(totalMinor), roundingStep, u"€"_s);
        m_finished = std::make_unique<QSignalSpy>(m_dialog.get(), &PaymentDialog::finishRequested);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
        QCOMPARE(QApplication::focusWidget(), cash());
    }
    QList<Tender> finishedWith()
    {
        if (m_finished->isEmpty()) {
            return {};
        }
        return m_finished->last().at(0).value<QList<Tender>>();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_finished.reset();
        m_dialog.reset();
    }

    void cashShowsTheChangeAsItIsTypedAndEnterFinishes()
    {
        open(1230);
        QVERIFY(!finish()->isEnabled());
        QVERIFY(text(u"dueLabel"_s).contains(u"12.30"_s));

        // Given 50 typed into the cash field
        QTest::keyClicks(cash(), u"50"_s);
        // Then the change shows before anything is confirmed, and Finish is open
        QCOMPARE(m_dialog->settlement().change, m(3770));
        QVERIFY2(text(u"changeValue"_s).contains(u"37.70"_s), qPrintable(text(u"changeValue"_s)));
        QVERIFY(finish()->isEnabled());

        // When Enter is pressed, the sale asks to be committed with that cash
        QTest::keyClick(cash(), Qt::Key_Return);
        QCOMPARE(m_finished->count(), 1);
        const QList<Tender> tenders = finishedWith();
        QCOMPARE(tenders.size(), 1);
        QCOMPARE(tenders.at(0).method, Tender::Method::Cash);
        QCOMPARE(tenders.at(0).amount, m(5000));
    }

    void finishStaysDisabledUntilTheBillIsSettled()
    {
        open(1230);
        // Given 10 handed over: Enter takes it as a payment, and 2.30 remain
        QTest::keyClicks(cash(), u"10"_s);
        QVERIFY(!finish()->isEnabled());
        QTest::keyClick(cash(), Qt::Key_Return);
        QCOMPARE(m_finished->count(), 0);
        QCOMPARE(tenderRows(), 1);
        QVERIFY(cash()->text().isEmpty());
        QCOMPARE(m_dialog->settlement().remaining, m(230));
        QVERIFY(text(u"remainingValue"_s).contains(u"2.30"_s));
        QVERIFY(!finish()->isEnabled());
        // Enter on nothing says what is missing and finishes nothing
        QTest::keyClick(cash(), Qt::Key_Return);
        QCOMPARE(m_finished->count(), 0);
        QVERIFY2(error().contains(u"2.30"_s), qPrintable(error()));

        // When the exact rest is added with F2
        QTest::keyClick(cash(), Qt::Key_F2);
        QCOMPARE(tenderRows(), 2);
        QVERIFY(finish()->isEnabled());
        QCOMPARE(m_dialog->settlement().change, m(0));
        QTest::keyClick(cash(), Qt::Key_Return);
        QCOMPARE(m_finished->count(), 1);
        QCOMPARE(finishedWith().size(), 2);
        QCOMPARE(finishedWith().at(1).amount, m(230));
    }

    void quickNotesAddUp()
    {
        open(1230);
        QTest::keyClick(cash(), Qt::Key_F3); // 5
        QTest::keyClick(cash(), Qt::Key_F5); // 20
        QCOMPARE(tenderRows(), 2);
        QCOMPARE(m_dialog->settlement().change, m(2500 - 1230));
        QVERIFY(finish()->isEnabled());
        QTest::keyClick(cash(), Qt::Key_Return);
        QCOMPARE(m_finished->count(), 1);
    }

    void splitByCardAndCash()
    {
        open(1230);
        // Given F8: the card field offers what is open, and 5 is typed over it
        QTest::keyClick(cash(), Qt::Key_F8);
        QCOMPARE(QApplication::focusWidget(), cardAmount());
        QCOMPARE(cardAmount()->text(), u"12.30"_s);
        QTest::keyClicks(cardAmount(), u"5"_s);
        QTest::keyClick(cardAmount(), Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), cardReference());
        QTest::keyClicks(cardReference(), u"AUTH-4711"_s);
        QTest::keyClick(cardReference(), Qt::Key_Return);
        // Then the card is listed, the rest is open and the cash field has the focus
        QCOMPARE(tenderRows(), 1);
        QCOMPARE(QApplication::focusWidget(), cash());
        QCOMPARE(m_dialog->settlement().remaining, m(730));
        QVERIFY(text(u"remainingValue"_s).contains(u"7.30"_s));

        // When the rest comes in cash
        QTest::keyClicks(cash(), u"10"_s);
        QCOMPARE(m_dialog->settlement().change, m(270));
        QTest::keyClick(cash(), Qt::Key_Return);
        QCOMPARE(m_finished->count(), 1);
        const QList<Tender> tenders = finishedWith();
        QCOMPARE(tenders.size(), 2);
        QCOMPARE(tenders.at(0).method, Tender::Method::Card);
        QCOMPARE(tenders.at(0).amount, m(500));
        QCOMPARE(tenders.at(0).reference, u"AUTH-4711"_s);
        QCOMPARE(tenders.at(1).method, Tender::Method::Cash);
    }

    void cashRoundingIsItsOwnLine()
    {
        open(1232, 5);
        QVERIFY(text(u"cashDueLabel"_s).contains(u"12.30"_s));
        QVERIFY(child<QLabel>(u"roundingValue"_s)->isHidden());
        QTest::keyClicks(cash(), u"20"_s);
        // 12.32 in cash rounds to 12.30: the 2 cents show on a line of their own
        QCOMPARE(m_dialog->settlement().rounding, m(-2));
        QVERIFY(!child<QLabel>(u"roundingValue"_s)->isHidden());
        QVERIFY2(text(u"roundingValue"_s).contains(u"0.02"_s),
                 qPrintable(text(u"roundingValue"_s)));
        QCOMPARE(m_dialog->settlement().change, m(770));
        QVERIFY(text(u"changeValue"_s).contains(u"7.70"_s));

        // A card pays to the cent: no rounding without cash
        QTest::keyClick(cash(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(cash(), Qt::Key_Backspace);
        QTest::keyClick(cash(), Qt::Key_F8);
        QCOMPARE(cardAmount()->text(), u"12.32"_s);
        QCOMPARE(m_dialog->settlement().rounding, m(0));
        QVERIFY(child<QLabel>(u"roundingValue"_s)->isHidden());
        QVERIFY(finish()->isEnabled());
    }

    void cardOverpaymentIsRefused()
    {
        open(1230);
        QTest::keyClick(cash(), Qt::Key_F8);
        QTest::keyClicks(cardAmount(), u"20"_s);
        // The message is there as soon as it is typed, and Finish stays shut
        QVERIFY2(error().contains(u"card"_s, Qt::CaseInsensitive), qPrintable(error()));
        QVERIFY(!finish()->isEnabled());
        QTest::keyClick(cardAmount(), Qt::Key_Return);
        QTest::keyClick(cardReference(), Qt::Key_Return);
        QCOMPARE(tenderRows(), 0);
        QCOMPARE(m_finished->count(), 0);
        QVERIFY(!error().isEmpty());
        QCOMPARE(m_dialog->settlement().problem, Settlement::Problem::CardOverpaid);
    }

    void aFailedCommitKeepsEveryPayment()
    {
        open(1230);
        QTest::keyClick(cash(), Qt::Key_F4); // 10
        QTest::keyClicks(cash(), u"5"_s);
        m_dialog->showError({ServiceError::Code::Unavailable,
                             u"The till cannot reach its database."_s, u"driver text"_s});
        QCOMPARE(error(), u"The till cannot reach its database."_s);
        QCOMPARE(tenderRows(), 1);
        QCOMPARE(cash()->text(), u"5"_s);
        QVERIFY(finish()->isEnabled());
        QVERIFY(m_dialog->isVisible());
        // Enter tries again with the same payments
        QTest::keyClick(cash(), Qt::Key_Return);
        QCOMPARE(m_finished->count(), 1);
        QCOMPARE(finishedWith().size(), 2);
    }

    void badTextIsNamed()
    {
        open(1230);
        QTest::keyClicks(cash(), u"12x"_s);
        QVERIFY(!finish()->isEnabled());
        QVERIFY2(error().contains(u"12x"_s), qPrintable(error()));
        QTest::keyClick(cash(), Qt::Key_Return);
        QCOMPARE(tenderRows(), 0);
        QCOMPARE(m_finished->count(), 0);
        QTest::keyClick(cash(), Qt::Key_Backspace);
        QVERIFY(error().isEmpty());
        QVERIFY(!finish()->isEnabled());
    }

    void escapeCancels()
    {
        open(1230);
        QTest::keyClicks(cash(), u"50"_s);
        QTest::keyClick(cash(), Qt::Key_Escape);
        QVERIFY(!m_dialog->isVisible());
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
        QCOMPARE(m_finished->count(), 0);
    }
};

QTEST_MAIN(TestPaymentDialog)
#include "tests/common/namedchild.h"
#include "tst_paymentdialog.moc"
