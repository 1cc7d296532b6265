#include "models/db/queryprofiler.h"
#include "models/db/shiftrepository.h"
#include "models/db/sqlquery.h"
#include "models/domain/barcode.h"
#include "models/services/authservice.h"
#include "models/services/demostore.h"
#include "tests/common/testdatabase.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QTest>

#include <array>

using namespace Qt::StringLiterals;

/*!
 * The demo store is filled once per engine (initTestCase) and every test reads it: what
 * a person sees in the demo must be a consistent shop, and the ledger must add up.
 */
class TestDemoStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;
    DemoStore::Summary m_summary;
    int m_fillStatements = 0;
    const QDate m_today{2026, 3, 15};

    DemoStore::Options options() const
    {
        DemoStore::Options o;
        o.today = m_today;
        o.pinIterations = 1000;
        return o;
    }
    qint64 scalar(const QString &sql)
    {
        SqlQuery q(m_scratch->db(), sql);
        if (!q.execOne()) {
            qWarning() << q.error().details;
            return -1;
        }
        return q.int64(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
        QCOMPARE(*DemoStore::isEmpty(m_scratch->db()), true);

        QList<int> progress;
        QElapsedTimer timer;
        timer.start();
        ProfileScope scope(u"test.demo"_s);
        const auto summary = DemoStore::fill(m_scratch->db(), options(),
                                             [&progress](int done, int) { progress << done; });
        m_fillStatements = scope.statementCount();
        QVERIFY_OK(summary);
        m_summary = *summary;
        qInfo("demo fill on %s: %lld bills, %lld lines, %d statements, %lld ms",
              qPrintable(TestDatabase::engineName()), m_summary.bills, m_summary.billItems,
              m_fillStatements, timer.elapsed());
        QVERIFY(progress.size() >= 3);
        QCOMPARE(progress.constFirst(), 0);
        QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    }

    void catalogueIsARealShop()
    {
        QVERIFY(m_summary.products >= 300);
        QVERIFY(m_summary.categories >= 10);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM products"_s), m_summary.products);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM tax_rates"_s), 2);
        QCOMPARE(scalar(u"SELECT COUNT(DISTINCT base_unit) FROM products"_s), 3);
        // Packs with their own barcodes and prices.
        QVERIFY(scalar(u"SELECT COUNT(*) FROM product_units WHERE base_per_unit IN (6, 12, 24)"_s)
                >= 30);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM product_units WHERE barcode IS NULL"_s), 0);
        // Every product has exactly one smallest unit.
        QCOMPARE(
                scalar(u"SELECT COUNT(*) FROM products p WHERE (SELECT COUNT(*) FROM product_units "
                       u"u "
                       "WHERE u.product_id = p.id AND u.base_per_unit = (SELECT MIN(base_per_unit) "
                       "FROM product_units v WHERE v.product_id = p.id)) <> 1"_s),
                0);
    }

    void everyBarcodeIsAValidEan13()
    {
        SqlQuery q(m_scratch->db(), u"SELECT barcode FROM product_units"_s);
        QVERIFY(q.exec());
        int count = 0;
        while (q.next()) {
            QCOMPARE(Barcode::classify(q.text(0)), Barcode::Kind::Ean13);
            ++count;
        }
        QCOMPARE(count, m_summary.units);
    }

    void demoPeopleSignInWithTheirPins()
    {
        AuthService auth(m_scratch->db(), u"1"_s);
        QStringList roles;
        for (const auto &user : DemoStore::users()) {
            const auto result = auth.signIn(user.login, user.pin);
            QVERIFY2(result.ok(), qPrintable(user.login));
            roles << Roles::key(result.user->role);
        }
        QCOMPARE(roles.count(u"manager"_s), 1);
        QCOMPARE(roles.count(u"cashier"_s), 2);
    }

    void historyCoversNinetyDaysBeforeToday()
    {
        SqlQuery q(m_scratch->db(), u"SELECT MIN(created_at), MAX(created_at) FROM bills"_s);
        QVERIFY(q.execOne());
        const QDate first = Dialect::toDateTime(q.value(0)).toLocalTime().date();
        const QDate last = Dialect::toDateTime(q.value(1)).toLocalTime().date();
        QCOMPARE(first, m_today.addDays(-90));
        QCOMPARE(last, m_today.addDays(-1));
        QVERIFY(m_summary.bills > 90 * 60);
        QVERIFY(m_summary.refunds > 50);
    }

    void theLedgerExplainsEveryProductsStock()
    {
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM products p WHERE p.stock_base <> "
                        "(SELECT COALESCE(SUM(m.delta_base), 0) FROM stock_movements m "
                        "WHERE m.product_id = p.id)"_s),
                 0);
        QCOMPARE(
                scalar(u"SELECT COUNT(DISTINCT product_id) FROM stock_movements WHERE reason = 'opening'"_s),
                m_summary.products);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM products WHERE stock_base < 0"_s), 0);
        // Some products run low, so the low-stock list has something to show.
        QVERIFY(scalar(u"SELECT COUNT(*) FROM products WHERE stock_base <= reorder_level_base"_s)
                > 0);
        // What left the shelf is what was sold, less what came back into stock.
        QCOMPARE(
                scalar(u"SELECT -COALESCE(SUM(delta_base), 0) FROM stock_movements WHERE reason = 'sale'"_s),
                scalar(u"SELECT SUM(base_quantity) FROM bill_items"_s));
        // Everything refunded came back; what was damaged left again through the same refund.
        QCOMPARE(scalar(u"SELECT COALESCE(SUM(delta_base), 0) FROM stock_movements "
                        "WHERE reason = 'refund'"_s),
                 scalar(u"SELECT COALESCE(SUM(base_quantity), 0) FROM refund_items"_s));
        QCOMPARE(scalar(u"SELECT -COALESCE(SUM(delta_base), 0) FROM stock_movements "
                        "WHERE reason = 'damaged' AND refund_id IS NOT NULL"_s),
                 scalar(u"SELECT COALESCE(SUM(base_quantity), 0) FROM refund_items "
                        "WHERE restock = FALSE"_s));
        QVERIFY(scalar(u"SELECT COUNT(*) FROM refund_items WHERE restock = FALSE"_s) > 0);
    }

    void billsAddUp()
    {
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM bills b WHERE b.total_minor <> "
                        "(SELECT SUM(total_minor) FROM bill_items i WHERE i.bill_id = b.id)"_s),
                 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM bills b WHERE b.tax_minor <> "
                        "(SELECT SUM(tax_minor) FROM bill_items i WHERE i.bill_id = b.id)"_s),
                 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM bills b WHERE b.total_minor <> "
                        "(SELECT SUM(amount_minor) FROM payments p WHERE p.bill_id = b.id)"_s),
                 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM bill_items WHERE total_minor <> "
                        "quantity * unit_price_minor - discount_minor"_s),
                 0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM payments WHERE method = 'cash' AND bill_id IS NOT "
                        u"NULL "
                        "AND tendered_minor - change_minor <> amount_minor"_s),
                 0);
    }

    void refundsNeverExceedWhatWasSold()
    {
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM bill_items i WHERE i.refunded_base_quantity <> "
                        "(SELECT COALESCE(SUM(r.base_quantity), 0) FROM refund_items r "
                        "WHERE r.bill_item_id = i.id)"_s),
                 0);
        QCOMPARE(
                scalar(u"SELECT COUNT(*) FROM refunds r WHERE r.total_minor <> "
                       "(SELECT SUM(refunded_amount_minor) FROM refund_items i WHERE i.refund_id = r.id)"_s),
                0);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM refunds r JOIN bills b ON b.id = r.bill_id "
                        "WHERE r.created_at < b.created_at"_s),
                 0);
    }

    void numbersAreGapFreePerLane()
    {
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM (SELECT lane FROM bills GROUP BY lane "
                        "HAVING MAX(number) <> COUNT(*) OR MIN(number) <> 1) gaps"_s),
                 0);
        QCOMPARE(
                scalar(u"SELECT COUNT(*) FROM lanes l WHERE l.next_bill_number <> "
                       "(SELECT COALESCE(MAX(number), 0) + 1 FROM bills b WHERE b.lane = l.name)"_s),
                0);
        // Within a lane, a later number is never an earlier sale.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM bills a JOIN bills b ON a.lane = b.lane "
                        "AND b.number = a.number + 1 WHERE b.created_at < a.created_at"_s),
                 0);
    }

    void everyClosedShiftHasItsStoredZReport()
    {
        QVERIFY(scalar(u"SELECT COUNT(*) FROM z_reports"_s) >= 90);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM z_reports"_s),
                 scalar(u"SELECT COUNT(*) FROM shifts WHERE closed_at IS NOT NULL"_s));
        // Written in bulk, each says what reading its shift alone says, with the drawer's count.
        const ShiftRepository shifts(m_scratch->db());
        const auto closed = shifts.closedShifts({}, 0, 3);
        QVERIFY(closed);
        QCOMPARE(closed->size(), 3);
        for (const ClosedShift &c : *closed) {
            const auto stored = shifts.zReport(c.shift.lane, c.shift.zNumber);
            QVERIFY(stored && stored->has_value());
            auto alone = shifts.report(c.shift);
            QVERIFY(alone);
            QVERIFY(alone->bills > 0);
            alone->countedCash = c.countedCash;
            alone->generatedAt = c.shift.closedAt;
            QCOMPARE((*stored)->toJson(), alone->toJson());
            QCOMPARE((*stored)->expectedCash, c.expectedCash);
        }
    }

    void writtenInBulkNotRowByRow()
    {
        // Tens of thousands of rows, a few dozen statements: chunks, never a row per statement.
        QVERIFY(m_summary.billItems > 10000);
        QVERIFY2(m_fillStatements < 120, qPrintable(QString::number(m_fillStatements)));
    }

    void theSameSeedGivesTheSameStore()
    {
        auto second = TestDatabase::create();
        QVERIFY2(second, qPrintable(TestDatabase::lastError()));
        QVERIFY(DemoStore::fill(second->db(), options()));
        const QString checksum = u"SELECT SUM(total_minor), COUNT(*), MAX(number) FROM bills"_s;
        SqlQuery a(m_scratch->db(), checksum);
        SqlQuery b(second->db(), checksum);
        QVERIFY(a.execOne());
        QVERIFY(b.execOne());
        for (int column = 0; column < 3; ++column) {
            QCOMPARE(b.int64(column), a.int64(column));
        }
    }

    void anyLaneNameWorks()
    {
        // The till's own lane may be called anything, "2" included.
        for (const QString &lane : {u"2"_s, u"Express"_s}) {
            auto scratch = TestDatabase::create();
            QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
            DemoStore::Options o = options();
            o.lane = lane;
            o.historyDays = 14;
            const auto summary = DemoStore::fill(scratch->db(), o);
            QVERIFY_OK(summary);
            SqlQuery q(scratch->db(), u"SELECT COUNT(*) FROM (SELECT lane FROM bills GROUP BY lane "
                                      "HAVING MAX(number) <> COUNT(*) OR MIN(number) <> 1) gaps"_s);
            QVERIFY(q.execOne());
            QCOMPARE(q.int64(0), 0);
        }
    }

    void theLocaleChoosesTheDemoLanguage()
    {
        // Given a German and an English first start, on the same day with the same seed
        struct Fill
        {
            QLocale locale;
            std::unique_ptr<TestDatabase> scratch;
        };
        std::array<Fill, 2> fills{Fill{QLocale(QLocale::German, QLocale::Germany), nullptr},
                                  Fill{QLocale(QLocale::English, QLocale::UnitedKingdom), nullptr}};
        for (Fill &fill : fills) {
            QLocale::setDefault(fill.locale);
            DemoStore::Options o; // as the first start makes them: the language from the locale
            QLocale::setDefault(QLocale::c());
            QCOMPARE(o.language, fill.locale.language());
            o.today = m_today;
            o.pinIterations = 1000;
            o.historyDays = 14;
            fill.scratch = TestDatabase::create();
            QVERIFY2(fill.scratch, qPrintable(TestDatabase::lastError()));
            const auto summary = DemoStore::fill(fill.scratch->db(), o);
            QVERIFY_OK(summary);
        }
        const auto text = [](TestDatabase &db, const QString &sql) {
            SqlQuery q(db.db(), sql);
            return q.execOne() ? q.text(0) : u"<%1>"_s.arg(q.error().details);
        };
        const QString apples
                = u"SELECT p.name || ' / ' || c.name || ' / ' || u.name FROM products p "
                  "JOIN categories c ON c.id = p.category_id JOIN product_units u "
                  "ON u.product_id = p.id WHERE p.sku = 'FRV-0001' "
                  "AND u.base_per_unit = 1000"_s;
        const QString banana = u"SELECT u.name FROM product_units u JOIN products p "
                               "ON p.id = u.product_id WHERE p.sku = 'FRV-0010' "
                               "AND u.base_per_unit = 1"_s;
        const QString tax = u"SELECT name FROM tax_rates WHERE rate_bp = 700"_s;
        // Then the German store reads German...
        TestDatabase &german = *fills.at(0).scratch;
        QCOMPARE(text(german, apples), u"Äpfel Elstar / Obst & Gemüse / 1-kg-Beutel"_s);
        QCOMPARE(text(german, banana), u"Stück"_s);
        QCOMPARE(text(german, tax), u"Ermäßigter Satz"_s);
        QCOMPARE(text(german, u"SELECT COUNT(*) FROM product_units WHERE name IN "
                              "('Piece', 'Bottle', 'Pack of 6', 'Can')"_s),
                 u"0"_s);
        // ...and the English one English
        TestDatabase &english = *fills.at(1).scratch;
        QCOMPARE(text(english, apples), u"Apples Elstar / Fruit & Vegetables / 1 kg bag"_s);
        QCOMPARE(text(english, banana), u"Piece"_s);
        QCOMPARE(text(english, tax), u"Reduced rate"_s);
        // And only the words differ: the same units, barcodes, prices, sales and stock.
        for (const QString &checksum :
             {u"SELECT COUNT(*) || '/' || SUM(price_minor) || '/' || SUM(base_per_unit) || '/' "
              "|| MIN(barcode) || '/' || MAX(barcode) FROM product_units"_s,
              u"SELECT SUM(total_minor) || '/' || COUNT(*) || '/' || MAX(number) FROM bills"_s,
              u"SELECT SUM(stock_base) || '/' || SUM(reorder_level_base) FROM products"_s,
              u"SELECT SUM(LENGTH(barcode) * id) FROM product_units"_s}) {
            QCOMPARE(text(german, checksum), text(english, checksum));
        }
    }

    void aFailedFillChangesNothing()
    {
        // Filling again collides with what is there; the second fill must roll back whole.
        QCOMPARE(*DemoStore::isEmpty(m_scratch->db()), false);
        const qint64 bills = scalar(u"SELECT COUNT(*) FROM bills"_s);
        const qint64 products = scalar(u"SELECT COUNT(*) FROM products"_s);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed"_s));
        const auto again = DemoStore::fill(m_scratch->db(), options());
        QVERIFY(!again);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM bills"_s), bills);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM products"_s), products);
    }

    void cleanupTestCase() { m_scratch.reset(); }
};

QTEST_GUILESS_MAIN(TestDemoStore)
#include "tst_demostore.moc"
