#include "app/appearance.h"
#include "app/commandline.h"
#include "app/launcher.h"
#include "app/translators.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    return arguments;
}
} // namespace

int main(int argc, char *argv[])
{
    // First of all, for --measure-startup.
    QElapsedTimer sinceMain;
    sinceMain.start();
    // --help and --version only print, so they must work without a display.
    const bool textOnly = CommandLine::printsOnly(argumentsOf(argc, argv));
    const std::unique_ptr<QCoreApplication> app
            = textOnly ? std::make_unique<QCoreApplication>(argc, argv)
                       : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(u"Till"_s);
    QCoreApplication::setApplicationName(u"Till"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TILL_VERSION));
    installTranslators(*app);

    QSettings settings;
    const CommandLine::Options options = CommandLine::parse(
            QCoreApplication::arguments(), CommandLine::Defaults::fromSettings(settings));
    switch (options.action) {
    case CommandLine::Action::ShowHelp:
        std::fputs(qPrintable(options.helpText), stdout);
        return 0;
    case CommandLine::Action::ShowVersion:
        std::fputs(qPrintable(options.versionText + u'\n'), stdout);
        return 0;
    case CommandLine::Action::Fail:
        std::fputs(qPrintable(options.errorText + u'\n'), stderr);
        if (!textOnly) {
            // Started from a launcher, nobody reads stderr (a bad URL in the settings).
            QMessageBox::critical(nullptr, Launcher::tr("Till cannot start"), options.errorText);
        }
        return 1;
    case CommandLine::Action::Run:
        break;
    }
    if (options.laneGiven) {
        settings.setValue(CommandLine::kLaneKey, options.lane);
    }

    // printsOnly() and parse() read the same parser, so a window is asked for only here.
    auto *gui = qobject_cast<QApplication *>(app.get());
    Q_ASSERT(gui);
    applyCounterAppearance(*gui);
    return Launcher(options, sinceMain).run();
}
