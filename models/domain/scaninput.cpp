#include "models/domain/scaninput.h"

#include "models/domain/quantity.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

ScanInput parseScanInput(const QString &text)
{
    // Any number of digits, so "1000000*" is refused as a quantity rather than looked up.
    static const QRegularExpression prefix(u"^\\s*(\\d+)\\s*[*×]\\s*(.*)$"_s);
    ScanInput input;
    const QRegularExpressionMatch match = prefix.match(text);
    if (!match.hasMatch()) {
        input.rest = text.trimmed();
        return input;
    }
    input.hasQuantity = true;
    bool fits = false;
    input.quantity = match.captured(1).toLongLong(&fits);
    input.badQuantity = !fits || input.quantity < 1 || input.quantity > Quantity::kMaxUnitsPerLine;
    input.rest = match.captured(2).trimmed();
    return input;
}

bool isAllDigits(const QString &text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const QChar c : text) {
        if (!c.isDigit()) {
            return false;
        }
    }
    return true;
}
