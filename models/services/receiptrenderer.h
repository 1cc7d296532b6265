#pragma once

#include "models/domain/receipt.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

/*!
 * One receipt layout, rendered three ways: plain text lines (the layout itself, 32 or 48
 * columns), the ESC/POS byte stream of a 58 or 80 mm thermal printer (the text lines plus
 * emphasis, the bill's Code 128 barcode, the cut and the drawer kick), and HTML for a
 * printable document (PDF or a system printer).
 */
class ReceiptRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptRenderer)

public:
    //! Characters per line: 32 on 58 mm paper, 48 on 80 mm (Font A).
    static int columnsFor(int paperMillimetres) { return paperMillimetres <= 58 ? 32 : 48; }

    static QStringList textLines(const ReceiptData &receipt, int columns);

    struct EscPosOptions
    {
        int paperMillimetres = 80;
        bool cut = true;
        bool kickDrawer = false;
    };
    static QByteArray escPos(const ReceiptData &receipt, const EscPosOptions &options);
    //! The drawer kick alone (open the drawer without a sale).
    static QByteArray escPosDrawerKick();
    //! Text in code page 858 (Western European with €), as the printer is told to expect.
    static QByteArray toCodePage858(const QString &text);

    static QString html(const ReceiptData &receipt);
    //! Writes a one-page PDF of the receipt; false with a reason when the file cannot be written.
    static bool writePdf(const ReceiptData &receipt, const QString &path, QString *error);

private:
    static QString money(const ReceiptData &receipt, const Money &amount);
    static QString methodName(const QString &method);
};
