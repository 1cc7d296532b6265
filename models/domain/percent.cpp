#include "models/domain/percent.h"

#include "models/domain/money.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
// A percentage has the shape of an amount with two decimals: 7,50 % is 750 bp. Money's
// parser and formatter already do that shape exactly, for every locale.
constexpr int kDecimals = 2;
} // namespace

namespace Percent {

QString toPlainString(qint64 basisPoints, const QLocale &locale)
{
    QString text = Money::fromMinor(basisPoints).toPlainString(locale, kDecimals);
    const QString point = locale.decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(locale.zeroDigit())) {
            text.chop(1);
        }
        if (text.endsWith(point)) {
            text.chop(point.size());
        }
    }
    return text;
}

QString toString(qint64 basisPoints, const QLocale &locale)
{
    return QCoreApplication::translate("Percent", "%1 %", "a percentage, e.g. 19 %")
            .arg(toPlainString(basisPoints, locale));
}

std::optional<qint64> fromString(QStringView text, const QLocale &locale)
{
    QStringView rest = text.trimmed();
    if (rest.endsWith(u'%')) {
        rest.chop(1);
        rest = rest.trimmed();
    }
    if (rest.startsWith(u'+')) {
        rest = rest.sliced(1).trimmed();
        if (rest.startsWith(u'-') || rest.startsWith(u'+')) {
            return std::nullopt;
        }
    }
    if (rest.isEmpty()) {
        return std::nullopt;
    }
    if (const auto value = Money::fromString(rest, locale, kDecimals)) {
        return value->minor();
    }
    // "7.5" typed in German is not a misplaced group separator but a decimal point: the
    // locale's parser refuses it (a group has three digits), so the dot gets its chance.
    if (locale.decimalPoint() != u"."_s) {
        if (const auto value = Money::fromString(rest, QLocale::c(), kDecimals)) {
            return value->minor();
        }
    }
    return std::nullopt;
}

} // namespace Percent
