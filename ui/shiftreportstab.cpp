#include "ui/shiftreportstab.h"
#include "ui_shiftreportstab.h"

#include "models/domain/storesettings.h"
#include "models/items/reporttablemodel.h"
#include "models/services/services.h"
#include "ui/filedialogs.h"
#include "ui/reportexport.h"
#include "ui/reporttabs.h"
#include "ui/shiftreportdialog.h"

#include <QDate>
#include <QDir>
#include <QHeaderView>
#include <QPrintDialog>
#include <QPrinter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

// The Z list's "Cashier" column: the one text that may take the width left over.
constexpr int kZCashierColumn = 4;

} // namespace

ShiftReportsTab::ShiftReportsTab(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ShiftReportsTab>())
    , m_services(services)
    , m_currencySymbol(services.catalogue.currencySymbol())
    , m_zModel(new ReportTableModel(this))
{
    m_ui->setupUi(this);
    setUpList();
    connect(m_ui->xReportButton, &QPushButton::clicked, this, &ShiftReportsTab::showXReport);
    connect(m_ui->shiftPrintButton, &QPushButton::clicked, this,
            &ShiftReportsTab::printShiftReport);
    connect(m_ui->shiftPdfButton, &QPushButton::clicked, this, &ShiftReportsTab::exportShiftReport);
    m_ui->shiftTitleLabel->setFont(ReportTabs::titleFont(m_ui->shiftTitleLabel->font()));
    m_ui->shiftTitleLabel->setText(tr("Choose a Z report, or show the X report of lane %1.")
                                           .arg(m_services.session.lane()));
    m_ui->xReportButton->setText(tr("Show &X Report of Lane %1").arg(m_services.session.lane()));
    for (QPushButton *button :
         {m_ui->viewZButton, m_ui->moreZButton, m_ui->shiftPrintButton, m_ui->shiftPdfButton}) {
        button->setEnabled(false);
    }
}

ShiftReportsTab::~ShiftReportsTab() = default;

void ShiftReportsTab::setUpList()
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
    connect(view, &QAbstractItemView::activated, this, &ShiftReportsTab::viewZReport);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_ui->viewZButton->setEnabled(m_ui->zView->currentIndex().isValid()); });
    connect(m_ui->viewZButton, &QPushButton::clicked, this, &ShiftReportsTab::viewZReport);
    connect(m_ui->moreZButton, &QPushButton::clicked, this, [this] { loadZReports(true); });
    connect(m_ui->zLaneCombo, &QComboBox::currentIndexChanged, this,
            [this] { loadZReports(false); });
}

QString ShiftReportsTab::reportText() const
{
    return m_ui->shiftReportView->toPlainText();
}

void ShiftReportsTab::setLanes(const QStringList &lanes)
{
    const QSignalBlocker blockZLane(m_ui->zLaneCombo);
    m_ui->zLaneCombo->addItem(tr("All lanes"), QString());
    for (const QString &lane : lanes) {
        m_ui->zLaneCombo->addItem(tr("Lane %1").arg(lane), lane);
    }
}

void ShiftReportsTab::loadZReports(bool morePage)
{
    const qint64 before = morePage && !m_zShifts.isEmpty() ? m_zShifts.last().shift.id : 0;
    // One more than a page tells whether there is a next page.
    const auto shifts = m_services.shifts.closedShifts(m_ui->zLaneCombo->currentData().toString(),
                                                       before, kZPage + 1);
    if (!shifts) {
        Q_EMIT failed(shifts.error());
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

void ShiftReportsTab::viewZReport()
{
    const QModelIndex current = m_ui->zView->currentIndex();
    if (!current.isValid() || current.row() >= m_zShifts.size()) {
        return;
    }
    const Shift &shift = m_zShifts.at(current.row()).shift;
    const auto report = m_services.shifts.zReport(shift.lane, shift.zNumber);
    if (!report) {
        Q_EMIT failed(report.error());
        return;
    }
    showShiftReport(*report);
}

void ShiftReportsTab::showXReport()
{
    const auto report = m_services.shifts.xReport();
    if (!report) {
        Q_EMIT failed(report.error());
        return;
    }
    showShiftReport(*report);
}

void ShiftReportsTab::showShiftReport(const ShiftReport &report)
{
    m_shiftReport = report;
    m_ui->shiftTitleLabel->setText(ShiftReportDialog::title(report));
    m_ui->shiftReportView->setHtml(ShiftReportDialog::html(report, m_currencySymbol));
    m_ui->shiftPrintButton->setEnabled(true);
    m_ui->shiftPdfButton->setEnabled(true);
}

void ShiftReportsTab::printShiftReport()
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

void ShiftReportsTab::exportShiftReport()
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
        Q_EMIT failed(*error);
        return;
    }
    Q_EMIT saved(tr("%1 was saved as %2.").arg(title, QDir::toNativeSeparators(path)));
}
