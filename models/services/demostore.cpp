#include "models/services/demostore.h"

#include "models/db/auditrepository.h"
#include "models/db/bulkwriter.h"
#include "models/db/categoryrepository.h"
#include "models/db/database.h"
#include "models/db/demorepository.h"
#include "models/db/migrator.h"
#include "models/db/productrepository.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/db/taxraterepository.h"
#include "models/db/transaction.h"
#include "models/db/userrepository.h"
#include "models/domain/demohistory.h"
#include "models/domain/storesettings.h"
#include "models/services/democatalogue.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The same seed gives the same store on every machine.
constexpr quint32 kSeed = 20261122;

//! The store's settings, its lanes and its people.
DbStatus writeStore(const Database &db, const DemoStore::Options &options)
{
    const QHash<QString, QString> settings{
            {Setting::StoreName.key, u"Corner Market"_s},
            {Setting::StoreAddress.key, u"Lindenstraße 12, 04177 Leipzig"_s},
            {Setting::StoreTaxId.key, u"DE 123 456 789"_s},
            {Setting::Currency.key, u"EUR"_s},
            {Setting::CurrencySymbol.key, u"€"_s},
            {Setting::PricesIncludeTax.key, u"1"_s},
            {Setting::CashRoundingMinor.key, u"1"_s},
            {Setting::CashierDiscountLimitBp.key, u"1000"_s},
            {Setting::AllowNegativeStock.key, u"0"_s},
    };
    if (DbStatus status = SettingsRepository(db).setValues(settings); !status) {
        return status;
    }
    // The demo's busy days open a second lane; the till's own lane is one of the two.
    QStringList lanes{u"1"_s, u"2"_s};
    if (!lanes.contains(options.lane)) {
        lanes.prepend(options.lane);
    }
    if (DbStatus status = DemoRepository(db).writeLanes(lanes); !status) {
        return status;
    }
    const UserRepository userRepository(db);
    const int iterations
            = options.pinIterations > 0 ? options.pinIterations : PinHasher::kIterations;
    for (const DemoStore::DemoUser &u : DemoStore::users()) {
        User user{0, u.login, u.name, Roles::fromKey(u.role).value_or(Role::Cashier), true};
        if (auto id = userRepository.insert(user, PinHasher::hash(u.pin, iterations)); !id) {
            return id.error();
        }
    }
    return Done{};
}

//! Tax rates, categories (in the order the file first names them), products and units.
DbStatus writeCatalogue(const Database &db, const DemoCatalogue &catalogue, const QDateTime &at)
{
    const auto rates = TaxRateRepository(db).insertAll(
            {{0, catalogue.named(DemoCatalogue::kStandardTax), 1900},
             {0, catalogue.named(DemoCatalogue::kReducedTax), 700}});
    if (!rates) {
        return rates.error();
    }
    QHash<QString, qint64> taxIds;
    for (const TaxRate &rate : *rates) {
        taxIds.insert(rate.name, rate.id);
    }
    QList<Category> wanted;
    for (const DemoProduct &p : catalogue.products()) {
        if (std::none_of(wanted.cbegin(), wanted.cend(),
                         [&p](const Category &c) { return c.name == p.category; })) {
            wanted.append({0, p.category, static_cast<int>(wanted.size() + 1)});
        }
    }
    const auto categories = CategoryRepository(db).insertAll(wanted);
    if (!categories) {
        return categories.error();
    }
    QHash<QString, qint64> categoryIds;
    for (const Category &category : *categories) {
        categoryIds.insert(category.name, category.id);
    }
    QList<Product> products;
    for (const DemoProduct &p : catalogue.products()) {
        Product product;
        product.sku = p.sku;
        product.name = p.name;
        product.categoryId = categoryIds.value(p.category);
        product.taxRateId = taxIds.value(p.tax);
        product.baseUnit = BaseUnits::fromKey(p.baseUnit).value_or(BaseUnit::Piece);
        product.reorderLevelBase = p.reorderLevel;
        product.cost = Money::fromMinor(p.costMinor);
        product.costPerBase = p.costPerBase;
        for (const DemoUnit &u : p.units) {
            ProductUnit unit;
            unit.name = u.name;
            unit.basePerUnit = u.basePerUnit;
            unit.price = Money::fromMinor(u.priceMinor);
            unit.barcode = u.barcode;
            product.units.append(unit);
        }
        products.append(product);
    }
    return ProductRepository(db).writeProducts(products, at, ProductRepository::OnConflict::Fail,
                                               BulkWriter::kRowsPerStatement);
}

//! The documents of the history, then what follows from them, in the order they join.
DbStatus writeHistory(const Database &db, const DemoHistory &history,
                      const QList<DemoProduct> &catalogue, const std::function<void(int)> &step)
{
    const DemoRepository demo(db);
    if (DbStatus status = demo.writeShifts(history.shifts); !status) {
        return status;
    }
    if (DbStatus status = demo.writeBills(history, catalogue); !status) {
        return status;
    }
    step(4);
    if (DbStatus status = demo.writeRefunds(history); !status) {
        return status;
    }
    if (DbStatus status = demo.writeLedger(history, catalogue); !status) {
        return status;
    }
    step(5);
    if (DbStatus status = demo.writeZReports(); !status) {
        return status;
    }
    step(6);
    if (DbStatus status = demo.settle(); !status) {
        return status;
    }
    step(7);
    return demo.writeQuickKeys();
}

} // namespace

QList<DemoStore::DemoUser> DemoStore::users()
{
    return {
            {u"maria"_s, u"Maria Lindqvist"_s, u"1234"_s, u"manager"_s},
            {u"carl"_s, u"Carl Weber"_s, u"1111"_s, u"cashier"_s},
            {u"cleo"_s, u"Cleo Novak"_s, u"2222"_s, u"cashier"_s},
            {u"admin"_s, u"Store Administrator"_s, u"9999"_s, u"admin"_s},
    };
}

QString DemoStore::separateFilePath(const DatabaseUrl &store)
{
    if (store.engine == DatabaseUrl::Engine::SQLite && !store.path.isEmpty()) {
        const QFileInfo file(store.path);
        return file.absoluteDir().filePath(file.completeBaseName() + u"-demo.db"_s);
    }
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
            .filePath(u"till-demo.db"_s);
}

DbResult<bool> DemoStore::fillSeparateFile(const QString &path, const Options &options,
                                           const Progress &progress)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return DbError{DbError::Kind::Invalid, u"cannot create the folder of %1"_s.arg(path)};
    }
    auto opened = Database::open(DatabaseUrl::sqliteFile(path));
    if (!opened) {
        return opened.error();
    }
    const Database &db = **opened;
    const auto filled = [&]() -> DbResult<bool> {
        if (const auto migrated = Migrator(db).migrate(); !migrated) {
            return migrated.error();
        }
        const auto empty = isEmpty(db);
        if (!empty) {
            return empty.error();
        }
        if (!*empty) {
            return false;
        }
        if (const auto summary = fill(db, options, progress); !summary) {
            return summary.error();
        }
        return true;
    }();
    db.closeThreadConnection();
    return filled;
}

DbResult<bool> DemoStore::isEmpty(const Database &db)
{
    return DemoRepository(db).isEmpty();
}

DbResult<DemoStore::Summary> DemoStore::fill(const Database &db, const Options &options,
                                             const Progress &progress)
{
    ProfileScope scope(u"demo.fill"_s, ProfileScope::Repeats::Expected);
    constexpr int kSteps = 8;
    const auto step = [&progress](int done) {
        if (progress) {
            progress(done, kSteps);
        }
    };
    step(0);
    const auto catalogue = DemoCatalogue::load(options.language);
    if (!catalogue) {
        return catalogue.error();
    }
    DemoHistory::Plan plan;
    plan.seed = kSeed;
    plan.first = options.today.addDays(-options.historyDays);
    plan.end = options.today;
    plan.billsPerDay = options.billsPerDay;
    plan.lane = options.lane;
    DemoHistory history = DemoHistory::generate(catalogue->products(), plan);
    for (DemoRefund &refund : history.refunds) {
        refund.reason = catalogue->named(refund.reason);
    }
    step(1);

    Transaction tx(db);
    if (DbStatus status = tx.begin(); !status) {
        return status.error();
    }
    if (DbStatus status = writeStore(db, options); !status) {
        return status.error();
    }
    step(2);
    if (DbStatus status = writeCatalogue(db, *catalogue, DemoHistory::openingTime(plan)); !status) {
        return status.error();
    }
    step(3);
    if (DbStatus status = writeHistory(db, history, catalogue->products(), step); !status) {
        return status.error();
    }
    if (DbStatus status = AuditRepository(db).record(
                {0, 0, options.lane, u"demo_fill"_s, u"bills=%1"_s.arg(history.bills.size())});
        !status) {
        return status.error();
    }
    const auto counts = DemoRepository(db).counts();
    if (!counts) {
        return counts.error();
    }
    if (DbStatus status = tx.commit(); !status) {
        return status.error();
    }
    step(kSteps);
    return Summary{counts->products,  counts->units,   counts->categories, counts->bills,
                   counts->billItems, counts->refunds, counts->users};
}
