#include "models/db/migrator.h"
#include "models/db/sqlquery.h"
#include "tests/common/testdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestMigrator : public QObject
{
    Q_OBJECT

private:
    static qint64 scalar(Database &db, const QString &sql)
    {
        SqlQuery q(db, sql);
        return q.execOne() ? q.int64(0) : -1;
    }
    static bool tableExists(Database &db, const QString &table)
    {
        // A SELECT that fails names a missing table on both engines.
        SqlQuery q(db, u"SELECT COUNT(*) FROM %1"_s.arg(table));
        return q.exec();
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void splitsStatementsAtLineEndSemicolons()
    {
        const QStringList statements = Migrator::splitStatements(
                u"-- a comment; with a semicolon;\nCREATE TABLE a (x INTEGER);\n\n"
                "INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);\n"
                "CREATE TABLE b (\n  y TEXT DEFAULT 'a;b'\n);\nSELECT 1"_s);
        QCOMPARE(statements.size(), 4);
        QCOMPARE(statements.at(0), u"CREATE TABLE a (x INTEGER)"_s);
        // A ';' inside a line stays in the statement: one line, one statement.
        QCOMPARE(statements.at(1), u"INSERT INTO a VALUES (1); INSERT INTO a VALUES (2)"_s);
        QCOMPARE(statements.at(2), u"CREATE TABLE b (\n  y TEXT DEFAULT 'a;b'\n)"_s);
        QCOMPARE(statements.at(3), u"SELECT 1"_s);
    }

    void keepsBodiesWholeAndStatementsForOneEngine()
    {
        const QString file = u"--@ postgresql\n"
                             "CREATE FUNCTION f() RETURNS trigger AS $$\n"
                             "BEGIN\n"
                             "  -- a comment in the body stays\n"
                             "  RAISE EXCEPTION 'no';\n"
                             "END;\n"
                             "$$ LANGUAGE plpgsql;\n"
                             "--@ postgresql\n"
                             "CREATE TRIGGER t BEFORE DELETE ON a EXECUTE FUNCTION f();\n"
                             "--@ sqlite\n"
                             "CREATE TRIGGER t BEFORE DELETE ON a\n"
                             "BEGIN\n"
                             "  SELECT RAISE(ABORT, 'no');\n"
                             "END;\n"
                             "CREATE INDEX i ON a (x);\n"_s;
        using Engine = DatabaseUrl::Engine;

        const QStringList all = Migrator::splitStatements(file);
        QCOMPARE(all.size(), 4);

        const QStringList postgres = Migrator::splitStatements(file, Engine::PostgreSQL);
        QCOMPARE(postgres.size(), 3);
        QVERIFY(postgres.at(0).startsWith(u"CREATE FUNCTION f()"_s));
        QVERIFY(postgres.at(0).contains(u"RAISE EXCEPTION 'no';\nEND;\n$$ LANGUAGE plpgsql"_s));
        QVERIFY(postgres.at(0).contains(u"-- a comment in the body stays"_s));
        QCOMPARE(postgres.at(1), u"CREATE TRIGGER t BEFORE DELETE ON a EXECUTE FUNCTION f()"_s);
        QCOMPARE(postgres.at(2), u"CREATE INDEX i ON a (x)"_s);

        const QStringList sqlite = Migrator::splitStatements(file, Engine::SQLite);
        QCOMPARE(sqlite.size(), 2);
        QCOMPARE(
                sqlite.at(0),
                u"CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no');\nEND"_s);
        QCOMPARE(sqlite.at(1), u"CREATE INDEX i ON a (x)"_s);
    }

    void appliesWhatItsEngineHasAlone()
    {
        // Given an empty database and a migration with a guard written for each engine
        auto scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        Database &db = scratch->db();
        const Migration guarded{
                1, u"guarded"_s,
                u"CREATE TABLE kept (x INTEGER);\n"
                "--@ postgresql\n"
                "CREATE FUNCTION kept_refuse() RETURNS trigger AS $$\n"
                "BEGIN\n"
                "  RAISE EXCEPTION 'kept rows stay';\n"
                "END;\n"
                "$$ LANGUAGE plpgsql;\n"
                "--@ postgresql\n"
                "CREATE TRIGGER kept_stays BEFORE DELETE ON kept FOR EACH STATEMENT\n"
                "  EXECUTE FUNCTION kept_refuse();\n"
                "--@ sqlite\n"
                "CREATE TRIGGER kept_stays BEFORE DELETE ON kept\n"
                "BEGIN\n"
                "  SELECT RAISE(ABORT, 'kept rows stay');\n"
                "END;\n"
                "INSERT INTO kept VALUES (1);\n"_s};

        // When it is applied
        QVERIFY_OK(Migrator(db, {guarded}).migrate());

        // Then its table holds its row, and the engine's own guard refuses a delete
        QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM kept"_s), 1);
        SqlQuery remove(db, u"DELETE FROM kept"_s);
        QVERIFY(!remove.exec());
        QVERIFY2(remove.error().details.contains(u"kept rows stay"_s),
                 qPrintable(remove.error().details));
        QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM kept"_s), 1);
    }

    void aLaterMigrationDropsWhatAnEarlierMade()
    {
        // Given an empty database and two migrations, the second dropping the first's index
        auto scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        Database &db = scratch->db();
        const QList<Migration> steps{
                {1, u"made"_s, u"CREATE TABLE t (x INTEGER);\nCREATE INDEX t_x ON t (x);\n"_s},
                {2, u"dropped"_s,
                 u"DROP INDEX t_x;\nCREATE INDEX t_x ON t (x) WHERE x IS NOT NULL;\n"_s}};

        // When both are applied in one run
        const auto outcome = Migrator(db, steps).migrate();

        // Then the second ran (SQLite refused a DROP while the version check was open)
        QVERIFY_OK(outcome);
        QCOMPARE(*Migrator(db, steps).currentVersion(), 2);
    }

    void freshDatabaseGetsTheWholeSchema()
    {
        // Given an empty database
        auto scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        Migrator migrator(scratch->db());
        QCOMPARE(*migrator.currentVersion(), 0);

        // When it is migrated
        const auto outcome = migrator.migrate();

        // Then every table of the product exists and the version is the latest
        QVERIFY_OK(outcome);
        QCOMPARE(*outcome, Migrator::Outcome::Migrated);
        QCOMPARE(*migrator.currentVersion(), migrator.latestVersion());
        QVERIFY(migrator.latestVersion() >= 1);
        for (const QString &table :
             {u"users"_s,         u"categories"_s,     u"tax_rates"_s,       u"products"_s,
              u"product_units"_s, u"bills"_s,          u"bill_items"_s,      u"payments"_s,
              u"refunds"_s,       u"refund_items"_s,   u"stock_movements"_s, u"shifts"_s,
              u"parked_carts"_s,  u"audit_log"_s,      u"settings"_s,        u"lanes"_s,
              u"z_reports"_s,     u"cash_movements"_s, u"stock_documents"_s, u"quick_keys"_s}) {
            QVERIFY2(tableExists(scratch->db(), table), qPrintable(table));
        }
    }

    void taxRatesFollowTheStoreSettingAlone()
    {
        // Given a store at version 1 with a rate that said its tax is added to prices
        auto scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        Database &db = scratch->db();
        QVERIFY(Migrator(db, Migrator::builtIn().mid(0, 1)).migrate());
        QVERIFY(SqlQuery::run(db, u"INSERT INTO tax_rates (name, rate_bp, inclusive) "
                                  "VALUES ('Reduced', 700, FALSE)"_s));

        // When it is brought up to date
        const auto outcome = Migrator(db).migrate();

        // Then the rate is kept, and no rate has a say of its own: the store setting decides
        QVERIFY_OK(outcome);
        QCOMPARE(scalar(db, u"SELECT rate_bp FROM tax_rates WHERE name = 'Reduced'"_s), 700);
        SqlQuery flag(db, u"SELECT inclusive FROM tax_rates"_s);
        QVERIFY(!flag.exec());
        QVERIFY(SqlQuery::run(db, u"INSERT INTO tax_rates (name, rate_bp) "
                                  "VALUES ('Standard', 1900)"_s));
    }

    void rerunIsANoOp()
    {
        auto scratch = TestDatabase::create();
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        const qint64 rows = scalar(scratch->db(), u"SELECT COUNT(*) FROM schema_migrations"_s);

        const auto outcome = Migrator(scratch->db()).migrate();

        QVERIFY(outcome);
        QCOMPARE(*outcome, Migrator::Outcome::UpToDate);
        QCOMPARE(scalar(scratch->db(), u"SELECT COUNT(*) FROM schema_migrations"_s), rows);
    }

    void failingMigrationLeavesThePreviousVersion()
    {
        // Given a database at version 1 and a broken version 2 whose first statement works
        auto scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        QList<Migration> migrations{
                {1, u"one"_s, u"CREATE TABLE one (id {{id}});"_s},
                {2, u"two"_s,
                 u"CREATE TABLE two (id {{id}});\nINSERT INTO one (id) VALUES (1);\n"
                 "INSERT INTO no_such_table VALUES (1);"_s},
                {3, u"three"_s, u"CREATE TABLE three (id {{id}});"_s},
        };
        QVERIFY(Migrator(scratch->db(), migrations.mid(0, 1)).migrate());

        // When all three are applied
        const auto outcome = Migrator(scratch->db(), migrations).migrate();

        // Then version 2 failed whole: no table two, no row in one, version still 1
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().kind, DbError::Kind::Migration);
        QVERIFY(outcome.error().details.contains(u"two"_s));
        QCOMPARE(*Migrator(scratch->db(), migrations).currentVersion(), 1);
        QVERIFY(!tableExists(scratch->db(), u"two"_s));
        QVERIFY(!tableExists(scratch->db(), u"three"_s));
        QCOMPARE(scalar(scratch->db(), u"SELECT COUNT(*) FROM one"_s), 0);
    }

    void newerDatabaseIsRefusedUntouched()
    {
        auto scratch = TestDatabase::create();
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        SqlQuery future(scratch->db(), u"INSERT INTO schema_migrations (version, name, applied_at) "
                                       "VALUES (9999, 'from the future', 'x')"_s);
        QVERIFY(future.exec());

        const auto outcome = Migrator(scratch->db()).migrate();

        QVERIFY(!outcome);
        QCOMPARE(outcome.error().kind, DbError::Kind::SchemaTooNew);
        QCOMPARE(*Migrator(scratch->db()).currentVersion(), 9999);
    }

    void schemaEnforcesItsInvariants()
    {
        auto scratch = TestDatabase::create();
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        Database &db = scratch->db();
        QVERIFY(SqlQuery::run(
                db, u"INSERT INTO tax_rates (id, name, rate_bp) VALUES (1, 'std', 1900)"_s));
        QVERIFY(SqlQuery::run(db, u"INSERT INTO products (id, sku, name, tax_rate_id, base_unit) "
                                  "VALUES (1, 'A', 'Apple', 1, 'piece')"_s));
        // A conversion rate below 1 is refused.
        auto bad = SqlQuery::run(db, u"INSERT INTO product_units (product_id, name, base_per_unit, "
                                     "price_minor) VALUES (1, 'none', 0, 10)"_s);
        QVERIFY(!bad);
        QCOMPARE(bad.error().kind, DbError::Kind::Constraint);
        // Duplicate SKU and duplicate barcode are refused.
        QVERIFY(!SqlQuery::run(db, u"INSERT INTO products (sku, name, tax_rate_id, base_unit) "
                                   "VALUES ('A', 'Again', 1, 'piece')"_s));
        QVERIFY(SqlQuery::run(db,
                              u"INSERT INTO product_units (id, product_id, name, base_per_unit, "
                              "price_minor, barcode) VALUES (1, 1, 'Piece', 1, 50, '123')"_s));
        QVERIFY(!SqlQuery::run(db, u"INSERT INTO product_units (product_id, name, base_per_unit, "
                                   "price_minor, barcode) VALUES (1, 'Box', 12, 500, '123')"_s));
        // More refunded than sold is refused by the database itself.
        QVERIFY(SqlQuery::run(db, u"INSERT INTO lanes (name) VALUES ('1')"_s));
        QVERIFY(SqlQuery::run(db,
                              u"INSERT INTO users (id, login, name, role, pin_hash, pin_salt, "
                              "pin_iterations) VALUES (1, 'a', 'A', 'cashier', 'h', 's', 1)"_s));
        QVERIFY(SqlQuery::run(
                db, u"INSERT INTO bills (id, uuid, number, lane, cashier_id, created_at, "
                    "subtotal_minor, tax_minor, total_minor) "
                    "VALUES (1, 'u1', 1, '1', 1, '2026-01-01T00:00:00.000Z', 50, 8, 50)"_s));
        QVERIFY(SqlQuery::run(db,
                              u"INSERT INTO bill_items (id, bill_id, line_no, product_id, unit_id, "
                              "quantity, base_quantity, unit_price_minor, tax_rate_bp, tax_minor, "
                              "total_minor) VALUES (1, 1, 1, 1, 1, 2, 2, 25, 1900, 8, 50)"_s));
        QVERIFY(SqlQuery::run(db,
                              u"UPDATE bill_items SET refunded_base_quantity = 2 WHERE id = 1"_s));
        auto over = SqlQuery::run(
                db, u"UPDATE bill_items SET refunded_base_quantity = 3 WHERE id = 1"_s);
        QVERIFY(!over);
        QCOMPARE(over.error().kind, DbError::Kind::Constraint);
        // A second bill with the same client-made uuid is refused.
        QVERIFY(!SqlQuery::run(db,
                               u"INSERT INTO bills (uuid, number, lane, cashier_id, created_at, "
                               "subtotal_minor, tax_minor, total_minor) "
                               "VALUES ('u1', 2, '1', 1, '2026-01-01T00:00:00.000Z', 0, 0, 0)"_s));
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
