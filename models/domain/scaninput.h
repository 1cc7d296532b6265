#pragma once

#include <QString>
#include <QtGlobal>

/*!
 * What the cashier put in the scan field: an optional quantity prefix ("3*" or "3×") and
 * the code or search text after it. The sale screen reads the field with parseScanInput()
 * on every key, so the rules of the prefix live here, once.
 */
struct ScanInput
{
    qint64 quantity = 1;      //!< 1 unless a prefix said otherwise
    bool hasQuantity = false; //!< a prefix was typed, whether or not its number fits
    bool badQuantity = false; //!< the prefix is outside 1 ... Quantity::kMaxUnitsPerLine
    QString rest;             //!< the code or text, trimmed

    //! The quantity to sell: the prefix when it is a good one, else one.
    qint64 quantityToSell() const { return hasQuantity && !badQuantity ? quantity : 1; }
};

//! Splits the scan field's text into its quantity prefix and the rest.
ScanInput parseScanInput(const QString &text);

//! Whether every character is a digit (a barcode on its way); false for an empty text.
bool isAllDigits(const QString &text);
