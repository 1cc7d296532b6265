#include "tests/benchmarks/operations.h"

#include "models/db/conversionratecache.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/refundrepository.h"
#include "models/db/reportrepository.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"
#include "models/services/services.h"
#include "tests/benchmarks/benchmeasure.h"
#include "tests/benchmarks/benchstats.h"
#include "tests/benchmarks/seeder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

Cart cartOf(const QList<Product> &products, int lines, QRandomGenerator &rng)
{
    Cart cart;
    for (int i = 0; i < lines; ++i) {
        const Product &p = products.at(rng.bounded(static_cast<int>(products.size())));
        CheckoutService::addToCart(cart, CheckoutService::lineFor(p, p.units.at(0), 1));
    }
    return cart;
}

//! The N+1 way: a statement per line for the lines, the stock and the ledger.
void naiveCheckout(const Database &db, const Cart &cart, qint64 cashier, const QString &uuid)
{
    const Money total = Pricing::price(cart).total;
    Transaction tx(db);
    (void)tx.begin();
    SqlQuery number(db,
                    u"UPDATE lanes SET next_bill_number = next_bill_number + 1 WHERE name = '1' "
                    "RETURNING next_bill_number - 1"_s);
    number.execOne();
    SqlQuery bill(
            db,
            u"INSERT INTO bills (uuid, number, lane, cashier_id, created_at, subtotal_minor, "
            u"tax_minor, "
            "total_minor) VALUES (:uuid, :number, '1', :cashier, :at, :total, 0, :total) RETURNING id"_s);
    bill.bind(u"uuid"_s, uuid)
            .bind(u"number"_s, number.int64(0))
            .bind(u"cashier"_s, cashier)
            .bind(u"at"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()))
            .bind(u"total"_s, total.minor());
    bill.execOne();
    const qint64 billId = bill.int64(0);
    int line = 0;
    for (const CartLine &l : cart.lines) {
        SqlQuery item(db, u"INSERT INTO bill_items (bill_id, line_no, product_id, unit_id, "
                          u"quantity, base_quantity, "
                          "unit_price_minor, tax_rate_bp, tax_minor, total_minor) VALUES (:b, :n, "
                          ":p, :u, :q, :q, "
                          ":price, 0, 0, :price)"_s);
        item.bind(u"b"_s, billId)
                .bind(u"n"_s, ++line)
                .bind(u"p"_s, l.productId)
                .bind(u"u"_s, l.unitId)
                .bind(u"q"_s, l.quantity)
                .bind(u"price"_s, l.unitPrice.minor());
        item.exec();
        SqlQuery stock(db, u"UPDATE products SET stock_base = stock_base - :q WHERE id = :p"_s);
        stock.bind(u"q"_s, l.baseQuantity()).bind(u"p"_s, l.productId);
        stock.exec();
        SqlQuery move(db, u"INSERT INTO stock_movements (product_id, delta_base, reason, bill_id, "
                          u"created_at) "
                          "VALUES (:p, :d, 'sale', :b, :at)"_s);
        move.bind(u"p"_s, l.productId)
                .bind(u"d"_s, -l.baseQuantity())
                .bind(u"b"_s, billId)
                .bind(u"at"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()));
        move.exec();
    }
    SqlQuery pay(
            db,
            u"INSERT INTO payments (bill_id, method, amount_minor, created_at) VALUES (:b, 'cash', :a, :at)"_s);
    pay.bind(u"b"_s, billId)
            .bind(u"a"_s, total.minor())
            .bind(u"at"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()));
    pay.exec();
    (void)tx.commit();
}

//! The N+1 way to refund one of each line of a bill: statements per line.
void naiveRefund(const Database &db, qint64 billId, qint64 cashier)
{
    SqlQuery items(db, u"SELECT id FROM bill_items WHERE bill_id = :b ORDER BY line_no"_s);
    items.bind(u"b"_s, billId);
    items.exec();
    QList<qint64> ids;
    while (items.next()) {
        ids << items.int64(0);
    }
    Transaction tx(db);
    (void)tx.begin();
    // The lane's counter, as Till's own path takes it (the two share the
    // numbers).
    SqlQuery number(db, u"UPDATE lanes SET next_refund_number = next_refund_number + 1 "
                        "WHERE name = '1' RETURNING next_refund_number - 1"_s);
    number.execOne();
    SqlQuery refund(db, u"INSERT INTO refunds (uuid, number, lane, bill_id, cashier_id, "
                        u"created_at, "
                        "total_minor) VALUES (:u, :n, '1', :b, :c, :at, 0) RETURNING id"_s);
    refund.bind(u"u"_s, CheckoutService::newSaleUuid())
            .bind(u"n"_s, number.int64(0))
            .bind(u"b"_s, billId)
            .bind(u"c"_s, cashier)
            .bind(u"at"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()));
    refund.execOne();
    const qint64 refundId = refund.int64(0);
    for (qint64 id : ids) {
        SqlQuery line(db, u"SELECT product_id, total_minor FROM bill_items WHERE id = :id"_s);
        line.bind(u"id"_s, id);
        line.execOne();
        const qint64 product = line.int64(0);
        SqlQuery item(db, u"INSERT INTO refund_items (refund_id, bill_item_id, "
                          u"base_quantity, "
                          "refunded_amount_minor) VALUES (:r, :i, 1, 0)"_s);
        item.bind(u"r"_s, refundId).bind(u"i"_s, id);
        item.exec();
        SqlQuery raise(db, u"UPDATE bill_items SET refunded_base_quantity = "
                           u"refunded_base_quantity + 1 "
                           "WHERE id = :i"_s);
        raise.bind(u"i"_s, id);
        raise.exec();
        SqlQuery stock(db, u"UPDATE products SET stock_base = stock_base + 1 WHERE id = :p"_s);
        stock.bind(u"p"_s, product);
        stock.exec();
        SqlQuery move(db, u"INSERT INTO stock_movements (product_id, "
                          u"delta_base, reason, refund_id, "
                          "created_at) VALUES (:p, 1, 'refund', :r, :at)"_s);
        move.bind(u"p"_s, product)
                .bind(u"r"_s, refundId)
                .bind(u"at"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()));
        move.exec();
    }
    (void)tx.commit();
}

//! The N+1 way to receive stock: a lookup, an update and a ledger row per line.
void naiveReceipt(const Database &db, const QList<InventoryService::ReceiptLine> &receipt)
{
    Transaction tx(db);
    (void)tx.begin();
    for (const auto &line : receipt) {
        SqlQuery rate(db, u"SELECT base_per_unit FROM product_units WHERE id = :u"_s);
        rate.bind(u"u"_s, line.unitId);
        rate.execOne();
        SqlQuery stock(db, u"UPDATE products SET stock_base = stock_base + :d WHERE id = :p"_s);
        stock.bind(u"d"_s, rate.int64(0)).bind(u"p"_s, line.productId);
        stock.exec();
        SqlQuery move(db,
                      u"INSERT INTO stock_movements (product_id, delta_base, reason, created_at) "
                      "VALUES (:p, :d, 'receipt', :at)"_s);
        move.bind(u"p"_s, line.productId)
                .bind(u"d"_s, rate.int64(0))
                .bind(u"at"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()));
        move.exec();
    }
    (void)tx.commit();
}

/*!
 * Starts the till executable reps times with --measure-startup and records the time from
 * starting the process to its report that the login window was painted (exec, loading the
 * libraries, Qt, opening and migrating the database, the main window), and the time the
 * till itself counts from the top of main(). Offscreen, with settings of its own.
 */
void measureTillStartup(const QString &till, const DatabaseUrl &url, int reps)
{
    if (!QFile::exists(till)) {
        std::printf("%-20s %-7s skipped: %s is not built (cmake --build build --target till)\n",
                    "startup", "till", qPrintable(till));
        return;
    }
    static const QRegularExpression shown(uR"(login window shown (\d+) ms after main)"_s);
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(u"QT_QPA_PLATFORM"_s)) {
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    }
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    QList<double> process;
    QList<double> sinceMain;
    QString problem;
    for (int i = 0; i < reps && problem.isEmpty(); ++i) {
        QProcess child;
        child.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        child.start(till, {u"--database"_s, url.toString(), u"--measure-startup"_s});
        QByteArray out;
        std::optional<double> elapsed;
        while (!elapsed && child.waitForReadyRead(30000)) {
            out += child.readAllStandardOutput();
            if (const auto match = shown.match(QString::fromUtf8(out)); match.hasMatch()) {
                elapsed = timer.nsecsElapsed() / 1e6;
                sinceMain << match.captured(1).toDouble();
            }
        }
        if (!child.waitForFinished(10000)) {
            child.kill();
            child.waitForFinished();
        }
        if (!elapsed || child.exitCode() != 0) {
            problem = QString::fromUtf8(out + child.readAllStandardError()).simplified().left(300);
            break;
        }
        process << *elapsed;
    }
    if (!problem.isEmpty() || process.isEmpty()) {
        std::printf("%-20s %-7s FAILED: %s\n", "startup", "till", qPrintable(problem));
        return;
    }
    for (auto [variant, times] : {std::pair{u"till"_s, process}, std::pair{u"main"_s, sinceMain}}) {
        std::sort(times.begin(), times.end());
        const double median = percentile(times, 0.50);
        const double p95 = percentile(times, 0.95);
        benchFigures().append(
                {u"startup"_s, variant, 1, 0, median, p95, static_cast<int>(times.size()), {}, {}});
        printFigure(benchFigures().constLast());
    }
}

void measureCheckout(BenchRun &bench)
{
    Database &db = bench.db;
    Services &services = bench.services;
    const QList<Product> &products = bench.products;
    QRandomGenerator &rng = bench.rng;
    const qint64 cashier = bench.cashier;
    for (int lines : {1, 10, 50}) {
        Cart cart;
        measure(
                u"checkout"_s, u"till"_s, lines, 30,
                [&] {
                    const Money total = Pricing::price(cart).total;
                    ok(services.checkout.commit(cart, {{Tender::Method::Cash, total, {}}},
                                                CheckoutService::newSaleUuid()),
                       "checkout");
                },
                [&] { cart = cartOf(products, lines, rng); });
        measure(
                u"checkout"_s, u"naive"_s, lines, 30,
                [&] { naiveCheckout(db, cart, cashier, CheckoutService::newSaleUuid()); },
                [&] { cart = cartOf(products, lines, rng); });
    }
}

void measureRefund(BenchRun &bench)
{
    Database &db = bench.db;
    Services &services = bench.services;
    const QList<Product> &products = bench.products;
    const qint64 cashier = bench.cashier;
    for (int lines : {1, 10, 50}) {
        qint64 billId = 0;
        const auto sellOne = [&] {
            Cart cart;
            for (int i = 0; i < lines; ++i) {
                const Product &p = products.at(i);
                CheckoutService::addToCart(cart, CheckoutService::lineFor(p, p.units.at(0), 2));
            }
            const auto sold = services.checkout.commit(
                    cart, {{Tender::Method::Cash, Pricing::price(cart).total, {}}},
                    CheckoutService::newSaleUuid());
            ok(sold, "refund sale");
            billId = sold ? sold->bill.id : 0;
        };
        measure(
                u"refund"_s, u"till"_s, lines, 20,
                [&] {
                    if (billId == 0) {
                        return; // the sale failed, and said so
                    }
                    const auto bill = services.refunds.load(billId);
                    ok(bill, "refund load");
                    if (!bill) {
                        return;
                    }
                    RefundService::Request request{billId, {}, u"bench"_s, false, {}};
                    for (const auto &line : bill->lines) {
                        request.lines.append({line.billItemId, 1, false, true});
                    }
                    ok(services.refunds.commit(request, CheckoutService::newSaleUuid()), "refund");
                },
                sellOne);
        measure(
                u"refund"_s, u"naive"_s, lines, 20,
                [&] {
                    if (billId != 0) {
                        naiveRefund(db, billId, cashier);
                    }
                },
                sellOne);
    }
}

void measureStockUpdate(BenchRun &bench)
{
    Database &db = bench.db;
    Services &services = bench.services;
    const QList<Product> &products = bench.products;
    QList<InventoryService::ReceiptLine> receipt;
    for (const Product &p : products) {
        if (p.units.size() >= 2 && receipt.size() < 1000) {
            receipt.append({p.id, p.units.at(1).id, 1, std::nullopt});
        }
    }
    measure(u"stock_update"_s, u"till"_s, receipt.size(), 10,
            [&] { ok(services.inventory.postReceipt(receipt, u"bench"_s, {}), "stock_update"); });
    measure(u"stock_update"_s, u"naive"_s, receipt.size(), 10, [&] { naiveReceipt(db, receipt); });
}

void measureConversionLookup(BenchRun &bench)
{
    Database &db = bench.db;
    const QList<Product> &products = bench.products;
    QList<qint64> units;
    // 500 units of products sold in two units (a store measured again with --seeded also
    // holds the imported products, which have one).
    for (const Product &p : products) {
        if (p.units.size() >= 2 && units.size() < 500) {
            units << p.units.at(0).id << p.units.at(1).id;
        }
    }
    std::unique_ptr<ConversionRateCache> cache;
    measure(
            u"conversion_lookup"_s, u"cold"_s, 10000, 5,
            [&] {
                // As a document's caller does: its units in one query, then each line's rate.
                ok(cache->prefetch(units), "conversion_lookup prefetch");
                for (int i = 0; i < 10000; ++i) {
                    ok(cache->rate(units.at(i % units.size())), "conversion_lookup");
                }
            },
            [&] { cache = std::make_unique<ConversionRateCache>(db); });
    measure(u"conversion_lookup"_s, u"warm"_s, 10000, 5, [&] {
        for (int i = 0; i < 10000; ++i) {
            ok(cache->rate(units.at(i % units.size())), "conversion_lookup");
        }
    });
    measure(u"conversion_lookup"_s, u"naive"_s, 10000, 3, [&] {
        for (int i = 0; i < 10000; ++i) {
            SqlQuery q(db, u"SELECT base_per_unit FROM product_units WHERE id = :id"_s);
            q.bind(u"id"_s, units.at(i % units.size()));
            q.execOne();
        }
    });
}

void measureRefundTotal(BenchRun &bench)
{
    Database &db = bench.db;
    RefundRepository refundRepository(bench.db);
    SqlQuery any(db, u"SELECT MAX(id) FROM refunds"_s);
    any.execOne();
    measure(u"refund_total"_s, u"till"_s, 1, 200,
            [&] { ok(refundRepository.refundTotal(any.int64(0)), "refund_total"); });
}

void measureBillRefundTotal(BenchRun &bench)
{
    Database &db = bench.db;
    RefundRepository refundRepository(bench.db);
    SqlQuery any(db, u"SELECT MAX(bill_id) FROM refunds"_s);
    any.execOne();
    measure(u"bill_refund_total"_s, u"till"_s, 1, 200,
            [&] { ok(refundRepository.billRefundTotal(any.int64(0)), "bill_refund_total"); });
}

void measureDailyReport(BenchRun &bench)
{
    ReportRepository reports(bench.db);
    const QDate today = QDate::currentDate();
    measure(u"daily_report"_s, u"till"_s, 1, 20, [&] {
        ok(reports.byProduct(ReportRange::days(today.addDays(-10), today.addDays(-10)), 100000),
           "daily_report");
    });
}

void measureSummary30d(BenchRun &bench)
{
    Services &services = bench.services;
    const QDate today = QDate::currentDate();
    measure(u"summary_30d"_s, u"till"_s, 30, 20, [&] {
        ok(services.reports.sales(ReportRange::days(today.addDays(-30), today)), "summary_30d");
    });
}

void measureBarcodeLookup(BenchRun &bench)
{
    Services &services = bench.services;
    // The counter's own path: CheckoutService::scan, which keeps what a scan found. Cold
    // is a code not scanned before (one indexed query); warm is one scanned before.
    int i = 0;
    QStringList scanned;
    measure(u"barcode_lookup"_s, u"cold"_s, 1, 200, [&] {
        const QString code = BenchSeeder::barcodeOf((i++ * 7919) % bench.storeProducts, false);
        ok(services.checkout.scan(code), "barcode_lookup cold");
        scanned.append(code);
    });
    int j = 0;
    measure(u"barcode_lookup"_s, u"warm"_s, 1, 200, [&] {
        ok(services.checkout.scan(scanned.at(j++ % scanned.size())), "barcode_lookup warm");
    });
}

//! One page of the product list for a typed term, as the Products screen asks for it.
void measureSearch(BenchRun &bench, const QString &operation, const QString &term)
{
    ProductRepository productRepository(bench.db);
    ProductFilter filter;
    filter.text = term;
    const QByteArray what = operation.toUtf8();
    measure(operation, u"till"_s, 50, 50,
            [&] { ok(productRepository.page(filter, {}, 50), what.constData()); });
}

void measureSearchPrefix(BenchRun &bench)
{
    measureSearch(bench, u"search_prefix"_s, u"SKU-0012"_s);
}

void measureSearchSubstring(BenchRun &bench)
{
    measureSearch(bench, u"search_substring"_s, u"duct 123"_s);
}

//! A term that only a handful of products hold ("Product 1234", "Product 12340" to 12349):
//! a search that must not read the whole catalogue to find so few.
void measureSearchRare(BenchRun &bench)
{
    measureSearch(bench, u"search_rare"_s, u"duct 1234"_s);
}

//! A term no product holds: the slowest case of a search that scans.
void measureSearchAbsent(BenchRun &bench)
{
    measureSearch(bench, u"search_absent"_s, u"no such product"_s);
}

void measureHistoryFirstPage(BenchRun &bench)
{
    RefundRepository refundRepository(bench.db);
    measure(u"history_first_page"_s, u"till"_s, 50, 50,
            [&] { ok(refundRepository.history({}, {}, 0, 50), "history_first_page"); });
}

void measureHistoryDeepPage(BenchRun &bench)
{
    Database &db = bench.db;
    RefundRepository refundRepository(bench.db);
    // The 500th page of 50, or the last page on a store with fewer bills.
    SqlQuery count(db, u"SELECT COUNT(*) FROM bills"_s);
    count.execOne();
    const qint64 page = std::clamp<qint64>(count.int64(0) / 50 - 1, 1, 500);
    SqlQuery cursor(
            db,
            u"SELECT created_at, id FROM bills ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET :skip"_s);
    cursor.bind(u"skip"_s, page * 50 - 1);
    if (cursor.execOne()) {
        const QDateTime at = Dialect::toDateTime(cursor.value(0));
        const qint64 id = cursor.int64(1);
        measure(u"history_deep_page"_s, u"till"_s, static_cast<int>(page + 1), 50,
                [&] { ok(refundRepository.history({}, at, id, 50), "history_deep_page"); });
    }
}

void measureCsvImport(BenchRun &bench)
{
    Services &services = bench.services;
    int run = 0;
    QByteArray file;
    measure(
            u"csv_import"_s, u"till"_s, 10000, 3,
            [&] {
                const auto plan = services.catalogueCsv.plan(file);
                ok(plan, "csv_import plan");
                if (plan) {
                    ok(services.catalogueCsv.apply(*plan), "csv_import");
                }
            },
            [&] {
                ++run;
                file = "sku,name,category,tax_rate,base_unit,cost,cost_per_base,reorder_level,"
                       "active,unit,base_per_unit,price,barcode\n";
                for (int i = 0; i < 10000; ++i) {
                    file += u"IMP%1-%2,Imported %2,Category 1,Standard,piece,0.50,1,5,1,Piece,1,0.99,\n"_s
                                    .arg(run)
                                    .arg(i)
                                    .toUtf8();
                }
            });
}

void measureShiftClose(BenchRun &bench)
{
    Services &services = bench.services;
    const QList<Product> &products = bench.products;
    QRandomGenerator &rng = bench.rng;
    Cart cart = cartOf(products, 3, rng);
    measure(
            u"shift_close"_s, u"till"_s, 5000, 1,
            [&] { ok(services.shifts.close(Money::fromMinor(0)), "shift_close"); },
            [&] {
                // The shift seeded as open gets 5,000 sales first (not timed).
                const auto current = services.shifts.current();
                ok(current, "shift_close shift");
                if (current && !current->has_value()) {
                    ok(services.shifts.open(Money::fromMinor(10000)), "shift_close open");
                }
                for (int i = 0; i < 5000; ++i) {
                    ok(services.checkout.commit(
                               cart, {{Tender::Method::Card, Pricing::price(cart).total, {}}},
                               CheckoutService::newSaleUuid()),
                       "shift_close sales");
                }
            });
}

void measureStartup(BenchRun &bench)
{
    measureTillStartup(bench.till, bench.url, 5);
    // A connection of its own: the bench's wire does not see it.
    measure(
            u"startup"_s, u"open"_s, 1, 5,
            [&] {
                auto again = Database::open(bench.url);
                ok(Migrator(**again).migrate(), "startup migrate");
                Services fresh(**again, u"1"_s);
                (void)fresh.checkout.loadRules();
            },
            {}, Wire::Elsewhere);
}

} // namespace

void measureOperations(BenchRun &bench)
{
    // The names are what the figures are known by (--only, the JSON, the README): keep them.
    const QList<std::pair<QString, void (*)(BenchRun &)>> operations{
            {u"checkout"_s, measureCheckout},
            {u"refund"_s, measureRefund},
            {u"stock_update"_s, measureStockUpdate},
            {u"conversion_lookup"_s, measureConversionLookup},
            {u"refund_total"_s, measureRefundTotal},
            {u"bill_refund_total"_s, measureBillRefundTotal},
            {u"daily_report"_s, measureDailyReport},
            {u"summary_30d"_s, measureSummary30d},
            {u"barcode_lookup"_s, measureBarcodeLookup},
            {u"search_prefix"_s, measureSearchPrefix},
            {u"search_substring"_s, measureSearchSubstring},
            {u"search_rare"_s, measureSearchRare},
            {u"search_absent"_s, measureSearchAbsent},
            {u"history_first_page"_s, measureHistoryFirstPage},
            {u"history_deep_page"_s, measureHistoryDeepPage},
            {u"csv_import"_s, measureCsvImport},
            {u"shift_close"_s, measureShiftClose},
            {u"startup"_s, measureStartup},
    };
    for (const auto &[name, measureOne] : operations) {
        if (wanted(name)) {
            measureOne(bench);
        }
    }
}
