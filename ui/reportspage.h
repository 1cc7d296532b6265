#pragma once

#include "models/db/shiftrepository.h"
#include "models/services/reportservice.h"

#include <QDate>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>

class LiveSales;
class MessageStrip;
class QTimer;
class ReportRunner;
class ReportTableModel;
class ReportView;
class Services;

namespace Ui {
class ReportsPage;
}

/*!
 * The Reports area, for those who may see reports. Three tabs:
 *  - Today: the day's figures on every lane, read again by themselves whenever a lane
 *    commits a sale or a refund (LiveSales), with the time they were read;
 *  - Sales Report: any period (today, yesterday, the last 7 days, this week, this month,
 *    last month or two dates),
 *    narrowed by lane, cashier and category;
 *  - Shift Reports: the X report of this lane's open shift and the stored Z reports, to
 *    read, print or save again.
 * Reports run on worker threads (ReportRunner) while a busy sign shows; what goes wrong
 * is said in the strip at the top, and the last good figures stay on screen.
 */
class ReportsPage : public QWidget
{
    Q_OBJECT

public:
    enum class Period { Today, Yesterday, Last7Days, ThisWeek, ThisMonth, LastMonth, Custom };
    //! How long a success (a file saved) stays in the strip; errors stay until dealt with.
    static constexpr int kSuccessMs = 6000;
    //! How long typing a date may pause before the report follows.
    static constexpr int kDateDelayMs = 300;
    //! Z reports read at a time.
    static constexpr int kZPage = 50;

    explicit ReportsPage(Services &services, QWidget *parent = nullptr);
    ~ReportsPage() override;

    //! First and last day of a period, as seen on the given day.
    static std::pair<QDate, QDate> periodDays(Period period, const QDate &today);

    ReportView *todayView() const { return m_todayView; }
    ReportView *salesView() const { return m_salesView; }
    LiveSales *liveSales() const { return m_live; }
    MessageStrip *messageStrip() const;
    //! A report is being read.
    bool isBusy() const;
    //! The closed shifts listed, as shown.
    ReportTableModel *zModel() const { return m_zModel; }
    //! The shift report shown on the Shift Reports tab, as text.
    QString shiftReportText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setUpToday();
    void setUpSales();
    void setUpShifts();
    void loadFilters();
    void handleTabChanged();

    void refreshToday();
    void handleTodayReport(const SalesReport &report);
    void choosePeriod();
    void requestSales();
    void handleSalesReport(const SalesReport &report);
    void handleReportFailed(const ServiceError &error);
    void clearReportError();
    void updateBusy();

    void loadZReports(bool morePage);
    void viewZReport();
    void showXReport();
    void showShiftReport(const ShiftReport &report);
    void printShiftReport();
    void exportShiftReport();

    void showError(const ServiceError &error);
    void showSaved(const QString &message);

    std::unique_ptr<Ui::ReportsPage> m_ui;
    Services &m_services;
    QString m_currencySymbol;
    ReportRunner *m_todayRunner = nullptr;
    ReportRunner *m_salesRunner = nullptr;
    LiveSales *m_live = nullptr;
    ReportView *m_todayView = nullptr;
    ReportView *m_salesView = nullptr;
    QTimer *m_dateTimer = nullptr;
    ReportTableModel *m_zModel = nullptr;
    QList<ClosedShift> m_zShifts;
    std::optional<ShiftReport> m_shiftReport;
    QString m_salesTitle; //!< of the report asked for last
    QStringList m_salesSubtitles;
    QString m_reportError; //!< the strip's message when a report failed
    bool m_filtersLoaded = false;
    bool m_todayStale = true;
    bool m_salesStale = true;
};
