#pragma once

#include <QString>

/*!
 * Retail barcodes as scanners type them. EAN-13, EAN-8 and UPC-A carry a check digit
 * (GS1 mod-10); any other code is an internal code and is accepted as it is when it is
 * 1-32 printable characters without spaces at either end.
 */
namespace Barcode {

enum class Kind { Ean13, Ean8, UpcA, Internal, Invalid };

//! The GS1 check digit (0-9) for the given digits without their check digit; -1 if not digits.
int gs1CheckDigit(QStringView digitsWithoutCheck);
//! Appends the check digit: "400638133393" -> "4006381333931".
QString withCheckDigit(QStringView digitsWithoutCheck);
//! What kind of code this is. A 8, 12 or 13 digit code with a wrong check digit is Invalid.
Kind classify(QStringView code);
inline bool isValid(QStringView code)
{
    return classify(code) != Kind::Invalid;
}

} // namespace Barcode
