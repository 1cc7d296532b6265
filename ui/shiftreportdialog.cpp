#include "ui/shiftreportdialog.h"
#include "ui_shiftreportdialog.h"

#include "models/services/receiptprinter.h"
#include "models/services/receiptrenderer.h"
#include "ui/reportexport.h"

#include <QDir>
#include <QFileDialog>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

//! Rows of a two-column table: label left, figure right.
class Table
{
public:
    explicit Table(QString heading)
        : m_html(u"<h3>%1</h3><table width='100%'>"_s.arg(heading.toHtmlEscaped()))
    {}
    Table &row(const QString &label, const QString &value, bool strong = false)
    {
        const QString cell = strong ? u"<b>%1</b>"_s : u"%1"_s;
        m_html += u"<tr><td>%1</td><td align='right'>%2</td></tr>"_s.arg(
                cell.arg(label.toHtmlEscaped()), cell.arg(value.toHtmlEscaped()));
        return *this;
    }
    QString html() const { return m_html + u"</table>"_s; }

private:
    QString m_html;
};

ShiftReportDialog::FileChooser &fileChooser()
{
    static ShiftReportDialog::FileChooser chooser;
    return chooser;
}

} // namespace

ShiftReportDialog::ShiftReportDialog(const ShiftReport &report, const QString &currencySymbol,
                                     QWidget *parent, ReceiptPrinter *printer)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ShiftReportDialog>())
    , m_report(report)
    , m_currencySymbol(currencySymbol)
    , m_printer(printer)
{
    m_ui->setupUi(this);
    setWindowTitle(title(report));
    m_ui->titleLabel->setText(title(report));
    QFont titleFont = m_ui->titleLabel->font();
    if (titleFont.pointSizeF() > 0) {
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    }
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->reportView->setHtml(html(report, currencySymbol));
    m_ui->statusLabel->hide();
    QPushButton *printButton
            = m_ui->buttonBox->addButton(tr("&Print"), QDialogButtonBox::ActionRole);
    printButton->setObjectName(u"printButton"_s);
    printButton->setToolTip(m_printer && m_printer->isSetUp()
                                    ? tr("Print the report on the receipt printer")
                                    : tr("Print the report on a printer"));
    QPushButton *exportButton
            = m_ui->buttonBox->addButton(tr("Save as P&DF…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(u"exportButton"_s);
    connect(printButton, &QPushButton::clicked, this, &ShiftReportDialog::print);
    connect(exportButton, &QPushButton::clicked, this, &ShiftReportDialog::exportPdf);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setDefault(true);
    if (m_printer) {
        connect(m_printer, &ReceiptPrinter::printed, this, [this](const QString &key) {
            if (!m_printingKey.isEmpty() && key == m_printingKey) {
                m_printingKey.clear();
                showStatus(tr("%1 was printed.").arg(title(m_report)));
            }
        });
        connect(m_printer, &ReceiptPrinter::failed, this,
                [this](const QString &key, const QString &message) {
                    if (!m_printingKey.isEmpty() && key == m_printingKey) {
                        m_printingKey.clear();
                        showStatus(tr("%1 did not print: %2").arg(title(m_report), message));
                    }
                });
    }
}

ShiftReportDialog::~ShiftReportDialog() = default;

void ShiftReportDialog::setFileChooser(FileChooser chooser)
{
    fileChooser() = std::move(chooser);
}

void ShiftReportDialog::showStatus(const QString &message)
{
    m_ui->statusLabel->setText(message);
    m_ui->statusLabel->show();
}

void ShiftReportDialog::print()
{
    const QString reportTitle = title(m_report);
    if (m_printer && m_printer->isSetUp()) {
        m_printingKey = ReceiptRenderer::shiftReportTitle(m_report);
        m_printer->print(m_report, m_currencySymbol);
        showStatus(tr("%1 is printing on the receipt printer.").arg(reportTitle));
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(reportTitle);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(reportTitle));
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QTextDocument document;
    document.setHtml(u"<h2>%1</h2>"_s.arg(reportTitle.toHtmlEscaped())
                     + html(m_report, m_currencySymbol));
    ReportExport::print(document, printer);
    showStatus(tr("%1 was sent to the printer.").arg(reportTitle));
}

void ShiftReportDialog::exportPdf()
{
    const Shift &shift = m_report.shift;
    const QString reportTitle = title(m_report);
    const QString name = shift.zNumber > 0
                                 ? u"z-report-%1-%2.pdf"_s.arg(shift.lane).arg(shift.zNumber)
                                 : u"x-report-%1-%2.pdf"_s.arg(
                                         shift.lane, QDate::currentDate().toString(Qt::ISODate));
    const QString suggested = QDir(ReportExport::exportFolder()).filePath(name);
    const QString caption = tr("Save %1 as PDF").arg(reportTitle);
    const QString path = fileChooser() ? fileChooser()(this, caption, suggested)
                                       : QFileDialog::getSaveFileName(this, caption, suggested,
                                                                      tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    if (const auto error
        = ReportExport::writePdf(reportTitle, html(m_report, m_currencySymbol), path)) {
        showStatus(error->message);
        return;
    }
    ReportExport::rememberExportFolder(path);
    showStatus(tr("%1 was saved as %2.").arg(reportTitle, QDir::toNativeSeparators(path)));
}

QString ShiftReportDialog::title(const ShiftReport &report)
{
    return ReceiptRenderer::shiftReportTitle(report);
}

QString ShiftReportDialog::html(const ShiftReport &r, const QString &symbol)
{
    QString out;
    for (const ReceiptRenderer::ReportSection &section :
         ReceiptRenderer::shiftReportSections(r, symbol)) {
        Table table(section.heading);
        for (const ReceiptRenderer::ReportRow &row : section.rows) {
            table.row(row.label, row.value, row.strong);
        }
        out += table.html();
    }
    return out;
}
