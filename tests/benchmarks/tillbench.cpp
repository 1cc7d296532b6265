// till-bench: measures Till's hot paths at store scale, side by side with the naive way
// (one statement per line, per item, per lookup, no cache), on SQLite or PostgreSQL.
// It prints figures; it decides nothing.

#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlquery.h"
#include "models/services/services.h"
#include "tests/benchmarks/benchmeasure.h"
#include "tests/benchmarks/benchwire.h"
#include "tests/benchmarks/lanebench.h"
#include "tests/benchmarks/operations.h"
#include "tests/benchmarks/seeder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

//! How durable a commit is here, since that sets what a commit costs, and on PostgreSQL
//! how much it caches and which server it is.
QString durability(const Database &db)
{
    const auto setting = [&db](const QString &sql) {
        SqlQuery q(db, sql);
        return q.execOne() ? q.text(0) : u"?"_s;
    };
    if (db.dialect().isPostgres()) {
        // SHOW cannot be prepared; current_setting() can.
        return u"fsync %1, synchronous_commit %2, shared_buffers %3, server %4"_s.arg(
                setting(u"SELECT current_setting('fsync')"_s),
                setting(u"SELECT current_setting('synchronous_commit')"_s),
                setting(u"SELECT current_setting('shared_buffers')"_s),
                setting(u"SELECT current_setting('server_version')"_s));
    }
    const QStringList levels{u"OFF"_s, u"NORMAL"_s, u"FULL"_s, u"EXTRA"_s};
    return u"journal_mode %1, synchronous %2"_s.arg(
            setting(u"PRAGMA journal_mode"_s),
            levels.value(setting(u"PRAGMA synchronous"_s).toInt(), u"?"_s));
}

bool writeJson(const QString &path, const QJsonArray &array)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(array).toJson()) < 0) {
        std::fprintf(stderr, "till-bench: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

QJsonObject toJson(const Figure &f)
{
    return {{u"op"_s, f.op},
            {u"variant"_s, f.variant},
            {u"n"_s, f.n},
            {u"statements"_s, f.statements},
            {u"median_ms"_s, f.medianMs},
            {u"p95_ms"_s, f.p95Ms},
            {u"reps"_s, f.reps},
            // null where there is no wire (SQLite) or no server time to read
            {u"round_trips"_s, f.roundTrips ? QJsonValue(*f.roundTrips) : QJsonValue()},
            {u"server_ms"_s, f.serverMs ? QJsonValue(*f.serverMs) : QJsonValue()}};
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
            u"Measures Till's hot paths at store scale against the naive way."_s);
    parser.addHelpOption();
    parser.addOption({u"database"_s,
                      u"An empty or throwaway database (sqlite:///... or postgresql://...)."_s,
                      u"URL"_s});
    parser.addOption(
            {u"scale"_s,
             u"tiny (200 products, 2,000 lines), small (2,000, 20,000), medium or large."_s,
             u"SCALE"_s, u"small"_s});
    parser.addOption({u"only"_s, u"Comma-separated operations to run."_s, u"OPS"_s});
    parser.addOption({u"json"_s, u"Also write the figures as JSON."_s, u"FILE"_s});
    parser.addOption({u"profile"_s,
                      u"Also write, for each operation, the SQL it ran and its plans "
                      "(PostgreSQL: auto_explain's EXPLAIN ANALYZE; SQLite: EXPLAIN QUERY "
                      "PLAN)."_s,
                      u"FILE"_s});
    parser.addOption(
            {u"lanes"_s,
             u"Instead of the operations: K lanes committing sales at once, then checks."_s,
             u"K"_s});
    parser.addOption({u"duration"_s,
                      u"With --lanes: how long they sell (default 10, or no limit with --sales)."_s,
                      u"SECONDS"_s});
    parser.addOption(
            {u"sales"_s, u"With --lanes: stop each lane after this many sales."_s, u"N"_s});
    parser.addOption({u"seeded"_s,
                      u"The database holds an earlier run's store of this scale: measure it again "
                      "without seeding (the large store takes minutes to seed)."_s});
    parser.addOption({u"till"_s, u"The till executable whose start-up is timed."_s, u"PATH"_s,
                      QStringLiteral(TILL_EXECUTABLE)});
}

//! Whether the database holds what the run expects: nothing, or with --seeded a store.
bool holdsExpectedStore(const Database &db, bool reuse)
{
    SqlQuery count(db, u"SELECT COUNT(*) FROM products"_s);
    if (!count.execOne() || (count.int64(0) > 0) != reuse) {
        std::fprintf(stderr,
                     reuse ? "till-bench: --seeded wants a database an earlier run seeded.\n"
                           : "till-bench: the database must be empty; it is seeded and written "
                             "to.\n");
        return false;
    }
    return true;
}

//! Seeds the store (unless reused) and says how long it took; nothing when seeding failed.
std::optional<double> seed(const Database &db, const BenchSeeder::Scale &scale, bool reuse)
{
    QElapsedTimer seedTimer;
    seedTimer.start();
    if (const DbStatus seeded
        = reuse ? DbStatus(Done{}) : BenchSeeder(db).seed(scale, QDate::currentDate());
        !seeded) {
        std::fprintf(stderr, "till-bench: seeding failed: %s\n",
                     qPrintable(seeded.error().details));
        return std::nullopt;
    }
    return seedTimer.nsecsElapsed() / 1e6;
}

//! --lanes: K lanes sell at once instead of the operations; the exit code says whether the
//! checks after them passed.
int runLanes(const Database &db, const QCommandLineParser &parser, int laneCount,
             const BenchSeeder::Scale &scale, double seedMs)
{
    std::printf("seeded in %.0f ms\n", seedMs);
    ProductFilter all;
    all.sort = ProductFilter::Sort::Sku;
    const auto products = ProductRepository(db).page(all, {}, 2000);
    if (!products || products->isEmpty()) {
        std::fprintf(stderr, "till-bench: no products to sell\n");
        return 1;
    }
    LaneBench::Options options;
    options.lanes = laneCount;
    options.salesPerLane = parser.value(u"sales"_s).toInt();
    const double seconds = parser.isSet(u"duration"_s) ? parser.value(u"duration"_s).toDouble()
                                                       : (options.salesPerLane > 0 ? 0 : 10);
    options.duration = std::chrono::milliseconds(qRound64(seconds * 1000));
    const auto outcome = LaneBench(db, *products).run(options);
    if (!outcome) {
        std::fprintf(stderr, "till-bench: %s\n", qPrintable(outcome.error().details));
        return 1;
    }
    if (parser.isSet(u"json"_s)
        && !writeJson(
                parser.value(u"json"_s),
                {toJson({u"seed"_s, u"till"_s, scale.billLines, 0, seedMs, seedMs, 1, {}, {}}),
                 outcome->json})) {
        return 1;
    }
    return outcome->checksPassed ? 0 : 3;
}

int runOperations(Database &db, const QCommandLineParser &parser, const DatabaseUrl &url,
                  const BenchSeeder::Scale &scale)
{
    Services services(db, u"1"_s);
    services.session.signIn(UserRepository(db).findByLogin(u"bench"_s).value().value().user);
    (void)services.checkout.loadRules();
    // A store measured again (--seeded) has its shift closed by the last shift_close.
    if (const auto shift = services.shifts.current(); shift && !shift->has_value()) {
        ok(services.shifts.open(Money::fromMinor(10000)), "opening a shift");
    }
    SaleRules rules = services.checkout.rules();
    rules.allowNegativeStock = true;
    services.checkout.setRules(rules);
    BenchRun bench{db,
                   services,
                   url,
                   parser.value(u"till"_s),
                   scale.products,
                   services.session.user()->id};
    ProductFilter all;
    all.sort = ProductFilter::Sort::Sku;
    all.text = u"SKU-"_s; // the seeded store's own products, not those csv_import adds
    bench.products = services.catalogue.page(all, {}, 2000).value();
    measureOperations(bench);

    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const Figure &f : std::as_const(benchFigures())) {
            array.append(toJson(f));
        }
        if (!writeJson(parser.value(u"json"_s), array)) {
            return 1;
        }
    }
    if (benchFailures() > 0) {
        std::fprintf(stderr,
                     "till-bench: %d calls of Till's own path failed; their figures mean nothing\n",
                     benchFailures());
        return 4;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"till-bench"_s);
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    QLoggingCategory::setFilterRules(
            u"till.*.debug=false\ntill.*.info=false\ntill.sql.warning=false"_s);

    benchOnly() = parser.value(u"only"_s).split(u',', Qt::SkipEmptyParts);
    QString error;
    const auto url = DatabaseUrl::parse(parser.value(u"database"_s), &error);
    if (!url) {
        std::fprintf(stderr, "till-bench: --database: %s\n", qPrintable(error));
        return 2;
    }
    auto opened = Database::open(*url);
    if (!opened) {
        std::fprintf(stderr, "till-bench: %s\n", qPrintable(opened.error().details));
        return 1;
    }
    Database &db = **opened;
    if (const auto migrated = Migrator(db).migrate(); !migrated) {
        std::fprintf(stderr, "till-bench: %s\n", qPrintable(migrated.error().details));
        return 1;
    }
    const BenchSeeder::Scale scale = BenchSeeder::scale(parser.value(u"scale"_s));
    const bool reuse = parser.isSet(u"seeded"_s);
    if (!holdsExpectedStore(db, reuse)) {
        return 1;
    }
    const int laneCount = parser.isSet(u"lanes"_s) ? parser.value(u"lanes"_s).toInt() : 0;
    if (parser.isSet(u"lanes"_s) && (laneCount < 1 || laneCount > 64)) {
        std::fprintf(stderr, "till-bench: --lanes takes 1 to 64.\n");
        return 2;
    }
    if (!BenchProbe::instance().setUp(db, parser.value(u"profile"_s))) {
        return 1;
    }
    std::printf("till-bench on %s (%s), scale %s: %d products, %d bill lines\n%s\n",
                qPrintable(db.description()), qPrintable(durability(db)), qPrintable(scale.name),
                scale.products, scale.billLines, qPrintable(BenchProbe::instance().describe()));
    const auto seedMs = seed(db, scale, reuse);
    if (!seedMs) {
        return 1;
    }
    if (laneCount > 0) {
        return runLanes(db, parser, laneCount, scale, *seedMs);
    }
    std::printf("seeded in %.0f ms\n\n%-20s %-7s %7s %10s %11s %11s %5s %11s %10s\n", *seedMs, "op",
                "variant", "n", "statements", "median_ms", "p95_ms", "reps", "round_trips",
                "server_ms");
    benchFigures().append({u"seed"_s, u"till"_s, scale.billLines, 0, *seedMs, *seedMs, 1, {}, {}});
    return runOperations(db, parser, *url, scale);
}
