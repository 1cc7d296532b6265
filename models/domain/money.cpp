#include "money.h"

#include <QList>
#include <QLocale>
#include <QtNumeric>

#include <limits>

namespace {

// The product of two qint64 needs up to 127 bits; GCC and Clang provide the type, and
// __extension__ keeps -Wpedantic quiet about it being outside ISO C++.
__extension__ typedef __int128 Int128;

constexpr qint64 kMinMinor = std::numeric_limits<qint64>::min();
constexpr qint64 kMaxMinor = std::numeric_limits<qint64>::max();

// An em dash: a missing amount must not look like 0,00 on a receipt.
constexpr QStringView kInvalidText = u"\u2014";

// Stands in for the currency symbol while the locale's pattern is read; it cannot occur in
// a formatted number, and unlike an empty symbol it stops QLocale from using its own.
constexpr QChar kSymbolPlaceholder = u'\uFFFC';

quint64 magnitude(qint64 value)
{
    // Unsigned negation so that the minimum, whose magnitude has no qint64, stays exact.
    return value < 0 ? 0 - quint64(value) : quint64(value);
}

char32_t zeroDigit(const QLocale &locale)
{
    const QList<uint> codePoints = locale.zeroDigit().toUcs4();
    return codePoints.size() == 1 ? char32_t(codePoints.first()) : U'0';
}

// The digit at the front of text, in ASCII or in the locale's own digits, or -1.
int leadingDigit(QStringView text, char32_t zero, qsizetype *length)
{
    const char16_t first = text.front().unicode();
    *length = 1;
    if (first >= u'0' && first <= u'9') {
        return first - u'0';
    }
    char32_t codePoint = first;
    if (QChar::isHighSurrogate(first) && text.size() > 1 && text.at(1).isLowSurrogate()) {
        codePoint = QChar::surrogateToUcs4(first, text.at(1).unicode());
        *length = 2;
    }
    if (zero != U'0' && codePoint >= zero && codePoint <= zero + 9) {
        return int(codePoint - zero);
    }
    return -1;
}

/*
 * The unsigned amount in the locale's digits and decimal point. The whole units go through
 * QLocale::toString(qulonglong): formatting an integer is exact, and it is the only public
 * way in Qt 6.4 to get the locale's grouping (Indian 2-digit groups, the Spanish rule that
 * leaves 4-digit numbers ungrouped). The minor digits are taken off one by one.
 */
QString formatMagnitude(quint64 amount, const QLocale &locale, int decimals)
{
    const char32_t zero = zeroDigit(locale);
    QString fraction;
    for (int i = 0; i < decimals; ++i) {
        fraction.prepend(QChar::fromUcs4(zero + char32_t(amount % 10)));
        amount /= 10;
    }
    QString text = locale.toString(qulonglong(amount));
    if (decimals > 0) {
        text += locale.decimalPoint() + fraction;
    }
    return text;
}

// What was typed after the sign, with the digits made ASCII and ',' for each group separator.
struct TypedNumber
{
    QString whole;
    QString fraction;
};

std::optional<TypedNumber> readNumber(QStringView text, const QLocale &locale)
{
    const char32_t zero = zeroDigit(locale);
    const QString decimalPoint = locale.decimalPoint();
    const QString groupSeparator = locale.groupSeparator();
    // French and Swedish group with no-break spaces; a keyboard gives a plain one.
    const bool groupsWithSpace = groupSeparator.size() == 1 && groupSeparator.front().isSpace();

    TypedNumber number;
    bool afterDecimalPoint = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const QStringView rest = text.sliced(i);
        qsizetype length = 0;
        if (const int digit = leadingDigit(rest, zero, &length); digit >= 0) {
            QString &digits = afterDecimalPoint ? number.fraction : number.whole;
            digits.append(QChar(char16_t(u'0' + digit)));
            i += length;
        } else if (!afterDecimalPoint && rest.startsWith(decimalPoint)) {
            afterDecimalPoint = true;
            i += decimalPoint.size();
        } else if (!afterDecimalPoint && rest.startsWith(groupSeparator)) {
            number.whole.append(u',');
            i += groupSeparator.size();
        } else if (!afterDecimalPoint && groupsWithSpace && rest.front() == u' ') {
            number.whole.append(u',');
            i += 1;
        } else {
            return std::nullopt;
        }
    }
    return number;
}

// ASCII digits as an unsigned number no larger than limit.
std::optional<quint64> digitsValue(QStringView digits, quint64 limit)
{
    quint64 value = 0;
    for (const QChar c : digits) {
        const quint64 digit = c.unicode() - u'0';
        if (value > (limit - digit) / 10) {
            return std::nullopt;
        }
        value = value * 10 + digit;
    }
    return value;
}

} // namespace

std::optional<qint64> roundedDiv(qint64 value, qint64 numerator, qint64 denominator)
{
    if (denominator == 0) {
        return std::nullopt;
    }
    const Int128 product = Int128(value) * numerator;
    Int128 quotient = product / denominator;
    const Int128 remainder = product % denominator;
    // Division truncated toward zero; a remainder of at least half a step moves the result
    // one further away from zero, whichever side of zero it is on.
    const Int128 absRemainder = remainder < 0 ? -remainder : remainder;
    const Int128 absDenominator = denominator < 0 ? -Int128(denominator) : Int128(denominator);
    if (2 * absRemainder >= absDenominator) {
        quotient += (product < 0) != (denominator < 0) ? -1 : 1;
    }
    if (quotient < kMinMinor || quotient > kMaxMinor) {
        return std::nullopt;
    }
    return qint64(quotient);
}

Money Money::operator+(Money other) const
{
    qint64 sum = 0;
    if (!m_valid || !other.m_valid || qAddOverflow(m_minor, other.m_minor, &sum)) {
        return invalid();
    }
    return fromMinor(sum);
}

Money Money::operator-(Money other) const
{
    qint64 difference = 0;
    if (!m_valid || !other.m_valid || qSubOverflow(m_minor, other.m_minor, &difference)) {
        return invalid();
    }
    return fromMinor(difference);
}

Money Money::operator-() const
{
    if (!m_valid || m_minor == kMinMinor) {
        return invalid();
    }
    return fromMinor(-m_minor);
}

Money Money::times(qint64 quantity) const
{
    qint64 product = 0;
    if (!m_valid || qMulOverflow(m_minor, quantity, &product)) {
        return invalid();
    }
    return fromMinor(product);
}

Money Money::scaled(qint64 numerator, qint64 denominator) const
{
    if (!m_valid) {
        return invalid();
    }
    const std::optional<qint64> result = roundedDiv(m_minor, numerator, denominator);
    return result ? fromMinor(*result) : invalid();
}

Money Money::percent(qint64 basisPoints) const
{
    return scaled(basisPoints, 10000);
}

Money Money::roundedTo(qint64 step) const
{
    if (!m_valid || step < 1) {
        return invalid();
    }
    const std::optional<qint64> steps = roundedDiv(m_minor, 1, step);
    return steps ? fromMinor(*steps).times(step) : invalid();
}

QString Money::toString(const QLocale &locale, const QString &currencySymbol, int decimals) const
{
    if (!m_valid) {
        return kInvalidText.toString();
    }
    const QString number = formatMagnitude(magnitude(m_minor), locale, qMax(0, decimals));
    // The locale's pattern for one unit ("1 €", "$1", "€ 1") tells where the symbol goes.
    QString text = locale.toCurrencyString(qlonglong(1), QString(kSymbolPlaceholder));
    const QString one = locale.toString(qlonglong(1));
    const qsizetype numberAt = text.indexOf(one);
    if (numberAt < 0) {
        text = number + u' ' + kSymbolPlaceholder;
    } else {
        text.replace(numberAt, one.size(), number);
    }
    text.replace(kSymbolPlaceholder, currencySymbol);
    if (currencySymbol.isEmpty()) {
        text = text.trimmed();
    }
    // Qt 6.4 takes the accounting pattern for negative amounts in some locales ("($1.00)" in
    // en_US); a refund line reads better with the locale's minus sign in front, as CLDR's
    // standard pattern has it.
    if (m_minor < 0) {
        text.prepend(locale.negativeSign());
    }
    return text;
}

QString Money::toPlainString(const QLocale &locale, int decimals) const
{
    if (!m_valid) {
        return kInvalidText.toString();
    }
    QLocale ungrouped = locale;
    ungrouped.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    const QString number = formatMagnitude(magnitude(m_minor), ungrouped, qMax(0, decimals));
    return m_minor < 0 ? locale.negativeSign() + number : number;
}

std::optional<Money> Money::fromString(QStringView text, const QLocale &locale, int decimals)
{
    const int places = qMax(0, decimals);
    QStringView rest = text.trimmed();

    bool negative = false;
    const QString minus = locale.negativeSign();
    const QString plus = locale.positiveSign();
    if (rest.startsWith(minus)) {
        negative = true;
        rest = rest.sliced(minus.size());
    } else if (rest.startsWith(u'-') || rest.startsWith(u'\u2212')) {
        negative = true;
        rest = rest.sliced(1);
    } else if (rest.startsWith(plus)) {
        rest = rest.sliced(plus.size());
    } else if (rest.startsWith(u'+')) {
        rest = rest.sliced(1);
    }

    const std::optional<TypedNumber> number = readNumber(rest, locale);
    if (!number) {
        return std::nullopt;
    }
    QString wholeDigits = number->whole;
    wholeDigits.remove(u',');
    const bool noDigits = wholeDigits.isEmpty() && number->fraction.isEmpty();
    if (noDigits || number->fraction.size() > places) {
        return std::nullopt;
    }

    const quint64 limit = negative ? magnitude(kMinMinor) : quint64(kMaxMinor);
    if (wholeDigits.size() != number->whole.size()) {
        // Group separators are only believed where the locale itself puts them: "12,50" in
        // en_US is a German price, not 1250 dollars.
        const std::optional<quint64> whole = digitsValue(wholeDigits, limit);
        if (!whole) {
            return std::nullopt;
        }
        QLocale grouped = locale;
        QLocale::NumberOptions options = locale.numberOptions();
        options.setFlag(QLocale::OmitGroupSeparator, false);
        grouped.setNumberOptions(options);
        const std::optional<TypedNumber> expected
                = readNumber(grouped.toString(qulonglong(*whole)), grouped);
        if (!expected || expected->whole != number->whole) {
            return std::nullopt;
        }
    }

    const QString minorDigits
            = wholeDigits + number->fraction + QString(places - number->fraction.size(), u'0');
    const std::optional<quint64> amount = digitsValue(minorDigits, limit);
    if (!amount) {
        return std::nullopt;
    }
    // C++20 conversion to signed is modular, so the minimum's magnitude comes back exactly.
    return fromMinor(negative ? qint64(0 - *amount) : qint64(*amount));
}
