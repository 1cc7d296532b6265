#pragma once

#include "app/commandline.h"
#include "app/startupproblem.h"

#include <QCoreApplication>

class Startup;

/*!
 * Runs Till with parsed options: the start-up steps with a progress dialog for the demo
 * fill and a message box for anything that stops the start, then the main window until
 * the person quits. Returns the process exit code.
 */
class Launcher
{
    Q_DECLARE_TR_FUNCTIONS(Launcher)

public:
    explicit Launcher(CommandLine::Options options);

    int run();

private:
    std::optional<StartupProblem> prepare(Startup &startup);
    static int report(const StartupProblem &problem);

    CommandLine::Options m_options;
};
