#pragma once

#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <compare>
#include <optional>

class QLocale;

/*!
 * An amount of money as a whole number of minor units (cents), never a double.
 *
 * Arithmetic is checked: an operation that would overflow qint64 yields an invalid
 * Money, which stays invalid through further arithmetic (like NaN), formats as "—"
 * and is refused by every service. Rounding, wherever a fraction of a minor unit
 * appears (percentages, tax, cash rounding), is half away from zero: 0.5 cent
 * becomes 1 cent and -0.5 cent becomes -1 cent. That rule lives in roundedDiv().
 */
class Money
{
public:
    constexpr Money() = default;
    static constexpr Money fromMinor(qint64 minor) { return Money(minor); }
    static constexpr Money invalid()
    {
        Money m;
        m.m_valid = false;
        return m;
    }

    constexpr qint64 minor() const { return m_minor; }
    constexpr bool isValid() const { return m_valid; }
    constexpr bool isZero() const { return m_valid && m_minor == 0; }
    constexpr bool isNegative() const { return m_valid && m_minor < 0; }

    Money operator+(Money other) const;
    Money operator-(Money other) const;
    Money operator-() const;
    Money &operator+=(Money other) { return *this = *this + other; }
    Money &operator-=(Money other) { return *this = *this - other; }

    //! This amount times a whole quantity (a unit price times the units sold).
    Money times(qint64 quantity) const;
    //! This amount times numerator / denominator, rounded half away from zero.
    Money scaled(qint64 numerator, qint64 denominator) const;
    //! The given share in basis points (1 bp = 0.01 %, 1900 bp = 19 %), rounded.
    Money percent(qint64 basisPoints) const;
    //! Rounds to a multiple of step minor units (cash rounding, e.g. 5), half away from zero.
    Money roundedTo(qint64 step) const;

    /*!
     * Formats with the locale's digits, group and decimal separators and the currency symbol
     * placed as the locale places it, e.g. "1.234,50 €" in German and "€1,234.50" in Irish
     * English. decimals is the currency's number of minor digits (2 for EUR, 0 for JPY).
     */
    QString toString(const QLocale &locale, const QString &currencySymbol, int decimals = 2) const;
    //! The plain amount without currency and without group separators: "-12.50" / "-12,50".
    QString toPlainString(const QLocale &locale, int decimals = 2) const;
    /*!
     * Parses what a person types: "12", "12.5", "12,50", "-3.20", "1,234.50" (groups as the
     * locale writes them). Refuses more minor digits than the currency has, letters and
     * amounts out of range.
     */
    static std::optional<Money> fromString(QStringView text, const QLocale &locale,
                                           int decimals = 2);

    friend constexpr bool operator==(Money a, Money b) = default;
    //! Invalid amounts order before every valid one, so they never pose as zero.
    friend constexpr std::strong_ordering operator<=>(Money a, Money b)
    {
        if (a.m_valid != b.m_valid) {
            return a.m_valid ? std::strong_ordering::greater : std::strong_ordering::less;
        }
        return a.m_minor <=> b.m_minor;
    }

private:
    constexpr explicit Money(qint64 minor)
        : m_minor(minor)
    {}

    qint64 m_minor = 0;
    bool m_valid = true;
};

/*!
 * value * numerator / denominator rounded half away from zero, computed without
 * intermediate overflow where the result fits; std::nullopt when it does not or when
 * denominator is 0. The one rounding rule of Till.
 */
std::optional<qint64> roundedDiv(qint64 value, qint64 numerator, qint64 denominator);

Q_DECLARE_METATYPE(Money)
