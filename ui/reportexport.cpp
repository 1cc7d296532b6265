#include "ui/reportexport.h"

#include "models/domain/csv.h"
#include "models/items/reporttablemodel.h"
#include "ui/filedialogs.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// On A4 with 2 cm margins the text is about 640 px wide: two charts side by side.
constexpr int kChartWidth = 310;
constexpr int kChartsPerRow = 2;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QUrl chartUrl(int index)
{
    return QUrl(u"chart:%1"_s.arg(index));
}

QString tableHtml(const ReportExport::Document::Table &table)
{
    const QAbstractItemModel &model = *table.model;
    QString html = u"<h3>%1</h3>"_s.arg(escaped(table.title));
    if (!table.note.isEmpty()) {
        html += u"<p><i>%1</i></p>"_s.arg(escaped(table.note));
    }
    html += u"<table width='100%' border='1' cellspacing='0' cellpadding='3' "
            "style='border-collapse: collapse; font-size: small;'><tr>"_s;
    const int columns = model.columnCount();
    QList<bool> right(columns, false);
    for (int column = 0; column < columns; ++column) {
        const int alignment
                = model.headerData(column, Qt::Horizontal, Qt::TextAlignmentRole).toInt();
        right[column] = (alignment & Qt::AlignRight) != 0;
        html += u"<th align='%1'>%2</th>"_s.arg(
                right.at(column) ? u"right"_s : u"left"_s,
                escaped(model.headerData(column, Qt::Horizontal).toString()));
    }
    html += u"</tr>"_s;
    for (int row = 0; row < model.rowCount(); ++row) {
        html += u"<tr>"_s;
        for (int column = 0; column < columns; ++column) {
            const QModelIndex index = model.index(row, column);
            const bool alignRight
                    = (index.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight) != 0
                      || right.at(column);
            html += u"<td align='%1'>%2</td>"_s.arg(alignRight ? u"right"_s : u"left"_s,
                                                    escaped(index.data().toString()));
        }
        html += u"</tr>"_s;
    }
    if (model.rowCount() == 0) {
        html += u"<tr><td colspan='%1'>%2</td></tr>"_s.arg(columns).arg(
                escaped(ReportExport::tr("Nothing in this period.")));
    }
    return html + u"</table>"_s;
}

} // namespace

QString ReportExport::csv(const QAbstractItemModel &model)
{
    const int columns = model.columnCount();
    QStringList fields;
    fields.reserve(columns);
    for (int column = 0; column < columns; ++column) {
        fields.append(model.headerData(column, Qt::Horizontal).toString());
    }
    QString text = Csv::line(fields) + u"\r\n"_s;
    for (int row = 0; row < model.rowCount(); ++row) {
        fields.clear();
        for (int column = 0; column < columns; ++column) {
            const QModelIndex index = model.index(row, column);
            const QVariant exported = index.data(ReportTableModel::ExportRole);
            fields.append(exported.isValid() ? exported.toString() : index.data().toString());
        }
        text += Csv::line(fields) + u"\r\n"_s;
    }
    return text;
}

std::optional<ServiceError> ReportExport::writeCsv(const QAbstractItemModel &model,
                                                   const QString &path)
{
    const QByteArray bytes = csv(model).toUtf8();
    return writeFile(path,
                     [&bytes](QIODevice &device) { return device.write(bytes) == bytes.size(); });
}

std::unique_ptr<QTextDocument> ReportExport::textDocument(const Document &document)
{
    auto text = std::make_unique<QTextDocument>();
    text->setMetaInformation(QTextDocument::DocumentTitle, document.title);
    QString html = u"<html><body><h2>%1</h2>"_s.arg(escaped(document.title));
    for (const QString &line : document.subtitles) {
        html += u"<p style='margin: 0;'>%1</p>"_s.arg(escaped(line));
    }
    if (!document.figures.isEmpty()) {
        // Three figures to a line, label above value, as the screen's tiles read.
        html += u"<h3>%1</h3><table width='100%' cellspacing='0' cellpadding='4'>"_s.arg(
                escaped(tr("Summary")));
        for (qsizetype i = 0; i < document.figures.size(); ++i) {
            if (i % 3 == 0) {
                html += i == 0 ? u"<tr>"_s : u"</tr><tr>"_s;
            }
            const Document::Figure &figure = document.figures.at(i);
            html += u"<td width='33%'><small>%1</small><br><b>%2</b><br><small>%3</small></td>"_s
                            .arg(escaped(figure.label), escaped(figure.value),
                                 escaped(figure.detail));
        }
        html += u"</tr></table>"_s;
    }
    for (const QString &note : document.notes) {
        html += u"<p><i>%1</i></p>"_s.arg(escaped(note));
    }
    if (!document.charts.isEmpty()) {
        html += u"<table width='100%' cellspacing='0' cellpadding='4'>"_s;
        for (qsizetype i = 0; i < document.charts.size(); ++i) {
            if (i % kChartsPerRow == 0) {
                html += i == 0 ? u"<tr>"_s : u"</tr><tr>"_s;
            }
            const Document::Chart &chart = document.charts.at(i);
            const QImage &image = chart.image;
            const qreal ratio = image.isNull() ? 1.0 : qreal(image.height()) / image.width();
            text->addResource(QTextDocument::ImageResource, chartUrl(int(i)), image);
            html += u"<td valign='top'><b>%1</b><br><img src='%2' width='%3' height='%4'></td>"_s
                            .arg(escaped(chart.title), chartUrl(int(i)).toString())
                            .arg(kChartWidth)
                            .arg(qRound(kChartWidth * ratio));
        }
        html += u"</tr></table>"_s;
    }
    for (const Document::Table &table : document.tables) {
        if (table.model) {
            html += tableHtml(table);
        }
    }
    html += u"</body></html>"_s;
    text->setHtml(html);
    return text;
}

void ReportExport::print(const QTextDocument &document, QPagedPaintDevice &device)
{
    // Without a page size of its own the document is laid out again at the device's
    // resolution, with 2 cm margins and page numbers.
    document.print(&device);
}

std::optional<ServiceError> ReportExport::writePdf(const Document &document, const QString &path)
{
    const auto text = textDocument(document);
    return writeFile(path, [&](QIODevice &device) {
        QPdfWriter writer(&device);
        writer.setTitle(document.title);
        writer.setCreator(u"Till"_s);
        writer.setPageSize(QPageSize(QPageSize::A4));
        print(*text, writer);
        return true;
    });
}

std::optional<ServiceError> ReportExport::writePdf(const QString &title, const QString &html,
                                                   const QString &path)
{
    QTextDocument text;
    text.setHtml(u"<h2>%1</h2>"_s.arg(escaped(title)) + html);
    return writeFile(path, [&](QIODevice &device) {
        QPdfWriter writer(&device);
        writer.setTitle(title);
        writer.setCreator(u"Till"_s);
        writer.setPageSize(QPageSize(QPageSize::A4));
        print(text, writer);
        return true;
    });
}

QString ReportExport::suggestedName(const QString &prefix, const QDate &first, const QDate &last)
{
    const QString from = first.toString(Qt::ISODate);
    return first == last ? u"%1-%2"_s.arg(prefix, from)
                         : u"%1-%2-%3"_s.arg(prefix, from, last.toString(Qt::ISODate));
}

QString ReportExport::exportFolder()
{
    return FileDialogs::startFolder();
}

void ReportExport::rememberExportFolder(const QString &savedPath)
{
    FileDialogs::rememberFolder(savedPath);
}

std::optional<ServiceError> ReportExport::checkFolder(const QString &path)
{
    const QFileInfo info(path);
    if (path.trimmed().isEmpty() || info.isDir()) {
        return ServiceError{
                ServiceError::Code::InvalidInput, tr("Choose a file name to save to."), {}};
    }
    if (!info.absoluteDir().exists()) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("The folder %1 does not exist. Choose another folder.")
                                    .arg(QDir::toNativeSeparators(info.absolutePath())),
                            {}};
    }
    return std::nullopt;
}

std::optional<ServiceError> ReportExport::writeFile(const QString &path,
                                                    const std::function<bool(QIODevice &)> &write)
{
    if (auto problem = checkFolder(path)) {
        return problem;
    }
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    // Written aside and renamed at the end: a failed export never leaves half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return ServiceError{
                ServiceError::Code::Unavailable,
                tr("%1 cannot be written. Choose a folder you may write to.").arg(shown),
                file.errorString()};
    }
    if (!write(file) || !file.commit()) {
        return ServiceError{ServiceError::Code::Unavailable,
                            tr("%1 could not be written completely; nothing was saved.").arg(shown),
                            file.errorString()};
    }
    return std::nullopt;
}
