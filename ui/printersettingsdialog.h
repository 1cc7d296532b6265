#pragma once

#include "models/services/receiptprinter.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class PrinterSettingsDialog;
}

/*!
 * This till's receipt printer: none, an ESC/POS printer on a device file or on the
 * network, or PDF files in a folder; the paper width and whether a cash sale opens the
 * drawer. "Print a test receipt" tries the settings as they stand in the form, before
 * they are saved, on a worker thread like every receipt.
 */
class PrinterSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    PrinterSettingsDialog(const ReceiptPrinter::Config &config, const QString &lane,
                          const QString &currencySymbol, QWidget *parent = nullptr);
    ~PrinterSettingsDialog() override;

    //! The settings as the form shows them.
    ReceiptPrinter::Config config() const;
    //! Why the form cannot be saved as it is; empty when it can.
    QString problem() const;

    //! A receipt that shows how the printer lays out lines, taxes and payments.
    static ReceiptData testReceipt(const QString &lane, const QString &currencySymbol);

    void accept() override;

Q_SIGNALS:
    //! A test receipt reached the printer (true) or did not (false, with why).
    void testFinished(bool printed, const QString &message);

private:
    void updateFields();
    void printTest();
    void browse();

    std::unique_ptr<Ui::PrinterSettingsDialog> m_ui;
    QString m_lane;
    QString m_currencySymbol;
    std::unique_ptr<ReceiptPrinter> m_testPrinter;
};
