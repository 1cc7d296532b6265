#pragma once

#include "models/domain/receipt.h"
#include "models/domain/shiftreport.h"

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
    /*!
     * Writes the receipt as a PDF the width of the paper roll (58 or 80 mm), one page as long
     * as the receipt, text at the thermal printer's size; false with a reason when the file
     * cannot be written.
     */
    static bool writePdf(const ReceiptData &receipt, const QString &path, QString *error,
                         int paperMillimetres = 80);

    //! A labelled figure of a report: "Sales ... 1,234.50 €".
    struct ReportRow
    {
        QString label;
        QString value;
        bool strong = false;
    };
    struct ReportSection
    {
        QString heading;
        QList<ReportRow> rows;
    };
    //! "X report, lane 1" or "Z report 7, lane 1".
    static QString shiftReportTitle(const ShiftReport &report);
    /*!
     * An X or Z report's figures by section: the shift, the sales with every cashier who
     * sold, refunds, tax by rate and the drawer. One source for the screen, the slip and
     * the PDF, so they never disagree.
     */
    static QList<ReportSection> shiftReportSections(const ShiftReport &report,
                                                    const QString &currencySymbol);
    //! The report laid out for the receipt printer's columns.
    static QStringList shiftReportLines(const ShiftReport &report, const QString &currencySymbol,
                                        int columns);
    //! The report as the receipt printer's byte stream: the title large, then its lines, cut.
    static QByteArray escPos(const ShiftReport &report, const QString &currencySymbol,
                             const EscPosOptions &options);
    //! The report at the roll's width, as the PDF of a receipt.
    static QString html(const ShiftReport &report, const QString &currencySymbol);
    static bool writePdf(const ShiftReport &report, const QString &currencySymbol,
                         const QString &path, QString *error, int paperMillimetres = 80);

private:
    static bool writeRollPdf(const QString &html, const QString &title, const QString &path,
                             QString *error, int paperMillimetres);
    static QString money(const ReceiptData &receipt, const Money &amount);
    static QString unitPrice(const Money &amount);
    static QString heading(const ReceiptData &receipt);
    static QString codeLine(const ReceiptData &receipt);
    static QString methodName(const QString &method);
};
