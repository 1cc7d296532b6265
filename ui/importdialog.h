#pragma once

#include "models/services/cataloguecsv.h"
#include "models/services/databaseworker.h"

#include <QDialog>
#include <QPointer>

#include <atomic>
#include <memory>

class ImportPreviewModel;
class QProgressDialog;
class QPushButton;
class QSortFilterProxyModel;
class Services;

namespace Ui {
class ImportDialog;
}

/*!
 * Catalogue import in two steps. Choosing a file reads and checks all of it (on a worker
 * thread) and shows what would happen: each product new or updated, each problem with its
 * line and column. Import is offered only for a file without problems; it then writes all
 * products in one transaction on a worker, with a progress bar and a Cancel that leaves
 * the catalogue as it was. The window stays responsive throughout.
 */
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportDialog(Services &services, QWidget *parent = nullptr);
    ~ImportDialog() override;

    //! Reads and checks a file, as choosing it does.
    void readFile(const QString &fileName);
    /*!
     * Saves a template (the header and example rows this store's import accepts) as
     * fileName and reads it, so the preview shows what its rows would create.
     */
    bool saveTemplate(const QString &fileName);
    //! Asks where to save the template CSV (".csv" added when no suffix); empty: cancelled.
    static QString askTemplateFileName(QWidget *parent);
    //! A file is being read or imported.
    bool isBusy() const { return m_worker->isBusy(); }
    //! Products were written by this dialog.
    bool hasImported() const { return m_imported; }
    const CatalogueCsv::Outcome &outcome() const { return m_outcome; }

    void reject() override;

Q_SIGNALS:
    //! Emitted on the import's worker thread between batches; connected queued.
    void importProgressed(int done, int total);
    //! The file was read and checked; the preview shows the plan.
    void planReady();
    //! The import ended, written or not.
    void importFinished(bool written);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void chooseFile();
    void chooseTemplateFile();
    void handlePlanned(const ServiceResult<CatalogueCsv::Plan> &result);
    void startImport();
    void handleProgress(int done, int total);
    void handleImported(const ServiceResult<CatalogueCsv::Outcome> &result);
    void updateButtons();

    std::unique_ptr<Ui::ImportDialog> m_ui;
    Services &m_services;
    ImportPreviewModel *m_model = nullptr;
    QSortFilterProxyModel *m_filtered = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_templateButton = nullptr;
    QPointer<QProgressDialog> m_progress;
    std::unique_ptr<DatabaseWorker> m_worker;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    CatalogueCsv::Plan m_plan;
    bool m_planned = false;
    bool m_imported = false;
    CatalogueCsv::Outcome m_outcome;
    QString m_fileName;
};
