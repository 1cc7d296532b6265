#include "ui/reportspage.h"
#include "ui_reportspage.h"

#include "models/domain/storesettings.h"
#include "models/items/reporttablemodel.h"
#include "models/services/livesales.h"
#include "models/services/reportrunner.h"
#include "models/services/services.h"
#include "ui/filedialogs.h"
#include "ui/messagestrip.h"
#include "ui/reportexport.h"
#include "ui/reportview.h"
#include "ui/shiftreportdialog.h"

#include <QDir>
#include <QHeaderView>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextDocument>
#include <QTime>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The Z list's "Cashier" column: the one text that may take the width left over.
constexpr int kZCashierColumn = 4;

QFont titleFont(QFont font)
{
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * 1.3);
    }
    font.setBold(true);
    return font;
}

} // namespace

ReportsPage::ReportsPage(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ReportsPage>())
    , m_services(services)
    , m_currencySymbol(services.catalogue.currencySymbol())
    , m_todayRunner(new ReportRunner(services.db, services.session, services.authorizer, this))
    , m_salesRunner(new ReportRunner(services.db, services.session, services.authorizer, this))
    , m_live(new LiveSales(services.db, this))
    , m_dateTimer(new QTimer(this))
    , m_zModel(new ReportTableModel(this))
{
    m_ui->setupUi(this);
    m_todayView = new ReportView(services, m_ui->todayTab);
    m_todayView->setObjectName(u"todayView"_s);
    m_ui->todayReportLayout->addWidget(m_todayView);
    m_salesView = new ReportView(services, m_ui->salesTab);
    m_salesView->setObjectName(u"salesView"_s);
    m_ui->salesReportLayout->addWidget(m_salesView);
    const auto wire = [this](ReportView *view, QPushButton *pdf, QPushButton *print) {
        connect(view, &ReportView::failed, this, &ReportsPage::showError);
        connect(view, &ReportView::saved, this, &ReportsPage::showSaved);
        connect(pdf, &QPushButton::clicked, view, &ReportView::exportPdf);
        connect(print, &QPushButton::clicked, view, &ReportView::printReport);
        // Nothing to export until the first figures are in.
        pdf->setEnabled(false);
        print->setEnabled(false);
    };
    wire(m_todayView, m_ui->todayPdfButton, m_ui->todayPrintButton);
    wire(m_salesView, m_ui->salesPdfButton, m_ui->salesPrintButton);
    // The strip speaks only when there is something to say; the figures get its line.
    // "Saved as …" goes by itself; an error stays until it is dealt with.
    m_ui->messageStrip->hide();
    m_ui->messageStrip->setSuccessTimeout(kSuccessMs);
    m_ui->messageStrip->setClosable(true);
    connect(m_ui->messageStrip, &MessageStrip::expired, m_ui->messageStrip, &QWidget::hide);

    setUpToday();
    setUpSales();
    setUpShifts();
    connect(m_ui->reportTabs, &QTabWidget::currentChanged, this, &ReportsPage::handleTabChanged);
    updateBusy();
    setFocusProxy(m_ui->reportTabs);
}

ReportsPage::~ReportsPage() = default;

MessageStrip *ReportsPage::messageStrip() const
{
    return m_ui->messageStrip;
}

bool ReportsPage::isBusy() const
{
    return m_todayRunner->isBusy() || m_salesRunner->isBusy();
}

QString ReportsPage::shiftReportText() const
{
    return m_ui->shiftReportView->toPlainText();
}

std::pair<QDate, QDate> ReportsPage::periodDays(Period period, const QDate &today)
{
    switch (period) {
    case Period::Yesterday:
        return {today.addDays(-1), today.addDays(-1)};
    case Period::Last7Days:
        return {today.addDays(-6), today};
    case Period::LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        return {first, first.addDays(first.daysInMonth() - 1)};
    }
    case Period::ThisWeek: {
        const int sinceStart = (today.dayOfWeek() - QLocale().firstDayOfWeek() + 7) % 7;
        return {today.addDays(-sinceStart), today};
    }
    case Period::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    case Period::Today:
    case Period::Custom:
        break;
    }
    return {today, today};
}

void ReportsPage::setUpToday()
{
    m_ui->todayTitleLabel->setFont(titleFont(m_ui->todayTitleLabel->font()));
    m_ui->todayTitleLabel->setText(
            tr("Today, %1").arg(QLocale().toString(QDate::currentDate(), QLocale::LongFormat)));
    m_live->watch(m_services.checkout, m_services.refunds);
    connect(m_live, &LiveSales::changed, this, &ReportsPage::refreshToday);
    connect(m_todayRunner, &ReportRunner::started, this, &ReportsPage::updateBusy);
    connect(m_todayRunner, &ReportRunner::finished, this,
            [this](quint64, const SalesReport &report) { handleTodayReport(report); });
    connect(m_todayRunner, &ReportRunner::failed, this,
            [this](quint64, const ServiceError &error) { handleReportFailed(error); });
}

void ReportsPage::setUpSales()
{
    QComboBox *period = m_ui->periodCombo;
    period->addItem(tr("Today"), int(Period::Today));
    period->addItem(tr("Yesterday"), int(Period::Yesterday));
    period->addItem(tr("Last 7 days", "today and the six days before"), int(Period::Last7Days));
    period->addItem(tr("This week"), int(Period::ThisWeek));
    period->addItem(tr("This month"), int(Period::ThisMonth));
    period->addItem(tr("Last month", "the whole calendar month before this one"),
                    int(Period::LastMonth));
    period->addItem(tr("Custom", "a period between two dates the person picks"),
                    int(Period::Custom));
    period->setCurrentIndex(period->findData(int(Period::ThisWeek)));
    const auto [first, last] = periodDays(Period::ThisWeek, QDate::currentDate());
    m_ui->fromEdit->setDate(first);
    m_ui->toEdit->setDate(last);
    connect(period, &QComboBox::currentIndexChanged, this, &ReportsPage::choosePeriod);

    m_dateTimer->setSingleShot(true);
    m_dateTimer->setInterval(kDateDelayMs);
    connect(m_dateTimer, &QTimer::timeout, this, &ReportsPage::requestSales);
    // A date typed or picked makes the period a custom one; a wrong-way range is said,
    // not silently turned round, so the person sees what they asked for.
    for (QDateEdit *edit : {m_ui->fromEdit, m_ui->toEdit}) {
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            const QSignalBlocker block(m_ui->periodCombo);
            m_ui->periodCombo->setCurrentIndex(m_ui->periodCombo->findData(int(Period::Custom)));
            m_dateTimer->start();
        });
    }
    // "Updating…" shows in the room the row has to spare and never widens the screen.
    for (QWidget *busy :
         std::initializer_list<QWidget *>{m_ui->salesBusyLabel, m_ui->salesBusyBar,
                                          m_ui->todayBusyLabel, m_ui->todayBusyBar}) {
        busy->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        busy->setMinimumWidth(0);
    }
    for (QComboBox *filter : {m_ui->laneCombo, m_ui->cashierCombo, m_ui->categoryCombo}) {
        // A long cashier or category name must not push the screen past a 1024 px till.
        filter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        filter->setMinimumContentsLength(12);
        connect(filter, &QComboBox::currentIndexChanged, this, &ReportsPage::requestSales);
    }

    connect(m_salesRunner, &ReportRunner::started, this, &ReportsPage::updateBusy);
    connect(m_salesRunner, &ReportRunner::finished, this,
            [this](quint64, const SalesReport &report) { handleSalesReport(report); });
    connect(m_salesRunner, &ReportRunner::failed, this,
            [this](quint64, const ServiceError &error) { handleReportFailed(error); });
}

void ReportsPage::setUpShifts()
{
    using Kind = ReportTableModel::Kind;
    m_zModel->setObjectName(u"zModel"_s);
    m_zModel->setCurrencySymbol(m_currencySymbol);
    m_zModel->setColumns({{tr("Lane"), Kind::Text},
                          {tr("Z", "number of the Z report"), Kind::Count},
                          {tr("Opened"), Kind::DateTime},
                          {tr("Closed"), Kind::DateTime},
                          {tr("Cashier"), Kind::Text},
                          {tr("Bills"), Kind::Count},
                          {tr("Sales"), Kind::Money},
                          {tr("Refunded"), Kind::Money},
                          {tr("Expected cash"), Kind::Money},
                          {tr("Counted cash"), Kind::Money},
                          {tr("Difference", "counted less expected cash"), Kind::Money}});
    QTableView *view = m_ui->zView;
    view->setModel(m_zModel);
    // Amounts are never cut short ("26.4"): every column fits its contents, and the
    // cashier's name takes what width is left.
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(kZCashierColumn, QHeaderView::Stretch);
    view->horizontalHeader()->setHighlightSections(false);
    connect(view, &QAbstractItemView::activated, this, &ReportsPage::viewZReport);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_ui->viewZButton->setEnabled(m_ui->zView->currentIndex().isValid()); });
    connect(m_ui->viewZButton, &QPushButton::clicked, this, &ReportsPage::viewZReport);
    connect(m_ui->moreZButton, &QPushButton::clicked, this, [this] { loadZReports(true); });
    connect(m_ui->zLaneCombo, &QComboBox::currentIndexChanged, this,
            [this] { loadZReports(false); });
    connect(m_ui->xReportButton, &QPushButton::clicked, this, &ReportsPage::showXReport);
    connect(m_ui->shiftPrintButton, &QPushButton::clicked, this, &ReportsPage::printShiftReport);
    connect(m_ui->shiftPdfButton, &QPushButton::clicked, this, &ReportsPage::exportShiftReport);
    m_ui->shiftTitleLabel->setFont(titleFont(m_ui->shiftTitleLabel->font()));
    m_ui->shiftTitleLabel->setText(tr("Choose a Z report, or show the X report of lane %1.")
                                           .arg(m_services.session.lane()));
    m_ui->xReportButton->setText(tr("Show &X Report of Lane %1").arg(m_services.session.lane()));
    for (QPushButton *button :
         {m_ui->viewZButton, m_ui->moreZButton, m_ui->shiftPrintButton, m_ui->shiftPdfButton}) {
        button->setEnabled(false);
    }
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
    const QSignalBlocker blockLane(m_ui->laneCombo);
    const QSignalBlocker blockZLane(m_ui->zLaneCombo);
    const QSignalBlocker blockCashier(m_ui->cashierCombo);
    const QSignalBlocker blockCategory(m_ui->categoryCombo);
    for (QComboBox *combo : {m_ui->laneCombo, m_ui->zLaneCombo}) {
        combo->addItem(tr("All lanes"), QString());
    }
    if (const auto lanes = m_services.reports.lanes()) {
        for (const QString &lane : *lanes) {
            for (QComboBox *combo : {m_ui->laneCombo, m_ui->zLaneCombo}) {
                combo->addItem(tr("Lane %1").arg(lane), lane);
            }
        }
    } else {
        showError(lanes.error());
    }

    m_ui->cashierCombo->addItem(tr("Everybody"), qint64(0));
    if (const auto users = m_services.users.list()) {
        QList<User> sorted = *users;
        std::sort(sorted.begin(), sorted.end(), [](const User &a, const User &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        for (const User &user : std::as_const(sorted)) {
            m_ui->cashierCombo->addItem(user.name, user.id);
        }
    } else if (const auto &me = m_services.session.user()) {
        m_ui->cashierCombo->addItem(me->name, me->id);
    }

    m_ui->categoryCombo->addItem(tr("Every category"), qint64(0));
    if (const auto categories = m_services.catalogue.categories()) {
        for (const Category &category : *categories) {
            m_ui->categoryCombo->addItem(category.name, category.id);
        }
    } else {
        showError(categories.error());
    }
}

void ReportsPage::handleTabChanged()
{
    if (!isVisible()) {
        return;
    }
    QWidget *current = m_ui->reportTabs->currentWidget();
    if (current == m_ui->todayTab && m_todayStale) {
        refreshToday();
    } else if (current == m_ui->salesTab && m_salesStale) {
        requestSales();
    } else if (current == m_ui->shiftsTab) {
        // Shifts close at other lanes too: the list is read each time it is looked at.
        loadZReports(false);
    }
}

void ReportsPage::refreshToday()
{
    if (!isVisible() || m_ui->reportTabs->currentWidget() != m_ui->todayTab) {
        m_todayStale = true; // read when next looked at
        return;
    }
    m_todayStale = false;
    // Listens again if the connection was opened anew since (idempotent otherwise).
    m_live->subscribe();
    const QDate today = QDate::currentDate();
    m_todayRunner->request(ReportRange::days(today, today));
}

void ReportsPage::handleTodayReport(const SalesReport &report)
{
    updateBusy();
    clearReportError();
    const QLocale locale;
    const QDate day = report.range.from.toLocalTime().date();
    const QString title = tr("Today, %1").arg(locale.toString(day, QLocale::LongFormat));
    m_ui->todayTitleLabel->setText(title);
    m_todayView->setReport(report, title, {tr("All lanes")});
    m_ui->todayPdfButton->setEnabled(true);
    m_ui->todayPrintButton->setEnabled(true);
    m_ui->updatedLabel->setText(tr("Updated %1").arg(QTime::currentTime().toString(u"HH:mm:ss"_s)));
}

void ReportsPage::choosePeriod()
{
    const auto period = Period(m_ui->periodCombo->currentData().toInt());
    if (period != Period::Custom) {
        const auto [first, last] = periodDays(period, QDate::currentDate());
        const QSignalBlocker blockFrom(m_ui->fromEdit);
        const QSignalBlocker blockTo(m_ui->toEdit);
        m_ui->fromEdit->setDate(first);
        m_ui->toEdit->setDate(last);
    }
    requestSales();
}

void ReportsPage::requestSales()
{
    m_dateTimer->stop();
    if (!isVisible() || m_ui->reportTabs->currentWidget() != m_ui->salesTab) {
        m_salesStale = true;
        return;
    }
    m_salesStale = false;
    const QDate first = m_ui->fromEdit->date();
    const QDate last = m_ui->toEdit->date();
    ReportRange range = ReportRange::days(first, last);
    range.lane = m_ui->laneCombo->currentData().toString();
    range.cashierId = m_ui->cashierCombo->currentData().toLongLong();
    range.categoryId = m_ui->categoryCombo->currentData().toLongLong();
    if (const auto problem = ReportService::validate(range)) {
        handleReportFailed(*problem);
        return;
    }
    const QLocale locale;
    m_salesTitle = first == last
                           ? tr("Sales report, %1").arg(locale.toString(first, QLocale::LongFormat))
                           : tr("Sales report, %1 to %2", "first and last day")
                                     .arg(locale.toString(first, QLocale::ShortFormat),
                                          locale.toString(last, QLocale::ShortFormat));
    m_salesSubtitles
            = {tr("Lane: %1. Cashier: %2. Category: %3.")
                       .arg(m_ui->laneCombo->currentText(), m_ui->cashierCombo->currentText(),
                            m_ui->categoryCombo->currentText())};
    m_salesRunner->request(range);
}

void ReportsPage::handleSalesReport(const SalesReport &report)
{
    updateBusy();
    clearReportError();
    m_salesView->setReport(report, m_salesTitle, m_salesSubtitles);
    m_ui->salesPdfButton->setEnabled(true);
    m_ui->salesPrintButton->setEnabled(true);
}

void ReportsPage::handleReportFailed(const ServiceError &error)
{
    updateBusy();
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

void ReportsPage::updateBusy()
{
    const bool today = m_todayRunner->isBusy();
    const bool sales = m_salesRunner->isBusy();
    m_ui->todayBusyLabel->setVisible(today);
    m_ui->todayBusyBar->setVisible(today);
    m_ui->salesBusyLabel->setVisible(sales);
    m_ui->salesBusyBar->setVisible(sales);
}

void ReportsPage::loadZReports(bool morePage)
{
    const qint64 before = morePage && !m_zShifts.isEmpty() ? m_zShifts.last().shift.id : 0;
    // One more than a page tells whether there is a next page.
    const auto shifts = m_services.shifts.closedShifts(m_ui->zLaneCombo->currentData().toString(),
                                                       before, kZPage + 1);
    if (!shifts) {
        showError(shifts.error());
        return;
    }
    QList<ClosedShift> page = *shifts;
    const bool more = page.size() > kZPage;
    if (more) {
        page.removeLast();
    }
    QList<ReportTableModel::Row> rows;
    for (const ClosedShift &closed : std::as_const(page)) {
        const Shift &s = closed.shift;
        rows.append(
                {{s.lane, s.zNumber, s.openedAt, s.closedAt, s.cashierName, closed.bills,
                  QVariant::fromValue(closed.sales), QVariant::fromValue(closed.refunded),
                  QVariant::fromValue(closed.expectedCash), QVariant::fromValue(closed.countedCash),
                  QVariant::fromValue(closed.difference())},
                 {}});
    }
    if (morePage) {
        m_zShifts += page;
        m_zModel->appendRows(rows);
    } else {
        m_zShifts = page;
        m_zModel->setRows(rows);
    }
    m_ui->moreZButton->setEnabled(more);
    m_ui->viewZButton->setEnabled(m_ui->zView->currentIndex().isValid());
    const int shown = int(m_zShifts.size());
    m_ui->zCountLabel->setText(shown == 0 ? tr("No shift was closed yet.")
                               : more     ? tr("%Ln Z report(s) shown; there are more.", "", shown)
                                          : tr("%Ln Z report(s).", "", shown));
}

void ReportsPage::viewZReport()
{
    const QModelIndex current = m_ui->zView->currentIndex();
    if (!current.isValid() || current.row() >= m_zShifts.size()) {
        return;
    }
    const Shift &shift = m_zShifts.at(current.row()).shift;
    const auto report = m_services.shifts.zReport(shift.lane, shift.zNumber);
    if (!report) {
        showError(report.error());
        return;
    }
    showShiftReport(*report);
}

void ReportsPage::showXReport()
{
    const auto report = m_services.shifts.xReport();
    if (!report) {
        showError(report.error());
        return;
    }
    showShiftReport(*report);
}

void ReportsPage::showShiftReport(const ShiftReport &report)
{
    m_shiftReport = report;
    m_ui->shiftTitleLabel->setText(ShiftReportDialog::title(report));
    m_ui->shiftReportView->setHtml(ShiftReportDialog::html(report, m_currencySymbol));
    m_ui->shiftPrintButton->setEnabled(true);
    m_ui->shiftPdfButton->setEnabled(true);
}

void ReportsPage::printShiftReport()
{
    if (!m_shiftReport) {
        return;
    }
    const QString title = ShiftReportDialog::title(*m_shiftReport);
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(title);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(title));
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QTextDocument document;
    document.setHtml(u"<h2>%1</h2>"_s.arg(title.toHtmlEscaped())
                     + ShiftReportDialog::html(*m_shiftReport, m_currencySymbol));
    ReportExport::print(document, printer);
}

void ReportsPage::exportShiftReport()
{
    if (!m_shiftReport) {
        return;
    }
    const Shift &shift = m_shiftReport->shift;
    const QString title = ShiftReportDialog::title(*m_shiftReport);
    const QString name = shift.zNumber > 0
                                 ? u"z-report-%1-%2.pdf"_s.arg(shift.lane).arg(shift.zNumber)
                                 : u"x-report-%1-%2.pdf"_s.arg(
                                         shift.lane, QDate::currentDate().toString(Qt::ISODate));
    const QString path = FileDialogs::saveFileName(this, tr("Export %1 as PDF").arg(title), name,
                                                   tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    const auto settings = m_services.settings.values();
    const QString store = settings ? settings->value(Setting::StoreName.key) : QString();
    const QString heading
            = store.isEmpty() ? title : tr("%1: %2", "store name: report title").arg(store, title);
    if (const auto error = ReportExport::writePdf(
                heading, ShiftReportDialog::html(*m_shiftReport, m_currencySymbol), path)) {
        showError(*error);
        return;
    }
    showSaved(tr("%1 was saved as %2.").arg(title, QDir::toNativeSeparators(path)));
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
