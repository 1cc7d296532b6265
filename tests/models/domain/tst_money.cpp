#include "models/domain/money.h"

#include <QLocale>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

QLocale german()
{
    return QLocale(QLocale::German, QLocale::Germany);
}

QLocale american()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

Money m(qint64 minor)
{
    return Money::fromMinor(minor);
}

} // namespace

// Found by QCOMPARE through argument-dependent lookup, so a failure prints both amounts.
char *toString(const Money &money)
{
    if (!money.isValid()) {
        return qstrdup("Money(invalid)");
    }
    const QByteArray text = "Money(" + QByteArray::number(money.minor()) + ')';
    return qstrdup(text.constData());
}

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundedDiv_data();
    void roundedDiv();
    void addition_data();
    void addition();
    void subtraction_data();
    void subtraction();
    void negation_data();
    void negation();
    void times_data();
    void times();
    void scaled_data();
    void scaled();
    void percent_data();
    void percent();
    void roundedTo_data();
    void roundedTo();
    void invalidState_data();
    void invalidState();
    void ordering_data();
    void ordering();
    void toString_data();
    void toString();
    void toPlainString_data();
    void toPlainString();
    void fromString_data();
    void fromString();
    void roundTrip_data();
    void roundTrip();
};

void TestMoney::roundedDiv_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("exact") << 10LL << 1LL << 2LL << true << 5LL;
    QTest::newRow("0.4 stays 0") << 4LL << 1LL << 10LL << true << 0LL;
    QTest::newRow("0.49 stays 0") << 49LL << 1LL << 100LL << true << 0LL;
    QTest::newRow("0.5 up to 1") << 1LL << 1LL << 2LL << true << 1LL;
    QTest::newRow("1.5 up to 2") << 3LL << 1LL << 2LL << true << 2LL;
    QTest::newRow("2.5 up to 3, not to even") << 5LL << 1LL << 2LL << true << 3LL;
    QTest::newRow("0.6 up to 1") << 6LL << 1LL << 10LL << true << 1LL;
    QTest::newRow("-0.4 stays 0") << -4LL << 1LL << 10LL << true << 0LL;
    QTest::newRow("-0.5 down to -1") << -1LL << 1LL << 2LL << true << -1LL;
    QTest::newRow("-1.5 down to -2") << -3LL << 1LL << 2LL << true << -2LL;
    QTest::newRow("-2.5 down to -3") << -5LL << 1LL << 2LL << true << -3LL;
    QTest::newRow("negative numerator") << 5LL << -1LL << 2LL << true << -3LL;
    QTest::newRow("negative denominator") << 5LL << 1LL << -2LL << true << -3LL;
    QTest::newRow("both negative") << -5LL << 1LL << -2LL << true << 3LL;
    QTest::newRow("1/3") << 100LL << 1LL << 3LL << true << 33LL;
    QTest::newRow("2/3") << 100LL << 2LL << 3LL << true << 67LL;
    QTest::newRow("zero value") << 0LL << 7LL << 3LL << true << 0LL;
    QTest::newRow("zero denominator") << 5LL << 1LL << 0LL << false << 0LL;
    QTest::newRow("max times max over max") << kMax << kMax << kMax << true << kMax;
    QTest::newRow("min times min over min") << kMin << kMin << kMin << true << kMin;
    QTest::newRow("max times min over min") << kMax << kMin << kMin << true << kMax;
    QTest::newRow("half of max rounds up") << kMax << 1LL << 2LL << true << (1LL << 62);
    QTest::newRow("min over 1") << kMin << 1LL << 1LL << true << kMin;
    QTest::newRow("min over -1 overflows") << kMin << 1LL << -1LL << false << 0LL;
    QTest::newRow("min times -1 overflows") << kMin << -1LL << 1LL << false << 0LL;
    QTest::newRow("max times 2 overflows") << kMax << 2LL << 1LL << false << 0LL;
    QTest::newRow("max times 3/2 overflows") << kMax << 3LL << 2LL << false << 0LL;
    QTest::newRow("max times max overflows") << kMax << kMax << 1LL << false << 0LL;
}

void TestMoney::roundedDiv()
{
    QFETCH(qint64, value);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(bool, fits);
    QFETCH(qint64, expected);

    const std::optional<qint64> result = ::roundedDiv(value, numerator, denominator);
    QCOMPARE(result.has_value(), fits);
    if (fits) {
        QCOMPARE(*result, expected);
    }
}

void TestMoney::addition_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<Money>("expected");

    QTest::newRow("positive") << m(100) << m(250) << m(350);
    QTest::newRow("negative") << m(-100) << m(-250) << m(-350);
    QTest::newRow("mixed signs") << m(-100) << m(50) << m(-50);
    QTest::newRow("zero") << m(0) << m(0) << m(0);
    QTest::newRow("max and min") << m(kMax) << m(kMin) << m(-1);
    QTest::newRow("up to max") << m(kMax - 1) << m(1) << m(kMax);
    QTest::newRow("down to min") << m(kMin + 1) << m(-1) << m(kMin);
    QTest::newRow("past max") << m(kMax) << m(1) << Money::invalid();
    QTest::newRow("past min") << m(kMin) << m(-1) << Money::invalid();
    QTest::newRow("max twice") << m(kMax) << m(kMax) << Money::invalid();
    QTest::newRow("invalid left") << Money::invalid() << m(1) << Money::invalid();
    QTest::newRow("invalid right") << m(1) << Money::invalid() << Money::invalid();
    QTest::newRow("invalid plus zero") << Money::invalid() << m(0) << Money::invalid();
    QTest::newRow("both invalid") << Money::invalid() << Money::invalid() << Money::invalid();
}

void TestMoney::addition()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(Money, expected);

    QCOMPARE(a + b, expected);
    QCOMPARE(b + a, expected);
    Money sum = a;
    sum += b;
    QCOMPARE(sum, expected);
}

void TestMoney::subtraction_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<Money>("expected");

    QTest::newRow("positive") << m(350) << m(250) << m(100);
    QTest::newRow("below zero") << m(0) << m(1) << m(-1);
    QTest::newRow("negative minus negative") << m(-100) << m(-250) << m(150);
    QTest::newRow("down to min") << m(-1) << m(kMax) << m(kMin);
    QTest::newRow("past min") << m(kMin) << m(1) << Money::invalid();
    QTest::newRow("past max") << m(kMax) << m(-1) << Money::invalid();
    QTest::newRow("zero minus min") << m(0) << m(kMin) << Money::invalid();
    QTest::newRow("invalid left") << Money::invalid() << m(0) << Money::invalid();
    QTest::newRow("invalid right") << m(0) << Money::invalid() << Money::invalid();
    QTest::newRow("invalid minus invalid")
            << Money::invalid() << Money::invalid() << Money::invalid();
}

void TestMoney::subtraction()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(Money, expected);

    QCOMPARE(a - b, expected);
    Money difference = a;
    difference -= b;
    QCOMPARE(difference, expected);
}

void TestMoney::negation_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<Money>("expected");

    QTest::newRow("positive") << m(5) << m(-5);
    QTest::newRow("negative") << m(-5) << m(5);
    QTest::newRow("zero") << m(0) << m(0);
    QTest::newRow("max") << m(kMax) << m(-kMax);
    QTest::newRow("min has no opposite") << m(kMin) << Money::invalid();
    QTest::newRow("invalid") << Money::invalid() << Money::invalid();
}

void TestMoney::negation()
{
    QFETCH(Money, amount);
    QFETCH(Money, expected);

    QCOMPARE(-amount, expected);
}

void TestMoney::times_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<Money>("expected");

    QTest::newRow("three units") << m(250) << 3LL << m(750);
    QTest::newRow("negative price") << m(-250) << 3LL << m(-750);
    QTest::newRow("returned units") << m(250) << -3LL << m(-750);
    QTest::newRow("zero units") << m(250) << 0LL << m(0);
    QTest::newRow("zero price, huge quantity") << m(0) << kMax << m(0);
    QTest::newRow("large quantity") << m(199) << 1000000000LL << m(199000000000LL);
    QTest::newRow("max once") << m(kMax) << 1LL << m(kMax);
    QTest::newRow("max twice") << m(kMax) << 2LL << Money::invalid();
    QTest::newRow("just past max") << m(kMax / 2 + 1) << 2LL << Money::invalid();
    QTest::newRow("min negated") << m(kMin) << -1LL << Money::invalid();
    QTest::newRow("invalid times zero") << Money::invalid() << 0LL << Money::invalid();
}

void TestMoney::times()
{
    QFETCH(Money, amount);
    QFETCH(qint64, quantity);
    QFETCH(Money, expected);

    QCOMPARE(amount.times(quantity), expected);
}

void TestMoney::scaled_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<Money>("expected");

    QTest::newRow("a third") << m(100) << 1LL << 3LL << m(33);
    QTest::newRow("two thirds") << m(100) << 2LL << 3LL << m(67);
    QTest::newRow("3 for 2") << m(897) << 2LL << 3LL << m(598);
    QTest::newRow("0.5 cent") << m(1) << 1LL << 2LL << m(1);
    QTest::newRow("1.5 cent") << m(3) << 1LL << 2LL << m(2);
    QTest::newRow("2.5 cent") << m(5) << 1LL << 2LL << m(3);
    QTest::newRow("-0.5 cent") << m(-1) << 1LL << 2LL << m(-1);
    QTest::newRow("-2.5 cent") << m(-5) << 1LL << 2LL << m(-3);
    QTest::newRow("huge numerator and denominator") << m(1000) << kMax << kMax << m(1000);
    QTest::newRow("huge numerator, small result") << m(3) << kMax << kMax - 1 << m(3);
    QTest::newRow("max unchanged") << m(kMax) << kMax << kMax << m(kMax);
    QTest::newRow("huge numerator overflows") << m(2) << kMax << 1LL << Money::invalid();
    QTest::newRow("doubling max overflows") << m(kMax) << 2LL << 1LL << Money::invalid();
    QTest::newRow("zero denominator") << m(100) << 1LL << 0LL << Money::invalid();
    QTest::newRow("invalid") << Money::invalid() << 1LL << 1LL << Money::invalid();
}

void TestMoney::scaled()
{
    QFETCH(Money, amount);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(Money, expected);

    QCOMPARE(amount.scaled(numerator, denominator), expected);
}

void TestMoney::percent_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<qint64>("basisPoints");
    QTest::addColumn<Money>("expected");

    QTest::newRow("19 % of 10.00") << m(1000) << 1900LL << m(190);
    QTest::newRow("19 % of 19.99") << m(1999) << 1900LL << m(380); // 379.81
    QTest::newRow("19 % of 2.50") << m(250) << 1900LL << m(48);    // 47.5
    QTest::newRow("19 % of -2.50") << m(-250) << 1900LL << m(-48); // -47.5
    QTest::newRow("19 % of 0.01") << m(1) << 1900LL << m(0);       // 0.19
    QTest::newRow("7 % of 10.00") << m(1000) << 700LL << m(70);
    QTest::newRow("7 % of 19.99") << m(1999) << 700LL << m(140); // 139.93
    QTest::newRow("7 % of 0.50") << m(50) << 700LL << m(4);      // 3.5
    QTest::newRow("7 % of -0.50") << m(-50) << 700LL << m(-4);   // -3.5
    QTest::newRow("7 % of 0.07") << m(7) << 700LL << m(0);       // 0.49
    QTest::newRow("0 %") << m(1999) << 0LL << m(0);
    QTest::newRow("100 %") << m(1999) << 10000LL << m(1999);
    QTest::newRow("100 % of negative") << m(-1999) << 10000LL << m(-1999);
    QTest::newRow("50 % of 0.01") << m(1) << 5000LL << m(1);    // 0.5
    QTest::newRow("50 % of 0.03") << m(3) << 5000LL << m(2);    // 1.5
    QTest::newRow("50 % of 0.05") << m(5) << 5000LL << m(3);    // 2.5
    QTest::newRow("50 % of -0.01") << m(-1) << 5000LL << m(-1); // -0.5
    QTest::newRow("50 % of -0.05") << m(-5) << 5000LL << m(-3); // -2.5
    QTest::newRow("negative share") << m(1000) << -1900LL << m(-190);
    QTest::newRow("100 % of max") << m(kMax) << 10000LL << m(kMax);
    QTest::newRow("200 % of max overflows") << m(kMax) << 20000LL << Money::invalid();
    QTest::newRow("invalid") << Money::invalid() << 1900LL << Money::invalid();
}

void TestMoney::percent()
{
    QFETCH(Money, amount);
    QFETCH(qint64, basisPoints);
    QFETCH(Money, expected);

    QCOMPARE(amount.percent(basisPoints), expected);
}

void TestMoney::roundedTo_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<Money>("expected");

    QTest::newRow("1.02 to 1.00") << m(102) << 5LL << m(100);
    QTest::newRow("1.03 to 1.05") << m(103) << 5LL << m(105);
    QTest::newRow("1.05 stays") << m(105) << 5LL << m(105);
    QTest::newRow("1.00 stays") << m(100) << 5LL << m(100);
    QTest::newRow("1.07 to 1.05") << m(107) << 5LL << m(105);
    QTest::newRow("1.08 to 1.10") << m(108) << 5LL << m(110);
    QTest::newRow("-1.02 to -1.00") << m(-102) << 5LL << m(-100);
    QTest::newRow("-1.03 to -1.05") << m(-103) << 5LL << m(-105);
    QTest::newRow("0.02 to 0") << m(2) << 5LL << m(0);
    QTest::newRow("-0.02 to 0") << m(-2) << 5LL << m(0);
    QTest::newRow("zero") << m(0) << 5LL << m(0);
    QTest::newRow("half up by tens") << m(105) << 10LL << m(110);
    QTest::newRow("half down by tens") << m(-105) << 10LL << m(-110);
    QTest::newRow("step 1 changes nothing") << m(103) << 1LL << m(103);
    QTest::newRow("max down by fives") << m(kMax) << 5LL << m(kMax - 2);
    QTest::newRow("max up by tens overflows") << m(kMax) << 10LL << Money::invalid();
    QTest::newRow("min down by tens overflows") << m(kMin) << 10LL << Money::invalid();
    QTest::newRow("step 0") << m(103) << 0LL << Money::invalid();
    QTest::newRow("negative step") << m(103) << -5LL << Money::invalid();
    QTest::newRow("invalid") << Money::invalid() << 5LL << Money::invalid();
}

void TestMoney::roundedTo()
{
    QFETCH(Money, amount);
    QFETCH(qint64, step);
    QFETCH(Money, expected);

    QCOMPARE(amount.roundedTo(step), expected);
}

void TestMoney::invalidState_data()
{
    QTest::addColumn<Money>("amount");

    QTest::newRow("invalid()") << Money::invalid();
    QTest::newRow("overflowed sum") << m(kMax) + m(1);
    QTest::newRow("overflowed difference") << m(kMin) - m(1);
    QTest::newRow("negated minimum") << -m(kMin);
    QTest::newRow("divided by zero") << m(0).scaled(1, 0);
    QTest::newRow("rounded to nothing") << m(0).roundedTo(0);
    QTest::newRow("invalid minus itself") << Money::invalid() - Money::invalid();
}

void TestMoney::invalidState()
{
    QFETCH(Money, amount);

    QCOMPARE(amount.isValid(), false);
    QCOMPARE(amount.isZero(), false);
    QCOMPARE(amount.isNegative(), false);
    QCOMPARE(amount == Money(), false);
    QCOMPARE(amount == m(0), false);
    QCOMPARE(amount, Money::invalid());
    QCOMPARE(amount.toString(german(), u"€"_s), u"\u2014"_s);
    QCOMPARE(amount.toPlainString(american()), u"\u2014"_s);
}

void TestMoney::ordering_data()
{
    QTest::addColumn<Money>("a");
    QTest::addColumn<Money>("b");
    QTest::addColumn<int>("order");

    QTest::newRow("less") << m(1) << m(2) << -1;
    QTest::newRow("greater") << m(2) << m(1) << 1;
    QTest::newRow("equal") << m(250) << m(250) << 0;
    QTest::newRow("negative below zero") << m(-5) << m(0) << -1;
    QTest::newRow("min below max") << m(kMin) << m(kMax) << -1;
    QTest::newRow("default is zero") << Money() << m(0) << 0;
}

void TestMoney::ordering()
{
    QFETCH(Money, a);
    QFETCH(Money, b);
    QFETCH(int, order);

    QCOMPARE(a < b, order < 0);
    QCOMPARE(a > b, order > 0);
    QCOMPARE(a == b, order == 0);
    QCOMPARE(a != b, order != 0);
}

void TestMoney::toString_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<Money>("amount");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("expected");

    const QLocale de = german();
    const QLocale us = american();
    QTest::newRow("de thousands") << de << m(123450) << u"€"_s << 2 << u"1.234,50\u00A0€"_s;
    QTest::newRow("de negative") << de << m(-123450) << u"€"_s << 2 << u"-1.234,50\u00A0€"_s;
    QTest::newRow("de zero") << de << m(0) << u"€"_s << 2 << u"0,00\u00A0€"_s;
    QTest::newRow("de cents") << de << m(5) << u"€"_s << 2 << u"0,05\u00A0€"_s;
    QTest::newRow("de negative cents") << de << m(-5) << u"€"_s << 2 << u"-0,05\u00A0€"_s;
    QTest::newRow("de millions") << de << m(123456789) << u"€"_s << 2 << u"1.234.567,89\u00A0€"_s;
    QTest::newRow("de 0 decimals") << de << m(1234) << u"¥"_s << 0 << u"1.234\u00A0¥"_s;
    QTest::newRow("de 3 decimals") << de << m(1234567) << u"KWD"_s << 3 << u"1.234,567\u00A0KWD"_s;
    QTest::newRow("de max") << de << m(kMax) << u"€"_s << 2
                            << u"92.233.720.368.547.758,07\u00A0€"_s;
    QTest::newRow("de min") << de << m(kMin) << u"€"_s << 2
                            << u"-92.233.720.368.547.758,08\u00A0€"_s;
    QTest::newRow("de no symbol") << de << m(-1250) << QString() << 2 << u"-12,50"_s;
    QTest::newRow("de invalid") << de << Money::invalid() << u"€"_s << 2 << u"\u2014"_s;
    QTest::newRow("us thousands") << us << m(123450) << u"$"_s << 2 << u"$1,234.50"_s;
    QTest::newRow("us negative") << us << m(-123450) << u"$"_s << 2 << u"-$1,234.50"_s;
    QTest::newRow("us zero") << us << m(0) << u"$"_s << 2 << u"$0.00"_s;
    QTest::newRow("us negative cent") << us << m(-1) << u"$"_s << 2 << u"-$0.01"_s;
    QTest::newRow("us under a dollar") << us << m(99) << u"$"_s << 2 << u"$0.99"_s;
    QTest::newRow("us million") << us << m(100000000) << u"$"_s << 2 << u"$1,000,000.00"_s;
    QTest::newRow("us 0 decimals") << us << m(1234) << u"$"_s << 0 << u"$1,234"_s;
    QTest::newRow("us 0 decimals negative") << us << m(-1234) << u"$"_s << 0 << u"-$1,234"_s;
    QTest::newRow("us euro") << us << m(1250) << u"€"_s << 2 << u"€12.50"_s;
    QTest::newRow("us symbol with digit") << us << m(1250) << u"1$"_s << 2 << u"1$12.50"_s;
    QTest::newRow("us no symbol") << us << m(1250) << QString() << 2 << u"12.50"_s;
    QTest::newRow("us invalid") << us << Money::invalid() << u"$"_s << 2 << u"\u2014"_s;
    QTest::newRow("en_IN lakh grouping") << QLocale(QLocale::English, QLocale::India)
                                         << m(1234567800) << u"₹"_s << 2 << u"₹1,23,45,678.00"_s;
    QTest::newRow("ar_EG native digits")
            << QLocale(QLocale::Arabic, QLocale::Egypt) << m(1250) << u"E£"_s << 2
            << u"\u0661\u0662\u066B\u0665\u0660\u00A0E£"_s;
}

void TestMoney::toString()
{
    QFETCH(QLocale, locale);
    QFETCH(Money, amount);
    QFETCH(QString, symbol);
    QFETCH(int, decimals);
    QFETCH(QString, expected);

    QCOMPARE(amount.toString(locale, symbol, decimals), expected);
}

void TestMoney::toPlainString_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<Money>("amount");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("expected");

    const QLocale de = german();
    const QLocale us = american();
    QTest::newRow("de negative") << de << m(-1250) << 2 << u"-12,50"_s;
    QTest::newRow("de no groups") << de << m(123450) << 2 << u"1234,50"_s;
    QTest::newRow("de zero") << de << m(0) << 2 << u"0,00"_s;
    QTest::newRow("us negative") << us << m(-1250) << 2 << u"-12.50"_s;
    QTest::newRow("us no groups") << us << m(123450) << 2 << u"1234.50"_s;
    QTest::newRow("us negative cents") << us << m(-5) << 2 << u"-0.05"_s;
    QTest::newRow("us 0 decimals") << us << m(1234) << 0 << u"1234"_s;
    QTest::newRow("us 3 decimals") << us << m(-1234567) << 3 << u"-1234.567"_s;
    QTest::newRow("us min") << us << m(kMin) << 2 << u"-92233720368547758.08"_s;
    QTest::newRow("us invalid") << us << Money::invalid() << 2 << u"\u2014"_s;
}

void TestMoney::toPlainString()
{
    QFETCH(QLocale, locale);
    QFETCH(Money, amount);
    QFETCH(int, decimals);
    QFETCH(QString, expected);

    QCOMPARE(amount.toPlainString(locale, decimals), expected);
}

void TestMoney::fromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<Money>("expected");

    const QLocale de = german();
    const QLocale us = american();
    const Money none;

    // Accepted.
    QTest::newRow("us whole") << u"12"_s << us << 2 << true << m(1200);
    QTest::newRow("us one decimal") << u"12.5"_s << us << 2 << true << m(1250);
    QTest::newRow("us two decimals") << u"12.50"_s << us << 2 << true << m(1250);
    QTest::newRow("us negative") << u"-3.20"_s << us << 2 << true << m(-320);
    QTest::newRow("us minus sign U+2212") << u"\u22123.20"_s << us << 2 << true << m(-320);
    QTest::newRow("us plus") << u"+4"_s << us << 2 << true << m(400);
    QTest::newRow("us spaces around") << u" 7.00 "_s << us << 2 << true << m(700);
    QTest::newRow("us cents") << u"0.05"_s << us << 2 << true << m(5);
    QTest::newRow("us no whole units") << u".5"_s << us << 2 << true << m(50);
    QTest::newRow("us negative zero") << u"-0"_s << us << 2 << true << m(0);
    QTest::newRow("us groups") << u"1,234.50"_s << us << 2 << true << m(123450);
    QTest::newRow("us groups, no decimals") << u"1,234"_s << us << 2 << true << m(123400);
    QTest::newRow("us two groups") << u"1,234,567.89"_s << us << 2 << true << m(123456789);
    QTest::newRow("us 0 decimals") << u"1234"_s << us << 0 << true << m(1234);
    QTest::newRow("us 3 decimals") << u"1.234"_s << us << 3 << true << m(1234);
    QTest::newRow("us max") << u"92233720368547758.07"_s << us << 2 << true << m(kMax);
    QTest::newRow("us min") << u"-92233720368547758.08"_s << us << 2 << true << m(kMin);
    QTest::newRow("de whole") << u"12"_s << de << 2 << true << m(1200);
    QTest::newRow("de comma") << u"12,50"_s << de << 2 << true << m(1250);
    QTest::newRow("de one decimal") << u"12,5"_s << de << 2 << true << m(1250);
    QTest::newRow("de groups") << u"1.234,50"_s << de << 2 << true << m(123450);
    QTest::newRow("de two groups") << u"1.234.567"_s << de << 2 << true << m(123456700);
    QTest::newRow("de negative") << u"-3,20"_s << de << 2 << true << m(-320);
    QTest::newRow("fr typed space group")
            << u"1 234,50"_s << QLocale(QLocale::French, QLocale::France) << 2 << true << m(123450);
    QTest::newRow("fr narrow no-break space group")
            << u"1\u202F234,50"_s << QLocale(QLocale::French, QLocale::France) << 2 << true
            << m(123450);
    QTest::newRow("ar_EG native digits")
            << u"\u0661\u0662\u066B\u0665\u0660"_s << QLocale(QLocale::Arabic, QLocale::Egypt) << 2
            << true << m(1250);

    // Refused.
    QTest::newRow("empty") << QString() << us << 2 << false << none;
    QTest::newRow("blank") << u"   "_s << us << 2 << false << none;
    QTest::newRow("letters") << u"abc"_s << us << 2 << false << none;
    QTest::newRow("trailing letter") << u"12a"_s << us << 2 << false << none;
    QTest::newRow("exponent") << u"1e5"_s << us << 2 << false << none;
    QTest::newRow("double minus") << u"--1"_s << us << 2 << false << none;
    QTest::newRow("minus only") << u"-"_s << us << 2 << false << none;
    QTest::newRow("point only") << u"."_s << us << 2 << false << none;
    QTest::newRow("minus then space") << u"- 1"_s << us << 2 << false << none;
    QTest::newRow("trailing minus") << u"1-"_s << us << 2 << false << none;
    QTest::newRow("currency symbol") << u"$12"_s << us << 2 << false << none;
    QTest::newRow("two decimal points") << u"12.5.3"_s << us << 2 << false << none;
    QTest::newRow("us too many minor digits") << u"12.345"_s << us << 2 << false << none;
    QTest::newRow("us German thousands") << u"1.234"_s << us << 2 << false << none;
    QTest::newRow("us trailing zero minor digit") << u"12.500"_s << us << 2 << false << none;
    QTest::newRow("us decimals with 0 decimals") << u"12.5"_s << us << 0 << false << none;
    QTest::newRow("us German decimal comma") << u"12,50"_s << us << 2 << false << none;
    QTest::newRow("us short group") << u"1,23"_s << us << 2 << false << none;
    QTest::newRow("us long group") << u"1,2345"_s << us << 2 << false << none;
    QTest::newRow("us Indian groups") << u"12,34,567"_s << us << 2 << false << none;
    QTest::newRow("us leading separator") << u",123"_s << us << 2 << false << none;
    QTest::newRow("us trailing separator") << u"1,"_s << us << 2 << false << none;
    QTest::newRow("us separator after point") << u"1.2,3"_s << us << 2 << false << none;
    QTest::newRow("us space is no separator") << u"1 234"_s << us << 2 << false << none;
    QTest::newRow("us just past max") << u"92233720368547758.08"_s << us << 2 << false << none;
    QTest::newRow("us just past min") << u"-92233720368547758.09"_s << us << 2 << false << none;
    QTest::newRow("us 40 digits") << QString(40, u'9') << us << 2 << false << none;
    QTest::newRow("de point decimals") << u"12.50"_s << de << 2 << false << none;
    QTest::newRow("de bad last group") << u"1.234.50"_s << de << 2 << false << none;
    QTest::newRow("de two decimal commas") << u"1,2,3"_s << de << 2 << false << none;
    QTest::newRow("de too many minor digits") << u"1,234"_s << de << 2 << false << none;
}

void TestMoney::fromString()
{
    QFETCH(QString, text);
    QFETCH(QLocale, locale);
    QFETCH(int, decimals);
    QFETCH(bool, accepted);
    QFETCH(Money, expected);

    const std::optional<Money> result = Money::fromString(text, locale, decimals);
    QCOMPARE(result.has_value(), accepted);
    if (accepted) {
        QCOMPARE(*result, expected);
    }
}

void TestMoney::roundTrip_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<Money>("amount");
    QTest::addColumn<int>("decimals");

    const QList<QLocale> locales = {
            german(),
            american(),
            QLocale(QLocale::English, QLocale::India),
            QLocale(QLocale::Spanish, QLocale::Spain),
            QLocale(QLocale::French, QLocale::France),
            QLocale(QLocale::German, QLocale::Switzerland),
            QLocale(QLocale::Swedish, QLocale::Sweden),
            QLocale(QLocale::Arabic, QLocale::Egypt),
            QLocale::c(),
    };
    const QList<qint64> amounts = {0, 1, -1, 99, -1234, 123456789, -98765432101, kMax, kMin};
    for (const QLocale &locale : locales) {
        for (const qint64 minor : amounts) {
            for (const int decimals : {0, 2, 3}) {
                QTest::addRow("%s %lld /%d", qPrintable(locale.name()), minor, decimals)
                        << locale << m(minor) << decimals;
            }
        }
    }
}

void TestMoney::roundTrip()
{
    QFETCH(QLocale, locale);
    QFETCH(Money, amount);
    QFETCH(int, decimals);

    // What Till shows without a symbol, a person can type back in.
    const QString grouped = amount.toString(locale, QString(), decimals);
    const std::optional<Money> fromGrouped = Money::fromString(grouped, locale, decimals);
    QVERIFY2(fromGrouped.has_value(), qPrintable(grouped));
    QCOMPARE(*fromGrouped, amount);

    const QString plain = amount.toPlainString(locale, decimals);
    const std::optional<Money> fromPlain = Money::fromString(plain, locale, decimals);
    QVERIFY2(fromPlain.has_value(), qPrintable(plain));
    QCOMPARE(*fromPlain, amount);
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
