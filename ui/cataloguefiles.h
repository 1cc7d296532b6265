#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class DatabaseWorker;
class QWidget;
class Services;

/*!
 * The catalogue as files, for the Products area: the whole catalogue exported as CSV, the
 * template CSV the import reads, and the demo store filled in a file of its own and opened
 * in a second Till. The export and the demo run on database workers of their own, so the
 * window keeps answering; what came of them is said as a status line, and a problem in a
 * message box over the window.
 */
class CatalogueFiles : public QObject
{
    Q_OBJECT

public:
    //! Starts another Till with these arguments; true when it started.
    using TillStarter = std::function<bool(const QStringList &arguments)>;

    //! window: the parent of the dialogs and message boxes.
    CatalogueFiles(Services &services, QWidget *window, QObject *parent = nullptr);
    //! An export or a demo still being filled ends first.
    ~CatalogueFiles() override;

    //! By default the running program, detached; tests put a stand-in here.
    void setTillStarter(TillStarter starter) { m_startTill = std::move(starter); }
    bool isExporting() const;
    bool isFillingDemo() const;

    //! Asks for a file name and saves the catalogue there, on the export worker.
    void exportCsv();
    //! Asks for a file name and saves the template CSV there.
    void chooseTemplateFile();
    //! Saves the template CSV (header and example rows the import accepts) as fileName.
    bool saveTemplate(const QString &fileName);
    //! Asks, fills the demo store in its own file on the demo worker, and opens it.
    void openDemoStore();

Q_SIGNALS:
    //! An export or the demo started or ended: what may be done now changed.
    void busyChanged();
    //! What the last file action did, for the page's status line.
    void statusChanged(const QString &text);
    //! The status said before no longer holds: the page shows its own again.
    void statusWithdrawn();

private:
    void handleExported(const QString &fileName, const QByteArray &csv);
    void handleDemoFilled(const QString &path, const QString &problem, const QString &details);

    Services &m_services;
    QWidget *m_window;
    DatabaseWorker *m_exportWorker = nullptr;
    DatabaseWorker *m_demoWorker = nullptr;
    TillStarter m_startTill;
};
