#include "tests/benchmarks/lanebench.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/db/userrepository.h"
#include "models/services/services.h"
#include "tests/benchmarks/benchstats.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <latch>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

//! A conflict is retried this often (with the same UUID) before the sale counts as failed.
constexpr int kMaxAttempts = 8;
const QString kLanePrefix = u"bench-"_s;

//! What one lane did; written by its thread only, read by the main thread after join.
struct Lane
{
    QString name;
    User cashier;
    QString setupError;
    int committed = 0;
    int retries = 0;
    int failures = 0;
    QString lastFailure;
    qint64 lines = 0;
    int statementsPerSale = 0;
    QMap<QString, int> conflicts; //!< SQLSTATE or SQLite code -> retries
    QList<double> latenciesMs;
    QList<qint64> billNumbers;
    QHash<qint64, qint64> soldBase; //!< product id -> base units sold
};

//! The lanes start selling together, once all of them have their shift open.
struct StartLine
{
    explicit StartLine(int lanes)
        : ready(lanes)
    {}
    std::latch ready;
    std::latch go{1};
    std::chrono::steady_clock::time_point deadline;
};

//! "[40P01]" in a driver message: the code to tally retries by.
QString conflictCode(const QString &details)
{
    static const QRegularExpression code(uR"(\[([0-9A-Z]+)\])"_s);
    const auto match = code.match(details);
    return match.hasMatch() ? match.captured(1) : u"other"_s;
}

Cart cartFor(const QList<Product> &products, int lines, QRandomGenerator &rng)
{
    Cart cart;
    for (int i = 0; i < lines; ++i) {
        const Product &p = products.at(rng.bounded(static_cast<int>(products.size())));
        // Every fourth line sells a pack, so base quantities and units differ.
        const ProductUnit &unit = p.units.at(i % 4 == 3 && p.units.size() > 1 ? 1 : 0);
        CheckoutService::addToCart(cart, CheckoutService::lineFor(p, unit, 1 + rng.bounded(3)));
    }
    return cart;
}

//! One lane's thread: its own connection, Services and shift, then sales until told to stop.
void sell(const Database &db, const QList<Product> &products, const LaneBench::Options &options,
          int index, Lane &lane, StartLine &start)
{
    {
        Services services(db, lane.name);
        services.session.signIn(lane.cashier);
        if (const auto rules = services.checkout.loadRules(); !rules) {
            lane.setupError = rules.error().message + u' ' + rules.error().details;
        }
        SaleRules rules = services.checkout.rules();
        rules.allowNegativeStock = true; // the bench sells for as long as it is told to
        services.checkout.setRules(rules);
        if (const auto shift = services.shifts.open(Money::fromMinor(10000)); !shift) {
            lane.setupError = shift.error().message + u' ' + shift.error().details;
        }
        start.ready.count_down();
        start.go.wait();

        QRandomGenerator rng(1000 + index);
        while (lane.setupError.isEmpty() && std::chrono::steady_clock::now() < start.deadline
               && (options.salesPerLane == 0
                   || lane.committed + lane.failures < options.salesPerLane)) {
            const Cart cart = cartFor(products, options.linesPerSale, rng);
            const QList<Tender> tenders{{Tender::Method::Card, Pricing::price(cart).total, {}}};
            const QString uuid = CheckoutService::newSaleUuid();
            QElapsedTimer timer;
            timer.start();
            for (int attempt = 1;; ++attempt) {
                ProfileScope scope(u"bench.lanes.commit"_s);
                const auto receipt = services.checkout.commit(cart, tenders, uuid);
                if (receipt) {
                    lane.latenciesMs.append(timer.nsecsElapsed() / 1e6);
                    lane.billNumbers.append(receipt->bill.number);
                    ++lane.committed;
                    lane.lines += cart.lines.size();
                    for (const CartLine &line : cart.lines) {
                        lane.soldBase[line.productId] += line.baseQuantity();
                    }
                    if (attempt == 1) {
                        lane.statementsPerSale = scope.statementCount();
                    }
                    break;
                }
                const ServiceError &error = receipt.error();
                // Conflicts pass; anything else is retried too, since the UUID makes a
                // retry harmless, and reported when it keeps failing.
                if (attempt == kMaxAttempts || error.code == ServiceError::Code::PermissionDenied
                    || error.code == ServiceError::Code::InvalidInput) {
                    ++lane.failures;
                    lane.lastFailure = error.message + u' ' + error.details.simplified().left(300);
                    break;
                }
                ++lane.retries;
                ++lane.conflicts[conflictCode(error.details)];
                QThread::usleep(200 * attempt);
            }
        }
    }
    db.closeThreadConnection();
}


// The steps of LaneBench::run: set the lanes up, let them sell at once, add their figures up,
// then check what the database holds against what the lanes were told.

//! Each lane its own cashier, so that each can open a shift of its own.
DbStatus addCashiers(const Database &db, const LaneBench::Options &options,
                     std::vector<Lane> &lanes)
{
    UserRepository users(db);
    for (int i = 0; i < options.lanes; ++i) {
        Lane &lane = lanes[i];
        lane.name = kLanePrefix + QString::number(i + 1);
        lane.cashier = {0, u"lane%1"_s.arg(i + 1), u"Lane %1"_s.arg(i + 1), Role::Cashier, true};
        const auto id = users.insert(lane.cashier, PinHasher::hash(u"1234"_s, 1000));
        if (!id) {
            return id.error();
        }
        lane.cashier.id = *id;
    }
    return Done{};
}

//! What the checks compare against: the stock before the lanes start, and where the ledger
//! stands.
struct Opening
{
    QHash<qint64, qint64> stock; //!< product id -> stock_base
    qint64 ledgerBefore = 0;
};

DbResult<Opening> readOpening(const Database &db)
{
    Opening opening;
    SqlQuery stock(db, u"SELECT id, stock_base FROM products"_s);
    if (!stock.exec()) {
        return stock.error();
    }
    while (stock.next()) {
        opening.stock.insert(stock.int64(0), stock.int64(1));
    }
    SqlQuery ledger(db, u"SELECT COALESCE(MAX(id), 0) FROM stock_movements"_s);
    if (!ledger.execOne()) {
        return ledger.error();
    }
    opening.ledgerBefore = ledger.int64(0);
    return opening;
}

void printPlan(const LaneBench::Options &options, bool sqlite)
{
    std::printf("lanes: %d at once, %d-line sales, %s; each lane its own connection, cashier and "
                "open shift\n",
                options.lanes, options.linesPerSale,
                options.salesPerLane > 0
                        ? qPrintable(u"%1 sales per lane"_s.arg(options.salesPerLane))
                        : qPrintable(u"%1 s"_s.arg(options.duration.count() / 1000.0)));
    if (sqlite && options.lanes > 1) {
        std::printf(
                "note: on SQLite the %d lanes share one database file: writers take turns (WAL, "
                "busy_timeout 5000 ms), so this measures serialised commits, not parallel ones\n",
                options.lanes);
    }
    std::fflush(stdout);
}

//! Starts every lane, lets them sell together and says for how many seconds they did.
double sellTogether(const Database &db, const QList<Product> &products,
                    const LaneBench::Options &options, std::vector<Lane> &lanes)
{
    StartLine start(options.lanes);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < options.lanes; ++i) {
        threads.emplace_back(QThread::create(sell, std::cref(db), std::cref(products),
                                             std::cref(options), i, std::ref(lanes[i]),
                                             std::ref(start)));
        threads.back()->setObjectName(lanes[i].name);
        threads.back()->start();
    }
    start.ready.wait();
    start.deadline = options.salesPerLane > 0 && options.duration.count() <= 0
                             ? std::chrono::steady_clock::time_point::max()
                             : std::chrono::steady_clock::now() + options.duration;
    QElapsedTimer window;
    window.start();
    start.go.count_down();
    for (const auto &thread : threads) {
        thread->wait();
    }
    const double seconds = window.nsecsElapsed() / 1e9;
    return seconds;
}

//! The lanes' figures added up.
struct Totals
{
    QList<double> latencies; //!< sorted
    QMap<QString, int> conflicts;
    QHash<qint64, qint64> sold; //!< product id -> base units the lanes were told they sold
    int committed = 0;
    int retries = 0;
    int failures = 0;
    qint64 lines = 0;
    int statements = 0;
    bool setUp = true;
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
};

//! Prints each lane's figures and their sum.
Totals printFigures(const std::vector<Lane> &lanes, double seconds)
{
    QList<double> latencies;
    QMap<QString, int> conflicts;
    QHash<qint64, qint64> sold;
    int committed = 0;
    int retries = 0;
    int failures = 0;
    qint64 lines = 0;
    int statements = 0;
    bool setUp = true;
    std::printf("\n%-10s %8s %8s %9s %9s\n", "lane", "sales", "retries", "failures", "sales/s");
    for (const Lane &lane : lanes) {
        std::printf("%-10s %8d %8d %9d %9.1f\n", qPrintable(lane.name), lane.committed,
                    lane.retries, lane.failures, lane.committed / seconds);
        if (!lane.setupError.isEmpty()) {
            std::printf("  could not start: %s\n", qPrintable(lane.setupError));
            setUp = false;
        }
        if (!lane.lastFailure.isEmpty()) {
            std::printf("  last failure: %s\n", qPrintable(lane.lastFailure));
        }
        latencies += lane.latenciesMs;
        committed += lane.committed;
        retries += lane.retries;
        failures += lane.failures;
        lines += lane.lines;
        statements = std::max(statements, lane.statementsPerSale);
        for (auto it = lane.conflicts.cbegin(); it != lane.conflicts.cend(); ++it) {
            conflicts[it.key()] += it.value();
        }
        for (auto it = lane.soldBase.cbegin(); it != lane.soldBase.cend(); ++it) {
            sold[it.key()] += it.value();
        }
    }
    std::sort(latencies.begin(), latencies.end());
    const double p50 = percentile(latencies, 0.50);
    const double p95 = percentile(latencies, 0.95);
    const double p99 = percentile(latencies, 0.99);
    std::printf("%-10s %8d %8d %9d %9.1f\n", "all", committed, retries, failures,
                committed / seconds);
    std::printf("commit latency: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; %d statements "
                "per sale; "
                "%.1f s\n",
                p50, p95, p99, latencies.isEmpty() ? 0.0 : latencies.last(), statements, seconds);
    if (!conflicts.isEmpty()) {
        QStringList parts;
        for (auto it = conflicts.cbegin(); it != conflicts.cend(); ++it) {
            parts << u"%1 x%2"_s.arg(it.key()).arg(it.value());
        }
        std::printf("retried: %s\n", qPrintable(parts.join(u", "_s)));
    }
    return {latencies, conflicts,  sold,  committed, retries, failures,
            lines,     statements, setUp, p50,       p95,     p99};
}

//! The checks' verdicts, printed as they are made and kept for the JSON.
struct Checks
{
    QJsonArray json;
    bool passed = true;

    void report(const QString &name, bool ok, const QString &detail)
    {
        std::printf("check %s: %s (%s)\n", qPrintable(name), ok ? "passed" : "FAILED",
                    qPrintable(detail));
        json.append(QJsonObject{{u"check"_s, name}, {u"passed"_s, ok}, {u"detail"_s, detail}});
        passed = passed && ok;
    }
};

// (a) Stock equals the ledger: opening stock plus this run's movements, the
// ledger's whole sum, and the opening stock less what the lanes were told they sold.
DbStatus checkStock(const Database &db, const Opening &opening, const Totals &totals,
                    Checks &checks)
{
    SqlQuery q(db, u"SELECT p.id, p.stock_base, COALESCE(SUM(m.delta_base), 0), "
                   "COALESCE(SUM(CASE WHEN m.id > :before THEN m.delta_base ELSE 0 END), 0) "
                   "FROM products p LEFT JOIN stock_movements m ON m.product_id = p.id "
                   "GROUP BY p.id, p.stock_base"_s);
    q.bind(u"before"_s, opening.ledgerBefore);
    if (!q.exec()) {
        return q.error();
    }
    int products = 0;
    QStringList differ;
    while (q.next()) {
        ++products;
        const qint64 id = q.int64(0);
        const qint64 stock = q.int64(1);
        const qint64 ledger = q.int64(2);
        const qint64 moved = q.int64(3);
        const qint64 before = opening.stock.value(id);
        if (stock != before + moved || stock != ledger || -moved != totals.sold.value(id)) {
            differ << u"#%1 stock %2, opening %3 + moved %4, ledger %5, sold %6"_s.arg(id)
                              .arg(stock)
                              .arg(before)
                              .arg(moved)
                              .arg(ledger)
                              .arg(totals.sold.value(id));
        }
    }
    checks.report(u"stock = opening + ledger movements = opening - sold"_s, differ.isEmpty(),
                  differ.isEmpty() ? u"%1 products"_s.arg(products)
                                   : u"%1 of %2 products differ, e.g. %3"_s.arg(differ.size())
                                             .arg(products)
                                             .arg(differ.mid(0, 3).join(u"; "_s)));
    return Done{};
}

// (b) Each lane's numbers run 1..n, once each, and the lane's counter stands at n + 1.
//! Returns how many bills the lanes wrote.
DbResult<int> checkBillNumbers(const Database &db, const std::vector<Lane> &lanes, Checks &checks)
{
    int billsWritten = 0;
    SqlQuery q(db,
               u"SELECT b.lane, COUNT(*), COUNT(DISTINCT b.number), MIN(b.number), MAX(b.number), "
               "l.next_bill_number FROM bills b JOIN lanes l ON l.name = b.lane "
               "WHERE b.lane LIKE :prefix GROUP BY b.lane, l.next_bill_number"_s);
    q.bind(u"prefix"_s, QString(kLanePrefix + u'%'));
    if (!q.exec()) {
        return q.error();
    }
    QHash<QString, std::array<qint64, 5>> byLane;
    while (q.next()) {
        byLane.insert(q.text(0), {q.int64(1), q.int64(2), q.int64(3), q.int64(4), q.int64(5)});
        billsWritten += static_cast<int>(q.int64(1));
    }
    QStringList wrong;
    for (const Lane &lane : lanes) {
        QList<qint64> numbers = lane.billNumbers;
        std::sort(numbers.begin(), numbers.end());
        bool clientContiguous = true;
        for (qsizetype i = 0; i < numbers.size(); ++i) {
            clientContiguous = clientContiguous && numbers.at(i) == i + 1;
        }
        const auto [count, distinct, min, max, next] = byLane.value(lane.name, {0, 0, 0, 0, 1});
        const bool ok = clientContiguous && count == lane.committed && distinct == count
                        && max == count && (count == 0 || min == 1) && next == max + 1;
        if (!ok) {
            wrong << u"%1: %2 bills, %3 distinct, %4..%5, next %6, %7 committed%8"_s.arg(lane.name)
                             .arg(count)
                             .arg(distinct)
                             .arg(min)
                             .arg(max)
                             .arg(next)
                             .arg(lane.committed)
                             .arg(clientContiguous ? QString()
                                                   : u", handed out with gaps or twice"_s);
        }
    }
    checks.report(u"bill numbers per lane contiguous from 1, no duplicates"_s, wrong.isEmpty(),
                  wrong.isEmpty() ? u"%1 lanes"_s.arg(lanes.size()) : wrong.join(u"; "_s));
    return billsWritten;
}

// (c) Every committed sale is a bill with all its lines, and nothing else was written.
DbStatus checkBillLines(const Database &db, const Totals &totals, int billsWritten, Checks &checks)
{
    SqlQuery q(db, u"SELECT COUNT(*) FROM bill_items i JOIN bills b ON b.id = i.bill_id "
                   "WHERE b.lane LIKE :prefix"_s);
    q.bind(u"prefix"_s, QString(kLanePrefix + u'%'));
    if (!q.execOne()) {
        return q.error();
    }
    const qint64 linesWritten = q.int64(0);
    checks.report(u"committed sales = bills in the database"_s,
                  billsWritten == totals.committed && linesWritten == totals.lines,
                  u"%1 sales committed, %2 bills; %3 lines sold, %4 written"_s.arg(totals.committed)
                          .arg(billsWritten)
                          .arg(totals.lines)
                          .arg(linesWritten));
    return Done{};
}

QJsonObject figuresJson(const LaneBench::Options &options, const Totals &totals,
                        const QJsonArray &checks, double seconds, bool sqlite)
{
    QJsonObject conflictJson;
    for (auto it = totals.conflicts.cbegin(); it != totals.conflicts.cend(); ++it) {
        conflictJson.insert(it.key(), it.value());
    }
    return QJsonObject{{u"op"_s, u"checkout_lanes"_s},
                       {u"variant"_s, u"till"_s},
                       {u"lanes"_s, options.lanes},
                       {u"n"_s, options.linesPerSale},
                       {u"statements"_s, totals.statements},
                       {u"median_ms"_s, totals.p50},
                       {u"p95_ms"_s, totals.p95},
                       {u"p99_ms"_s, totals.p99},
                       {u"reps"_s, totals.committed},
                       {u"seconds"_s, seconds},
                       {u"sales_per_s"_s, totals.committed / seconds},
                       {u"retries"_s, totals.retries},
                       {u"retried"_s, conflictJson},
                       {u"failures"_s, totals.failures},
                       {u"shared_file"_s, sqlite && options.lanes > 1},
                       {u"checks"_s, checks}};
}

} // namespace

LaneBench::LaneBench(const Database &db, QList<Product> products)
    : m_db(db)
    , m_products(std::move(products))
{}

DbResult<LaneBench::Outcome> LaneBench::run(const Options &options)
{
    const bool sqlite = !m_db.dialect().isPostgres();
    std::vector<Lane> lanes(options.lanes);
    if (DbStatus status = addCashiers(m_db, options, lanes); !status) {
        return status.error();
    }
    const auto opening = readOpening(m_db);
    if (!opening) {
        return opening.error();
    }
    printPlan(options, sqlite);
    const double seconds = sellTogether(m_db, m_products, options, lanes);
    const Totals totals = printFigures(lanes, seconds);

    Checks checks;
    if (DbStatus status = checkStock(m_db, *opening, totals, checks); !status) {
        return status.error();
    }
    const auto billsWritten = checkBillNumbers(m_db, lanes, checks);
    if (!billsWritten) {
        return billsWritten.error();
    }
    if (DbStatus status = checkBillLines(m_db, totals, *billsWritten, checks); !status) {
        return status.error();
    }
    checks.report(u"every lane sold and no sale failed"_s,
                  totals.setUp && totals.failures == 0 && totals.committed > 0,
                  u"%1 failed after %2 attempts each, %3 retried"_s.arg(totals.failures)
                          .arg(kMaxAttempts)
                          .arg(totals.retries));
    std::printf("lanes checks: %s\n", checks.passed ? "passed" : "FAILED");
    std::fflush(stdout);

    Outcome outcome;
    outcome.checksPassed = checks.passed;
    outcome.json = figuresJson(options, totals, checks.json, seconds, sqlite);
    return outcome;
}
