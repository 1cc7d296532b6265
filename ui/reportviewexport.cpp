#include "ui/reportview.h"

// The report as a file or on paper: the CSV of the table in front, the PDF and the printout
// of the whole, with the charts drawn as they are on screen.

#include "models/items/lowstockmodel.h"
#include "ui/filedialogs.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDir>
#include <QGraphicsScene>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Charts go into a PDF at twice the screen's pixels, so they stay sharp on paper.
constexpr qreal kChartImageScale = 2.0;
const QSize kChartImageSize(620, 380);

QImage chartImage(QChartView *view)
{
    QChart *chart = view->chart();
    if (!view->isVisible()) {
        // Never laid out on screen: the chart gets the size it has on paper.
        chart->resize(kChartImageSize);
    }
    // The scene is drawn again at twice the size, not the screen's pixels scaled up.
    const QRectF source = chart->sceneBoundingRect();
    QImage image((source.size() * kChartImageScale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    chart->scene()->render(&painter, QRectF(image.rect()), source);
    return image;
}

} // namespace

ReportExport::Document ReportView::document()
{
    ReportExport::Document document;
    const QLocale locale;
    // Whose figures these are: the store's name heads the report, as on its receipts.
    const QString store = storeName();
    document.title = store.isEmpty() ? m_title
                                     : tr("%1: %2", "store name: report title").arg(store, m_title);
    document.subtitles = m_subtitles;
    document.subtitles.append(
            tr("Made %1").arg(locale.toString(QDateTime::currentDateTime(), QLocale::ShortFormat)));
    for (Tile tile : std::as_const(m_tileOrder)) {
        const TileWidgets &widgets = m_tiles.value(tile);
        document.figures.append(
                {widgets.caption->text(), widgets.value->text(), widgets.detail->text()});
    }
    if (!noteText().isEmpty()) {
        document.notes.append(noteText());
    }
    for (const ChartWidgets *chart : {&m_hourChart, &m_dayChart, &m_methodChart, &m_productChart}) {
        if (!chart->box->isHidden()) {
            document.charts.append({chart->title, chartImage(chart->view)});
        }
    }
    if (m_lowStockStale) {
        m_lowStockStale = false;
        if (const auto error = m_lowStock->reload()) {
            Q_EMIT failed(*error);
        }
    }
    for (int i = 0; i < m_tables->count(); ++i) {
        for (auto it = m_tableWidgets.cbegin(); it != m_tableWidgets.cend(); ++it) {
            if (it->view == m_tables->widget(i)) {
                document.tables.append({it->title, it->model, m_tableNotes.value(it.key())});
            }
        }
    }
    return document;
}

void ReportView::exportCsv()
{
    if (!m_report) {
        return;
    }
    const TableWidgets *shown = nullptr;
    Table shownTable = Table::Taxes;
    for (auto it = m_tableWidgets.cbegin(); it != m_tableWidgets.cend(); ++it) {
        if (it->view == m_tables->currentWidget()) {
            shown = &*it;
            shownTable = it.key();
        }
    }
    if (!shown) {
        return;
    }
    const QDate first = m_report->range.from.toLocalTime().date();
    const QDate last = std::max(first, m_report->range.to.toLocalTime().addMSecs(-1).date());
    const QString path = FileDialogs::saveFileName(
            this, tr("Export “%1” as CSV").arg(shown->title),
            ReportExport::suggestedName(shown->key, first, last) + u".csv"_s,
            tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    const auto model = exportModel(shownTable);
    if (const auto error = ReportExport::writeCsv(*model, path)) {
        Q_EMIT failed(*error);
        return;
    }
    Q_EMIT saved(tr("The table “%1” was saved as %2.")
                         .arg(shown->title, QDir::toNativeSeparators(path)));
}

void ReportView::exportPdf()
{
    if (!m_report) {
        return;
    }
    const QDate first = m_report->range.from.toLocalTime().date();
    const QDate last = std::max(first, m_report->range.to.toLocalTime().addMSecs(-1).date());
    const QString path = FileDialogs::saveFileName(
            this, tr("Export the report as PDF"),
            ReportExport::suggestedName(u"sales"_s, first, last) + u".pdf"_s,
            tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    if (const auto error = ReportExport::writePdf(document(), path)) {
        Q_EMIT failed(*error);
        return;
    }
    Q_EMIT saved(tr("The report was saved as %1.").arg(QDir::toNativeSeparators(path)));
}

void ReportView::printReport()
{
    if (!m_report) {
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(m_title);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the report"));
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const auto text = ReportExport::textDocument(document());
    ReportExport::print(*text, printer);
}
