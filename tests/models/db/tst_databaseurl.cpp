#include "models/db/databaseurl.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("postgres");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("schema");

        QTest::newRow("sqlite file")
                << u"sqlite:///home/anna/till.db"_s << false << u"/home/anna/till.db"_s << QString()
                << 5432 << QString() << QString() << QString() << QString();
        QTest::newRow("postgres full")
                << u"postgresql://till:s3cret@db.shop.lan:5433/store"_s << true << QString()
                << u"db.shop.lan"_s << 5433 << u"till"_s << u"s3cret"_s << u"store"_s << QString();
        QTest::newRow("postgres alias, default port")
                << u"postgres://till@10.0.0.5/till"_s << true << QString() << u"10.0.0.5"_s << 5432
                << u"till"_s << QString() << u"till"_s << QString();
        QTest::newRow("socket and schema")
                << u"postgresql:///till?host=/run/postgresql&user=pos&schema=lane_a"_s << true
                << QString() << u"/run/postgresql"_s << 5432 << u"pos"_s << QString() << u"till"_s
                << u"lane_a"_s;
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(bool, postgres);
        QFETCH(QString, path);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, database);
        QFETCH(QString, schema);

        QString error;
        const auto url = DatabaseUrl::parse(text, &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->engine == DatabaseUrl::Engine::PostgreSQL, postgres);
        QCOMPARE(url->path, path);
        if (postgres) {
            QCOMPARE(url->host, host);
            QCOMPARE(url->port, port);
            QCOMPARE(url->user, user);
            QCOMPARE(url->password, password);
            QCOMPARE(url->database, database);
            QCOMPARE(url->schema, schema);
        }
        // Round trip: what toString() writes parses to the same place.
        const auto again = DatabaseUrl::parse(url->toString());
        QVERIFY(again);
        QCOMPARE(again->path, url->path);
        QCOMPARE(again->host, url->host);
        QCOMPARE(again->database, url->database);
        QCOMPARE(again->password, url->password);
        QVERIFY(!url->toDisplayString().contains(u"s3cret"_s));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("unknown scheme") << u"mysql://x/y"_s;
        QTest::newRow("postgres without database") << u"postgresql://host"_s;
        QTest::newRow("sqlite without path") << u"sqlite://"_s;
        QTest::newRow("bad port option") << u"postgresql:///db?port=abc"_s;
        QTest::newRow("unknown option") << u"postgresql:///db?sslmode=require&x=1"_s;
    }
    void refuses()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!DatabaseUrl::parse(text, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
