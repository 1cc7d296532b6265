#include "models/db/auditrepository.h"
#include "models/db/dialect.h"
#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"
#include "models/items/auditlogmodel.h"
#include "models/services/auditactions.h"
#include "models/services/auditservice.h"
#include "tests/common/storefixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAuditLogModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<AuditLogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    //! count rows of action by user, in one transaction so the suite stays quick.
    void addRows(int count, qint64 userId, const QString &action)
    {
        AuditRepository audit(m_store->db());
        Transaction tx(m_store->db());
        QVERIFY(tx.begin());
        for (int i = 0; i < count; ++i) {
            QVERIFY(audit.record({userId, 0, u"1"_s, action, u"n=%1"_s.arg(i)}));
        }
        QVERIFY(tx.commit());
    }

    void addRowAt(const QDateTime &at, const QString &action)
    {
        SqlQuery q(m_store->db(), u"INSERT INTO audit_log (at, user_id, lane, action, details) "
                                  "VALUES (:at, :user, '1', :action, '')"_s);
        q.bind(u"at"_s, Dialect::timestampText(at))
                .bind(u"user"_s, m_store->manager.id)
                .bind(u"action"_s, action);
        QVERIFY2(q.exec(), qPrintable(q.error().details));
    }

    QList<qint64> ids() const
    {
        QList<qint64> result;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            result << m_model->index(row, 0).data(AuditLogModel::IdRole).toLongLong();
        }
        return result;
    }

    //! Fetches pages until the end; returns the statements each page took.
    QList<int> fetchAll()
    {
        QList<int> statements;
        while (m_model->canFetchMore({})) {
            ProfileScope scope(u"test.audit_page"_s);
            m_model->fetchMore({});
            statements << scope.statementCount();
        }
        return statements;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_store->signIn(m_store->manager);
        m_audit = std::make_unique<AuditService>(m_store->db(), m_store->session(),
                                                 m_store->authorizer());
        m_model = std::make_unique<AuditLogModel>(*m_audit);
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_audit.reset();
        m_store.reset();
    }

    void pagesThroughTheLogOneQueryAPage()
    {
        // Given 450 entries, and the model started afresh (the tester read the empty log)
        addRows(450, m_store->cashier.id, u"sign_in"_s);
        m_model->setFilter({});
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);

        // When the view asks for more until there is no more
        QVERIFY(m_model->canFetchMore({}));
        QCOMPARE(m_model->rowCount(), 0);
        const QList<int> statements = fetchAll();

        // Then three pages came, one statement each, and a short page ended it
        QCOMPARE(statements, QList<int>({1, 1, 1}));
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), AuditLogModel::kPageSize - 1);
        QCOMPARE(inserted.at(2).at(1).toInt(), 2 * AuditLogModel::kPageSize);
        QCOMPARE(inserted.at(2).at(2).toInt(), 449);
        QCOMPARE(m_model->rowCount(), 450);
        QVERIFY(!m_model->canFetchMore({}));

        // Newest first, across the page boundaries, nothing twice
        const QList<qint64> shown = ids();
        for (qsizetype i = 1; i < shown.size(); ++i) {
            QVERIFY2(shown.at(i) < shown.at(i - 1), qPrintable(QString::number(i)));
        }
        QCOMPARE(m_model->index(0, AuditLogModel::DetailsColumn).data().toString(), u"n=449"_s);
    }

    void showsWhoWhatWhereAndWhen()
    {
        QVERIFY(AuditRepository(m_store->db())
                        .record({m_store->cashier.id, m_store->manager.id, u"2"_s,
                                 u"approval_granted"_s, u"permission=refund"_s}));
        m_model->setFilter({});
        m_model->fetchMore({});
        QCOMPARE(m_model->rowCount(), 1);
        auto cell = [this](int column, int role = Qt::DisplayRole) {
            return m_model->index(0, column).data(role);
        };
        QCOMPARE(cell(AuditLogModel::UserColumn).toString(), m_store->cashier.name);
        QCOMPARE(cell(AuditLogModel::ApproverColumn).toString(), m_store->manager.name);
        QCOMPARE(cell(AuditLogModel::LaneColumn).toString(), u"2"_s);
        QCOMPARE(cell(AuditLogModel::ActionColumn).toString(),
                 AuditActions::displayName(u"approval_granted"_s));
        QCOMPARE(cell(AuditLogModel::ActionColumn, AuditLogModel::ActionKeyRole).toString(),
                 u"approval_granted"_s);
        QCOMPARE(cell(AuditLogModel::DetailsColumn).toString(), u"permission=refund"_s);
        const QDateTime at = cell(0, AuditLogModel::TimestampRole).toDateTime();
        QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(cell(AuditLogModel::TimeColumn).toString(),
                 QLocale().toString(at.toLocalTime(), QLocale::ShortFormat));
        for (int column = 0; column < AuditLogModel::ColumnCount; ++column) {
            QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
        }
    }

    void filtersByUser()
    {
        addRows(3, m_store->cashier.id, u"sign_in"_s);
        addRows(2, m_store->manager.id, u"sign_in"_s);
        AuditRepository::Filter filter;
        filter.userId = m_store->manager.id;
        m_model->setFilter(filter);
        fetchAll();
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0, AuditLogModel::UserColumn).data().toString(),
                 m_store->manager.name);
    }

    void filtersByAction()
    {
        addRows(3, m_store->cashier.id, u"sign_in"_s);
        addRows(4, m_store->cashier.id, u"sign_out"_s);
        AuditRepository::Filter filter;
        filter.action = u"sign_out"_s;
        m_model->setFilter(filter);
        fetchAll();
        QCOMPARE(m_model->rowCount(), 4);
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(m_model->index(row, 0).data(AuditLogModel::ActionKeyRole).toString(),
                     u"sign_out"_s);
        }
    }

    void filtersByDate()
    {
        const QDateTime day(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
        addRowAt(day.addDays(-1), u"before"_s);
        addRowAt(day, u"inside"_s);
        addRowAt(day.addSecs(3600), u"inside"_s);
        addRowAt(day.addDays(1), u"after"_s);
        AuditRepository::Filter filter;
        filter.from = QDateTime(day.date(), QTime(0, 0), Qt::UTC);
        filter.to = filter.from.addDays(1);
        m_model->setFilter(filter);
        fetchAll();
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0, 0).data(AuditLogModel::ActionKeyRole).toString(), u"inside"_s);
        QCOMPARE(m_model->index(1, 0).data(AuditLogModel::ActionKeyRole).toString(), u"inside"_s);
    }

    void aNewFilterStartsAgain()
    {
        addRows(250, m_store->cashier.id, u"sign_in"_s);
        m_model->setFilter({});
        m_model->fetchMore({});
        QCOMPARE(m_model->rowCount(), AuditLogModel::kPageSize);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->setFilter({});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(m_model->canFetchMore({}));
        fetchAll();
        QCOMPARE(m_model->rowCount(), 250);
    }

    void aFailedPageKeepsWhatIsShown()
    {
        // Given the first page on screen
        addRows(450, m_store->cashier.id, u"sign_in"_s);
        m_model->setFilter({});
        m_model->fetchMore({});
        QCOMPARE(m_model->rowCount(), AuditLogModel::kPageSize);
        QSignalSpy failed(m_model.get(), &AuditLogModel::fetchFailed);

        // When the next page is refused (the session changed hands to a cashier)
        m_store->signIn(m_store->cashier);
        m_model->fetchMore({});

        // Then the rows stay, the reason is reported, and paging waits for a retry
        QCOMPARE(failed.count(), 1);
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
        QCOMPARE(m_model->rowCount(), AuditLogModel::kPageSize);
        QVERIFY(m_model->hasFailed());
        QVERIFY(!m_model->canFetchMore({}));

        m_store->signIn(m_store->manager);
        m_model->retry();
        QVERIFY(!m_model->hasFailed());
        QCOMPARE(m_model->rowCount(), 2 * AuditLogModel::kPageSize);
        fetchAll();
        QCOMPARE(m_model->rowCount(), 450);
    }
};

QTEST_GUILESS_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
