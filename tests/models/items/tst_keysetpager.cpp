#include "models/items/keysetpager.h"

#include <QAbstractItemModelTester>
#include <QAbstractTableModel>
#include <QList>
#include <QSignalSpy>
#include <QTest>

#include <optional>

/*!
 * A list paged by key over numbers 1..total, each page "the rows after the cursor", that
 * fails on demand: the smallest model that pages with KeysetPager, as the item models do.
 */
class NumberListModel : public QAbstractListModel
{
public:
    NumberListModel(int total, int pageSize)
        : m_total(total)
        , m_pager(pageSize)
    {}

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        return index.isValid() && role == Qt::DisplayRole ? QVariant(m_rows.at(index.row()))
                                                          : QVariant();
    }
    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && m_pager.canFetch();
    }
    void fetchMore(const QModelIndex &parent) override
    {
        if (!canFetchMore(parent)) {
            return;
        }
        ++queries;
        m_pager.pageRequested();
        if (failNext) {
            m_pager.pageFailed();
            return;
        }
        QList<int> page;
        for (int n = m_pager.cursor() + 1; n <= m_total && page.size() < m_pager.pageSize(); ++n) {
            page.append(n);
        }
        m_pager.pageArrived(page, [](int n) { return n; });
        if (page.isEmpty()) {
            return;
        }
        const int first = static_cast<int>(m_rows.size());
        const auto announcing = m_pager.announcing();
        beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
        m_rows.append(page);
        endInsertRows();
    }
    void start()
    {
        const auto announcing = m_pager.announcing();
        beginResetModel();
        m_rows.clear();
        m_pager.restart();
        endResetModel();
    }
    void retry()
    {
        m_pager.clearFailure();
        fetchMore({});
    }
    const KeysetPager<int> &pager() const { return m_pager; }

    int queries = 0;
    bool failNext = false;

private:
    int m_total;
    QList<int> m_rows;
    KeysetPager<int> m_pager;
};

class TestKeysetPager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aNewPagerPagesNothing()
    {
        KeysetPager<int> pager(10);
        QVERIFY(!pager.canFetch());
        QVERIFY(!pager.hasMore());
        QCOMPARE(pager.cursor(), 0);
    }

    void fullPagesGoOnAndAShortOneIsTheLast()
    {
        // Given a pager started from the first row
        KeysetPager<int> pager(3);
        pager.restart();
        QVERIFY(pager.canFetch());

        // When a full page arrives, the next starts after its last row
        pager.pageRequested();
        QVERIFY(!pager.canFetch());
        pager.pageArrived(QList<int>{4, 5, 6}, [](int n) { return n * 10; });
        QCOMPARE(pager.cursor(), 60);
        QVERIFY(pager.canFetch());
        QVERIFY(pager.hasMore());

        // and a short page ends the paging without an empty query after it
        pager.pageRequested();
        pager.pageArrived(QList<int>{7}, [](int n) { return n * 10; });
        QCOMPARE(pager.cursor(), 70);
        QVERIFY(pager.isAtEnd());
        QVERIFY(!pager.canFetch());
        QVERIFY(!pager.hasMore());

        // An empty last page keeps the cursor where it was.
        pager.restart();
        QCOMPARE(pager.cursor(), 0);
        pager.pageRequested();
        pager.pageArrived(QList<int>{}, [](int n) { return n; });
        QCOMPARE(pager.cursor(), 0);
        QVERIFY(pager.isAtEnd());
    }

    void aPageInFlightIsNotAskedForTwice()
    {
        KeysetPager<int> pager(3);
        pager.restart();
        pager.pageRequested();
        QVERIFY(pager.isInFlight());
        QVERIFY(!pager.canFetch());
        QVERIFY(pager.hasMore());

        // A first page that will not come leaves the paging as it was.
        pager.abandonRequest();
        QVERIFY(!pager.isInFlight());
        QVERIFY(pager.canFetch());
    }

    void noPageIsReadInsideTheSignalsOfAnother()
    {
        KeysetPager<int> pager(3);
        pager.restart();
        {
            const auto announcing = pager.announcing();
            QVERIFY(pager.isAnnouncing());
            QVERIFY(!pager.canFetch());
        }
        QVERIFY(!pager.isAnnouncing());
        QVERIFY(pager.canFetch());
    }

    void aFailureWaitsForARetryOrANewStart()
    {
        KeysetPager<int> pager(3);
        pager.restart();
        pager.pageRequested();
        pager.pageArrived(QList<int>{1, 2, 3}, [](int n) { return n; });

        pager.pageRequested();
        pager.pageFailed();
        QVERIFY(pager.hasFailed());
        QVERIFY(!pager.isInFlight());
        QVERIFY(!pager.canFetch());
        QVERIFY(!pager.hasMore());
        QCOMPARE(pager.cursor(), 3);

        pager.clearFailure();
        QVERIFY(pager.canFetch());
        QCOMPARE(pager.cursor(), 3);

        pager.pageFailed();
        pager.firstPageArrived(QList<int>{8, 9, 10}, [](int n) { return n; });
        QVERIFY(!pager.hasFailed());
        QVERIFY(pager.canFetch());
        QCOMPARE(pager.cursor(), 10);

        pager.pageFailed();
        pager.stop();
        QVERIFY(!pager.hasFailed());
        QVERIFY(!pager.canFetch());
        QCOMPARE(pager.cursor(), 0);
    }

    void aViewPagesThroughEveryRowOnce()
    {
        // Given a model of 25 rows in pages of 10, under the tester that asks for more
        // from inside every insert and reset
        NumberListModel model(25, 10);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.start();

        // When the view scrolls to the end each time
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }

        // Then each row is there once, in order, and the short third page was the last
        QCOMPARE(model.rowCount(), 25);
        for (int row = 0; row < 25; ++row) {
            QCOMPARE(model.index(row).data().toInt(), row + 1);
        }
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(model.queries, 3);
    }

    void aFailedPageIsNotAskedForAgainUntilRetried()
    {
        NumberListModel model(25, 10);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.start();
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 10);

        // When a page fails, the view asking again reads nothing
        model.failNext = true;
        model.fetchMore({});
        QCOMPARE(model.queries, 2);
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.queries, 2);
        QCOMPARE(model.rowCount(), 10);

        // and a retry goes on from where the rows end.
        model.failNext = false;
        model.retry();
        QCOMPARE(model.queries, 3);
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.index(10).data().toInt(), 11);
    }
};

QTEST_GUILESS_MAIN(TestKeysetPager)
#include "tst_keysetpager.moc"
