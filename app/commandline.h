#pragma once

#include "models/db/databaseurl.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QSettings;

/*!
 * Till's command line:
 *
 *     till [--database URL] [--lane NAME] [--demo] [--version] [--help]
 *
 * parse() only reads: it neither prints nor exits, so it can be tested, and the caller
 * decides what to do with help, version and errors. What the command line leaves out
 * comes from Defaults, which read this till's QSettings.
 */
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    //! QSettings keys of this till (per computer, unlike the store settings in the database).
    static inline const QString kDatabaseUrlKey = QStringLiteral("database/url");
    static inline const QString kLaneKey = QStringLiteral("lane/name");
    static inline const QString kDefaultLane = QStringLiteral("1");

    enum class Action { Run, ShowHelp, ShowVersion, Fail };

    struct Defaults
    {
        QString databaseUrl;               //!< as text; checked when it is used
        bool databaseFromSettings = false; //!< so an error can say where the URL came from
        QString lane = kDefaultLane;

        //! The saved URL and lane, else till.db under the application data folder and "1".
        static Defaults fromSettings(const QSettings &settings);
    };

    struct Options
    {
        Action action = Action::Run;
        DatabaseUrl database;
        QString lane;
        bool laneGiven = false; //!< --lane was given, so it should be saved
        bool demo = false;
        //! --measure-startup (till-bench; hidden from --help): time the login window, then quit
        bool measureStartup = false;
        QString errorText;   //!< Fail: what is wrong, in the user's language
        QString helpText;    //!< ShowHelp
        QString versionText; //!< ShowVersion
    };

    //! arguments as QCoreApplication::arguments() has them, program name first.
    static Options parse(const QStringList &arguments, const Defaults &defaults);

    /*!
     * Whether these arguments only ask for --help or --version, which print and need no
     * display. Decided by the same parser as parse(), before any QCoreApplication exists:
     * in "--lane -v" the -v is the lane's name, so Till starts its window.
     */
    static bool printsOnly(const QStringList &arguments);
};
