#include "models/db/conversionratecache.h"
#include "models/db/salerepository.h"
#include "models/services/checkoutservice.h"
#include "models/services/livesales.h"
#include "models/services/refundservice.h"
#include "models/services/reportrunner.h"
#include "models/services/services.h"
#include "tests/common/storefixture.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLiveSales : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<ConversionRateCache> m_cache;
    std::unique_ptr<CheckoutService> m_checkout;
    Product m_tea;

    bool sell() { return !soldBill(*m_checkout).isEmpty(); }

    //! Sells a box of tea; the bill as the NOTIFY names it ("lane:number"), empty on failure.
    QString soldBill(CheckoutService &checkout)
    {
        Cart cart;
        CheckoutService::addToCart(cart, CheckoutService::lineFor(m_tea, m_tea.units.at(0), 1));
        const auto sold = checkout.commit(cart, {{Tender::Method::Cash, Money::fromMinor(250), {}}},
                                          CheckoutService::newSaleUuid());
        return sold ? u"%1:%2"_s.arg(sold->bill.lane).arg(sold->bill.number) : QString();
    }

    // Ends lane's server session from another connection, as a restarted server or an admin
    // would. The lane learns it at its next statement, which fails; the use after opens anew.
    void terminateSession(const Database &lane)
    {
        QSqlQuery pid(lane.connection());
        QVERIFY(pid.exec(u"SELECT pg_backend_pid()"_s) && pid.next());
        QSqlQuery kill(m_store->db().connection());
        QVERIFY(kill.exec(u"SELECT pg_terminate_backend(%1, 5000)"_s.arg(pid.value(0).toInt())));
        QSqlQuery probe(lane.connection());
        QVERIFY(!probe.exec(u"SELECT 1"_s));
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_tea = m_store->addProduct(u"TEA"_s, u"Tea"_s, {{u"Box"_s, 1, 250, {}}}, 100);
        QVERIFY(m_store->openShift(u"1"_s) > 0);
        m_cache = std::make_unique<ConversionRateCache>(m_store->db());
        m_checkout = std::make_unique<CheckoutService>(m_store->db(), m_store->session(),
                                                       m_store->authorizer(), *m_cache);
        m_store->signIn(m_store->manager);
    }

    void aBurstOfSalesIsOneRefresh()
    {
        RefundService refunds(m_store->db(), m_store->session(), m_store->authorizer());
        LiveSales live(m_store->db());
        live.watch(*m_checkout, refunds);
        live.setInterval(200);
        QSignalSpy changed(&live, &LiveSales::changed);
        for (int i = 0; i < 10; ++i) {
            QVERIFY(sell());
        }
        QTRY_COMPARE(changed.count(), 1);
        QTest::qWait(300);
        QCOMPARE(changed.count(), 1);
        QVERIFY(live.notificationsHeard() >= 10);
    }

    void aSaleOnAnotherLaneRefreshesThisOne()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("Lanes hear each other through PostgreSQL's NOTIFY; an SQLite till is alone.");
        }
        // This lane listens on a connection of its own; the sale commits on another.
        auto thisLane = Database::open(m_store->scratch().url());
        QVERIFY(thisLane);
        LiveSales live(**thisLane);
        live.setInterval(50);
        QSignalSpy changed(&live, &LiveSales::changed);
        QVERIFY(sell());
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
    }

    void aSaleAfterAReconnectIsCountedOnce_data()
    {
        QTest::addColumn<bool>("terminated");
        QTest::newRow("reconnect()") << false;
        QTest::newRow("session terminated by the server") << true;
    }

    void aSaleAfterAReconnectIsCountedOnce()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("Lanes hear each other through PostgreSQL's NOTIFY; an SQLite till is alone.");
        }
        QFETCH(bool, terminated);
        // Given a lane that listens and then gets a new server session. Other tests on the
        // server may sell at the same time (channels are the database's, not the schema's):
        // a plain listener on the same connection hears exactly what LiveSales should.
        auto thisLane = Database::open(m_store->scratch().url());
        QVERIFY(thisLane);
        QObject context;
        QStringList heard;
        (*thisLane)->listen(SaleRepository::kSalesChannel, &context,
                            [&heard](const QString &payload) { heard << payload; });
        LiveSales live(**thisLane);
        live.setInterval(50);
        QSignalSpy changed(&live, &LiveSales::changed);
        if (terminated) {
            terminateSession(**thisLane);
            if (QTest::currentTestFailed()) {
                return;
            }
            QVERIFY(live.isListening()); // the next use opens a new session, which listens again
        } else {
            QVERIFY((*thisLane)->reconnect());
            QVERIFY(live.isListening());
        }

        // When another lane sells, one whose name no other test process on the server uses
        // (they sell "1:1" too, on the same channel)
        const QString lane = u"live-%1"_s.arg(QCoreApplication::applicationPid());
        QVERIFY(m_store->openShift(lane) > 0);
        const std::unique_ptr<Services> otherLane = m_store->services(m_store->manager, lane);
        const QString bill = soldBill(otherLane->checkout);
        QVERIFY(!bill.isEmpty());

        // Then this lane hears that sale once, and the "Today" view refreshes
        QTRY_VERIFY_WITH_TIMEOUT(heard.contains(bill), 5000);
        QTRY_VERIFY(changed.count() >= 1);
        QTest::qWait(200);
        QCOMPARE(heard.count(bill), 1);
        QCOMPARE(live.notificationsHeard(), quint64(heard.size()));
    }

    void aSaleAfterAReconnectIsCountedOnceOnThisTill()
    {
        if (TestDatabase::isPostgres()) {
            QSKIP("On PostgreSQL the NOTIFY is heard too; see aSaleAfterAReconnectIsCountedOnce.");
        }
        // An SQLite till hears its own services, once, whatever happened to its connection.
        RefundService refunds(m_store->db(), m_store->session(), m_store->authorizer());
        LiveSales live(m_store->db());
        live.watch(*m_checkout, refunds);
        live.setInterval(50);
        QSignalSpy changed(&live, &LiveSales::changed);
        QVERIFY(!live.isListening());
        QVERIFY(m_store->db().reconnect());
        QVERIFY(sell());
        QTRY_COMPARE(changed.count(), 1);
        QTest::qWait(200);
        QCOMPARE(live.notificationsHeard(), quint64(1));
        QCOMPARE(changed.count(), 1);
    }

    void reportsRunOffTheGuiThreadAndTheNewestWins()
    {
        QVERIFY(sell());
        ReportRunner runner(m_store->db(), m_store->session(), m_store->authorizer());
        QSignalSpy finished(&runner, &ReportRunner::finished);
        const QDate today = QDate::currentDate();
        const quint64 older = runner.request(ReportRange::days(today.addDays(-30), today));
        const quint64 newer = runner.request(ReportRange::days(today, today));
        QVERIFY(newer > older);
        QTRY_VERIFY(!runner.isBusy());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toULongLong(), newer);
        const auto report = finished.first().at(1).value<SalesReport>();
        QCOMPARE(report.summary.bills, 1);
        QCOMPARE(report.summary.net, Money::fromMinor(250));
    }

    void aFailedReportSaysWhy()
    {
        m_store->signIn(m_store->cashier);
        ReportRunner runner(m_store->db(), m_store->session(), m_store->authorizer());
        QSignalSpy failed(&runner, &ReportRunner::failed);
        runner.request(ReportRange::days(QDate::currentDate(), QDate::currentDate()));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(1).value<ServiceError>().code,
                 ServiceError::Code::PermissionDenied);
    }

    void cleanup()
    {
        m_checkout.reset();
        m_cache.reset();
        m_store.reset();
    }
};

QTEST_GUILESS_MAIN(TestLiveSales)
#include "tst_livesales.moc"
