#pragma once

#include "models/domain/shiftreport.h"

#include <QDialog>

#include <functional>
#include <memory>

class ReceiptPrinter;

namespace Ui {
class ShiftReportDialog;
}

/*!
 * An X report (the open shift's figures so far) or a Z report (the closed shift's, with
 * its number) as a readable summary: sales by method and by cashier, refunds, cash in and
 * out, taxes per rate, and the drawer's expected cash, with the count and difference once
 * closed. It prints on the receipt printer (or a system printer) and saves as a PDF.
 */
class ShiftReportDialog : public QDialog
{
    Q_OBJECT

public:
    //! printer: the till's receipt printer, which prints the report when one is set up.
    ShiftReportDialog(const ShiftReport &report, const QString &currencySymbol,
                      QWidget *parent = nullptr, ReceiptPrinter *printer = nullptr);
    ~ShiftReportDialog() override;

    //! Asks where to save a file: (parent, caption, suggested path) -> path, empty if cancelled.
    using FileChooser = std::function<QString(QWidget *, const QString &, const QString &)>;
    //! Tests answer the file dialog themselves; an empty chooser restores the real dialog.
    static void setFileChooser(FileChooser chooser);

    //! To the receipt printer when one is set up, else to a printer the person chooses.
    void print();
    //! Saves the report as a PDF where the person chooses.
    void exportPdf();

    //! The report as HTML (the dialog shows it; tests read it).
    static QString html(const ShiftReport &report, const QString &currencySymbol);
    //! "X report, lane 1" or "Z report 7, lane 1".
    static QString title(const ShiftReport &report);

private:
    void showStatus(const QString &message);

    std::unique_ptr<Ui::ShiftReportDialog> m_ui;
    ShiftReport m_report;
    QString m_currencySymbol;
    ReceiptPrinter *m_printer = nullptr;
    QString m_printingKey;
};
