#pragma once

#include "ui/salesreporttab.h"
#include "ui/shiftreportstab.h"

#include <QDate>
#include <QWidget>

#include <memory>
#include <utility>

class LiveSales;
class MessageStrip;
class ReportTableModel;
class ReportView;
class Services;
class TodayReportTab;
struct ServiceError;

namespace Ui {
class ReportsPage;
}

/*!
 * The Reports area, for those who may see reports. Three tabs, each a class of its own:
 *  - Today (TodayReportTab): the day's figures on every lane, read again by themselves;
 *  - Sales Report (SalesReportTab): any period, narrowed by lane, cashier and category;
 *  - Shift Reports (ShiftReportsTab): the X report and the stored Z reports.
 * A tab's figures are read when it is looked at; what goes wrong is said in the strip at
 * the top, and the last good figures stay on screen.
 */
class ReportsPage : public QWidget
{
    Q_OBJECT

public:
    using Period = SalesReportTab::Period;
    //! How long a success (a file saved) stays in the strip; errors stay until dealt with.
    static constexpr int kSuccessMs = 6000;
    //! How long typing a date may pause before the report follows.
    static constexpr int kDateDelayMs = SalesReportTab::kDateDelayMs;
    //! Z reports read at a time.
    static constexpr int kZPage = ShiftReportsTab::kZPage;

    explicit ReportsPage(Services &services, QWidget *parent = nullptr);
    ~ReportsPage() override;

    //! First and last day of a period, as seen on the given day.
    static std::pair<QDate, QDate> periodDays(Period period, const QDate &today)
    {
        return SalesReportTab::periodDays(period, today);
    }

    ReportView *todayView() const;
    ReportView *salesView() const;
    LiveSales *liveSales() const;
    MessageStrip *messageStrip() const;
    //! A report is being read.
    bool isBusy() const;
    //! The closed shifts listed, as shown.
    ReportTableModel *zModel() const;
    //! The shift report shown on the Shift Reports tab, as text.
    QString shiftReportText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadFilters();
    void handleTabChanged();
    void handleReportFailed(const ServiceError &error);
    void clearReportError();
    void showError(const ServiceError &error);
    void showSaved(const QString &message);

    std::unique_ptr<Ui::ReportsPage> m_ui;
    Services &m_services;
    TodayReportTab *m_today = nullptr;
    SalesReportTab *m_sales = nullptr;
    ShiftReportsTab *m_shifts = nullptr;
    QString m_reportError; //!< the strip's message when a report failed
    bool m_filtersLoaded = false;
};
