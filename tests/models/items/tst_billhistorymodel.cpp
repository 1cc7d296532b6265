#include "models/db/conversionratecache.h"
#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/items/billhistorymodel.h"
#include "models/services/checkoutservice.h"
#include "models/services/refundservice.h"
#include "models/services/shiftservice.h"
#include "tests/common/storefixture.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(BillFilter)

class TestBillHistoryModel : public QObject
{
    Q_OBJECT

private:
    //! A till at one lane: its own session, shift and checkout, on the fixture's database.
    struct Lane
    {
        std::unique_ptr<Session> session;
        std::unique_ptr<CheckoutService> checkout;
    };

    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<ConversionRateCache> m_cache;
    std::unique_ptr<ShiftService> m_shifts;
    std::unique_ptr<RefundService> m_refunds;
    Lane m_lane1;
    Lane m_lane2;
    QList<Product> m_products;
    const QDateTime m_day = QDateTime(QDate(2024, 3, 4), QTime(9, 0), Qt::UTC);

    static Money m(qint64 minor) { return Money::fromMinor(minor); }

    Lane makeLane(const QString &name, const User &user)
    {
        Lane lane;
        lane.session = std::make_unique<Session>(name);
        lane.session->signIn(user);
        lane.checkout = std::make_unique<CheckoutService>(m_store->db(), *lane.session,
                                                          m_store->authorizer(), *m_cache);
        return lane;
    }

    //! Sells quantity of a product at the lane, at the given time; returns the bill's number.
    qint64 sell(Lane &lane, const QDateTime &at, int product = 0, qint64 quantity = 1)
    {
        lane.checkout->setClock([at] { return at; });
        Cart cart;
        const Product &p = m_products.at(product);
        CheckoutService::addToCart(cart, CheckoutService::lineFor(p, p.units.at(0), quantity));
        const Money total = Pricing::price(cart).total;
        const auto sale = lane.checkout->commit(cart, {{Tender::Method::Cash, total, {}}},
                                                CheckoutService::newSaleUuid());
        if (!sale) {
            qWarning() << sale.error().message << sale.error().details;
            return 0;
        }
        return sale->bill.number;
    }

    static QList<qint64> numbers(const BillHistoryModel &model)
    {
        QList<qint64> result;
        for (int row = 0; row < model.rowCount(); ++row) {
            result << model.bill(row).number;
        }
        return result;
    }

    //! Reads every page; returns false when a page costs more than one statement.
    static bool fetchAll(BillHistoryModel &model)
    {
        while (model.canFetchMore({})) {
            ProfileScope scope(u"test.fetchMore"_s);
            model.fetchMore({});
            if (scope.statementCount() != 1) {
                qWarning("a page cost %d statements", scope.statementCount());
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_products.clear();
        // 2.00, 7.50 and 30.00 apiece: bills of different sizes for the amount filters.
        m_products << m_store->addProduct(u"A"_s, u"Apple"_s, {{u"Piece"_s, 1, 200, {}}}, 1000);
        m_products << m_store->addProduct(u"B"_s, u"Bread"_s, {{u"Piece"_s, 1, 750, {}}}, 1000);
        m_products << m_store->addProduct(u"C"_s, u"Cheese"_s, {{u"Piece"_s, 1, 3000, {}}}, 1000);
        m_cache = std::make_unique<ConversionRateCache>(m_store->db());
        m_store->signIn(m_store->manager);
        m_shifts = std::make_unique<ShiftService>(m_store->db(), m_store->session(),
                                                  m_store->authorizer());
        m_refunds = std::make_unique<RefundService>(m_store->db(), m_store->session(),
                                                    m_store->authorizer());
        QVERIFY(m_shifts->open(m(10000)));
        QVERIFY(m_store->openShift(u"2"_s, m_store->cashier.id) > 0);
        m_lane1 = makeLane(u"1"_s, m_store->manager);
        m_lane2 = makeLane(u"2"_s, m_store->cashier);
    }

    void cleanup()
    {
        m_lane1 = {};
        m_lane2 = {};
        m_refunds.reset();
        m_shifts.reset();
        m_cache.reset();
        m_store.reset();
    }

    void pagesByKeyOneStatementAPage()
    {
        // Given 230 bills, seven at a time sharing one timestamp, so that pages end inside
        // a group and only the id can tell the order.
        for (int i = 0; i < 230; ++i) {
            QVERIFY(sell(m_lane1, m_day.addSecs(60 * (i / 7))) > 0);
        }
        BillHistoryModel model(*m_refunds);
        QVERIFY(!model.canFetchMore({}));

        // When the list is opened
        {
            ProfileScope scope(u"test.setFilter"_s);
            model.setFilter({});
            QCOMPARE(scope.statementCount(), 1);
        }
        // Then the newest page is there, and more can be read
        QCOMPARE(model.rowCount(), BillHistoryModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(model.bill(0).number, 230);

        // When the view scrolls down, page by page, each page one statement
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(fetchAll(model));

        // Then every bill comes exactly once, newest first, in two more pages
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 100);
        QCOMPARE(inserted.at(1).at(2).toInt(), 229);
        QList<qint64> expected;
        for (qint64 n = 230; n >= 1; --n) {
            expected << n;
        }
        QCOMPARE(numbers(model), expected);
        QVERIFY(!model.canFetchMore({}));
        ProfileScope scope(u"test.atEnd"_s);
        model.fetchMore({});
        QCOMPARE(scope.statementCount(), 0);
        QCOMPARE(model.rowCount(), 230);
    }

    void staysAProperModelWhilePaging()
    {
        for (int i = 0; i < 230; ++i) {
            QVERIFY(sell(m_lane1, m_day.addSecs(60 * (i / 7))) > 0);
        }
        // The tester checks every signal, and asks for more pages from inside them.
        BillHistoryModel model(*m_refunds);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter({});
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 230);
        QCOMPARE(model.bill(0).number, 230);
        QCOMPARE(model.bill(229).number, 1);
        BillFilter lane2;
        lane2.lane = u"2"_s;
        model.setFilter(lane2);
        QCOMPARE(model.rowCount(), 0);
        model.setFilter({});
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 230);
    }

    void showsWhatABillIs()
    {
        const qint64 number = sell(m_lane1, m_day, 1, 2);
        BillHistoryModel model(*m_refunds);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCurrencySymbol(u"€"_s);
        model.setFilter({});
        QCOMPARE(model.rowCount(), 1);
        const auto cell = [&model](int column, int role = Qt::DisplayRole) {
            return model.index(0, column).data(role);
        };
        QCOMPARE(number, 1);
        QCOMPARE(cell(BillHistoryModel::BillColumn).toString(), u"1-000001"_s);
        QCOMPARE(cell(BillHistoryModel::BillColumn, BillHistoryModel::BillCodeRole).toString(),
                 u"1-000001"_s);
        QCOMPARE(cell(BillHistoryModel::DateColumn).toString(),
                 QLocale().toString(m_day.toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(cell(BillHistoryModel::CashierColumn).toString(), m_store->manager.name);
        QCOMPARE(cell(BillHistoryModel::LinesColumn).toString(), u"1"_s);
        QCOMPARE(cell(BillHistoryModel::TotalColumn).toString(),
                 m(1500).toString(QLocale(), u"€"_s));
        QCOMPARE(cell(BillHistoryModel::RefundedColumn).toString(), QString());
        QCOMPARE(cell(BillHistoryModel::TotalColumn, BillHistoryModel::TotalMinorRole).toLongLong(),
                 1500);
        const qint64 billId
                = cell(BillHistoryModel::BillColumn, BillHistoryModel::BillIdRole).toLongLong();
        QVERIFY(billId > 0);

        // A refund is counted into the row where it is, without reading the list again.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ProfileScope scope(u"test.addRefund"_s);
        model.addRefund(billId, m(750));
        QCOMPARE(scope.statementCount(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(BillHistoryModel::RefundedColumn).toString(),
                 m(750).toString(QLocale(), u"€"_s));
        QCOMPARE(cell(BillHistoryModel::RefundedColumn, BillHistoryModel::RefundedMinorRole)
                         .toLongLong(),
                 750);
    }

    void refundedAmountsComeFromTheDatabase()
    {
        sell(m_lane1, m_day, 0, 5);
        BillHistoryModel model(*m_refunds);
        model.setFilter({});
        const qint64 billId = model.bill(0).id;
        const auto bill = m_refunds->load(billId);
        QVERIFY(bill);
        RefundService::Request request;
        request.billId = billId;
        request.reason = u"Changed their mind"_s;
        request.lines = {{bill->lines.first().billItemId, 2, false, true}};
        QVERIFY(m_refunds->commit(request, CheckoutService::newSaleUuid()));
        model.reload();
        QCOMPARE(model.bill(0).refunded, m(400));
    }

    void filtersNarrowTheList_data()
    {
        QTest::addColumn<BillFilter>("filter");
        QTest::addColumn<QStringList>("expected");

        // The bills made in filtersNarrowTheList(), by code:
        // 1-000001 day 0, Apple × 1 (2.00); 1-000002 day 1, Bread × 2 (15.00);
        // 2-000001 day 1, Cheese × 1 (30.00) by the cashier; 1-000003 day 2, Apple × 10 (20.00).
        QTest::newRow("everything")
                << BillFilter{}
                << QStringList{u"1-000003"_s, u"2-000001"_s, u"1-000002"_s, u"1-000001"_s};
        BillFilter day1;
        day1.from = m_day.addDays(1);
        day1.to = m_day.addDays(2);
        QTest::newRow("one day") << day1 << QStringList{u"2-000001"_s, u"1-000002"_s};
        BillFilter since1;
        since1.from = m_day.addDays(1);
        QTest::newRow("from a day on")
                << since1 << QStringList{u"1-000003"_s, u"2-000001"_s, u"1-000002"_s};
        BillFilter lane2;
        lane2.lane = u"2"_s;
        QTest::newRow("lane") << lane2 << QStringList{u"2-000001"_s};
        BillFilter big;
        big.minTotal = m(1500);
        QTest::newRow("at least 15.00")
                << big << QStringList{u"1-000003"_s, u"2-000001"_s, u"1-000002"_s};
        BillFilter middle;
        middle.minTotal = m(1500);
        middle.maxTotal = m(2000);
        QTest::newRow("15.00 to 20.00") << middle << QStringList{u"1-000003"_s, u"1-000002"_s};
        BillFilter none;
        none.maxTotal = m(100);
        QTest::newRow("nothing that cheap") << none << QStringList{};
    }

    void filtersNarrowTheList()
    {
        QFETCH(BillFilter, filter);
        QFETCH(QStringList, expected);
        QVERIFY(sell(m_lane1, m_day, 0, 1));
        QVERIFY(sell(m_lane1, m_day.addDays(1), 1, 2));
        QVERIFY(sell(m_lane2, m_day.addDays(1).addSecs(60), 2, 1));
        QVERIFY(sell(m_lane1, m_day.addDays(2), 0, 10));

        BillHistoryModel model(*m_refunds);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setFilter(filter);
        QCOMPARE(reset.count(), 1);
        QStringList codes;
        for (int row = 0; row < model.rowCount(); ++row) {
            codes << model.index(row, BillHistoryModel::BillColumn).data().toString();
        }
        QCOMPARE(codes, expected);
        QCOMPARE(model.canFetchMore({}), false);
    }

    void filtersByCashierAndProduct()
    {
        QVERIFY(sell(m_lane1, m_day, 0, 1));
        QVERIFY(sell(m_lane2, m_day.addSecs(60), 0, 3));
        QVERIFY(sell(m_lane2, m_day.addSecs(120), 2, 1));
        BillHistoryModel model(*m_refunds);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        BillFilter byCashier;
        byCashier.cashierId = m_store->cashier.id;
        model.setFilter(byCashier);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, BillHistoryModel::CashierColumn).data().toString(),
                 m_store->cashier.name);

        BillFilter byProduct;
        byProduct.productId = m_products.at(0).id;
        model.setFilter(byProduct);
        QCOMPARE(numbers(model), (QList<qint64>{1, 1}));
        QCOMPARE(model.filter().productId, m_products.at(0).id);

        byProduct.cashierId = m_store->cashier.id;
        model.setFilter(byProduct);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.bill(0).lane, u"2"_s);
    }

    void aFailedPageKeepsTheRows()
    {
        for (int i = 0; i < 2 * BillHistoryModel::kPageSize + 5; ++i) {
            QVERIFY(sell(m_lane1, m_day.addSecs(i)) > 0);
        }
        BillHistoryModel model(*m_refunds);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter({});
        const int shown = model.rowCount();
        QVERIFY(model.canFetchMore({}));
        QSignalSpy failed(&model, &BillHistoryModel::loadFailed);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // Given a database that cannot answer the query any more
        QVERIFY(SqlQuery::run(m_store->db(), u"ALTER TABLE bills RENAME TO bills_away"_s));

        // When the next page is asked for
        const QRegularExpression failedStatement(u"statement failed"_s);
        QTest::ignoreMessage(QtWarningMsg, failedStatement);
        model.fetchMore({});

        // Then the rows stay, the error is told once, and no more pages are tried
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<ServiceError>().code,
                 ServiceError::Code::Unavailable);
        QVERIFY(model.lastError());
        QCOMPARE(model.rowCount(), shown);
        QCOMPARE(inserted.count(), 0);
        QVERIFY(!model.canFetchMore({}));

        // A new filter that fails leaves the rows too
        BillFilter lane2;
        lane2.lane = u"2"_s;
        QTest::ignoreMessage(QtWarningMsg, failedStatement);
        model.setFilter(lane2);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), shown);
        QVERIFY(model.filter().lane.isEmpty());

        // Once the database is back, reading again carries on
        QVERIFY(SqlQuery::run(m_store->db(), u"ALTER TABLE bills_away RENAME TO bills"_s));
        model.reload();
        QVERIFY(!model.lastError());
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 2 * BillHistoryModel::kPageSize + 5);
    }

    void headersAreNamed()
    {
        BillHistoryModel model(*m_refunds);
        for (int column = 0; column < BillHistoryModel::ColumnCount; ++column) {
            QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
        }
        QCOMPARE(model.columnCount(), 6);
    }
};

QTEST_GUILESS_MAIN(TestBillHistoryModel)
#include "tst_billhistorymodel.moc"
