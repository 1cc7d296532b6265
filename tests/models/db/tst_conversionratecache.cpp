#include "models/db/conversionratecache.h"
#include "models/db/queryprofiler.h"
#include "models/services/catalogueservice.h"
#include "tests/common/qverifyok.h"
#include "tests/common/storefixture.h"

#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestConversionRateCache : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    Product m_cola;
    Product m_wine;

    QList<qint64> unitIds(const Product &product)
    {
        QList<qint64> ids;
        for (const ProductUnit &unit : product.units) {
            ids << unit.id;
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_cola = m_store->addProduct(u"COLA"_s, u"Cola"_s,
                                     {{u"Can"_s, 1, 119, {}}, {u"Case of 24"_s, 24, 2399, {}}});
        // Stock kept in glasses; a bottle holds eight.
        m_wine = m_store->addProduct(u"WINE"_s, u"House red"_s,
                                     {{u"Glass"_s, 1, 450, {}}, {u"Bottle"_s, 8, 2400, {}}}, 8);
    }

    void missesLoadInOneQueryThenHit()
    {
        ConversionRateCache cache(m_store->db());
        const QList<qint64> ids = unitIds(m_cola) + unitIds(m_wine);
        {
            ProfileScope scope(u"test.cold"_s);
            const auto rates = cache.rates(ids);
            QVERIFY(rates);
            QCOMPARE(scope.statementCount(), 1);
            QCOMPARE(rates->value(m_cola.units.at(1).id), 24);
            QCOMPARE(rates->value(m_wine.units.at(1).id), 8);
        }
        QCOMPARE(cache.stats().misses, quint64(4));
        QCOMPARE(cache.stats().loads, quint64(1));
        {
            ProfileScope scope(u"test.warm"_s);
            const auto rates = cache.rates(ids + ids);
            QVERIFY(rates);
            QCOMPARE(scope.statementCount(), 0);
            QCOMPARE(rates->size(), 4);
        }
        QCOMPARE(cache.stats().hits, quint64(4));
        QCOMPARE(cache.stats().entries, 4);
    }

    void aPrefetchLoadsADocumentsUnitsInOneQueryThenEachRateIsAHit()
    {
        // Given a cold cache and a document of forty products in pieces and boxes, each
        // unit named twice
        const QList<Product> products = m_store->addProducts(
                40, {{u"Piece"_s, 1, 100, {}}, {u"Box of 12"_s, 12, 1100, {}}});
        QList<qint64> ids;
        for (const Product &product : products) {
            ids << unitIds(product);
        }
        ConversionRateCache cache(m_store->db());

        // When its units are prefetched, one query loads them all
        {
            ProfileScope scope(u"test.prefetch"_s);
            QVERIFY_OK(cache.prefetch(ids + ids));
            QCOMPARE(scope.statementCount(), 1);
        }
        QCOMPARE(cache.stats().loads, quint64(1));
        QCOMPARE(cache.stats().misses, quint64(80));
        QCOMPARE(cache.stats().entries, 80);

        // Then every line's rate is a hit, with no statement
        {
            ProfileScope scope(u"test.lines"_s);
            for (const Product &product : products) {
                QCOMPARE(*cache.rate(product.units.at(0).id), 1);
                QCOMPARE(*cache.rate(product.units.at(1).id), 12);
            }
            QCOMPARE(scope.statementCount(), 0);
        }
        QCOMPARE(cache.stats().hits, quint64(80));

        // And prefetching units already fresh costs nothing and counts no lookup
        {
            ProfileScope scope(u"test.again"_s);
            QVERIFY_OK(cache.prefetch(ids));
            QCOMPARE(scope.statementCount(), 0);
        }
        QCOMPARE(cache.stats().loads, quint64(1));
        QCOMPARE(cache.stats().hits, quint64(80));
    }

    void aPrefetchLoadsOnlyWhatIsMissingOrExpired()
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        ConversionRateCache cache(m_store->db());
        cache.setClock([&now] { return now; });
        QCOMPARE(*cache.rate(m_cola.units.at(1).id), 24);
        now = now.addSecs(cache.timeToLive() + 1);
        QCOMPARE(*cache.rate(m_wine.units.at(1).id), 8);
        // The cola case has expired, the wine bottle is fresh, the glass was never read.
        ProfileScope scope(u"test.partial"_s);
        QVERIFY_OK(cache.prefetch(
                {m_cola.units.at(1).id, m_wine.units.at(1).id, m_wine.units.at(0).id, 987654}));
        QCOMPARE(scope.statementCount(), 1);
        QCOMPARE(cache.stats().expirations, quint64(1));
        QCOMPARE(cache.stats().loads, quint64(3));
        QCOMPARE(cache.stats().entries, 3);
    }

    void unknownUnitsAreAbsentNotZero()
    {
        ConversionRateCache cache(m_store->db());
        const auto rates = cache.rates({m_cola.units.at(0).id, 987654});
        QVERIFY(rates);
        QVERIFY(!rates->contains(987654));
        QVERIFY(!cache.rate(987654));
        QCOMPARE(cache.rate(987654).error().kind, DbError::Kind::NotFound);
    }

    void entriesExpireAfterTheirTimeToLive()
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        ConversionRateCache cache(m_store->db());
        cache.setClock([&now] { return now; });
        cache.setTimeToLive(3600);
        QVERIFY(cache.rate(m_wine.units.at(1).id));
        now = now.addSecs(3599);
        QVERIFY(cache.rate(m_wine.units.at(1).id));
        QCOMPARE(cache.stats().loads, quint64(1));
        now = now.addSecs(2);
        QVERIFY(cache.rate(m_wine.units.at(1).id));
        QCOMPARE(cache.stats().loads, quint64(2));
        QCOMPARE(cache.stats().expirations, quint64(1));
    }

    void anEditInvalidatesAtOnce()
    {
        ConversionRateCache cache(m_store->db());
        QCOMPARE(*cache.rate(m_cola.units.at(1).id), 24);
        m_store->signIn(m_store->manager);
        CatalogueService catalogue(m_store->db(), m_store->session(), m_store->authorizer(),
                                   &cache);
        Product edited = m_cola;
        edited.units[1].basePerUnit = 12;
        edited.units[1].name = u"Box of 12"_s;
        QVERIFY(catalogue.save(edited));
        QCOMPARE(*cache.rate(m_cola.units.at(1).id), 12);
        QVERIFY(cache.stats().invalidations >= 1);
    }

    void aGlassFromABottleLeavesSevenGlasses()
    {
        // Stock is in base units: selling one glass of a stock of one bottle leaves seven glasses.
        Product wine = m_wine;
        QCOMPARE(wine.stockText(), u"1 bottle"_s);
        ConversionRateCache cache(m_store->db());
        wine.stockBase -= *cache.rate(wine.units.at(0).id);
        QCOMPARE(wine.stockText(), u"7 glasses"_s);
    }

    void anEditOnAnotherLaneArrivesThroughNotify()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("LISTEN/NOTIFY is PostgreSQL's; one SQLite file has one till.");
        }
        // Given a second lane with its own connection and a warm cache
        auto otherLane = Database::open(m_store->scratch().url());
        QVERIFY(otherLane);
        ConversionRateCache otherCache(**otherLane);
        QCOMPARE(*otherCache.rate(m_cola.units.at(1).id), 24);
        QSignalSpy changed(&otherCache, &ConversionRateCache::statsChanged);

        // When this lane edits the unit
        ConversionRateCache cache(m_store->db());
        m_store->signIn(m_store->manager);
        CatalogueService catalogue(m_store->db(), m_store->session(), m_store->authorizer(),
                                   &cache);
        Product edited = m_cola;
        edited.units[1].basePerUnit = 20;
        QVERIFY(catalogue.save(edited));

        // Then the other lane drops the entry on commit and reads the new rate
        QTRY_VERIFY_WITH_TIMEOUT(otherCache.stats().invalidations >= 1, 5000);
        QCOMPARE(*otherCache.rate(m_cola.units.at(1).id), 20);
    }

    void resubscribesAfterAReconnect()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("LISTEN/NOTIFY is PostgreSQL's.");
        }
        auto otherLane = Database::open(m_store->scratch().url());
        QVERIFY(otherLane);
        ConversionRateCache otherCache(**otherLane);
        QVERIFY(otherCache.isListening());
        // The connection drops and is opened again (a new driver session).
        (*otherLane)->connection().close();
        QVERIFY(otherCache.rate(m_cola.units.at(0).id));
        QVERIFY((*otherLane)
                        ->connection()
                        .driver()
                        ->subscribedToNotifications()
                        .contains(ConversionRateCache::kChannel));

        ConversionRateCache cache(m_store->db());
        m_store->signIn(m_store->manager);
        CatalogueService catalogue(m_store->db(), m_store->session(), m_store->authorizer(),
                                   &cache);
        Product edited = m_cola;
        edited.units[0].price = Money::fromMinor(129);
        QVERIFY(catalogue.save(edited));
        QTRY_VERIFY_WITH_TIMEOUT(otherCache.stats().invalidations >= 1, 5000);
    }

    void anEditAfterAReconnectArrivesOnce_data()
    {
        QTest::addColumn<bool>("terminated");
        QTest::newRow("reconnect()") << false;
        QTest::newRow("session terminated by the server") << true;
    }

    void anEditAfterAReconnectArrivesOnce()
    {
        if (!TestDatabase::isPostgres()) {
            QSKIP("LISTEN/NOTIFY is PostgreSQL's.");
        }
        QFETCH(bool, terminated);
        // Given another lane with a warm cache that then gets a new server session
        auto otherLane = Database::open(m_store->scratch().url());
        QVERIFY(otherLane);
        ConversionRateCache otherCache(**otherLane);
        QCOMPARE(*otherCache.rate(m_cola.units.at(1).id), 24);
        // Other tests on the server may edit units at the same time (channels are the
        // database's): a plain listener on the same connection counts what arrives.
        QObject context;
        int arrived = 0;
        (*otherLane)->listen(ConversionRateCache::kChannel, &context, [&arrived](const QString &) {
            ++arrived;
        });
        if (terminated) {
            // Ended from another connection; the lane's next statement fails, the one after
            // opens a new session.
            QSqlQuery pid((*otherLane)->connection());
            QVERIFY(pid.exec(u"SELECT pg_backend_pid()"_s) && pid.next());
            QSqlQuery kill(m_store->db().connection());
            QVERIFY(kill.exec(
                    u"SELECT pg_terminate_backend(%1, 5000)"_s.arg(pid.value(0).toInt())));
            QSqlQuery probe((*otherLane)->connection());
            QVERIFY(!probe.exec(u"SELECT 1"_s));
        } else {
            QVERIFY((*otherLane)->reconnect());
        }
        QVERIFY(otherCache.isListening());
        QSignalSpy changed(&otherCache, &ConversionRateCache::statsChanged);

        // When this lane edits the unit
        ConversionRateCache cache(m_store->db());
        m_store->signIn(m_store->manager);
        CatalogueService catalogue(m_store->db(), m_store->session(), m_store->authorizer(),
                                   &cache);
        Product edited = m_cola;
        edited.units[1].basePerUnit = 20;
        QVERIFY(catalogue.save(edited));

        // Then the other lane drops the entry and reads the new rate; each edit that arrived
        // was handled once
        QTRY_VERIFY_WITH_TIMEOUT(otherCache.stats().invalidations >= 1, 5000);
        QTest::qWait(200);
        QVERIFY(arrived >= 1);
        QCOMPARE(changed.count(), arrived);
        QCOMPARE(*otherCache.rate(m_cola.units.at(1).id), 20);
    }

    void onSqliteNothingListens()
    {
        if (TestDatabase::isPostgres()) {
            QSKIP("PostgreSQL listens; see anEditAfterAReconnectArrivesOnce.");
        }
        // One till owns the file: edits are invalidated where they are made.
        ConversionRateCache cache(m_store->db());
        QVERIFY(!cache.isListening());
        QVERIFY(m_store->db().reconnect());
        QCOMPARE(*cache.rate(m_cola.units.at(1).id), 24);
        QVERIFY(cache.notifyStatement().isEmpty());
    }

    void cleanup() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(TestConversionRateCache)
#include "tst_conversionratecache.moc"
