#include "tests/benchmarks/seeder.h"

#include "models/db/bulkwriter.h"
#include "models/db/categoryrepository.h"
#include "models/db/database.h"
#include "models/db/productrepository.h"
#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/db/taxraterepository.h"
#include "models/db/transaction.h"
#include "models/db/userrepository.h"
#include "models/domain/barcode.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

using Type = Dialect::ColumnType;

QString skuOf(int product)
{
    return u"SKU-%1"_s.arg(product, 6, 10, QChar(u'0'));
}

} // namespace

BenchSeeder::Scale BenchSeeder::scale(const QString &name)
{
    if (name == u"large"_s) {
        return {name, 100000, 2000000};
    }
    if (name == u"medium"_s) {
        return {name, 20000, 200000};
    }
    if (name == u"tiny"_s) {
        return {name, 200, 2000}; // for the smoke test: seeds in well under a second
    }
    return {u"small"_s, 2000, 20000};
}

QString BenchSeeder::barcodeOf(int product, bool box)
{
    return Barcode::withCheckDigit(u"29%1%2"_s.arg(product, 9, 10, QChar(u'0')).arg(box ? 1 : 0));
}

namespace {

//! One shift a day over the past year; bills follow the clock.
constexpr int kDays = 365;

//! A bill of the past year: written first (its rows are joined by uuid), then lines and ledger.
struct PlannedBill
{
    QString uuid;
    QDateTime when;
    QList<std::pair<int, qint64>> lines; //!< product index and quantity
    bool refunded = false;
};

qint64 priceOf(int product)
{
    return 79 + (product * 37) % 1900;
}

int rateOf(int product)
{
    return product % 3 == 0 ? 1900 : 700;
}

qint64 taxOf(qint64 total, int rate)
{
    return (total * rate + (10000 + rate) / 2) / (10000 + rate);
}

QString refundUuidOf(qsizetype bill)
{
    return QUuid::createUuidV5(QUuid(), u"bench-refund-%1"_s.arg(bill))
            .toString(QUuid::WithoutBraces);
}

QDateTime openingTime(const QDate &today)
{
    return QDateTime(today.addDays(-400), QTime(6, 0));
}

//! The lane, the store's header and a manager and a cashier, both with PIN 1234.
DbStatus seedStore(const Database &db)
{
    for (const QString &sql :
         {u"INSERT INTO lanes (name) VALUES ('1')"_s,
          u"INSERT INTO settings (key, value) VALUES ('store.name', 'Bench Market'), ('store.currency_symbol', 'EUR')"_s}) {
        if (DbStatus status = SqlQuery::run(db, sql); !status) {
            return status;
        }
    }
    UserRepository users(db);
    for (const auto &[login, role] :
         {std::pair{u"bench"_s, Role::Manager}, std::pair{u"cash"_s, Role::Cashier}}) {
        if (auto id = users.insert({0, login, login, role, true}, PinHasher::hash(u"1234"_s, 1000));
            !id) {
            return id.error();
        }
    }
    return Done{};
}

//! Tax rates by rate, and categories by sort order.
struct CatalogueIds
{
    QHash<int, qint64> taxIds;
    QHash<int, qint64> categoryIds;
};

DbResult<CatalogueIds> seedTaxesAndCategories(const Database &db)
{
    CatalogueIds ids;
    const auto taxes
            = TaxRateRepository(db).insertAll({{0, u"Standard"_s, 1900}, {0, u"Reduced"_s, 700}});
    if (!taxes) {
        return taxes.error();
    }
    for (const TaxRate &rate : *taxes) {
        ids.taxIds.insert(rate.rateBp, rate.id);
    }
    QList<Category> wanted;
    for (int c = 0; c < 20; ++c) {
        wanted.append({0, u"Category %1"_s.arg(c), c});
    }
    const auto categories = CategoryRepository(db).insertAll(wanted);
    if (!categories) {
        return categories.error();
    }
    for (const Category &category : *categories) {
        ids.categoryIds.insert(category.sortOrder, category.id);
    }
    return ids;
}

//! The catalogue goes in as the till's own import writes it.
DbStatus seedProducts(const Database &db, const BenchSeeder::Scale &scale, const QDate &today)
{
    const auto ids = seedTaxesAndCategories(db);
    if (!ids) {
        return ids.error();
    }
    QList<Product> products;
    products.reserve(scale.products);
    for (int p = 0; p < scale.products; ++p) {
        Product product;
        product.sku = skuOf(p);
        product.name = u"Product %1"_s.arg(p);
        product.categoryId = ids->categoryIds.value(p % 20);
        product.taxRateId = ids->taxIds.value(rateOf(p));
        product.reorderLevelBase = 10;
        product.cost = Money::fromMinor(40 + p % 500);
        const qint64 price = priceOf(p);
        for (bool box : {false, true}) {
            ProductUnit unit;
            unit.name = box ? u"Box of 12"_s : u"Piece"_s;
            unit.basePerUnit = box ? 12 : 1;
            unit.price = Money::fromMinor(box ? price * 11 : price);
            unit.barcode = BenchSeeder::barcodeOf(p, box);
            product.units.append(unit);
        }
        products.append(product);
    }
    return ProductRepository(db).writeProducts(products, openingTime(today),
                                               ProductRepository::OnConflict::Fail,
                                               BulkWriter::kRowsPerStatement);
}

DbStatus seedShifts(const Database &db, const QDate &today)
{
    BulkWriter shifts(db, u"INSERT INTO shifts (lane, cashier_id, opened_at, closed_at, "
                          u"closed_by, opening_float_minor, z_number) "
                          "SELECT '1', u.id, j.opened, j.closed, u.id, 10000, j.z FROM "_s
                                  + BulkWriter::source(db, {{u"opened"_s, Type::Timestamp},
                                                            {u"closed"_s, Type::Timestamp},
                                                            {u"z"_s, Type::Integer}})
                                  + u" AS j JOIN users u ON u.login = 'cash'"_s);
    for (int d = 0; d < kDays; ++d) {
        const QDate day = today.addDays(d - kDays);
        JsonRows &row = shifts.row();
        row.add(u"opened", QDateTime(day, QTime(7, 0)));
        row.add(u"closed", QDateTime(day, QTime(21, 0)));
        row.add(u"z", qint64(d + 1));
    }
    return shifts.finish();
}

//! The year's bills in time order, from the fixed seed.
QList<PlannedBill> planBills(const BenchSeeder::Scale &scale, const QDate &today)
{
    QRandomGenerator rng(4242);
    const int bills = std::max(1, scale.billLines / 5);
    QList<PlannedBill> plan;
    plan.reserve(bills);
    for (int b = 0; b < bills; ++b) {
        const int day = b * kDays / bills;
        const QDateTime when = QDateTime(today.addDays(day - kDays), QTime(8, 0))
                                       .addSecs(rng.bounded(12 * 3600));
        QList<std::pair<int, qint64>> lines;
        for (int l = 0; l < 5; ++l) {
            lines.append({static_cast<int>(rng.bounded(scale.products)), 1 + rng.bounded(3)});
        }
        plan.append(
                {QUuid::createUuidV5(QUuid(), u"bench-%1"_s.arg(b)).toString(QUuid::WithoutBraces),
                 when, lines, rng.bounded(100) < 5});
    }
    std::sort(plan.begin(), plan.end(),
              [](const PlannedBill &a, const PlannedBill &b) { return a.when < b.when; });
    return plan;
}

DbStatus writeBills(const Database &db, const QList<PlannedBill> &plan, const QDate &today)
{
    BulkWriter billWriter(
            db,
            u"INSERT INTO bills (uuid, number, lane, cashier_id, shift_id, created_at, "
            u"subtotal_minor, discount_minor, "
            "tax_minor, rounding_minor, total_minor) SELECT j.uuid, j.number, '1', u.id, s.id, "
            "j.at, j.total, 0, j.tax, 0, "
            "j.total FROM "_s
                    + BulkWriter::source(db, {{u"uuid"_s, Type::Text},
                                              {u"number"_s, Type::Integer},
                                              {u"z"_s, Type::Integer},
                                              {u"at"_s, Type::Timestamp},
                                              {u"total"_s, Type::Integer},
                                              {u"tax"_s, Type::Integer}})
                    + u" AS j JOIN users u ON u.login = 'cash' JOIN shifts s ON s.lane = '1' AND s.z_number = j.z"_s);
    for (qsizetype b = 0; b < plan.size(); ++b) {
        const PlannedBill &bill = plan.at(b);
        qint64 total = 0;
        qint64 tax = 0;
        for (const auto &[p, q] : bill.lines) {
            total += priceOf(p) * q;
            tax += taxOf(priceOf(p) * q, rateOf(p));
        }
        JsonRows &row = billWriter.row();
        row.add(u"uuid", bill.uuid);
        row.add(u"number", qint64(b + 1));
        row.add(u"z", qint64(std::clamp<qint64>(today.addDays(-kDays).daysTo(bill.when.date()) + 1,
                                                1, kDays)));
        row.add(u"at", bill.when);
        row.add(u"total", total);
        row.add(u"tax", tax);
    }
    return billWriter.finish();
}

BulkWriter stockLedger(const Database &db)
{
    return BulkWriter(
            db,
            u"INSERT INTO stock_movements (product_id, delta_base, reason, bill_id, created_at) "
            "SELECT p.id, j.delta, j.reason, b.id, j.at FROM "_s
                    + BulkWriter::source(db, {{u"sku"_s, Type::Text},
                                              {u"delta"_s, Type::Integer},
                                              {u"reason"_s, Type::Text},
                                              {u"bill"_s, Type::Text},
                                              {u"at"_s, Type::Timestamp}})
                    + u" AS j JOIN products p ON p.sku = j.sku LEFT JOIN bills b ON b.uuid = j.bill"_s);
}

//! The bills' lines, their sales in the ledger (not yet finished) and the refunds' headers.
DbStatus writeLinesAndRefunds(const Database &db, const QList<PlannedBill> &plan,
                              BulkWriter &ledger, QList<qint64> &sold)
{
    BulkWriter lineWriter(
            db,
            u"INSERT INTO bill_items (bill_id, line_no, product_id, unit_id, quantity, "
            u"base_quantity, unit_price_minor, "
            "discount_minor, tax_rate_bp, tax_minor, total_minor, refunded_base_quantity) "
            "SELECT b.id, j.line, pu.product_id, pu.id, j.quantity, j.quantity, j.price, 0, "
            "j.rate, j.tax, j.total, j.refunded "
            "FROM "_s
                    + BulkWriter::source(db, {{u"bill"_s, Type::Text},
                                              {u"line"_s, Type::Integer},
                                              {u"barcode"_s, Type::Text},
                                              {u"quantity"_s, Type::Integer},
                                              {u"price"_s, Type::Integer},
                                              {u"rate"_s, Type::Integer},
                                              {u"tax"_s, Type::Integer},
                                              {u"total"_s, Type::Integer},
                                              {u"refunded"_s, Type::Integer}})
                    + u" AS j JOIN bills b ON b.uuid = j.bill JOIN product_units pu ON pu.barcode = j.barcode"_s);
    BulkWriter refunds(
            db,
            u"INSERT INTO refunds (uuid, number, lane, bill_id, cashier_id, reason, created_at, "
            u"total_minor) "
            "SELECT j.uuid, j.number, '1', b.id, u.id, 'bench', j.at, j.total FROM "_s
                    + BulkWriter::source(db, {{u"uuid"_s, Type::Text},
                                              {u"number"_s, Type::Integer},
                                              {u"bill"_s, Type::Text},
                                              {u"at"_s, Type::Timestamp},
                                              {u"total"_s, Type::Integer}})
                    + u" AS j JOIN bills b ON b.uuid = j.bill JOIN users u ON u.login = 'bench'"_s);
    qint64 refundNumber = 0;
    for (qsizetype b = 0; b < plan.size(); ++b) {
        const PlannedBill &bill = plan.at(b);
        for (qsizetype l = 0; l < bill.lines.size(); ++l) {
            const auto &[p, q] = bill.lines.at(l);
            JsonRows &row = lineWriter.row();
            row.add(u"bill", bill.uuid);
            row.add(u"line", qint64(l + 1));
            row.add(u"barcode", BenchSeeder::barcodeOf(p, false));
            row.add(u"quantity", q);
            row.add(u"price", priceOf(p));
            row.add(u"rate", qint64(rateOf(p)));
            row.add(u"tax", taxOf(priceOf(p) * q, rateOf(p)));
            row.add(u"total", priceOf(p) * q);
            row.add(u"refunded", qint64(bill.refunded && l == 0 ? 1 : 0));
            JsonRows &move = ledger.row();
            move.add(u"sku", skuOf(p));
            move.add(u"delta", -q);
            move.add(u"reason", u"sale"_s);
            move.add(u"bill", bill.uuid);
            move.add(u"at", bill.when);
            sold[p] += q;
        }
        if (bill.refunded) {
            JsonRows &r = refunds.row();
            r.add(u"uuid", refundUuidOf(b));
            r.add(u"number", ++refundNumber);
            r.add(u"bill", bill.uuid);
            r.add(u"at", bill.when.addSecs(600));
            r.add(u"total", priceOf(bill.lines.first().first));
        }
    }
    for (DbStatus status : {lineWriter.finish(), refunds.finish()}) {
        if (!status) {
            return status;
        }
    }
    return Done{};
}

//! Each refund gives back one piece of its bill's first line.
DbStatus writeRefundItems(const Database &db, const QList<PlannedBill> &plan)
{
    BulkWriter refundItems(
            db,
            u"INSERT INTO refund_items (refund_id, bill_item_id, base_quantity, "
            u"refunded_amount_minor, restock) "
            "SELECT r.id, i.id, j.quantity, j.amount, FALSE FROM "_s
                    + BulkWriter::source(db, {{u"refund"_s, Type::Text},
                                              {u"bill"_s, Type::Text},
                                              {u"line"_s, Type::Integer},
                                              {u"quantity"_s, Type::Integer},
                                              {u"amount"_s, Type::Integer}})
                    + u" AS j JOIN refunds r ON r.uuid = j.refund JOIN bills b ON b.uuid = j.bill "
                      "JOIN bill_items i ON i.bill_id = b.id AND i.line_no = j.line"_s);
    for (qsizetype b = 0; b < plan.size(); ++b) {
        const PlannedBill &bill = plan.at(b);
        if (bill.refunded) {
            JsonRows &item = refundItems.row();
            item.add(u"refund", refundUuidOf(b));
            item.add(u"bill", bill.uuid);
            item.add(u"line", qint64(1));
            item.add(u"quantity", qint64(1));
            item.add(u"amount", priceOf(bill.lines.first().first));
        }
    }
    return refundItems.finish();
}

//! Opening stock: what was sold plus 1000 of each product, before the first sale.
DbStatus writeOpeningStock(BulkWriter &ledger, const QList<qint64> &sold, const QDate &today)
{
    for (qsizetype p = 0; p < sold.size(); ++p) {
        JsonRows &move = ledger.row();
        move.add(u"sku", skuOf(static_cast<int>(p)));
        move.add(u"delta", sold.at(p) + 1000);
        move.add(u"reason", u"opening"_s);
        move.addNull(u"bill");
        move.add(u"at", openingTime(today));
    }
    return ledger.finish();
}

//! Stock levels from the ledger, the lane's next numbers and today's open shift.
DbStatus finishStore(const Database &db)
{
    const Dialect &dialect = db.dialect();
    for (const QString &sql :
         {u"UPDATE products SET stock_base = (SELECT COALESCE(SUM(m.delta_base), 0) FROM "
          u"stock_movements m "
          "WHERE m.product_id = products.id)"_s,
          u"UPDATE lanes SET next_bill_number = (SELECT COALESCE(MAX(number), 0) + 1 FROM bills), "
          "next_refund_number = (SELECT COALESCE(MAX(number), 0) + 1 FROM refunds), next_z_number = %1"_s
                  .arg(kDays + 1),
          u"INSERT INTO shifts (lane, cashier_id, opened_at, opening_float_minor) SELECT '1', id, "
          u"%1, 10000 "
          "FROM users WHERE login = 'cash'"_s.arg(
                  dialect.isPostgres() ? u"CURRENT_TIMESTAMP"_s
                                       : u"strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"_s)}) {
        if (DbStatus status = SqlQuery::run(db, sql); !status) {
            return status;
        }
    }
    return Done{};
}

} // namespace

DbStatus BenchSeeder::seed(const Scale &scale, const QDate &today)
{
    ProfileScope scope(u"bench.seed"_s, ProfileScope::Repeats::Expected);
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return status;
    }
    const QList<PlannedBill> plan = planBills(scale, today);
    BulkWriter ledger = stockLedger(m_db);
    QList<qint64> sold(scale.products, 0);
    for (const auto &step : std::initializer_list<std::function<DbStatus()>>{
                 [&] { return seedStore(m_db); }, [&] { return seedProducts(m_db, scale, today); },
                 [&] { return seedShifts(m_db, today); },
                 [&] { return writeBills(m_db, plan, today); },
                 [&] { return writeLinesAndRefunds(m_db, plan, ledger, sold); },
                 [&] { return writeRefundItems(m_db, plan); },
                 [&] { return writeOpeningStock(ledger, sold, today); },
                 [&] {
                     return finishStore(m_db);
                 }}) {
        if (DbStatus status = step(); !status) {
            return status;
        }
    }
    if (m_db.dialect().isPostgres()) {
        (void)SqlQuery::run(m_db, u"ANALYZE"_s);
    }
    return tx.commit();
}
