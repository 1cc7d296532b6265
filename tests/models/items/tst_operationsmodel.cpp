#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/items/operationsmodel.h"
#include "models/items/statementsmodel.h"
#include "models/services/diagnosticsservice.h"
#include "tests/common/testdatabase.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestOperationsModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;
    DiagnosticsService m_diagnostics{QueryProfiler::instance()};

    void selectOne(int value)
    {
        SqlQuery q(m_scratch->db(), u"SELECT COUNT(*) FROM products WHERE id = :id"_s);
        q.bind(u"id"_s, value);
        QVERIFY(q.execOne());
    }

    //! An operation of `statements` selects of one shape (more than 5 look like N+1).
    void runOperation(const QString &name, int statements)
    {
        ProfileScope scope(name);
        for (int i = 0; i < statements; ++i) {
            selectOne(i);
        }
    }

    static QString display(const QAbstractItemModel &model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
    }

    void init() { QueryProfiler::instance().clearHistory(); }

    void startsFromTheProfilersHistory()
    {
        // Given two finished operations
        runOperation(u"test.first"_s, 1);
        runOperation(u"test.second"_s, 2);

        // When a model is made before their queued signals arrive
        OperationsModel model(m_diagnostics);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Then it shows them once, oldest first, also after the signals were delivered
        QCOMPARE(model.rowCount(), 2);
        QCoreApplication::processEvents();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(display(model, 0, OperationsModel::OperationColumn), u"test.first"_s);
        QCOMPARE(display(model, 1, OperationsModel::OperationColumn), u"test.second"_s);
        QCOMPARE(model.columnCount(), int(OperationsModel::ColumnCount));
    }

    void headers_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("header");
        QTest::newRow("time") << int(OperationsModel::TimeColumn) << u"Time"_s;
        QTest::newRow("operation") << int(OperationsModel::OperationColumn) << u"Operation"_s;
        QTest::newRow("statements") << int(OperationsModel::StatementsColumn) << u"Statements"_s;
        QTest::newRow("total") << int(OperationsModel::TotalMsColumn) << u"Total ms"_s;
        QTest::newRow("sql") << int(OperationsModel::StatementMsColumn) << u"SQL ms"_s;
        QTest::newRow("warnings") << int(OperationsModel::WarningsColumn) << u"N+1"_s;
    }
    void headers()
    {
        QFETCH(int, column);
        QFETCH(QString, header);
        OperationsModel model(m_diagnostics);
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), header);
        QVERIFY(!model.headerData(column, Qt::Vertical).isValid());
    }

    void rowsAppearWhenAnOperationEnds()
    {
        // Given an empty model
        OperationsModel model(m_diagnostics);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QCOMPARE(model.rowCount(), 0);

        // When an operation with two statements ends
        runOperation(u"test.live"_s, 2);

        // Then one row is appended with its figures
        QTRY_COMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(display(model, 0, OperationsModel::OperationColumn), u"test.live"_s);
        QCOMPARE(display(model, 0, OperationsModel::StatementsColumn), u"2"_s);
        QCOMPARE(model.index(0, OperationsModel::StatementsColumn)
                         .data(OperationsModel::SortRole)
                         .toInt(),
                 2);
        QVERIFY(model.index(0, OperationsModel::TotalMsColumn)
                        .data(OperationsModel::SortRole)
                        .toLongLong()
                > 0);
        QCOMPARE(model.index(0, 0).data(OperationsModel::HasRepeatWarningRole).toBool(), false);
        QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
        QCOMPARE(display(model, 0, OperationsModel::WarningsColumn), QString());
        QCOMPARE(model.operation(0).statements.size(), 2);
    }

    void statementsInALoopAreFlagged()
    {
        OperationsModel model(m_diagnostics);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int times = QueryProfiler::instance().repeatThreshold() + 1;

        // When one statement shape runs in a loop inside one operation
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"possible N\\+1"_s));
        runOperation(u"test.loop"_s, times);

        // Then the row carries the warning, and is coloured for it
        QTRY_COMPARE(model.rowCount(), 1);
        const QModelIndex index = model.index(0, OperationsModel::WarningsColumn);
        QCOMPARE(index.data(OperationsModel::HasRepeatWarningRole).toBool(), true);
        QCOMPARE(index.data(OperationsModel::RepeatWarningsRole).toStringList().size(), 1);
        QCOMPARE(index.data().toString(), u"1"_s);
        QVERIFY(index.data(Qt::BackgroundRole).value<QColor>().isValid());
        QVERIFY(model.index(0, OperationsModel::OperationColumn)
                        .data(Qt::ForegroundRole)
                        .value<QColor>()
                        .isValid());
        QVERIFY(index.data(Qt::ToolTipRole)
                        .toString()
                        .contains(u"SELECT COUNT(*) FROM products"_s));

        // And the statements model marks each repeated statement
        StatementsModel statements;
        QAbstractItemModelTester statementsTester(
                &statements, QAbstractItemModelTester::FailureReportingMode::QtTest);
        statements.setOperation(model.operation(0));
        QCOMPARE(statements.rowCount(), times);
        QCOMPARE(statements.index(0, 0).data(StatementsModel::RepeatedRole).toBool(), true);
        QVERIFY(statements.index(0, 0).data(Qt::BackgroundRole).value<QColor>().isValid());
    }

    void theOldestRowsDropOut()
    {
        OperationsModel model(m_diagnostics);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // When one operation more than the history holds finishes (no SQL: quick)
        for (int i = 0; i <= QueryProfiler::kHistorySize; ++i) {
            ProfileScope scope(u"test.empty.%1"_s.arg(i));
        }

        // Then the first one has gone, from the front
        QTRY_COMPARE(model.rowCount(), QueryProfiler::kHistorySize);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(display(model, 0, OperationsModel::OperationColumn), u"test.empty.1"_s);
        QCOMPARE(display(model, QueryProfiler::kHistorySize - 1, OperationsModel::OperationColumn),
                 u"test.empty.%1"_s.arg(QueryProfiler::kHistorySize));
    }

    void clearEmptiesModelAndProfiler()
    {
        runOperation(u"test.before"_s, 1);
        OperationsModel model(m_diagnostics);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.clear();

        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(QueryProfiler::instance().history().size(), 0);
        // The queued signal of the cleared operation does not bring it back.
        QCoreApplication::processEvents();
        QCOMPARE(model.rowCount(), 0);

        // New operations still arrive.
        runOperation(u"test.after"_s, 1);
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(display(model, 0, OperationsModel::OperationColumn), u"test.after"_s);
    }

    void statementsOfOneOperation()
    {
        StatementsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        OperationRecord operation;
        {
            ProfileScope scope(u"test.statements"_s);
            selectOne(1);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
            SqlQuery broken(m_scratch->db(), u"SELECT nothing FROM no_such_table"_s);
            QVERIFY(!broken.exec());
        }
        operation = QueryProfiler::instance().history().constLast();
        QCOMPARE(operation.name, u"test.statements"_s);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setOperation(operation);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(StatementsModel::ColumnCount));
        QCOMPARE(model.statementCount(), 2);
        QCOMPARE(model.headerData(StatementsModel::NumberColumn, Qt::Horizontal).toString(),
                 u"#"_s);
        QCOMPARE(model.headerData(StatementsModel::MsColumn, Qt::Horizontal).toString(), u"ms"_s);
        QCOMPARE(model.headerData(StatementsModel::OkColumn, Qt::Horizontal).toString(),
                 u"Result"_s);
        QCOMPARE(model.headerData(StatementsModel::SqlColumn, Qt::Horizontal).toString(), u"SQL"_s);

        QCOMPARE(display(model, 0, StatementsModel::NumberColumn), u"1"_s);
        QCOMPARE(display(model, 1, StatementsModel::NumberColumn), u"2"_s);
        QVERIFY(display(model, 0, StatementsModel::SqlColumn)
                        .startsWith(u"SELECT COUNT(*) FROM products"_s));
        QCOMPARE(display(model, 0, StatementsModel::OkColumn), u"OK"_s);
        QCOMPARE(model.index(0, 0).data(StatementsModel::OkRole).toBool(), true);
        QCOMPARE(display(model, 1, StatementsModel::OkColumn), u"Failed"_s);
        QCOMPARE(model.index(1, 0).data(StatementsModel::OkRole).toBool(), false);
        QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).value<QColor>().isValid());
        QCOMPARE(model.index(0, 0).data(StatementsModel::RepeatedRole).toBool(), false);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.statementCount(), 0);
    }

    void statementsBeyondTheKeptOnesAreCounted()
    {
        StatementsModel model;
        {
            ProfileScope scope(u"test.bulk"_s, ProfileScope::Repeats::Expected);
            for (int i = 0; i <= QueryProfiler::kMaxStatementsKept; ++i) {
                selectOne(i);
            }
        }
        model.setOperation(QueryProfiler::instance().history().constLast());
        QCOMPARE(model.rowCount(), QueryProfiler::kMaxStatementsKept);
        QCOMPARE(model.statementCount(), QueryProfiler::kMaxStatementsKept + 1);
    }

    void cleanupTestCase() { m_scratch.reset(); }
};

QTEST_MAIN(TestOperationsModel)
#include "tst_operationsmodel.moc"
