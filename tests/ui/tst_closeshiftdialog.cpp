#include "tests/common/namedchild.h"
#include "ui/closeshiftdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

//! Counting the drawer at closing, with the expected cash in view or blind.
class TestCloseShiftDialog : public QObject
{
    Q_OBJECT

    static QString text(CloseShiftDialog &dialog, const QString &label)
    {
        return namedChild<QLabel>(dialog, label)->text().replace(QChar(0xa0), u' ');
    }

    static QString money(qint64 minor)
    {
        return Money::fromMinor(minor).toString(QLocale(), u"€"_s).replace(QChar(0xa0), u' ');
    }

    static void typeTotal(CloseShiftDialog &dialog, const QString &total)
    {
        namedChild<QRadioButton>(dialog, u"totalRadio"_s)->setChecked(true);
        auto *edit = namedChild<QLineEdit>(dialog, u"totalEdit"_s);
        QTest::keyClicks(edit, total);
    }

    static CloseShiftDialog *open(CloseShiftDialog::CountMode mode)
    {
        auto *dialog = new CloseShiftDialog(Money::fromMinor(51200), Denominations::of(u"EUR"_s),
                                            u"€"_s, nullptr, mode);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        return dialog;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::Germany)); }

    void theExpectedCashShowsWhileCounting()
    {
        CloseShiftDialog *dialog = open(CloseShiftDialog::CountMode::Open);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(text(*dialog, u"expectedValue"_s), money(51200));

        typeTotal(*dialog, u"500"_s);

        QCOMPARE(text(*dialog, u"differenceValue"_s), money(1200) + u" short"_s);
        auto *button = namedChild<QPushButton>(*dialog, u"closeShiftButton"_s);
        QCOMPARE(button->text(), u"&Close shift"_s);
        dialog->close();
    }

    void aBlindCountShowsTheExpectedCashOnlyAfterTheCount()
    {
        CloseShiftDialog *dialog = open(CloseShiftDialog::CountMode::Blind);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY2(!text(*dialog, u"expectedValue"_s).contains(u"512"_s),
                 qPrintable(text(*dialog, u"expectedValue"_s)));

        typeTotal(*dialog, u"500"_s);

        // While counting: neither what was expected nor how far off the count is.
        QCOMPARE(text(*dialog, u"countedValue"_s), money(50000));
        QVERIFY(!text(*dialog, u"expectedValue"_s).contains(u"512"_s));
        QVERIFY(!text(*dialog, u"differenceValue"_s).contains(u"12"_s));

        // When the count is in
        auto *button = namedChild<QPushButton>(*dialog, u"closeShiftButton"_s);
        QCOMPARE(button->text(), u"&Done counting"_s);
        QTest::mouseClick(button, Qt::LeftButton);

        // Then the dialog stays open, the count is fixed, and both figures show.
        QVERIFY(dialog->isVisible());
        QCOMPARE(text(*dialog, u"expectedValue"_s), money(51200));
        QCOMPARE(text(*dialog, u"differenceValue"_s), money(1200) + u" short"_s);
        QVERIFY(!namedChild<QLineEdit>(*dialog, u"totalEdit"_s)->isEnabled());
        QVERIFY(!namedChild<QTableView>(*dialog, u"countView"_s)->isEnabled());
        QCOMPARE(button->text(), u"&Close shift"_s);
        QCOMPARE(*dialog->counted(), Money::fromMinor(50000));
        dialog->close();
    }
};

QTEST_MAIN(TestCloseShiftDialog)
#include "tst_closeshiftdialog.moc"
