#include "tests/benchmarks/benchwire.h"
#include "tests/common/testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

//! The figure of op/variant at n in till-bench's JSON; empty when it was not measured.
QJsonObject figureOf(const QJsonArray &figures, const QString &op, const QString &variant, int n)
{
    for (const QJsonValue &value : figures) {
        const QJsonObject figure = value.toObject();
        if (figure.value(u"op"_s).toString() == op
            && figure.value(u"variant"_s).toString() == variant
            && figure.value(u"n"_s).toInt() == n) {
            return figure;
        }
    }
    return {};
}

//! The two new columns of the printed line of op/variant at n: round trips, server time.
QStringList printedColumns(const QString &out, const QString &op, const QString &variant, int n)
{
    const QRegularExpression line(
            u"^%1 +%2 +%3 .* (\\S+) +(\\S+)$"_s
                    .arg(QRegularExpression::escape(op), QRegularExpression::escape(variant))
                    .arg(n),
            QRegularExpression::MultilineOption);
    const auto match = line.match(out);
    return match.hasMatch() ? QStringList{match.captured(1), match.captured(2)} : QStringList{};
}

} // namespace

/*!
 * till-bench shows, beside the wall time, the round trips on the wire (PostgreSQL) and the
 * server's time, and with --profile the plans of what each operation ran.
 */
class TestBenchFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void roundTripsAreTheClientsTurnsOnTheWire()
    {
        // Given a trace of an extended-protocol query, a simple one, a notice, and three
        // messages sent before any answer (a pipeline), with and without time stamps
        const QByteArray trace
                = "F\t68\tParse\t \"\" \"SELECT 1\" 0\n"
                  "F\t12\tBind\t \"\" \"\" 0 0 0\n"
                  "F\t4\tSync\n"
                  "B\t4\tParseComplete\n"
                  "B\t11\tDataRow\t 1 1 '1'\n"
                  "B\t5\tReadyForQuery\t I\n"
                  "2026-12-03 19:00:00.000001\tF\t13\tQuery\t \"BEGIN\"\n"
                  "2026-12-03 19:00:00.000002\tB\t60\tNoticeResponse\t S \"NOTICE\"\n"
                  "2026-12-03 19:00:00.000003\tB\t5\tReadyForQuery\t T\n"
                  "F\t13\tQuery\t \"SELECT 2\"\n"
                  "F\t13\tQuery\t \"SELECT 3\"\n"
                  "F\t13\tQuery\t \"SELECT 4\"\n"
                  "B\t5\tReadyForQuery\t T\n"
                  "B\t5\tReadyForQuery\t T\n";

        // Then each turn of the client after the server answered is one round trip
        QCOMPARE(countRoundTrips(trace), 3);
        QCOMPARE(countRoundTrips(QByteArray()), 0);
        QCOMPARE(countRoundTrips("B\t5\tReadyForQuery\t I\n"), 0);
    }

    void figuresShowRoundTripsServerTimeAndPlans()
    {
        // Given an empty database on the engine under test
        auto scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        const bool postgres = scratch->url().toString().startsWith(u"postgresql"_s);
        QTemporaryDir dir;

        // When the bench measures checkout and the barcode lookup with a profile
        QProcess bench;
        bench.setProcessChannelMode(QProcess::MergedChannels);
        bench.start(QStringLiteral(TILL_BENCH),
                    {u"--database"_s, scratch->url().toString(), u"--scale"_s, u"tiny"_s,
                     u"--only"_s, u"checkout,barcode_lookup"_s, u"--json"_s,
                     dir.filePath(u"bench.json"_s), u"--profile"_s,
                     dir.filePath(u"profile.txt"_s)});
        QVERIFY2(bench.waitForFinished(300000), "till-bench did not finish in five minutes");
        const QString out = QString::fromUtf8(bench.readAll());
        QVERIFY2(bench.exitStatus() == QProcess::NormalExit && bench.exitCode() == 0,
                 qPrintable(out));
        QFile json(dir.filePath(u"bench.json"_s));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray figures = QJsonDocument::fromJson(json.readAll()).array();

        // Then the header names the new columns and where the server time comes from
        QVERIFY2(out.contains(QRegularExpression(u"reps +round_trips +server_ms\\n"_s)),
                 qPrintable(out));
        const bool serverTime = out.contains(u"server time: pg_stat_statements,"_s);
        QVERIFY2(serverTime || out.contains(u"server time: pg_stat_statements not loaded"_s)
                         || (!postgres && out.contains(u"server time: none on SQLite"_s)),
                 qPrintable(out));

        // And every figure has both, as a number on PostgreSQL and "-" / null on SQLite
        for (const auto &[variant, n] : {std::pair{u"till"_s, 1}, std::pair{u"naive"_s, 50}}) {
            const QJsonObject figure = figureOf(figures, u"checkout"_s, variant, n);
            QVERIFY2(figure.contains(u"round_trips"_s) && figure.contains(u"server_ms"_s),
                     qPrintable(out));
            const QStringList printed = printedColumns(out, u"checkout"_s, variant, n);
            QCOMPARE(printed.size(), 2);
            if (postgres) {
                // a sale cannot be written without talking to the server
                QVERIFY2(figure.value(u"round_trips"_s).toInt(-1) >= 1, qPrintable(out));
                QCOMPARE(printed.at(0), QString::number(figure.value(u"round_trips"_s).toInt()));
            } else {
                QVERIFY(figure.value(u"round_trips"_s).isNull());
                QCOMPARE(printed.at(0), u"-"_s);
            }
            QCOMPARE(figure.value(u"server_ms"_s).isDouble(), serverTime);
            QCOMPARE(printed.at(1) == u"-"_s, !serverTime);
        }
        if (postgres) {
            // the naive way, a statement per line, turns more often than Till's own
            QVERIFY2(
                    figureOf(figures, u"checkout"_s, u"naive"_s, 50).value(u"round_trips"_s).toInt()
                            > figureOf(figures, u"checkout"_s, u"till"_s, 50)
                                      .value(u"round_trips"_s)
                                      .toInt(),
                    qPrintable(out));
        }

        // And the profile holds each operation's statements and their plans
        QFile profile(dir.filePath(u"profile.txt"_s));
        QVERIFY(profile.open(QIODevice::ReadOnly));
        const QString plans = QString::fromUtf8(profile.readAll());
        QVERIFY2(plans.contains(u"==== checkout/till n=1: "_s), qPrintable(plans.left(2000)));
        QVERIFY2(plans.contains(u"INSERT INTO bill_items"_s), qPrintable(plans.left(2000)));
        if (postgres) {
            QVERIFY2(plans.contains(u"Query Text:"_s)
                             || plans.contains(u"auto_explain could not be loaded"_s),
                     qPrintable(plans.left(2000)));
        } else {
            QVERIFY2(plans.contains(u"EXPLAIN QUERY PLAN"_s)
                             && plans.contains(QRegularExpression(u"\\n +(SEARCH|SCAN) "_s)),
                     qPrintable(plans.left(2000)));
        }
    }
};

QTEST_GUILESS_MAIN(TestBenchFigures)
#include "tst_benchfigures.moc"
