#pragma once

#include "models/domain/money.h"

#include <QList>
#include <QString>

//! A note or coin of a currency, as a drawer is counted.
struct Denomination
{
    enum class Kind { Note, Coin };
    Money value;
    Kind kind = Kind::Note;
    friend bool operator==(const Denomination &, const Denomination &) = default;
};

namespace Denominations {

/*!
 * The notes and coins in circulation for an ISO 4217 code ("EUR", "USD", ...), largest
 * first. A code not in the table gets the euro's series, which has the usual 1-2-5 steps
 * of most currencies with two decimals.
 */
QList<Denomination> of(const QString &currencyCode);

} // namespace Denominations
