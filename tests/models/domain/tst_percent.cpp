#include "models/domain/percent.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

//! Percentages typed and shown as people write them, kept as basis points.
class TestPercent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("basisPoints");
        QTest::newRow("whole") << u"de_DE"_s << u"19"_s << qint64(1900);
        QTest::newRow("German comma") << u"de_DE"_s << u"7,5"_s << qint64(750);
        QTest::newRow("dot in German") << u"de_DE"_s << u"7.5"_s << qint64(750);
        QTest::newRow("two decimals") << u"C"_s << u"2.25"_s << qint64(225);
        QTest::newRow("sign and percent") << u"C"_s << u"-10 %"_s << qint64(-1000);
        QTest::newRow("plus") << u"C"_s << u"+5%"_s << qint64(500);
        QTest::newRow("zero") << u"C"_s << u"0"_s << qint64(0);
        QTest::newRow("hundred") << u"de_DE"_s << u"100"_s << qint64(10000);
    }
    void reads()
    {
        QFETCH(QString, locale);
        QFETCH(QString, text);
        QFETCH(qint64, basisPoints);
        QCOMPARE(Percent::fromString(text, QLocale(locale)), std::optional<qint64>(basisPoints));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("three decimals") << u"7.125"_s;
        QTest::newRow("letters") << u"ten"_s;
        QTest::newRow("two signs") << u"+-5"_s;
        QTest::newRow("percent alone") << u"%"_s;
    }
    void refuses()
    {
        QFETCH(QString, text);
        QCOMPARE(Percent::fromString(text, QLocale::c()), std::nullopt);
    }

    void shows()
    {
        QCOMPARE(Percent::toPlainString(1900, QLocale::c()), u"19"_s);
        QCOMPARE(Percent::toPlainString(750, QLocale(u"de_DE"_s)), u"7,5"_s);
        QCOMPARE(Percent::toPlainString(725, QLocale::c()), u"7.25"_s);
        QCOMPARE(Percent::toPlainString(-1000, QLocale::c()), u"-10"_s);
        QCOMPARE(Percent::toPlainString(0, QLocale::c()), u"0"_s);
        QCOMPARE(Percent::toString(1900, QLocale::c()), u"19 %"_s);
    }
};

QTEST_GUILESS_MAIN(TestPercent)
#include "tst_percent.moc"
