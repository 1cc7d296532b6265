#include "models/domain/quantity.h"
#include "models/domain/scaninput.h"

#include <QTest>

using namespace Qt::StringLiterals;

//! The scan field's text as the sale screen reads it: "3*" sells three of what follows.
class TestScanInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("hasQuantity");
        QTest::addColumn<bool>("badQuantity");
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<QString>("rest");
        QTest::addColumn<qint64>("toSell");

        QTest::newRow("barcode") << u"4006381333931"_s << false << false << qint64(1)
                                 << u"4006381333931"_s << qint64(1);
        QTest::newRow("three times a barcode") << u"3*4006381333931"_s << true << false << qint64(3)
                                               << u"4006381333931"_s << qint64(3);
        QTest::newRow("times sign")
                << u"12×apple"_s << true << false << qint64(12) << u"apple"_s << qint64(12);
        QTest::newRow("spaces everywhere") << u"  3 *  red apple  "_s << true << false << qint64(3)
                                           << u"red apple"_s << qint64(3);
        QTest::newRow("prefix alone")
                << u"5*"_s << true << false << qint64(5) << QString() << qint64(5);
        QTest::newRow("empty") << QString() << false << false << qint64(1) << QString()
                               << qint64(1);
        QTest::newRow("spaces only")
                << u"   "_s << false << false << qint64(1) << QString() << qint64(1);
        QTest::newRow("text is trimmed")
                << u"  milk "_s << false << false << qint64(1) << u"milk"_s << qint64(1);
        // A minus is no prefix: the whole text is looked up, and nothing is sold negative.
        QTest::newRow("negative") << u"-2*x"_s << false << false << qint64(1) << u"-2*x"_s
                                  << qint64(1);
        QTest::newRow("zero") << u"0*x"_s << true << true << qint64(0) << u"x"_s << qint64(1);
        QTest::newRow("largest") << u"99999*x"_s << true << false
                                 << qint64(Quantity::kMaxUnitsPerLine) << u"x"_s << qint64(99999);
        QTest::newRow("one too many")
                << u"100000*x"_s << true << true << qint64(100000) << u"x"_s << qint64(1);
        // Too long for a number at all: still a refused quantity, never a barcode.
        QTest::newRow("overflows")
                << u"99999999999999999999*x"_s << true << true << qint64(0) << u"x"_s << qint64(1);
        QTest::newRow("star inside a code")
                << u"ab*3"_s << false << false << qint64(1) << u"ab*3"_s << qint64(1);
        QTest::newRow("second star stays")
                << u"2*3*x"_s << true << false << qint64(2) << u"3*x"_s << qint64(2);
        // Only ASCII digits make a prefix: a German or Arabic keyboard types the same ones.
        QTest::newRow("Arabic-Indic digits")
                << u"٣*x"_s << false << false << qint64(1) << u"٣*x"_s << qint64(1);
        QTest::newRow("letter x is no times sign")
                << u"3x4006"_s << false << false << qint64(1) << u"3x4006"_s << qint64(1);
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(bool, hasQuantity);
        QFETCH(bool, badQuantity);
        QFETCH(qint64, quantity);
        QFETCH(QString, rest);
        QFETCH(qint64, toSell);

        const ScanInput input = parseScanInput(text);

        QCOMPARE(input.hasQuantity, hasQuantity);
        QCOMPARE(input.badQuantity, badQuantity);
        QCOMPARE(input.quantity, quantity);
        QCOMPARE(input.rest, rest);
        QCOMPARE(input.quantityToSell(), toSell);
    }

    void digits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("digits");
        QTest::newRow("barcode") << u"4006381333931"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("letters") << u"40a6"_s << false;
        QTest::newRow("space") << u"4006 381"_s << false;
        QTest::newRow("sign") << u"-4006"_s << false;
        // Any script's digits: a scanner set to another keyboard still types a code.
        QTest::newRow("Arabic-Indic digits") << u"٣٤٥"_s << true;
    }
    void digits()
    {
        QFETCH(QString, text);
        QFETCH(bool, digits);
        QCOMPARE(isAllDigits(text), digits);
    }
};

QTEST_GUILESS_MAIN(TestScanInput)
#include "tst_scaninput.moc"
