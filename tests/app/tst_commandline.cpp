#include "app/commandline.h"

#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    static CommandLine::Defaults defaults()
    {
        CommandLine::Defaults d;
        d.databaseUrl = u"sqlite:///home/anna/.local/share/Till/till.db"_s;
        d.lane = u"1"_s;
        return d;
    }

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("url"); // DatabaseUrl::toString() of the result
        QTest::addColumn<QString>("lane");
        QTest::addColumn<bool>("laneGiven");
        QTest::addColumn<bool>("demo");

        const int run = int(CommandLine::Action::Run);
        const QString home = u"sqlite:///home/anna/.local/share/Till/till.db"_s;
        QTest::newRow("defaults") << QStringList{} << run << home << u"1"_s << false << false;
        QTest::newRow("sqlite") << QStringList{u"--database"_s, u"sqlite:///srv/till/shop.db"_s}
                                << run << u"sqlite:///srv/till/shop.db"_s << u"1"_s << false
                                << false;
        QTest::newRow("postgresql")
                << QStringList{u"--database=postgresql://till:secret@db.shop.lan:5433/till"_s}
                << run << u"postgresql://till:secret@db.shop.lan:5433/till"_s << u"1"_s << false
                << false;
        QTest::newRow("postgresql socket")
                << QStringList{u"--database"_s,
                               u"postgresql:///till?host=/run/postgresql&user=till"_s}
                << run << u"postgresql://till@/till?host=/run/postgresql"_s << u"1"_s << false
                << false;
        QTest::newRow("lane") << QStringList{u"--lane"_s, u" Front "_s} << run << home << u"Front"_s
                              << true << false;
        QTest::newRow("demo") << QStringList{u"--demo"_s} << run << home << u"1"_s << false << true;
        QTest::newRow("all") << QStringList{u"--demo"_s, u"--lane=3"_s, u"--database"_s,
                                            u"sqlite:///tmp/a.db"_s}
                             << run << u"sqlite:///tmp/a.db"_s << u"3"_s << true << true;
    }
    void parse()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, action);
        QFETCH(QString, url);
        QFETCH(QString, lane);
        QFETCH(bool, laneGiven);
        QFETCH(bool, demo);

        arguments.prepend(u"till"_s);
        const CommandLine::Options options = CommandLine::parse(arguments, defaults());
        QCOMPARE(options.errorText, QString());
        QCOMPARE(int(options.action), action);
        QCOMPARE(options.database.toString(), url);
        QCOMPARE(options.lane, lane);
        QCOMPARE(options.laneGiven, laneGiven);
        QCOMPARE(options.demo, demo);
    }

    void postgresqlUrlIsTakenApart()
    {
        const auto options = CommandLine::parse(
                {u"till"_s, u"--database"_s, u"postgresql://till:secret@db.shop.lan:5433/shop"_s},
                defaults());
        QCOMPARE(options.database.engine, DatabaseUrl::Engine::PostgreSQL);
        QCOMPARE(options.database.host, u"db.shop.lan"_s);
        QCOMPARE(options.database.port, 5433);
        QCOMPARE(options.database.user, u"till"_s);
        QCOMPARE(options.database.password, u"secret"_s);
        QCOMPARE(options.database.database, u"shop"_s);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("unknown database kind")
                << QStringList{u"--database"_s, u"mysql://db/till"_s} << u"mysql://db/till"_s;
        QTest::newRow("sqlite without a file")
                << QStringList{u"--database"_s, u"sqlite://"_s} << u"sqlite://"_s;
        QTest::newRow("postgresql without a database")
                << QStringList{u"--database"_s, u"postgresql://db.shop.lan"_s}
                << u"postgresql://db.shop.lan"_s;
        QTest::newRow("no value") << QStringList{u"--database"_s} << u"database"_s;
        QTest::newRow("empty lane") << QStringList{u"--lane"_s, u"  "_s} << u"lane"_s;
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
        QTest::newRow("stray argument") << QStringList{u"shop.db"_s} << u"shop.db"_s;
    }
    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);

        arguments.prepend(u"till"_s);
        const CommandLine::Options options = CommandLine::parse(arguments, defaults());
        QCOMPARE(options.action, CommandLine::Action::Fail);
        QVERIFY2(options.errorText.contains(mentions), qPrintable(options.errorText));
    }

    void badSavedUrlSaysWhereItCameFrom()
    {
        CommandLine::Defaults saved = defaults();
        saved.databaseUrl = u"oracle://db/till"_s;
        saved.databaseFromSettings = true;
        const auto options = CommandLine::parse({u"till"_s}, saved);
        QCOMPARE(options.action, CommandLine::Action::Fail);
        QVERIFY2(options.errorText.contains(u"settings"_s), qPrintable(options.errorText));
        // A --database on the command line overrides the broken saved one.
        const auto given
                = CommandLine::parse({u"till"_s, u"--database"_s, u"sqlite:///tmp/a.db"_s}, saved);
        QCOMPARE(given.action, CommandLine::Action::Run);
    }

    void onlyHelpAndVersionPrintWithoutAWindow_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("printsOnly");
        QTest::newRow("-v") << QStringList{u"till"_s, u"-v"_s} << true;
        QTest::newRow("--help") << QStringList{u"till"_s, u"--help"_s} << true;
        QTest::newRow("--version after a lane")
                << QStringList{u"till"_s, u"--lane"_s, u"2"_s, u"--version"_s} << true;
        QTest::newRow("-v as the lane's name")
                << QStringList{u"till"_s, u"--lane"_s, u"-v"_s} << false;
        QTest::newRow("-h as the database URL")
                << QStringList{u"till"_s, u"--database"_s, u"-h"_s} << false;
        QTest::newRow("nothing") << QStringList{u"till"_s} << false;
    }

    void onlyHelpAndVersionPrintWithoutAWindow()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, printsOnly);
        QCOMPARE(CommandLine::printsOnly(arguments), printsOnly);
    }

    void aLaneNamedLikeAnOptionStartsTheWindow()
    {
        // Given a lane whose name looks like --version's short form
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, home.path());
        environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        QProcess till;
        till.setProcessEnvironment(environment);
        // When Till starts on a new database, measuring (so nothing waits for a person)
        till.start(QStringLiteral(TILL_APP_PATH),
                   {u"--lane"_s, u"-v"_s, u"--measure-startup"_s, u"--database"_s,
                    u"sqlite://"_s + home.filePath(u"till.db"_s)});
        QVERIFY(till.waitForFinished(60000));
        // Then it does not crash but reaches the store's first start, with a window system
        QCOMPARE(till.exitStatus(), QProcess::NormalExit);
        const QString errors = QString::fromLocal8Bit(till.readAllStandardError());
        QVERIFY2(errors.contains(u"needs setting up"_s), qPrintable(errors));
    }

    void helpAndVersion()
    {
        const auto help = CommandLine::parse({u"till"_s, u"--help"_s}, defaults());
        QCOMPARE(help.action, CommandLine::Action::ShowHelp);
        QVERIFY(help.helpText.contains(u"--database <URL>"_s));
        QVERIFY(help.helpText.contains(u"--lane <NAME>"_s));
        QVERIFY(help.helpText.contains(u"--demo"_s));

        const auto version = CommandLine::parse({u"till"_s, u"--version"_s}, defaults());
        QCOMPARE(version.action, CommandLine::Action::ShowVersion);
        QCOMPARE(version.versionText, QStringLiteral("Till " TILL_VERSION));
    }

    void measureStartupIsForTheBenchOnly()
    {
        // Given the developer's option, when it is parsed, then Till runs and measures
        const auto measured = CommandLine::parse({u"till"_s, u"--measure-startup"_s}, defaults());
        QCOMPARE(measured.action, CommandLine::Action::Run);
        QVERIFY(measured.measureStartup);
        QVERIFY(!CommandLine::parse({u"till"_s}, defaults()).measureStartup);
        // and a person reading --help does not meet it
        const auto help = CommandLine::parse({u"till"_s, u"--help"_s}, defaults());
        QVERIFY(!help.helpText.contains(u"measure-startup"_s));
    }

    void defaultsComeFromTheSettings()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(u"till.ini"_s), QSettings::IniFormat);

        // Nothing saved: till.db in the application data folder, lane 1.
        const auto fresh = CommandLine::Defaults::fromSettings(settings);
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QCOMPARE(fresh.databaseUrl, DatabaseUrl::sqliteFile(folder + u"/till.db"_s).toString());
        QCOMPARE(fresh.databaseFromSettings, false);
        QCOMPARE(fresh.lane, u"1"_s);

        // Saved values win.
        settings.setValue(CommandLine::kDatabaseUrlKey, u"postgresql://till@db/till"_s);
        settings.setValue(CommandLine::kLaneKey, u"Front"_s);
        const auto saved = CommandLine::Defaults::fromSettings(settings);
        QCOMPARE(saved.databaseUrl, u"postgresql://till@db/till"_s);
        QCOMPARE(saved.databaseFromSettings, true);
        QCOMPARE(saved.lane, u"Front"_s);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
