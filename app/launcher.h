#pragma once

#include "app/commandline.h"
#include "app/startupproblem.h"

#include <QCoreApplication>
#include <QElapsedTimer>

class Startup;

/*!
 * Runs Till with parsed options: the start-up steps with a progress dialog for the demo
 * fill and a message box for anything that stops the start, the setup wizard on the first
 * start of a store, then the main window until the person quits. Returns the process exit
 * code: 0 after a normal quit or a cancelled setup, 1 when Till could not start.
 */
class Launcher
{
    Q_DECLARE_TR_FUNCTIONS(Launcher)

public:
    //! sinceMain was started first thing in main(), for --measure-startup.
    explicit Launcher(CommandLine::Options options, const QElapsedTimer &sinceMain = {});

    int run();

private:
    std::optional<StartupProblem> prepare(Startup &startup);
    //! Opens the database; asks before a new file replaces one that held a store here.
    std::optional<StartupProblem> openDatabase(Startup &startup);
    bool askForNewDatabase(const StartupProblem &problem) const;
    //! The setup wizard; false when the person cancelled it.
    bool runSetup(Startup &startup);
    int report(const StartupProblem &problem) const;

    CommandLine::Options m_options;
    QElapsedTimer m_sinceMain;
};
