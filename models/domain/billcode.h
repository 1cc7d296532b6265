#pragma once

#include <QString>

#include <optional>

/*!
 * The code a receipt carries and the bill search reads: "1-000042" is bill 42 of lane 1,
 * the number zero-padded to six digits; "R1-000231" is refund 231 of lane 1, so a refund's
 * own number is never mistaken for a bill's. Printing and reading both live here, so the
 * scanner reads what the printer wrote.
 */
struct BillCode
{
    enum class Kind { Bill, Refund };

    Kind kind = Kind::Bill;
    QString lane;
    qint64 number = 0;

    static BillCode bill(const QString &lane, qint64 number) { return {Kind::Bill, lane, number}; }
    static BillCode refund(const QString &lane, qint64 number)
    {
        return {Kind::Refund, lane, number};
    }

    //! "1-000042", "R1-000231"; a number past six digits keeps all of them.
    QString toString() const;
    /*!
     * Reads what a person types or a scanner sends, spaces around it ignored: "1-000042",
     * "1-42", "R1-000231", or a number alone ("42"), which is a bill of lane. The lane is
     * everything before the last dash. std::nullopt for anything else, a number below 1
     * included.
     */
    static std::optional<BillCode> fromString(QStringView text, const QString &lane);

    friend bool operator==(const BillCode &, const BillCode &) = default;
};
