#pragma once

#include <QWidget>

#include <memory>

class LiveSales;
class ReportRunner;
class ReportView;
class Services;
struct SalesReport;
struct ServiceError;

namespace Ui {
class TodayReportTab;
}

/*!
 * The Reports area's Today tab: the day's figures on every lane, read again by themselves
 * whenever a lane commits a sale or a refund (LiveSales), with the time they were read.
 * Figures are read on a worker (ReportRunner) while a busy sign shows, and only while the
 * tab is in sight; a change meanwhile has them read when it is looked at next.
 */
class TodayReportTab : public QWidget
{
    Q_OBJECT

public:
    explicit TodayReportTab(Services &services, QWidget *parent = nullptr);
    ~TodayReportTab() override;

    ReportView *view() const { return m_view; }
    LiveSales *liveSales() const { return m_live; }
    bool isBusy() const;
    //! The tab came into sight: reads the figures when they are out of date.
    void showCurrent();
    //! Reads the figures now when the tab is in sight, else when it is next.
    void refresh();

Q_SIGNALS:
    //! New figures are on screen: a report error said before no longer holds.
    void reportShown();
    //! The figures could not be read; the last good ones stay.
    void reportFailed(const ServiceError &error);

private:
    void handleReport(const SalesReport &report);
    void updateBusy();

    std::unique_ptr<Ui::TodayReportTab> m_ui;
    Services &m_services;
    ReportRunner *m_runner = nullptr;
    LiveSales *m_live = nullptr;
    ReportView *m_view = nullptr;
    bool m_stale = true;
};
