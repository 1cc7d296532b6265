#pragma once

#include "models/domain/closedshift.h"
#include "models/domain/shiftreport.h"

#include <QWidget>

#include <memory>
#include <optional>

class ReportTableModel;
class Services;
struct ServiceError;

namespace Ui {
class ShiftReportsTab;
}

/*!
 * The Reports area's Shift Reports tab: the X report of this lane's open shift and the
 * stored Z reports, listed a page at a time, to read, print or save as PDF again.
 */
class ShiftReportsTab : public QWidget
{
    Q_OBJECT

public:
    //! Z reports read at a time.
    static constexpr int kZPage = 50;

    explicit ShiftReportsTab(Services &services, QWidget *parent = nullptr);
    ~ShiftReportsTab() override;

    //! The closed shifts listed, as shown.
    ReportTableModel *zModel() const { return m_zModel; }
    //! The shift report shown, as text.
    QString reportText() const;
    //! Fills the lane choice (read once, on first sight).
    void setLanes(const QStringList &lanes);
    //! Reads the first page of Z reports again (shifts close at other lanes too).
    void reload() { loadZReports(false); }

Q_SIGNALS:
    void failed(const ServiceError &error);
    //! A report was saved as a file; message says where.
    void saved(const QString &message);

private:
    void setUpList();
    void loadZReports(bool morePage);
    void viewZReport();
    void showXReport();
    void showShiftReport(const ShiftReport &report);
    void printShiftReport();
    void exportShiftReport();

    std::unique_ptr<Ui::ShiftReportsTab> m_ui;
    Services &m_services;
    QString m_currencySymbol;
    ReportTableModel *m_zModel = nullptr;
    QList<ClosedShift> m_zShifts;
    std::optional<ShiftReport> m_shiftReport;
};
