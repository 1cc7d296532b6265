#include "app/commandline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxLaneLength = 32;
} // namespace

CommandLine::Defaults CommandLine::Defaults::fromSettings(const QSettings &settings)
{
    Defaults defaults;
    const QString saved = settings.value(kDatabaseUrlKey).toString().trimmed();
    if (!saved.isEmpty()) {
        defaults.databaseUrl = saved;
        defaults.databaseFromSettings = true;
    } else {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        defaults.databaseUrl
                = DatabaseUrl::sqliteFile(QDir(folder).filePath(u"till.db"_s)).toString();
    }
    const QString lane = settings.value(kLaneKey).toString().trimmed();
    defaults.lane = lane.isEmpty() ? kDefaultLane : lane;
    return defaults;
}

CommandLine::Options CommandLine::parse(const QStringList &arguments, const Defaults &defaults)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Till, a point of sale for the counter and the back office."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption database(u"database"_s,
                                      tr("Where the data lives: sqlite:///path/till.db or "
                                         "postgresql://user:password@host:5432/till (default: %1).")
                                              .arg(defaults.databaseUrl),
                                      tr("URL"));
    const QCommandLineOption lane(u"lane"_s,
                                  tr("The name of this till, printed on bills (default: %1). "
                                     "It is remembered for the next start.")
                                          .arg(defaults.lane),
                                  tr("NAME"));
    const QCommandLineOption demo(u"demo"_s,
                                  tr("Fill an empty database with the demo store, so you can "
                                     "try Till right away."));
    // A developer's option, so neither shown nor translated.
    QCommandLineOption measureStartup(
            u"measure-startup"_s,
            u"Print the milliseconds from main() until the login window is shown, then quit."_s);
    measureStartup.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(database);
    parser.addOption(lane);
    parser.addOption(demo);
    parser.addOption(measureStartup);

    Options options;
    auto fail = [&options](const QString &text) {
        options.action = Action::Fail;
        options.errorText = text;
        return options;
    };

    if (!parser.parse(arguments)) {
        return fail(tr("%1\nRun “till --help” to see the options.").arg(parser.errorText()));
    }
    if (parser.isSet(help) || parser.isSet(u"help-all"_s)) {
        options.action = Action::ShowHelp;
        options.helpText = parser.helpText();
        return options;
    }
    if (parser.isSet(version)) {
        options.action = Action::ShowVersion;
        options.versionText = QStringLiteral("Till " TILL_VERSION);
        return options;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return fail(tr("Till does not take “%1”; options start with --.\n"
                       "Run “till --help” to see the options.")
                            .arg(parser.positionalArguments().join(u' ')));
    }

    const bool databaseGiven = parser.isSet(database);
    const QString urlText = databaseGiven ? parser.value(database) : defaults.databaseUrl;
    QString urlError;
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(urlText, &urlError);
    if (!url) {
        if (!databaseGiven && defaults.databaseFromSettings) {
            return fail(tr("The database URL saved in the settings (%1) cannot be used: %2.")
                                .arg(urlText, urlError));
        }
        return fail(tr("The database URL “%1” cannot be used: %2.").arg(urlText, urlError));
    }
    options.database = *url;

    options.laneGiven = parser.isSet(lane);
    options.lane = options.laneGiven ? parser.value(lane).trimmed() : defaults.lane;
    if (options.lane.isEmpty() || options.lane.size() > kMaxLaneLength) {
        return fail(
                tr("A lane name has 1 to %1 characters, such as 1 or Front.").arg(kMaxLaneLength));
    }

    options.demo = parser.isSet(demo);
    options.measureStartup = parser.isSet(measureStartup);
    return options;
}

bool CommandLine::printsOnly(const QStringList &arguments)
{
    // Help and version are decided before the database URL is looked at, so no defaults.
    const Action action = parse(arguments, Defaults{}).action;
    return action == Action::ShowHelp || action == Action::ShowVersion;
}
