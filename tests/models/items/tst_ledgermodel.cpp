#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/items/ledgermodel.h"
#include "models/services/services.h"
#include "tests/common/storefixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * A product's ledger, newest first, paged by key: one statement per page of 200, each row
 * with the stock it left, shown in the product's units.
 */
class TestLedgerModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    Product m_beer;

    //! Movements in bulk, one statement: the ledger's length is what is tested, not how it grew.
    void addMovements(int count, qint64 delta)
    {
        SqlQuery insert(
                m_store->db(),
                u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
                "INSERT INTO stock_movements (product_id, delta_base, reason, created_at) "
                "SELECT :product, :delta, 'found', :at FROM n"_s);
        insert.bind(u"count"_s, count)
                .bind(u"product"_s, m_beer.id)
                .bind(u"delta"_s, delta)
                .bind(u"at"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()));
        QVERIFY2(insert.exec(), qPrintable(insert.error().details));
        SqlQuery stock(m_store->db(),
                       u"UPDATE products SET stock_base = stock_base + :d WHERE id = :p"_s);
        stock.bind(u"d"_s, delta * count).bind(u"p"_s, m_beer.id);
        QVERIFY2(stock.exec(), qPrintable(stock.error().details));
    }

    Product reloaded() { return m_services->catalogue.product(m_beer.id).value(); }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_services = m_store->services(m_store->manager);
        m_beer = m_store->addProduct(u"B-1"_s, u"Lager"_s,
                                     {{u"Bottle"_s, 1, 129, u"4006381333931"_s},
                                      {u"Crate of 24"_s, 24, 2299, u"96385074"_s}},
                                     30);
    }

    void cleanup()
    {
        m_services.reset();
        m_store.reset();
    }

    void rowsSayWhatHappened()
    {
        // Given a receipt of two crates and a damaged bottle
        const auto receipt = m_services->inventory.postReceipt(
                {{m_beer.id, m_beer.units.at(1).id, 2, Money::fromMinor(1500)}}, u"Brewery"_s, {});
        QVERIFY(receipt);
        QVERIFY(m_services->inventory.adjust(
                m_beer.id, -1, InventoryService::AdjustmentReason::Damaged, u"dropped"_s));

        LedgerModel model(m_services->inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProduct(reloaded());

        // Then the newest comes first, each with the stock it left behind
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.canFetchMore({}));
        auto text = [&model](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(0, LedgerModel::ReasonColumn),
                 InventoryService::ledgerReasonName(u"damaged"_s));
        QCOMPARE(text(0, LedgerModel::ChangeColumn), u"−(1 bottle)"_s);
        QCOMPARE(text(0, LedgerModel::BalanceColumn), u"3 crates + 5 bottles"_s);
        QCOMPARE(text(0, LedgerModel::UserColumn), m_store->manager.name);
        QCOMPARE(text(0, LedgerModel::NoteColumn), u"dropped"_s);

        QCOMPARE(text(1, LedgerModel::ReasonColumn),
                 InventoryService::ledgerReasonName(u"receipt"_s));
        QCOMPARE(text(1, LedgerModel::ChangeColumn), u"+2 crates"_s);
        QCOMPARE(text(1, LedgerModel::BalanceColumn), u"3 crates + 6 bottles"_s);
        QCOMPARE(text(1, LedgerModel::SourceColumn), u"Goods receipt %1"_s.arg(receipt->number));

        QCOMPARE(text(2, LedgerModel::ReasonColumn),
                 InventoryService::ledgerReasonName(u"opening"_s));
        QCOMPARE(model.index(2, 0).data(LedgerModel::BalanceBaseRole).toLongLong(), 30);
        QCOMPARE(model.index(2, 0).data(LedgerModel::DeltaBaseRole).toLongLong(), 30);
        QVERIFY(!text(2, LedgerModel::DateColumn).isEmpty());
    }

    void aDamagedRefundShowsTheReturnAndTheLoss()
    {
        // Given two bottles sold and brought back broken
        QVERIFY(m_services->shifts.open(Money::fromMinor(0)));
        Cart cart;
        CheckoutService::addToCart(cart, CheckoutService::lineFor(m_beer, m_beer.units.at(0), 2));
        const auto sale = m_services->checkout.commit(
                cart, {{Tender::Method::Cash, Pricing::price(cart).total, {}}},
                CheckoutService::newSaleUuid());
        QVERIFY(sale);
        const auto bill = m_services->refunds.load(sale->bill.id);
        QVERIFY(bill);
        RefundService::Request request;
        request.billId = sale->bill.id;
        request.reason = u"Broken"_s;
        request.lines = {{bill->lines.at(0).billItemId, 2, false, false}};
        const auto refund = m_services->refunds.commit(request, CheckoutService::newSaleUuid());
        QVERIFY_OK(refund);

        LedgerModel model(m_services->inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProduct(reloaded());

        // Then the ledger says they came back and left again, both through the refund
        QCOMPARE(model.rowCount(), 4);
        auto text = [&model](int row, int column) {
            return model.index(row, column).data().toString();
        };
        auto base = [&model](int row, int role) {
            return model.index(row, 0).data(role).toLongLong();
        };
        const QString source = u"Refund 1/%1"_s.arg(refund->refund.number);
        QCOMPARE(text(0, LedgerModel::ReasonColumn),
                 InventoryService::ledgerReasonName(u"damaged"_s));
        QCOMPARE(text(0, LedgerModel::SourceColumn), source);
        QCOMPARE(base(0, LedgerModel::DeltaBaseRole), -2);
        QCOMPARE(base(0, LedgerModel::BalanceBaseRole), 28);
        QCOMPARE(text(1, LedgerModel::ReasonColumn),
                 InventoryService::ledgerReasonName(u"refund"_s));
        QCOMPARE(text(1, LedgerModel::SourceColumn), source);
        QCOMPARE(base(1, LedgerModel::DeltaBaseRole), 2);
        QCOMPARE(base(1, LedgerModel::BalanceBaseRole), 30);
        QCOMPARE(text(2, LedgerModel::ReasonColumn), InventoryService::ledgerReasonName(u"sale"_s));
        QCOMPARE(base(2, LedgerModel::BalanceBaseRole), 28);
    }

    void pagesOf200WithOneStatementEach()
    {
        addMovements(450, 1);
        LedgerModel model(m_services->inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const Product beer = reloaded();
        {
            ProfileScope scope(u"test.ledger_first"_s);
            model.setProduct(beer);
            QCOMPARE(scope.statementCount(), 1);
        }
        QCOMPARE(model.rowCount(), LedgerModel::kPageSize);
        for (int expected : {400, 451}) {
            QVERIFY(model.canFetchMore({}));
            ProfileScope scope(u"test.ledger_next"_s);
            model.fetchMore({});
            QCOMPARE(scope.statementCount(), 1);
            QCOMPARE(model.rowCount(), expected);
        }
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(inserted.count(), 2);

        // Balances chain from today's stock down to the opening row, across the pages.
        qint64 balance = beer.stockBase;
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            QCOMPARE(index.data(LedgerModel::BalanceBaseRole).toLongLong(), balance);
            balance -= index.data(LedgerModel::DeltaBaseRole).toLongLong();
            ids.insert(index.data(LedgerModel::LedgerIdRole).toLongLong());
        }
        QCOMPARE(balance, 0);
        QCOMPARE(ids.size(), 451);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void anotherProductStartsAfresh()
    {
        addMovements(250, -1);
        const Product other
                = m_store->addProduct(u"O-1"_s, u"Olives"_s, {{u"Jar"_s, 1, 349, {}}}, 5);
        LedgerModel model(m_services->inventory);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProduct(reloaded());
        QCOMPARE(model.rowCount(), LedgerModel::kPageSize);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setProduct(other);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(0, LedgerModel::BalanceColumn).data().toString(), u"5 jars"_s);
    }

    void aFailedPageKeepsTheRows()
    {
        addMovements(250, 1);
        LedgerModel model(m_services->inventory);
        model.setProduct(reloaded());
        QSignalSpy failed(&model, &LedgerModel::loadFailed);
        m_services->session.signIn(m_store->cashier); // may not read the ledger
        model.fetchMore({});
        QCOMPARE(failed.count(), 1);
        QCOMPARE(model.rowCount(), LedgerModel::kPageSize);
        QVERIFY(!model.canFetchMore({}));
    }
};

QTEST_MAIN(TestLedgerModel)
#include "tst_ledgermodel.moc"
