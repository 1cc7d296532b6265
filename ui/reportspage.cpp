#include "ui/reportspage.h"
#include "ui_reportspage.h"

#include "models/services/services.h"
#include "ui/messagestrip.h"
#include "ui/reportview.h"
#include "ui/todayreporttab.h"

using namespace Qt::StringLiterals;

ReportsPage::ReportsPage(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ReportsPage>())
    , m_services(services)
{
    m_ui->setupUi(this);
    m_today = new TodayReportTab(services, m_ui->reportTabs);
    m_sales = new SalesReportTab(services, m_ui->reportTabs);
    m_shifts = new ShiftReportsTab(services, m_ui->reportTabs);
    m_ui->reportTabs->addTab(m_today, tr("Toda&y"));
    m_ui->reportTabs->addTab(m_sales, tr("&Sales Report"));
    m_ui->reportTabs->addTab(m_shifts, tr("Shift Re&ports"));
    for (ReportView *view : {m_today->view(), m_sales->view()}) {
        connect(view, &ReportView::failed, this, &ReportsPage::showError);
        connect(view, &ReportView::saved, this, &ReportsPage::showSaved);
    }
    // The strip speaks only when there is something to say; the figures get its line.
    // "Saved as …" goes by itself; an error stays until it is dealt with.
    m_ui->messageStrip->hide();
    m_ui->messageStrip->setSuccessTimeout(kSuccessMs);
    m_ui->messageStrip->setClosable(true);
    connect(m_ui->messageStrip, &MessageStrip::expired, m_ui->messageStrip, &QWidget::hide);

    connect(m_today, &TodayReportTab::reportShown, this, &ReportsPage::clearReportError);
    connect(m_today, &TodayReportTab::reportFailed, this, &ReportsPage::handleReportFailed);
    connect(m_sales, &SalesReportTab::reportShown, this, &ReportsPage::clearReportError);
    connect(m_sales, &SalesReportTab::reportFailed, this, &ReportsPage::handleReportFailed);
    connect(m_sales, &SalesReportTab::failed, this, &ReportsPage::showError);
    connect(m_shifts, &ShiftReportsTab::failed, this, &ReportsPage::showError);
    connect(m_shifts, &ShiftReportsTab::saved, this, &ReportsPage::showSaved);
    connect(m_ui->reportTabs, &QTabWidget::currentChanged, this, &ReportsPage::handleTabChanged);
    setFocusProxy(m_ui->reportTabs);
}

ReportsPage::~ReportsPage() = default;

ReportView *ReportsPage::todayView() const
{
    return m_today->view();
}

ReportView *ReportsPage::salesView() const
{
    return m_sales->view();
}

LiveSales *ReportsPage::liveSales() const
{
    return m_today->liveSales();
}

MessageStrip *ReportsPage::messageStrip() const
{
    return m_ui->messageStrip;
}

bool ReportsPage::isBusy() const
{
    return m_today->isBusy() || m_sales->isBusy();
}

ReportTableModel *ReportsPage::zModel() const
{
    return m_shifts->zModel();
}

QString ReportsPage::shiftReportText() const
{
    return m_shifts->reportText();
}

void ReportsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Read on first sight, not at construction: the area may be made and never looked at.
    if (!m_filtersLoaded) {
        m_filtersLoaded = true;
        loadFilters();
    }
    handleTabChanged();
}

void ReportsPage::loadFilters()
{
    QStringList lanes;
    if (const auto read = m_services.reports.lanes()) {
        lanes = *read;
    } else {
        showError(read.error());
    }
    m_shifts->setLanes(lanes);
    m_sales->loadFilters(lanes);
}

void ReportsPage::handleTabChanged()
{
    if (!isVisible()) {
        return;
    }
    QWidget *current = m_ui->reportTabs->currentWidget();
    if (current == m_today) {
        m_today->showCurrent();
    } else if (current == m_sales) {
        m_sales->showCurrent();
    } else if (current == m_shifts) {
        // Shifts close at other lanes too: the list is read each time it is looked at.
        m_shifts->reload();
    }
}

void ReportsPage::handleReportFailed(const ServiceError &error)
{
    // The figures on screen stay: they are the last good ones.
    m_reportError = error.message;
    showError(error);
}

void ReportsPage::clearReportError()
{
    MessageStrip *strip = m_ui->messageStrip;
    if (!m_reportError.isEmpty() && strip->kind() == MessageStrip::Kind::Error
        && strip->text() == m_reportError) {
        strip->clear();
        strip->hide();
    }
    m_reportError.clear();
}

void ReportsPage::showError(const ServiceError &error)
{
    m_ui->messageStrip->show();
    m_ui->messageStrip->showError(error);
}

void ReportsPage::showSaved(const QString &message)
{
    m_reportError.clear();
    m_ui->messageStrip->show();
    m_ui->messageStrip->showSuccess(message);
}
