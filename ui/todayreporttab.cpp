#include "ui/todayreporttab.h"
#include "ui_todayreporttab.h"

#include "models/services/livesales.h"
#include "models/services/reportrunner.h"
#include "models/services/services.h"
#include "ui/reporttabs.h"
#include "ui/reportview.h"

#include <QDate>
#include <QLocale>
#include <QTime>

using namespace Qt::StringLiterals;

TodayReportTab::TodayReportTab(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TodayReportTab>())
    , m_services(services)
    , m_runner(new ReportRunner(services.db, services.session, services.authorizer, this))
    , m_live(new LiveSales(services.db, this))
{
    m_ui->setupUi(this);
    m_view = new ReportView(services, this);
    m_view->setObjectName(u"todayView"_s);
    m_ui->todayReportLayout->addWidget(m_view);
    ReportTabs::wireExport(m_view, m_ui->todayPdfButton, m_ui->todayPrintButton);
    ReportTabs::letBusySignGiveWay(m_ui->todayBusyLabel, m_ui->todayBusyBar);

    m_ui->todayTitleLabel->setFont(ReportTabs::titleFont(m_ui->todayTitleLabel->font()));
    m_ui->todayTitleLabel->setText(
            tr("Today, %1").arg(QLocale().toString(QDate::currentDate(), QLocale::LongFormat)));
    m_live->watch(m_services.checkout, m_services.refunds);
    connect(m_live, &LiveSales::changed, this, &TodayReportTab::refresh);
    connect(m_runner, &ReportRunner::started, this, &TodayReportTab::updateBusy);
    connect(m_runner, &ReportRunner::finished, this,
            [this](quint64, const SalesReport &report) { handleReport(report); });
    connect(m_runner, &ReportRunner::failed, this, [this](quint64, const ServiceError &error) {
        updateBusy();
        Q_EMIT reportFailed(error);
    });
    updateBusy();
}

TodayReportTab::~TodayReportTab() = default;

bool TodayReportTab::isBusy() const
{
    return m_runner->isBusy();
}

void TodayReportTab::showCurrent()
{
    if (m_stale) {
        refresh();
    }
}

void TodayReportTab::refresh()
{
    // In sight means the page is shown and this is its current tab.
    if (!isVisible()) {
        m_stale = true; // read when next looked at
        return;
    }
    m_stale = false;
    // Listens again if the connection was opened anew since (idempotent otherwise).
    m_live->isListening();
    const QDate today = QDate::currentDate();
    m_runner->request(ReportRange::days(today, today));
}

void TodayReportTab::handleReport(const SalesReport &report)
{
    updateBusy();
    Q_EMIT reportShown();
    const QLocale locale;
    const QDate day = report.range.from.toLocalTime().date();
    const QString title = tr("Today, %1").arg(locale.toString(day, QLocale::LongFormat));
    m_ui->todayTitleLabel->setText(title);
    m_view->setReport(report, title, {tr("All lanes")});
    m_ui->todayPdfButton->setEnabled(true);
    m_ui->todayPrintButton->setEnabled(true);
    m_ui->updatedLabel->setText(tr("Updated %1").arg(QTime::currentTime().toString(u"HH:mm:ss"_s)));
}

void TodayReportTab::updateBusy()
{
    const bool busy = m_runner->isBusy();
    m_ui->todayBusyLabel->setVisible(busy);
    m_ui->todayBusyBar->setVisible(busy);
}
