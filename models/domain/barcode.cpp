#include "barcode.h"

#include <algorithm>

namespace {

// What the products table stores for a code.
constexpr qsizetype kMaxInternalLength = 32;

bool isAsciiDigits(QStringView text)
{
    // QChar::isDigit() would also take Arabic-Indic and other digits, which no scanner sends
    // for a GS1 code.
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() >= u'0' && c.unicode() <= u'9';
    });
}

bool isInternalCode(QStringView code)
{
    if (code.isEmpty() || code.front().isSpace() || code.back().isSpace()) {
        return false;
    }
    // Counted in characters, not UTF-16 units, and a lone surrogate is not a character.
    qsizetype characters = 0;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        char32_t codePoint = c.unicode();
        if (c.isHighSurrogate() && i + 1 < code.size() && code.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(c, code.at(i + 1));
            ++i;
        } else if (c.isSurrogate()) {
            return false;
        }
        if (!QChar::isPrint(codePoint) || ++characters > kMaxInternalLength) {
            return false;
        }
    }
    return true;
}

} // namespace

int Barcode::gs1CheckDigit(QStringView digitsWithoutCheck)
{
    if (!isAsciiDigits(digitsWithoutCheck)) {
        return -1;
    }
    // Weights run 3, 1, 3, ... from the digit next to the check digit leftwards, which makes
    // one routine serve EAN-8, UPC-A and EAN-13 alike.
    int sum = 0;
    int weight = 3;
    for (auto it = digitsWithoutCheck.rbegin(); it != digitsWithoutCheck.rend(); ++it) {
        sum = (sum + (it->unicode() - u'0') * weight) % 10;
        weight = 4 - weight;
    }
    return (10 - sum) % 10;
}

QString Barcode::withCheckDigit(QStringView digitsWithoutCheck)
{
    // Not digits, no check digit: an empty string that no lookup will match.
    const int check = gs1CheckDigit(digitsWithoutCheck);
    if (check < 0) {
        return {};
    }
    QString code = digitsWithoutCheck.toString();
    code.append(QChar(char16_t(u'0' + check)));
    return code;
}

Barcode::Kind Barcode::classify(QStringView code)
{
    if (isAsciiDigits(code)) {
        Kind kind = Kind::Internal;
        switch (code.size()) {
        case 13:
            kind = Kind::Ean13;
            break;
        case 12:
            kind = Kind::UpcA;
            break;
        case 8:
            kind = Kind::Ean8;
            break;
        default:
            break;
        }
        if (kind != Kind::Internal) {
            const int check = code.back().unicode() - u'0';
            return gs1CheckDigit(code.chopped(1)) == check ? kind : Kind::Invalid;
        }
    }
    return isInternalCode(code) ? Kind::Internal : Kind::Invalid;
}
