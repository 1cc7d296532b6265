#pragma once

#include "models/services/serviceerror.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QAbstractItemModel;
class QDate;
class QIODevice;
class QPagedPaintDevice;
class QTextDocument;

/*!
 * What leaves the Reports area: a table as CSV, a whole report (figures, charts, tables)
 * as a PDF or on paper. No dialogs here: the page asks where, these write, and a folder
 * that cannot be written comes back as a sentence to show.
 */
class ReportExport
{
    Q_DECLARE_TR_FUNCTIONS(ReportExport)

public:
    //! A report as it goes on paper, in reading order.
    struct Document
    {
        struct Chart
        {
            QString title;
            QImage image;
        };
        struct Figure
        {
            QString label;
            QString value;
            QString detail; //!< "tax included", "3 refunds"; may be empty
        };
        struct Table
        {
            QString title;
            const QAbstractItemModel *model = nullptr;
            QString note; //!< "Top 50 of 417 products; …" when the table lists only the first
        };

        QString title;
        QStringList subtitles; //!< the period, the filters, when it was made
        QList<Figure> figures; //!< the summary, as the tiles on screen
        QStringList notes;     //!< "No sales in this period."
        QList<Chart> charts;
        QList<Table> tables;
    };

    /*!
     * The model as comma-separated values: the header row, then one line per row, each
     * ending in CRLF; fields holding a comma, a quote or a line break are quoted (RFC 4180).
     * A cell gives ReportTableModel::ExportRole where it has it (money as "12.50"), else
     * what it shows.
     */
    static QString csv(const QAbstractItemModel &model);
    static std::optional<ServiceError> writeCsv(const QAbstractItemModel &model,
                                                const QString &path);

    //! The document as rich text, its charts as image resources, ready to print or lay out.
    static std::unique_ptr<QTextDocument> textDocument(const Document &document);
    static std::optional<ServiceError> writePdf(const Document &document, const QString &path);
    //! HTML made elsewhere (a shift report) as a PDF, with a title above it.
    static std::optional<ServiceError> writePdf(const QString &title, const QString &html,
                                                const QString &path);
    //! Prints on any paged device (a QPrinter the person chose, a QPdfWriter).
    static void print(const QTextDocument &document, QPagedPaintDevice &device);

    //! "sales-2026-03-01-2026-03-31": a file name for a period, without extension.
    static QString suggestedName(const QString &prefix, const QDate &first, const QDate &last);
    //! Where the last file dialog was left (FileDialogs), else the person's documents folder.
    static QString exportFolder();
    static void rememberExportFolder(const QString &savedPath);

private:
    static std::optional<ServiceError> checkFolder(const QString &path);
    static std::optional<ServiceError> writeFile(const QString &path,
                                                 const std::function<bool(QIODevice &)> &write);
};
