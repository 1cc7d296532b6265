#pragma once

#include <QString>

#include <optional>

class QLocale;

/*!
 * Percentages as integer basis points (1 bp = 0.01 %, 1900 bp = 19 %), the way tax rates
 * and price changes are stored: what a person types ("19", "7,5", "-10 %") becomes basis
 * points without ever passing through a double.
 */
namespace Percent {

//! The number alone, trailing zeros dropped: 1900 -> "19", 750 -> "7,5" in German.
QString toPlainString(qint64 basisPoints, const QLocale &locale);
//! With the percent sign as translated: "19 %".
QString toString(qint64 basisPoints, const QLocale &locale);
/*!
 * Parses "19", "7,5", "7.5", "-10", "+2,25 %": at most two decimals, the locale's decimal
 * separator (or a dot, which every keyboard has). std::nullopt for anything else.
 */
std::optional<qint64> fromString(QStringView text, const QLocale &locale);

} // namespace Percent
