#include "tests/common/childcase.h"
#include "tests/common/modeltesters.h"

#include <QAbstractListModel>
#include <QApplication>
#include <QComboBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr auto kCasesVariable = "TILL_MODEL_TESTER_CASES";

//! Announces a row it never adds, as a model that forgot to update its rows would.
class ForgetfulModel : public QAbstractListModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        return role == Qt::DisplayRole ? QVariant(index.row()) : QVariant();
    }
    void announceARow()
    {
        beginInsertRows({}, 2, 2);
        endInsertRows();
    }
};

} // namespace

/*!
 * Screens whose model breaks its word, run in a child process of this test: the tester
 * fails the running test, so the parent reads the child's report instead.
 */
class ScreenCases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aTableOfAForgetfulModel()
    {
        QWidget screen;
        auto *view = new QTableView(&screen);
        ForgetfulModel model;
        view->setModel(&model);
        watchItemModels(&screen);
        model.announceARow();
    }
};

class TestModelTesters : public QObject
{
    Q_OBJECT

private:
    //! The child's exit code for one case (-1 when it crashed or hung), and its report.
    static int runCase(const QString &testCase, QString *report)
    {
        return runChildCase(kCasesVariable, testCase, report);
    }

private Q_SLOTS:
    void aBrokenModelOnAScreenFailsTheTest()
    {
        // When a table's model announces a row it never adds
        QString report;
        const int failed = runCase(u"aTableOfAForgetfulModel"_s, &report);

        // Then the test that drove the screen fails there
        QCOMPARE(failed, 1);
        QVERIFY2(report.contains(u"FAIL!  : ScreenCases::aTableOfAForgetfulModel()"_s),
                 qPrintable(report));
    }

    void theModelBehindAProxyIsWatchedOnce()
    {
        // Given a table sorted through a proxy, and a combo box, on one screen
        QWidget screen;
        auto *view = new QTableView(&screen);
        ForgetfulModel model;
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        view->setModel(&sorted);
        auto *combo = new QComboBox(&screen);
        ForgetfulModel choices;
        combo->setModel(&choices);

        // When the screen's models are watched, twice
        watchItemModels(&screen);
        watchItemModels(&screen);

        // Then the proxy and its source each have one tester, and the combo box none
        QCOMPARE(sorted.findChildren<QAbstractItemModelTester *>().size(), 1);
        QCOMPARE(model.findChildren<QAbstractItemModelTester *>().size(), 1);
        QCOMPARE(choices.findChildren<QAbstractItemModelTester *>().size(), 0);
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kCasesVariable)) {
        ScreenCases cases;
        return QTest::qExec(&cases, argc, argv);
    }
    TestModelTesters test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_modeltesters.moc"
