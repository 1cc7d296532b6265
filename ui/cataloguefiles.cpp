#include "ui/cataloguefiles.h"

#include "models/services/databaseworker.h"
#include "models/services/demolaunch.h"
#include "models/services/demostore.h"
#include "models/services/services.h"
#include "ui/errorbanner.h"
#include "ui/filedialogs.h"
#include "ui/importdialog.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>

using namespace Qt::StringLiterals;

CatalogueFiles::CatalogueFiles(Services &services, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_window(window)
    , m_exportWorker(new DatabaseWorker(services.db, u"till-export"_s, this))
    , m_demoWorker(new DatabaseWorker(services.db, u"till-demo"_s, this))
{}

CatalogueFiles::~CatalogueFiles()
{
    // An export or a demo still being filled ends before the members it uses go.
    delete m_exportWorker;
    delete m_demoWorker;
}

bool CatalogueFiles::isExporting() const
{
    return m_exportWorker->isBusy();
}

bool CatalogueFiles::isFillingDemo() const
{
    return m_demoWorker->isBusy();
}

void CatalogueFiles::exportCsv()
{
    if (m_exportWorker->isBusy()) {
        return;
    }
    const QString suggested = tr("catalogue-%1.csv", "file name; %1 is the date")
                                      .arg(QDate::currentDate().toString(Qt::ISODate));
    QString fileName = FileDialogs::saveFileName(m_window, tr("Export Catalogue"), suggested,
                                                 tr("CSV files (*.csv);;All files (*)"));
    if (fileName.isEmpty()) {
        return;
    }
    if (QFileInfo(fileName).suffix().isEmpty()) {
        fileName += u".csv"_s;
    }
    // Say so before the work, not after it: a folder that cannot be written stays so.
    const QFileInfo target(fileName);
    const QFileInfo dir(target.absolutePath());
    if (!dir.isDir() || !dir.isWritable() || (target.exists() && !target.isWritable())) {
        ErrorBanner::report(m_window, tr("Export Catalogue"),
                            {ServiceError::Code::InvalidInput,
                             tr("Till may not write to the folder %1. Choose another folder, such "
                                "as your Documents folder.")
                                     .arg(QDir::toNativeSeparators(target.absolutePath())),
                             {}});
        return;
    }
    const CatalogueCsv &csv = m_services.catalogueCsv;
    m_exportWorker->run([&csv] { return csv.exportAll(); }, this,
                        [this, fileName](const ServiceResult<QByteArray> &result) {
                            if (!result) {
                                ErrorBanner::report(m_window, tr("Export Catalogue"),
                                                    result.error());
                            } else {
                                handleExported(fileName, *result);
                            }
                            Q_EMIT busyChanged();
                        });
    Q_EMIT busyChanged();
    Q_EMIT statusChanged(tr("Exporting the catalogue…"));
}

void CatalogueFiles::handleExported(const QString &fileName, const QByteArray &csv)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        ErrorBanner::report(m_window, tr("Export Catalogue"),
                            {ServiceError::Code::Unavailable,
                             tr("The catalogue could not be saved as %1. Check that the disk is "
                                "not full and that you may write there.")
                                     .arg(QDir::toNativeSeparators(fileName)),
                             file.errorString()});
        Q_EMIT statusWithdrawn();
        return;
    }
    const int lines = static_cast<int>(csv.count('\n')) - 1;
    Q_EMIT statusChanged(tr("Exported %Ln unit row(s) to %1.", "", lines)
                                 .arg(QDir::toNativeSeparators(fileName)));
}

void CatalogueFiles::chooseTemplateFile()
{
    const QString fileName = ImportDialog::askTemplateFileName(m_window);
    if (!fileName.isEmpty()) {
        saveTemplate(fileName);
    }
}

bool CatalogueFiles::saveTemplate(const QString &fileName)
{
    const auto csv = m_services.catalogueCsv.templateFile();
    if (!csv) {
        ErrorBanner::report(m_window, tr("Save a Template CSV"), csv.error());
        return false;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(*csv) != csv->size() || !file.commit()) {
        ErrorBanner::report(m_window, tr("Save a Template CSV"),
                            {ServiceError::Code::Unavailable,
                             tr("The template could not be saved as %1. Check that the disk is "
                                "not full and that you may write there.")
                                     .arg(QDir::toNativeSeparators(fileName)),
                             file.errorString()});
        return false;
    }
    Q_EMIT statusChanged(tr("Saved the template as %1. Fill it in, then import it.")
                                 .arg(QDir::toNativeSeparators(fileName)));
    return true;
}

void CatalogueFiles::openDemoStore()
{
    if (m_demoWorker->isBusy()) {
        return;
    }
    const QString path = DemoLaunch::filePath(m_services.db);
    QMessageBox box(QMessageBox::Question, tr("Open the Demo Store"),
                    tr("Open the demo store in a separate file?"), QMessageBox::Cancel, m_window);
    box.setInformativeText(
            tr("Till fills the database file %1 with a demo shop (products, 90 days of sales and "
               "users; the manager \"maria\" signs in with the PIN 1234) and opens it in a second "
               "window. This store's own database is not touched.")
                    .arg(QDir::toNativeSeparators(path)));
    QPushButton *open = box.addButton(tr("&Open the Demo"), QMessageBox::AcceptRole);
    box.setDefaultButton(open);
    box.exec();
    if (box.clickedButton() != open) {
        return;
    }
    auto *progress = new QProgressDialog(tr("Filling the demo store…"), QString(), 0, 0, m_window);
    progress->setObjectName(u"demoProgress"_s);
    progress->setWindowTitle(tr("Open the Demo Store"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->show();
    // The demo's language follows this till's locale, as the translator does.
    const DemoStore::Options options;
    m_demoWorker->run(
            [path, options] {
                const auto filled = DemoStore::fillSeparateFile(path, options);
                return filled ? QString() : filled.error().details;
            },
            this,
            [this, path, progress](const QString &details) {
                progress->close();
                handleDemoFilled(
                        path,
                        details.isEmpty()
                                ? QString()
                                : tr("The demo store could not be created in %1. Check that you "
                                     "may write in that folder.")
                                          .arg(QDir::toNativeSeparators(path)),
                        details);
                Q_EMIT busyChanged();
            });
    Q_EMIT busyChanged();
}

void CatalogueFiles::handleDemoFilled(const QString &path, const QString &problem,
                                      const QString &details)
{
    const QString title = tr("Open the Demo Store");
    if (!problem.isEmpty()) {
        ErrorBanner::report(m_window, title, {ServiceError::Code::Unavailable, problem, details});
        return;
    }
    const QStringList arguments = DemoLaunch::tillArguments(path);
    const bool started
            = m_startTill
                      ? m_startTill(arguments)
                      : QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments);
    if (!started) {
        ErrorBanner::report(m_window, title,
                            {ServiceError::Code::Unavailable,
                             tr("The demo store is ready in %1, but a second Till could not be "
                                "started. Start Till with --database and that file to open it.")
                                     .arg(QDir::toNativeSeparators(path)),
                             {}});
        return;
    }
    Q_EMIT statusChanged(tr("The demo store opens in a second window. This store is as it "
                            "was."));
}
