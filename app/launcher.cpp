#include "app/launcher.h"

#include "app/startup.h"
#include "app/startupmeter.h"
#include "models/services/services.h"
#include "models/services/setupservice.h"
#include "ui/mainwindow.h"
#include "ui/setupwizard.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

Launcher::Launcher(CommandLine::Options options, const QElapsedTimer &sinceMain)
    : m_options(std::move(options))
    , m_sinceMain(sinceMain)
{}

int Launcher::run()
{
    Startup startup(m_options.database);
    if (const auto problem = prepare(startup)) {
        return report(*problem);
    }
    const auto readiness = startup.checkUsers(m_options.demo);
    if (!readiness) {
        return report(readiness.error());
    }
    // Cancelling the wizard is the person's choice, not a failure: nothing was written,
    // the wizard comes back at the next start, and a supervisor that restarts Till on a
    // non-zero exit must not pop it up again at once. Hence 0.
    if (*readiness == Startup::Readiness::NeedsSetup) {
        if (m_options.measureStartup) {
            // Nobody is there to fill in the wizard; the figure would be meaningless.
            std::fputs("till: the store needs setting up first; no login window to measure\n",
                       stderr);
            return 1;
        }
        if (!runSetup(startup)) {
            return 0;
        }
    }

    Services services(startup.database(), m_options.lane);
    MainWindow window(services, startup.storeName());
    if (m_options.measureStartup) {
        if (auto *login = window.findChild<QWidget *>(u"loginPage"_s)) {
            new StartupMeter(m_sinceMain, login);
        }
    }
    window.show();
    return QApplication::exec();
}

namespace {
// The SQLite files this user's Till has kept a store in. A missing one of these is not a
// first start: creating a new empty file there would hide that the store is gone.
const QString kKnownFilesKey = u"database/sqliteFiles"_s;
} // namespace

std::optional<StartupProblem> Launcher::openDatabase(Startup &startup)
{
    const DatabaseUrl &url = m_options.database;
    const bool sqlite = url.engine == DatabaseUrl::Engine::SQLite;
    QSettings settings;
    QStringList known = settings.value(kKnownFilesKey).toStringList();
    const QString path = sqlite ? QFileInfo(url.path).absoluteFilePath() : QString();
    const auto missing = sqlite && known.contains(path) ? Startup::MissingFile::Refuse
                                                        : Startup::MissingFile::Create;
    auto problem = startup.openDatabase(missing);
    if (problem && problem->kind == StartupProblem::Kind::MissingDatabaseFile) {
        if (m_options.measureStartup || !askForNewDatabase(*problem)) {
            return problem;
        }
        problem = startup.openDatabase(Startup::MissingFile::Create);
    }
    if (!problem && sqlite && !known.contains(path)) {
        known.append(path);
        settings.setValue(kKnownFilesKey, known);
    }
    return problem;
}

bool Launcher::askForNewDatabase(const StartupProblem &problem) const
{
    QMessageBox box(QMessageBox::Warning, tr("Till"), problem.text);
    QPushButton *create = box.addButton(tr("Start with a New Database"), QMessageBox::AcceptRole);
    QPushButton *quit = box.addButton(tr("Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(quit);
    box.setDetailedText(problem.details);
    box.exec();
    return box.clickedButton() == create;
}

std::optional<StartupProblem> Launcher::prepare(Startup &startup)
{
    if (auto problem = openDatabase(startup)) {
        return problem;
    }
    if (auto problem = startup.migrate()) {
        return problem;
    }
    if (m_options.demo) {
        // Created when the fill starts: a database that has data gets no dialog at all.
        std::unique_ptr<QProgressDialog> dialog;
        const auto progress = [&dialog](int done, int total) {
            if (!dialog) {
                dialog = std::make_unique<QProgressDialog>(tr("Filling the demo store…"), QString(),
                                                           0, 0);
                dialog->setWindowTitle(tr("Till"));
                dialog->setWindowModality(Qt::ApplicationModal);
                dialog->setMinimumDuration(0);
                dialog->setMinimumWidth(420);
                dialog->setAutoClose(false);
                dialog->show();
            }
            dialog->setMaximum(total);
            dialog->setValue(done);
            QCoreApplication::processEvents();
        };
        DemoStore::Options demo;
        demo.lane = m_options.lane;
        if (auto problem = startup.fillDemo(demo, progress)) {
            return problem;
        }
    }
    return std::nullopt;
}

bool Launcher::runSetup(Startup &startup)
{
    SetupService setup(startup.database(), m_options.lane);
    SetupWizard wizard(setup);
    return wizard.exec() == QDialog::Accepted;
}

int Launcher::report(const StartupProblem &problem) const
{
    if (problem.kind == StartupProblem::Kind::MissingDatabaseFile && !m_options.measureStartup) {
        return 1; // the person was asked and chose to quit
    }
    if (m_options.measureStartup) {
        std::fprintf(stderr, "till: %s\n%s\n", qPrintable(problem.text),
                     qPrintable(problem.details));
        return 1;
    }
    QMessageBox box(QMessageBox::Critical, tr("Till cannot start"), problem.text,
                    QMessageBox::Close);
    if (!problem.details.isEmpty()) {
        box.setDetailedText(problem.details);
    }
    box.exec();
    return 1;
}
