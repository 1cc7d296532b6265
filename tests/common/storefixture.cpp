#include "tests/common/storefixture.h"

#include "models/db/categoryrepository.h"
#include "models/db/productrepository.h"
#include "models/db/shiftrepository.h"
#include "models/db/sqlquery.h"
#include "models/db/taxraterepository.h"
#include "models/db/userrepository.h"
#include "models/services/services.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

std::unique_ptr<StoreFixture> StoreFixture::create()
{
    std::unique_ptr<StoreFixture> store(new StoreFixture);
    store->m_scratch = TestDatabase::create();
    if (!store->m_scratch) {
        return nullptr;
    }
    Database &db = store->db();
    store->admin = addUser(db, u"admin"_s, u"Ada Admin"_s, Role::Admin);
    store->manager = addUser(db, u"maria"_s, u"Maria Manager"_s, Role::Manager);
    store->cashier = addUser(db, u"carl"_s, u"Carl Cashier"_s, Role::Cashier);

    const TaxRateRepository taxRates(db);
    store->standardTax = taxRates.save({0, u"Standard"_s, 1900}).value();
    store->reducedTax = taxRates.save({0, u"Reduced"_s, 700}).value();
    const CategoryRepository categories(db);
    store->drinks = categories.save({0, u"Drinks"_s, 1}).value();
    store->groceries = categories.save({0, u"Groceries"_s, 2}).value();
    if (!SqlQuery::run(db, u"INSERT INTO lanes (name) VALUES ('1'), ('2')"_s)) {
        return nullptr;
    }
    store->m_auth = std::make_unique<AuthService>(db, u"1"_s);
    store->m_authorizer = std::make_unique<Authorizer>(db, *store->m_auth);
    store->m_session = std::make_unique<Session>(u"1"_s);
    return store;
}

std::unique_ptr<Services> StoreFixture::services(const User &signedIn, const QString &lane)
{
    auto services = std::make_unique<Services>(db(), lane);
    services->session.signIn(signedIn);
    return services;
}

User StoreFixture::addUser(const Database &db, const QString &login, const QString &name, Role role,
                           const QString &pin, bool active)
{
    // 1000 rounds: the real count would make every test that signs in take seconds.
    User user{0, login, name, role, active};
    const auto id = UserRepository(db).insert(user, PinHasher::hash(pin, 1000));
    if (!id) {
        qWarning() << "fixture user not added:" << id.error().details;
    }
    user.id = id ? *id : 0;
    return user;
}

QList<Product> StoreFixture::addProducts(int count, const QList<UnitSpec> &units,
                                         qint64 openingStock)
{
    QList<Product> products;
    products.reserve(count);
    for (int i = 0; i < count; ++i) {
        products << addProduct(u"P%1"_s.arg(i), u"Product %1"_s.arg(i), units, openingStock);
    }
    return products;
}

Product StoreFixture::addProduct(const QString &sku, const QString &name,
                                 const QList<UnitSpec> &units, qint64 openingStock,
                                 BaseUnit baseUnit, qint64 reorderLevel)
{
    Product product;
    product.sku = sku;
    product.name = name;
    product.categoryId = drinks;
    product.taxRateId = standardTax;
    product.baseUnit = baseUnit;
    product.reorderLevelBase = reorderLevel;
    for (const UnitSpec &spec : units) {
        ProductUnit unit;
        unit.name = spec.name;
        unit.basePerUnit = spec.basePerUnit;
        unit.price = Money::fromMinor(spec.priceMinor);
        unit.barcode = spec.barcode;
        product.units.append(unit);
    }
    ProductRepository repository(db());
    const auto id = repository.save(product);
    if (!id) {
        qWarning() << "fixture product not saved:" << id.error().details;
        return {};
    }
    if (openingStock != 0) {
        SqlQuery move(db(),
                      u"INSERT INTO stock_movements (product_id, delta_base, reason, created_at) "
                      "VALUES (:p, :d, 'opening', :at)"_s);
        move.bind(u"p"_s, *id)
                .bind(u"d"_s, openingStock)
                .bind(u"at"_s, Dialect::timestampText(QDateTime::currentDateTimeUtc()));
        SqlQuery stock(db(), u"UPDATE products SET stock_base = stock_base + :d WHERE id = :p"_s);
        stock.bind(u"p"_s, *id).bind(u"d"_s, openingStock);
        if (!move.exec() || !stock.exec()) {
            qWarning() << "fixture stock not set";
        }
    }
    return repository.findById(*id).value().value();
}

qint64 StoreFixture::openShift(const QString &lane, qint64 cashierId)
{
    ShiftRepository shifts(db());
    if (!shifts.ensureLane(lane)) {
        return 0;
    }
    const auto id = shifts.open(lane, cashierId > 0 ? cashierId : cashier.id,
                                Money::fromMinor(10000), QDateTime::currentDateTimeUtc());
    return id ? *id : 0;
}

qint64 StoreFixture::scalar(const QString &sql)
{
    SqlQuery q(db(), sql);
    if (!q.execOne()) {
        qWarning() << q.error().details;
        return -1;
    }
    return q.int64(0);
}

qint64 StoreFixture::ledgerMismatches()
{
    return scalar(
            u"SELECT COUNT(*) FROM products p WHERE p.stock_base <> "
            "(SELECT COALESCE(SUM(m.delta_base), 0) FROM stock_movements m WHERE m.product_id = p.id)"_s);
}
