#include "ui/importdialog.h"
#include "ui_importdialog.h"

#include "models/items/importpreviewmodel.h"
#include "models/services/services.h"
#include "ui/errorbanner.h"
#include "ui/filedialogs.h"

#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {
// A catalogue of 100,000 units is a few MB; anything far larger is not a catalogue.
constexpr qint64 kMaxFileBytes = 200 * 1024 * 1024;
} // namespace

ImportDialog::ImportDialog(Services &services, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportDialog>())
    , m_services(services)
    , m_model(new ImportPreviewModel(this))
    , m_filtered(new QSortFilterProxyModel(this))
    , m_worker(std::make_unique<DatabaseWorker>(services.db, u"till-import"_s))
{
    m_ui->setupUi(this);
    m_model->setCurrencySymbol(services.catalogue.currencySymbol());
    m_filtered->setSourceModel(m_model);
    m_filtered->setFilterRole(ImportPreviewModel::StatusRole);
    m_ui->previewView->setModel(m_filtered);
    QHeaderView *header = m_ui->previewView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    m_ui->previewView->setColumnWidth(ImportPreviewModel::LineColumn, 60);
    m_ui->previewView->setColumnWidth(ImportPreviewModel::StatusColumn, 80);
    m_ui->previewView->setColumnWidth(ImportPreviewModel::SkuColumn, 120);
    m_ui->previewView->setColumnWidth(ImportPreviewModel::NameColumn, 240);
    m_ui->previewView->setColumnWidth(ImportPreviewModel::FieldColumn, 110);

    m_importButton = m_ui->buttonBox->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(u"importButton"_s);
    m_importButton->setAutoDefault(false);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_ui->chooseButton, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    // A first catalogue starts from the columns the import reads, filled in a spreadsheet.
    m_templateButton = new QPushButton(tr("Save a &Template…"), this);
    m_templateButton->setObjectName(u"templateButton"_s);
    m_templateButton->setToolTip(tr("A CSV file with the columns the import reads and two example "
                                    "products, to fill in a spreadsheet"));
    m_templateButton->setAutoDefault(false);
    m_ui->fileLayout->addWidget(m_templateButton);
    connect(m_templateButton, &QPushButton::clicked, this, &ImportDialog::chooseTemplateFile);
    connect(m_ui->rereadButton, &QPushButton::clicked, this, [this] { readFile(m_fileName); });
    connect(m_ui->onlyErrorsCheck, &QCheckBox::toggled, this, [this](bool only) {
        m_filtered->setFilterFixedString(
                only ? QString::number(int(ImportPreviewModel::Status::Error)) : QString());
    });
    // Progress crosses from the worker to this thread as queued calls; the worker never
    // touches a widget.
    connect(this, &ImportDialog::importProgressed, this, &ImportDialog::handleProgress,
            Qt::QueuedConnection);
    m_ui->summaryLabel->setText(tr("Choose a CSV file to see what it would change."));
    updateButtons();
}

ImportDialog::~ImportDialog()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    // The import's work reports progress through this dialog: it ends before the dialog.
    m_worker.reset();
}

void ImportDialog::chooseFile()
{
    const QString fileName = FileDialogs::openFileName(
            this, tr("Choose a Catalogue File"), tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!fileName.isEmpty()) {
        readFile(fileName);
    }
}

QString ImportDialog::askTemplateFileName(QWidget *parent)
{
    QString fileName = FileDialogs::saveFileName(
            parent, tr("Save a Template CSV"),
            tr("catalogue-template.csv", "file name of the CSV template"),
            tr("CSV files (*.csv);;All files (*)"));
    if (!fileName.isEmpty() && QFileInfo(fileName).suffix().isEmpty()) {
        fileName += u".csv"_s;
    }
    return fileName;
}

void ImportDialog::chooseTemplateFile()
{
    const QString fileName = askTemplateFileName(this);
    if (!fileName.isEmpty()) {
        saveTemplate(fileName);
    }
}

bool ImportDialog::saveTemplate(const QString &fileName)
{
    if (isBusy()) {
        return false;
    }
    const auto csv = m_services.catalogueCsv.templateFile();
    if (!csv) {
        m_ui->errorBanner->showError(csv.error());
        return false;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(*csv) != csv->size() || !file.commit()) {
        m_ui->errorBanner->showMessage(tr("The template could not be saved as %1. Check that the "
                                          "disk is not full and that you may write there.")
                                               .arg(QDir::toNativeSeparators(fileName)),
                                       file.errorString());
        return false;
    }
    readFile(fileName);
    return true;
}

void ImportDialog::readFile(const QString &fileName)
{
    if (isBusy() || fileName.isEmpty()) {
        return;
    }
    m_fileName = fileName;
    m_ui->fileEdit->setText(QDir::toNativeSeparators(fileName));
    m_ui->errorBanner->clear();
    m_model->clear();
    m_planned = false;

    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        m_ui->errorBanner->showMessage(tr("The file %1 cannot be opened. Check that it exists and "
                                          "that you may read it.")
                                               .arg(QDir::toNativeSeparators(fileName)),
                                       file.errorString());
        m_ui->summaryLabel->clear();
        updateButtons();
        return;
    }
    if (file.size() > kMaxFileBytes) {
        m_ui->errorBanner->showMessage(
                tr("The file is larger than %L1 MB; that is not a catalogue.")
                        .arg(kMaxFileBytes / (1024 * 1024)));
        updateButtons();
        return;
    }
    const QByteArray bytes = file.readAll();
    m_ui->summaryLabel->setText(tr("Reading and checking %1…").arg(QFileInfo(fileName).fileName()));
    const CatalogueCsv &csv = m_services.catalogueCsv;
    m_worker->run(
            [&csv, bytes] { return csv.plan(bytes); }, this,
            [this](const ServiceResult<CatalogueCsv::Plan> &result) { handlePlanned(result); });
    updateButtons();
}

void ImportDialog::handlePlanned(const ServiceResult<CatalogueCsv::Plan> &result)
{
    if (!result) {
        m_ui->errorBanner->showError(result.error());
        m_ui->summaryLabel->clear();
        updateButtons();
        return;
    }
    m_plan = *result;
    m_planned = true;
    m_model->setPlan(m_plan);
    if (!m_plan.fileError.isEmpty()) {
        m_ui->summaryLabel->clear();
        m_ui->errorBanner->showMessage(m_plan.fileError);
    } else if (!m_plan.errors.isEmpty()) {
        m_ui->summaryLabel->setText(tr("%1 %2", "rows read; problems found")
                                            .arg(tr("%Ln row(s) read.", "", m_plan.rows),
                                                 tr("%Ln problem(s) to fix in the file before it "
                                                    "can be imported; then choose "
                                                    "Read Again.",
                                                    "", static_cast<int>(m_plan.errors.size()))));
        const int first = m_model->firstErrorRow();
        m_ui->previewView->scrollTo(m_filtered->mapFromSource(m_model->index(first, 0)));
    } else if (m_plan.products.isEmpty()) {
        m_ui->summaryLabel->setText(tr("The file has no products."));
    } else {
        m_ui->summaryLabel->setText(
                tr("%1 %2 %3", "rows read; new products; updated products")
                        .arg(tr("%Ln row(s) read:", "", m_plan.rows),
                             tr("%Ln new product(s),", "", m_plan.newProducts),
                             tr("%Ln product(s) updated.", "", m_plan.updatedProducts)));
    }
    m_ui->onlyErrorsCheck->setChecked(false);
    updateButtons();
    Q_EMIT planReady();
}

void ImportDialog::startImport()
{
    if (isBusy() || !m_planned || !m_plan.isApplicable()) {
        return;
    }
    const int total = static_cast<int>(m_plan.products.size());
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_progress = new QProgressDialog(tr("Importing %Ln product(s)…", "", total), tr("Cancel"), 0,
                                     total, this);
    m_progress->setObjectName(u"importProgress"_s);
    m_progress->setWindowTitle(windowTitle());
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(0);
    m_progress->setValue(0);
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    connect(m_progress, &QProgressDialog::canceled, this, [this, cancel] {
        cancel->store(true);
        if (m_progress) {
            m_progress->setLabelText(tr("Cancelling; nothing will be imported…"));
        }
    });

    CatalogueCsv *csv = &m_services.catalogueCsv;
    const CatalogueCsv::Plan plan = m_plan;
    m_worker->run(
            [this, csv, plan, cancel] {
                return csv->apply(plan, [this, cancel](int done, int all) {
                    Q_EMIT importProgressed(done, all);
                    return !cancel->load();
                });
            },
            this,
            [this](const ServiceResult<CatalogueCsv::Outcome> &result) { handleImported(result); });
    updateButtons();
}

void ImportDialog::handleProgress(int done, int total)
{
    if (m_progress && !m_progress->wasCanceled()) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    }
}

void ImportDialog::handleImported(const ServiceResult<CatalogueCsv::Outcome> &result)
{
    const bool cancelled = m_cancel && m_cancel->load();
    m_cancel.reset();
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
    if (!result) {
        if (cancelled) {
            m_ui->summaryLabel->setText(tr("The import was cancelled. Nothing was imported."));
        } else {
            m_ui->errorBanner->showError(result.error());
        }
        updateButtons();
        Q_EMIT importFinished(false);
        return;
    }
    m_outcome = *result;
    m_imported = true;
    // The plan is spent: importing it twice would only repeat the same updates.
    m_planned = false;
    m_ui->summaryLabel->setText(
            tr("%1 %2 %3", "created; updated; units")
                    .arg(tr("Imported: %Ln new product(s),", "", m_outcome.created),
                         tr("%Ln updated,", "", m_outcome.updated),
                         tr("%Ln unit(s) in all.", "", m_outcome.units)));
    updateButtons();
    Q_EMIT importFinished(true);
}

void ImportDialog::updateButtons()
{
    const bool busy = isBusy();
    m_importButton->setEnabled(!busy && m_planned && m_plan.isApplicable());
    m_ui->chooseButton->setEnabled(!busy);
    m_templateButton->setEnabled(!busy);
    m_ui->rereadButton->setEnabled(!busy && !m_fileName.isEmpty());
    m_ui->onlyErrorsCheck->setEnabled(m_model->errorCount() > 0);
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setEnabled(!busy);
}

void ImportDialog::reject()
{
    // The worker writes into this dialog when it ends; it cannot go away before that.
    if (isBusy()) {
        return;
    }
    QDialog::reject();
}

void ImportDialog::closeEvent(QCloseEvent *event)
{
    if (isBusy()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}
