#include "models/services/serviceerror.h"
#include "tests/common/childcase.h"
#include "tests/common/qverifyok.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr auto kCasesVariable = "TILL_QVERIFY_OK_CASES";

ServiceError refusal(const QString &message, const QString &details = {})
{
    ServiceError error;
    error.code = ServiceError::Code::InvalidInput;
    error.message = message;
    error.details = details;
    return error;
}

} // namespace

/*!
 * What QVERIFY_OK must fail on, run in a child process of this test: a failure inside the
 * running test would fail the test itself, so the parent reads the child's report instead.
 * Each case says "REACHED" if the test went on after the failed verification.
 */
class FailingCases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRefusedRequest()
    {
        const ServiceStatus refused = refusal(u"The name is empty."_s);
        QVERIFY_OK(refused);
        qInfo("REACHED");
    }

    void aFailureWithDetails()
    {
        const ServiceResult<int> failed
                = refusal(u"The sale could not be saved."_s, u"disk I/O error"_s);
        QVERIFY_OK(failed);
        qInfo("REACHED");
    }

    void aDatabaseFailure()
    {
        const DbStatus failed = DbError(DbError::Kind::Statement, u"no such table: widgets"_s);
        QVERIFY_OK(failed);
        qInfo("REACHED");
    }
};

class TestQVerifyOk : public QObject
{
    Q_OBJECT

private:
    //! The child's report of one failing case, and whether it failed.
    static QString runFailing(const QString &testCase, int *exitCode)
    {
        QString report;
        *exitCode = runChildCase(kCasesVariable, testCase, &report);
        return report;
    }

private Q_SLOTS:
    void aResultWithAValueLetsTheTestGoOn()
    {
        // Given results that hold a value
        const ServiceResult<int> counted = 42;
        const ServiceStatus done = Done{};

        // Then the test goes on past them: reading the error of either would throw
        QVERIFY_OK(counted);
        QVERIFY_OK(done);
        QCOMPARE(*counted, 42);
    }

    void aRefusalFailsTheTestWithItsSentence_data()
    {
        QTest::addColumn<QString>("testCase");
        QTest::addColumn<QStringList>("says");
        QTest::newRow("service refusal")
                << u"aRefusedRequest"_s << QStringList{u"The name is empty."_s};
        QTest::newRow("service failure with details")
                << u"aFailureWithDetails"_s
                << QStringList{u"The sale could not be saved. [disk I/O error]"_s};
        QTest::newRow("database failure")
                << u"aDatabaseFailure"_s << QStringList{u"no such table: widgets"_s};
    }

    void aRefusalFailsTheTestWithItsSentence()
    {
        QFETCH(QString, testCase);
        QFETCH(QStringList, says);

        // When a test verifies a result that failed
        int exitCode = 0;
        const QString report = runFailing(testCase, &exitCode);

        // Then that test fails, where the result was verified, in the error's own words
        QCOMPARE(exitCode, 1);
        QVERIFY2(report.contains(u"FAIL!  : FailingCases::%1()"_s.arg(testCase)),
                 qPrintable(report));
        for (const QString &words : says) {
            QVERIFY2(report.contains(words), qPrintable(report));
        }
        QVERIFY2(report.contains(u"tst_qverifyok.cpp"_s), qPrintable(report));
        // And it stops there, as QVERIFY does
        QVERIFY2(!report.contains(u"REACHED"_s), qPrintable(report));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kCasesVariable)) {
        FailingCases cases;
        return QTest::qExec(&cases, argc, argv);
    }
    TestQVerifyOk test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_qverifyok.moc"
