#include "models/domain/barcode.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Barcode::Kind)

namespace Barcode {

// Found by QCOMPARE through argument-dependent lookup, so a failure names the kinds.
char *toString(Kind kind)
{
    switch (kind) {
    case Kind::Ean13:
        return qstrdup("Ean13");
    case Kind::Ean8:
        return qstrdup("Ean8");
    case Kind::UpcA:
        return qstrdup("UpcA");
    case Kind::Internal:
        return qstrdup("Internal");
    case Kind::Invalid:
        return qstrdup("Invalid");
    }
    return qstrdup("unknown Kind");
}

} // namespace Barcode

class TestBarcode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gs1CheckDigit_data();
    void gs1CheckDigit();
    void withCheckDigit_data();
    void withCheckDigit();
    void classify_data();
    void classify();
};

void TestBarcode::gs1CheckDigit_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("expected");

    QTest::newRow("EAN-13 4006381333931") << u"400638133393"_s << 1;
    QTest::newRow("EAN-13 5901234123457") << u"590123412345"_s << 7;
    QTest::newRow("EAN-8 96385074") << u"9638507"_s << 4;
    QTest::newRow("EAN-8 73513537") << u"7351353"_s << 7;
    QTest::newRow("UPC-A 036000291452") << u"03600029145"_s << 2;
    QTest::newRow("all zeros") << u"0000000"_s << 0;
    QTest::newRow("single digit") << u"1"_s << 7;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("letter inside") << u"12a4"_s << -1;
    QTest::newRow("space inside") << u"12 4"_s << -1;
    QTest::newRow("Arabic-Indic digits") << u"\u0661\u0662\u0663"_s << -1;
}

void TestBarcode::gs1CheckDigit()
{
    QFETCH(QString, digits);
    QFETCH(int, expected);

    QCOMPARE(Barcode::gs1CheckDigit(digits), expected);
}

void TestBarcode::withCheckDigit_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<Barcode::Kind>("kind");

    QTest::newRow("EAN-13") << u"400638133393"_s << u"4006381333931"_s << Barcode::Kind::Ean13;
    QTest::newRow("EAN-13 other") << u"590123412345"_s << u"5901234123457"_s
                                  << Barcode::Kind::Ean13;
    QTest::newRow("EAN-8") << u"9638507"_s << u"96385074"_s << Barcode::Kind::Ean8;
    QTest::newRow("UPC-A") << u"03600029145"_s << u"036000291452"_s << Barcode::Kind::UpcA;
    QTest::newRow("in-store EAN-13 prefix 2")
            << u"200000000001"_s << u"2000000000015"_s << Barcode::Kind::Ean13;
    QTest::newRow("not digits") << u"abc"_s << QString() << Barcode::Kind::Invalid;
    QTest::newRow("empty") << QString() << QString() << Barcode::Kind::Invalid;
}

void TestBarcode::withCheckDigit()
{
    QFETCH(QString, digits);
    QFETCH(QString, expected);
    QFETCH(Barcode::Kind, kind);

    const QString code = Barcode::withCheckDigit(digits);
    QCOMPARE(code, expected);
    QCOMPARE(Barcode::classify(code), kind);
}

void TestBarcode::classify_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<Barcode::Kind>("expected");

    using Barcode::Kind;
    QTest::newRow("EAN-13 4006381333931") << u"4006381333931"_s << Kind::Ean13;
    QTest::newRow("EAN-13 5901234123457") << u"5901234123457"_s << Kind::Ean13;
    QTest::newRow("EAN-8 96385074") << u"96385074"_s << Kind::Ean8;
    QTest::newRow("EAN-8 73513537") << u"73513537"_s << Kind::Ean8;
    QTest::newRow("UPC-A 036000291452") << u"036000291452"_s << Kind::UpcA;

    QTest::newRow("EAN-13 wrong check digit") << u"4006381333932"_s << Kind::Invalid;
    QTest::newRow("EAN-13 other wrong check digit") << u"5901234123450"_s << Kind::Invalid;
    QTest::newRow("EAN-13 swapped digits") << u"4006381333391"_s << Kind::Invalid;
    QTest::newRow("EAN-8 wrong check digit") << u"96385075"_s << Kind::Invalid;
    QTest::newRow("EAN-8 other wrong check digit") << u"73513530"_s << Kind::Invalid;
    QTest::newRow("UPC-A wrong check digit") << u"036000291453"_s << Kind::Invalid;
    QTest::newRow("EAN-13 with leading space") << u" 4006381333931"_s << Kind::Invalid;

    QTest::newRow("internal with letters") << u"ABC-123"_s << Kind::Internal;
    QTest::newRow("internal 5 digits") << u"12345"_s << Kind::Internal;
    QTest::newRow("internal 7 digits") << u"1234567"_s << Kind::Internal;
    QTest::newRow("internal 14 digits") << u"12345678901234"_s << Kind::Internal;
    QTest::newRow("internal one character") << u"A"_s << Kind::Internal;
    QTest::newRow("internal space inside") << u"Shelf 7"_s << Kind::Internal;
    QTest::newRow("internal accented") << u"Café-7"_s << Kind::Internal;
    QTest::newRow("internal 32 characters") << QString(32, u'X') << Kind::Internal;
    QTest::newRow("internal 32 characters outside the BMP")
            << QString(32, u'X').replace(0, 1, u"\U0001F37A"_s) << Kind::Internal;

    QTest::newRow("empty") << QString() << Kind::Invalid;
    QTest::newRow("leading space") << u" x"_s << Kind::Invalid;
    QTest::newRow("trailing space") << u"x "_s << Kind::Invalid;
    QTest::newRow("only a space") << u" "_s << Kind::Invalid;
    QTest::newRow("leading tab") << u"\tABC"_s << Kind::Invalid;
    QTest::newRow("control character inside") << u"AB\u0007C"_s << Kind::Invalid;
    QTest::newRow("line break inside") << u"A\nB"_s << Kind::Invalid;
    const QString loneSurrogate = u"A"_s + QChar(u'\xD800') + u"B"_s;
    QTest::newRow("lone surrogate") << loneSurrogate << Kind::Invalid;
    QTest::newRow("33 characters") << QString(33, u'X') << Kind::Invalid;
    QTest::newRow("40 characters")
            << u"ABCDEFGHIJ0123456789ABCDEFGHIJ0123456789"_s << Kind::Invalid;
}

void TestBarcode::classify()
{
    QFETCH(QString, code);
    QFETCH(Barcode::Kind, expected);

    QCOMPARE(Barcode::classify(code), expected);
    QCOMPARE(Barcode::isValid(code), expected != Barcode::Kind::Invalid);
}

QTEST_GUILESS_MAIN(TestBarcode)
#include "tst_barcode.moc"
