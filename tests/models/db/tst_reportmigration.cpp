#include "models/db/migrator.h"
#include "models/db/reportrepository.h"
#include "models/db/sqlquery.h"
#include "tests/common/testdatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * Migration 5 changes how a report reads (an index for the packs of the products it lists),
 * never what it says: a store with history reports the same figures before and after it.
 */
class TestReportMigration : public QObject
{
    Q_OBJECT

private:
    //! A small history on a store at the schema before migration 5: two days, two lanes,
    //! products with and without cost and category, packs (one retired), a refund.
    static bool writeHistory(Database &db)
    {
        const QStringList statements{
                u"INSERT INTO lanes (name) VALUES ('1'), ('2')"_s,
                u"INSERT INTO users (id, login, name, role, pin_hash, pin_salt, pin_iterations) "
                "VALUES (1, 'carl', 'Carl', 'cashier', 'h', 's', 1), "
                "(2, 'maria', 'Maria', 'manager', 'h', 's', 1)"_s,
                u"INSERT INTO categories (id, name) VALUES (1, 'Drinks'), (2, 'Fruit')"_s,
                u"INSERT INTO tax_rates (id, name, rate_bp) VALUES (1, 'Std', 1900), "
                "(2, 'Low', 700)"_s,
                u"INSERT INTO products (id, sku, name, category_id, tax_rate_id, base_unit, "
                "cost_minor, cost_per_base) VALUES (1, 'BEER', 'Beer', 1, 1, 'piece', 120, 1), "
                "(2, 'APL', 'Apple', 2, 2, 'piece', NULL, 1), "
                "(3, 'NUT', 'Nuts', NULL, 2, 'gram', 899, 1000)"_s,
                u"INSERT INTO product_units (product_id, name, base_per_unit, price_minor, "
                "active) VALUES (1, 'Can', 1, 200, TRUE), (1, 'Six-pack', 6, 1000, TRUE), "
                "(1, 'Crate', 24, 3600, FALSE), (2, 'Piece', 1, 100, TRUE), "
                "(3, 'Bag', 250, 300, TRUE), (3, 'Kilo', 1000, 1100, TRUE)"_s,
                u"INSERT INTO bills (id, uuid, number, lane, cashier_id, created_at, "
                "subtotal_minor, discount_minor, tax_minor, rounding_minor, total_minor) VALUES "
                "(1, 'b1', 1, '1', 1, '2026-03-10T09:15:00.000Z', 1300, 100, 192, 0, 1200), "
                "(2, 'b2', 1, '2', 2, '2026-03-10T17:05:00.000Z', 500, 0, 33, 1, 501), "
                "(3, 'b3', 2, '1', 1, '2026-03-11T10:30:00.000Z', 1100, 0, 72, 0, 1100)"_s,
                u"INSERT INTO bill_items (bill_id, line_no, product_id, unit_id, quantity, "
                "base_quantity, unit_price_minor, discount_minor, tax_rate_bp, tax_minor, "
                "total_minor) VALUES (1, 1, 1, 2, 1, 6, 1000, 100, 1900, 144, 900), "
                "(1, 2, 2, 4, 3, 3, 100, 0, 700, 20, 300), "
                "(2, 1, 3, 5, 1, 250, 300, 0, 700, 20, 300), (2, 2, 2, 4, 2, 2, 100, 0, 700, 13, "
                "200), "
                "(3, 1, 3, 6, 1, 1000, 1100, 0, 700, 72, 1100)"_s,
                u"INSERT INTO payments (bill_id, method, amount_minor, created_at) VALUES "
                "(1, 'cash', 1200, '2026-03-10T09:15:00.000Z'), "
                "(2, 'card', 501, '2026-03-10T17:05:00.000Z'), "
                "(3, 'card', 1100, '2026-03-11T10:30:00.000Z')"_s,
                u"INSERT INTO refunds (id, uuid, number, lane, bill_id, cashier_id, reason, "
                "created_at, total_minor) VALUES (1, 'r1', 1, '1', 1, 2, 'Bruised', "
                "'2026-03-11T11:00:00.000Z', 100)"_s,
                u"INSERT INTO refund_items (refund_id, bill_item_id, base_quantity, "
                "refunded_amount_minor) VALUES (1, 2, 1, 100)"_s,
        };
        for (const QString &sql : statements) {
            if (!SqlQuery::run(db, sql)) {
                qWarning() << "history:" << sql;
                return false;
            }
        }
        return true;
    }

    //! Every figure of a report over the range, as text, in the order the report has them.
    static QStringList reportOf(const Database &db, ReportRange range)
    {
        const ReportRepository reports(db);
        QStringList out;
        const auto bounded = reports.bounded(range);
        if (!bounded) {
            return {u"bounded failed: "_s + bounded.error().details};
        }
        auto summary = reports.summary(*bounded);
        const auto taxes = reports.taxes(*bounded, summary ? &*summary : nullptr);
        if (!summary || !taxes) {
            return {u"summary failed"_s};
        }
        const SalesSummary &s = *summary;
        out << u"summary %1 %2 %3 %4 %5 %6 %7 %8 %9"_s.arg(s.bills)
                        .arg(s.itemsSold)
                        .arg(s.gross.minor())
                        .arg(s.discounts.minor())
                        .arg(s.net.minor())
                        .arg(s.tax.minor())
                        .arg(s.cost.minor())
                        .arg(s.netOfTaxWithCost.minor())
                        .arg(int(s.hasCost))
            << u"refunds %1 %2"_s.arg(s.refunds).arg(s.refunded.minor());
        for (const TaxLine &t : *taxes) {
            out << u"tax %1 %2 %3"_s.arg(t.rateBp).arg(t.gross.minor()).arg(t.tax.minor());
        }
        const auto addBuckets = [&out](const QString &name, const auto &result) {
            if (!result) {
                out << name + u" failed"_s;
                return;
            }
            for (const BucketLine &b : *result) {
                out << u"%1 %2 %3 %4"_s.arg(name, b.key).arg(b.count).arg(b.amount.minor());
            }
        };
        addBuckets(u"hour"_s, reports.byHour(*bounded));
        addBuckets(u"day"_s, reports.byDay(*bounded));
        addBuckets(u"cashier"_s, reports.byCashier(*bounded));
        addBuckets(u"method"_s, reports.byPaymentMethod(*bounded));
        addBuckets(u"category"_s, reports.byCategory(*bounded));
        auto products = reports.byProduct(*bounded);
        if (!products || !reports.addPackSizes(*bounded, *products)) {
            return out << u"products failed"_s;
        }
        for (const ProductLine &p : *products) {
            QStringList packs;
            for (const PackSize &pack : p.packs) {
                packs << u"%1=%2"_s.arg(pack.name).arg(pack.basePerUnit);
            }
            out << u"product %1 %2 %3 %4 %5 %6 %7 %8"_s.arg(p.sku, p.name, p.category)
                            .arg(p.baseQuantity)
                            .arg(p.revenue.minor())
                            .arg(p.margin.minor())
                            .arg(int(p.hasCost))
                            .arg(packs.join(u','));
        }
        const auto refunds = reports.refunds(*bounded);
        if (!refunds) {
            return out << u"refunds failed"_s;
        }
        for (const RefundLine &r : *refunds) {
            out << u"refund %1 %2 %3 %4"_s.arg(r.billCode, r.cashier, r.reason)
                            .arg(r.total.minor());
        }
        return out;
    }

    static QList<ReportRange> ranges()
    {
        ReportRange lane = ReportRange::days(QDate(2026, 3, 10), QDate(2026, 3, 11));
        lane.lane = u"1"_s;
        ReportRange fruit = ReportRange::days(QDate(2026, 3, 10), QDate(2026, 3, 11));
        fruit.categoryId = 2;
        return {ReportRange::days(QDate(2026, 3, 10), QDate(2026, 3, 10)),
                ReportRange::days(QDate(2026, 3, 10), QDate(2026, 3, 11)), lane, fruit};
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void reportsAreTheSameBeforeAndAfter()
    {
        // Given a store with history at the schema before migration 5
        auto scratch = TestDatabase::create(TestDatabase::Schema::Empty);
        QVERIFY2(scratch, qPrintable(TestDatabase::lastError()));
        Database &db = scratch->db();
        QList<Migration> before;
        for (const Migration &m : Migrator::builtIn()) {
            if (m.version < 5) {
                before.append(m);
            }
        }
        QVERIFY_OK(Migrator(db, before).migrate());
        QVERIFY(writeHistory(db));
        QList<QStringList> reports;
        for (const ReportRange &range : ranges()) {
            reports.append(reportOf(db, range));
        }
        // (a report with every kind of figure in it, so the comparison below means something)
        QVERIFY2(reports.at(1).size() == 20, qPrintable(reports.at(1).join(u'\n')));
        QVERIFY2(reports.at(1).contains(u"product BEER Beer Drinks 6 900 36 1 Six-pack=6,Can=1"_s),
                 qPrintable(reports.at(1).join(u'\n')));

        // When it is brought up to date
        QVERIFY_OK(Migrator(db).migrate());

        // Then every report says exactly what it said before, line for line
        const QList<ReportRange> all = ranges();
        for (qsizetype i = 0; i < all.size(); ++i) {
            QCOMPARE(reportOf(db, all.at(i)), reports.at(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestReportMigration)
#include "tst_reportmigration.moc"
