#pragma once

#include <QDate>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <utility>

class QTimer;
class ReportRunner;
class ReportView;
class Services;
struct SalesReport;
struct ServiceError;

namespace Ui {
class SalesReportTab;
}

/*!
 * The Reports area's Sales Report tab: any period (today, yesterday, the last 7 days, this
 * week, this month, last month or two dates), narrowed by lane, cashier and category. The
 * report is read on a worker (ReportRunner) while a busy sign shows, and only while the tab
 * is in sight; a choice made meanwhile is read when it is looked at next.
 */
class SalesReportTab : public QWidget
{
    Q_OBJECT

public:
    enum class Period { Today, Yesterday, Last7Days, ThisWeek, ThisMonth, LastMonth, Custom };
    //! How long typing a date may pause before the report follows.
    static constexpr int kDateDelayMs = 300;

    explicit SalesReportTab(Services &services, QWidget *parent = nullptr);
    ~SalesReportTab() override;

    //! First and last day of a period, as seen on the given day.
    static std::pair<QDate, QDate> periodDays(Period period, const QDate &today);

    ReportView *view() const { return m_view; }
    bool isBusy() const;
    //! Fills the lane, cashier and category choices (read once, on first sight).
    void loadFilters(const QStringList &lanes);
    //! The tab came into sight: reads the report when it is out of date.
    void showCurrent();
    //! Reads the report chosen now when the tab is in sight, else when it is next.
    void request();

Q_SIGNALS:
    //! A new report is on screen: a report error said before no longer holds.
    void reportShown();
    //! The report could not be read, or the period is wrong; the last good one stays.
    void reportFailed(const ServiceError &error);
    //! Something else went wrong (the categories could not be read).
    void failed(const ServiceError &error);

private:
    void setUpPeriod();
    void choosePeriod();
    void handleReport(const SalesReport &report);
    void updateBusy();

    std::unique_ptr<Ui::SalesReportTab> m_ui;
    Services &m_services;
    ReportRunner *m_runner = nullptr;
    ReportView *m_view = nullptr;
    QTimer *m_dateTimer = nullptr;
    QString m_title; //!< of the report asked for last
    QStringList m_subtitles;
    bool m_stale = true;
};
