#include "models/domain/denominations.h"

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace {

struct Series
{
    const char16_t *code;
    std::initializer_list<qint64> notes; // minor units, largest first
    std::initializer_list<qint64> coins;
};

// Notes and coins that a till actually meets; rarities (the 1000 CHF note is kept, it is
// common) and commemoratives are left out.
const Series kSeries[] = {
        {u"EUR", {50000, 20000, 10000, 5000, 2000, 1000, 500}, {200, 100, 50, 20, 10, 5, 2, 1}},
        {u"USD", {10000, 5000, 2000, 1000, 500, 200, 100}, {25, 10, 5, 1}},
        {u"GBP", {5000, 2000, 1000, 500}, {200, 100, 50, 20, 10, 5, 2, 1}},
        {u"CHF", {100000, 20000, 10000, 5000, 2000, 1000}, {500, 200, 100, 50, 20, 10, 5}},
        {u"CAD", {10000, 5000, 2000, 1000, 500}, {200, 100, 25, 10, 5}},
        {u"AUD", {10000, 5000, 2000, 1000, 500}, {200, 100, 50, 20, 10, 5}},
        {u"PLN", {50000, 20000, 10000, 5000, 2000, 1000}, {500, 200, 100, 50, 20, 10, 5, 2, 1}},
        {u"SEK", {100000, 50000, 20000, 10000, 5000, 2000}, {1000, 500, 200, 100}},
};

} // namespace

namespace Denominations {

QList<Denomination> of(const QString &currencyCode)
{
    const QString code = currencyCode.trimmed().toUpper();
    const Series *series = &kSeries[0];
    for (const Series &candidate : kSeries) {
        if (code == QStringView(candidate.code)) {
            series = &candidate;
        }
    }
    QList<Denomination> result;
    for (qint64 minor : series->notes) {
        result.append({Money::fromMinor(minor), Denomination::Kind::Note});
    }
    for (qint64 minor : series->coins) {
        result.append({Money::fromMinor(minor), Denomination::Kind::Coin});
    }
    return result;
}

} // namespace Denominations
