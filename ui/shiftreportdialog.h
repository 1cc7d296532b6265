#pragma once

#include "models/domain/shiftreport.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ShiftReportDialog;
}

/*!
 * An X report (the open shift's figures so far) or a Z report (the closed shift's, with
 * its number) as a readable summary: sales by method, refunds, cash in and out, taxes per
 * rate, and the drawer's expected cash, with the count and difference once closed.
 */
class ShiftReportDialog : public QDialog
{
    Q_OBJECT

public:
    ShiftReportDialog(const ShiftReport &report, const QString &currencySymbol,
                      QWidget *parent = nullptr);
    ~ShiftReportDialog() override;

    //! The report as HTML (the dialog shows it; tests read it).
    static QString html(const ShiftReport &report, const QString &currencySymbol);
    //! "X report, lane 1" or "Z report 7, lane 1".
    static QString title(const ShiftReport &report);

private:
    std::unique_ptr<Ui::ShiftReportDialog> m_ui;
};
