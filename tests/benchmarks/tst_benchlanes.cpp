#include "tests/common/testdatabase.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * till-bench --lanes is a benchmark, but its checks (stock equals the ledger, bill
 * numbers per lane, bills equal sales) are worth keeping alive: two lanes sell on a tiny
 * store for two seconds and the bench must say every check passed.
 */
class TestBenchLanes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void twoLanesPassTheirChecks()
    {
        // Given an empty database on the engine under test
        auto scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));

        // When two lanes sell at once for two seconds
        QProcess bench;
        bench.setProcessChannelMode(QProcess::MergedChannels);
        bench.start(QStringLiteral(TILL_BENCH),
                    {u"--database"_s, scratch->url().toString(), u"--scale"_s, u"tiny"_s,
                     u"--lanes"_s, u"2"_s, u"--duration"_s, u"2"_s});
        QVERIFY2(bench.waitForFinished(120000), "till-bench did not finish in two minutes");
        const QString out = QString::fromUtf8(bench.readAll());

        // Then it ends well, both lanes sold, and each of the four checks passed
        QVERIFY2(bench.exitStatus() == QProcess::NormalExit && bench.exitCode() == 0,
                 qPrintable(out));
        QCOMPARE(out.count(QRegularExpression(u"^check .*: passed \\("_s,
                                              QRegularExpression::MultilineOption)),
                 4);
        QVERIFY2(!out.contains(u"FAILED"_s), qPrintable(out));
        QVERIFY2(out.contains(u"lanes checks: passed"_s), qPrintable(out));
        const QRegularExpression lane(u"^bench-\\d +(\\d+) "_s,
                                      QRegularExpression::MultilineOption);
        int lanes = 0;
        for (const auto &match : lane.globalMatch(out)) {
            ++lanes;
            QVERIFY2(match.captured(1).toInt() > 0, qPrintable(out));
        }
        QCOMPARE(lanes, 2);
    }
};

QTEST_GUILESS_MAIN(TestBenchLanes)
#include "tst_benchlanes.moc"
