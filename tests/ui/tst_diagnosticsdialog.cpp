#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/items/operationsmodel.h"
#include "models/services/diagnosticsservice.h"
#include "tests/common/testdatabase.h"
#include "ui/diagnosticsdialog.h"

#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * The Diagnostics window as a store manager reads it: above the developer's tables, a few
 * lines that say how the last operations went, fast or slow, and why in plain words.
 */
class TestDiagnosticsDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;

    void runOperation(const QString &name, int statements)
    {
        ProfileScope scope(name);
        for (int i = 0; i < statements; ++i) {
            SqlQuery q(m_scratch->db(), u"SELECT COUNT(*) FROM products WHERE id = :id"_s);
            q.bind(u"id"_s, i);
            QVERIFY(q.execOne());
        }
    }

    static OperationRecord record(const QString &name, int statements, qint64 ms, qint64 dbMs)
    {
        OperationRecord r;
        r.name = name;
        r.statementCount = statements;
        r.nanoseconds = ms * 1'000'000;
        r.statementNanoseconds = dbMs * 1'000'000;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
    }

    void init() { QueryProfiler::instance().clearHistory(); }

    void theLastOperationsInPlainWords()
    {
        // Given a sale of one statement, then a report
        runOperation(u"checkout.commit"_s, 1);
        runOperation(u"reports.sales"_s, 3);
        DiagnosticsService diagnostics(QueryProfiler::instance());
        DiagnosticsDialog dialog(diagnostics);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Then the summary at the top speaks of both, newest first, in words
        const QStringList lines = dialog.plainSummary().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(u"Last sales report: 3 database statements, "_s),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(u"Last sale: 1 database statement, "_s),
                 qPrintable(lines.at(1)));
        QVERIFY2(lines.at(1).endsWith(u" ms — fast"_s), qPrintable(lines.at(1)));

        // And an operation that finishes later joins them at the top
        runOperation(u"checkout.scan"_s, 1);
        QTRY_VERIFY(dialog.plainSummary().startsWith(u"Last scan: 1 database statement"_s));
    }

    void slowSaysWhy()
    {
        using M = OperationsModel;
        QCOMPARE(M::plainSummary(record(u"checkout.commit"_s, 4, 2, 1)),
                 u"Last sale: 4 database statements, 2 ms — fast"_s);
        QCOMPARE(M::plainSummary(record(u"checkout.commit"_s, 4, 900, 850)),
                 u"Last sale: 4 database statements, 900 ms — slow: the database took 850 ms to "
                 "answer"_s);
        QCOMPARE(M::plainSummary(record(u"checkout.commit"_s, 1, 900, 3)),
                 u"Last sale: 1 database statement, 900 ms — slow: Till itself took most of the "
                 "time, not the database"_s);
        // A report may read longer before it is slow
        QVERIFY(M::plainSummary(record(u"reports.sales"_s, 13, 900, 850)).endsWith(u"fast"_s));
        OperationRecord looped = record(u"refund.commit"_s, 40, 30, 20);
        looped.repeatWarnings = {u"SELECT ? FROM bill_items WHERE id = ?"_s};
        QVERIFY2(M::plainSummary(looped).contains(u"slow: one statement ran again and again"_s),
                 qPrintable(M::plainSummary(looped)));
        QCOMPARE(M::plainName(u"something.new"_s), u"operation “something.new”"_s);
    }
};

QTEST_MAIN(TestDiagnosticsDialog)
#include "tst_diagnosticsdialog.moc"
