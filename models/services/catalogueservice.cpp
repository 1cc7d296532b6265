#include "models/services/catalogueservice.h"

#include "models/db/categoryrepository.h"
#include "models/db/conversionratecache.h"
#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/db/taxraterepository.h"
#include "models/db/transaction.h"
#include "models/domain/barcode.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"

#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {
ServiceError invalid(const QString &message)
{
    return {ServiceError::Code::InvalidInput, message, {}};
}
} // namespace

CatalogueService::CatalogueService(const Database &db, const Session &session,
                                   const Authorizer &authorizer, ConversionRateCache *cache)
    : m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
    , m_cache(cache)
    , m_products(db)
    , m_audit(db)
{}

ServiceError CatalogueService::failed(const DbError &error) const
{
    return ServiceError::fromDb(
            error, tr("The catalogue could not be read or saved. Nothing was changed."));
}

std::optional<ServiceError> CatalogueService::denied(Permission permission) const
{
    const auto grant = m_authorizer.authorize(m_session, permission);
    if (!grant) {
        return grant.error();
    }
    return std::nullopt;
}

ServiceStatus CatalogueService::audit(const QString &action, const QString &details)
{
    const DbStatus status = m_audit.record(
            {m_session.user() ? m_session.user()->id : 0, 0, m_session.lane(), action, details});
    if (!status) {
        return failed(status.error());
    }
    return Done{};
}

ServiceResult<QList<Product>> CatalogueService::page(const ProductFilter &filter,
                                                     const ProductCursor &after, int limit) const
{
    ProfileScope scope(u"catalogue.page"_s);
    if (!m_session.user()) {
        return ServiceError{
                ServiceError::Code::PermissionDenied, tr("Nobody is signed in at this till."), {}};
    }
    auto products = m_products.page(filter, after, limit);
    if (!products) {
        return failed(products.error());
    }
    return *products;
}

ServiceResult<Product> CatalogueService::product(qint64 id) const
{
    ProfileScope scope(u"catalogue.product"_s);
    auto found = m_products.findById(id);
    if (!found) {
        return failed(found.error());
    }
    if (!found->has_value()) {
        return ServiceError{ServiceError::Code::NotFound, tr("This product no longer exists."), {}};
    }
    return **found;
}

ServiceResult<std::optional<ScannedUnit>> CatalogueService::findByBarcode(
        const QString &barcode) const
{
    ProfileScope scope(u"catalogue.find_barcode"_s);
    if (!m_session.user()) {
        return ServiceError{
                ServiceError::Code::PermissionDenied, tr("Nobody is signed in at this till."), {}};
    }
    if (barcode.trimmed().isEmpty()) {
        return std::optional<ScannedUnit>();
    }
    auto found = m_products.findUnitByBarcode(barcode);
    if (!found) {
        return failed(found.error());
    }
    // A unit dropped from the catalogue loses its barcode, but an archived product keeps
    // its units: receiving or counting it is still allowed, so it is found.
    if (found->has_value() && !(*found)->unit.active) {
        return std::optional<ScannedUnit>();
    }
    return *found;
}

QString CatalogueService::currencySymbol() const
{
    // The same default as a store that never saved its settings gets.
    const QString fallback = Setting::CurrencySymbol.defaultValue;
    const auto stored = SettingsRepository(m_db).value(Setting::CurrencySymbol);
    return stored && !stored->isEmpty() ? *stored : fallback;
}

ServiceResult<QList<Category>> CatalogueService::categories() const
{
    auto result = CategoryRepository(m_db).all();
    if (!result) {
        return failed(result.error());
    }
    return *result;
}

ServiceResult<QList<TaxRate>> CatalogueService::taxRates() const
{
    auto result = TaxRateRepository(m_db).all();
    if (!result) {
        return failed(result.error());
    }
    return *result;
}

ServiceResult<QList<QuickKey>> CatalogueService::quickKeys() const
{
    ProfileScope scope(u"catalogue.quick_keys"_s);
    if (!m_session.user()) {
        return ServiceError{
                ServiceError::Code::PermissionDenied, tr("Nobody is signed in at this till."), {}};
    }
    auto keys = QuickKeyRepository(m_db).list();
    if (!keys) {
        return failed(keys.error());
    }
    return *keys;
}

namespace {
bool isKeyPosition(int position)
{
    return position >= 0 && position <= QuickKey::kMaxPosition;
}
} // namespace

ServiceStatus CatalogueService::changeQuickKeys(const QString &details,
                                                const std::function<DbStatus()> &write)
{
    if (const auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    if (DbStatus status = write(); !status) {
        return failed(status.error());
    }
    if (ServiceStatus audited = audit(u"quick_keys_changed"_s, details); !audited) {
        return audited;
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    return Done{};
}

ServiceStatus CatalogueService::placeQuickKey(int position, qint64 unitId, const QString &label)
{
    ProfileScope scope(u"catalogue.quick_key_place"_s);
    if (!isKeyPosition(position) || unitId <= 0) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("There is no quick key %1.").arg(position + 1),
                            {}};
    }
    const QString text = label.trimmed();
    if (text.size() > ProductLimits::kMaxNameLength) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("A quick key's text can have at most %1 characters.")
                                    .arg(ProductLimits::kMaxNameLength),
                            {}};
    }
    return changeQuickKeys(u"place position=%1 unit=%2"_s.arg(position).arg(unitId),
                           [&] { return QuickKeyRepository(m_db).place(position, unitId, text); });
}

ServiceStatus CatalogueService::moveQuickKey(int from, int to)
{
    ProfileScope scope(u"catalogue.quick_key_move"_s);
    if (!isKeyPosition(from) || !isKeyPosition(to)) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("A quick key moves only to another key of the grid."),
                            {}};
    }
    if (from == to) {
        return Done{};
    }
    return changeQuickKeys(u"move from=%1 to=%2"_s.arg(from).arg(to),
                           [&] { return QuickKeyRepository(m_db).move(from, to); });
}

ServiceStatus CatalogueService::removeQuickKey(int position)
{
    ProfileScope scope(u"catalogue.quick_key_remove"_s);
    if (!isKeyPosition(position)) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("There is no quick key %1.").arg(position + 1),
                            {}};
    }
    return changeQuickKeys(u"remove position=%1"_s.arg(position),
                           [&] { return QuickKeyRepository(m_db).remove(position); });
}

namespace {
using Field = CatalogueService::Field;
using Problem = CatalogueService::Problem;

std::optional<Problem> wrong(Field field, const QString &message, qsizetype unit = -1)
{
    return Problem{field, unit, message};
}

QString plainMoney(qint64 minor)
{
    return Money::fromMinor(minor).toPlainString(QLocale());
}

//! The product's own fields: SKU, name, tax rate, reorder level and cost.
std::optional<Problem> fieldsProblem(const Product &product)
{
    if (product.sku.trimmed().isEmpty()) {
        return wrong(Field::Sku, CatalogueService::tr("Please enter the SKU."));
    }
    if (product.sku.trimmed().size() > ProductLimits::kMaxSkuLength) {
        return wrong(Field::Sku, CatalogueService::tr("The SKU is longer than %1 characters.")
                                         .arg(ProductLimits::kMaxSkuLength));
    }
    if (product.name.trimmed().isEmpty()) {
        return wrong(Field::Name, CatalogueService::tr("Please enter the product's name."));
    }
    if (product.name.trimmed().size() > ProductLimits::kMaxNameLength) {
        return wrong(Field::Name,
                     CatalogueService::tr("The product's name is longer than %1 characters.")
                             .arg(ProductLimits::kMaxNameLength));
    }
    if (product.taxRateId <= 0) {
        return wrong(Field::TaxRate, CatalogueService::tr("Please choose a tax rate for %1.")
                                             .arg(product.name.trimmed()));
    }
    if (product.reorderLevelBase < 0
        || product.reorderLevelBase > ProductLimits::kMaxReorderLevel) {
        return wrong(Field::ReorderLevel,
                     CatalogueService::tr("The reorder level must lie between 0 and %L1.")
                             .arg(ProductLimits::kMaxReorderLevel));
    }
    if (product.cost
        && (!product.cost->isValid() || product.cost->isNegative()
            || product.cost->minor() > ProductLimits::kMaxCostMinor)) {
        return wrong(Field::Cost,
                     CatalogueService::tr("The cost must lie between %1 and %2.")
                             .arg(plainMoney(0), plainMoney(ProductLimits::kMaxCostMinor)));
    }
    if (product.costPerBase < 1 || product.costPerBase > ProductLimits::kMaxCostPerBase) {
        return wrong(Field::CostPerBase,
                     CatalogueService::tr("The cost must be for 1 to %L1 base units.")
                             .arg(ProductLimits::kMaxCostPerBase));
    }
    return std::nullopt;
}

//! The units: named once each, sizes and prices in range, barcodes valid and once each.
std::optional<Problem> unitsProblem(const QList<ProductUnit> &units)
{
    QSet<QString> names;
    QSet<qint64> rates;
    QSet<QString> barcodes;
    int active = 0;
    for (qsizetype i = 0; i < units.size(); ++i) {
        const ProductUnit &unit = units.at(i);
        const QString name = unit.name.trimmed();
        if (name.isEmpty()) {
            return wrong(Field::UnitName, CatalogueService::tr("Every unit needs a name."), i);
        }
        if (names.contains(name.toLower())) {
            return wrong(Field::UnitName,
                         CatalogueService::tr("The unit name \"%1\" is used twice.").arg(name), i);
        }
        names.insert(name.toLower());
        if (unit.basePerUnit < 1 || unit.basePerUnit > Quantity::kMaxBasePerUnit) {
            return wrong(Field::BasePerUnit,
                         CatalogueService::tr("The conversion rate of \"%1\" must be a whole "
                                              "number from 1 to %L2.")
                                 .arg(name)
                                 .arg(Quantity::kMaxBasePerUnit),
                         i);
        }
        if (!unit.active) {
            continue;
        }
        ++active;
        if (rates.contains(unit.basePerUnit)) {
            return wrong(Field::BasePerUnit,
                         CatalogueService::tr("Two units hold %n base units each; each unit needs "
                                              "its own size.",
                                              "", static_cast<int>(unit.basePerUnit)),
                         i);
        }
        rates.insert(unit.basePerUnit);
        if (!unit.price.isValid() || unit.price.isNegative()
            || unit.price.minor() > ProductLimits::kMaxPriceMinor) {
            return wrong(
                    Field::Price,
                    CatalogueService::tr("The price of \"%1\" must lie between %2 and %3.")
                            .arg(name, plainMoney(0), plainMoney(ProductLimits::kMaxPriceMinor)),
                    i);
        }
        const QString code = unit.barcode.trimmed();
        if (code.isEmpty()) {
            continue;
        }
        if (!Barcode::isValid(code)) {
            return wrong(Field::Barcode,
                         CatalogueService::tr("The barcode %1 of \"%2\" is not valid: check the "
                                              "last digit, or use an internal code without "
                                              "spaces.")
                                 .arg(code, name),
                         i);
        }
        if (barcodes.contains(code)) {
            return wrong(Field::Barcode,
                         CatalogueService::tr("The barcode %1 is used twice.").arg(code), i);
        }
        barcodes.insert(code);
    }
    if (active == 0) {
        return wrong(Field::Units,
                     CatalogueService::tr("A product needs at least one unit it is sold in."));
    }
    return std::nullopt;
}
} // namespace

std::optional<CatalogueService::Problem> CatalogueService::problem(const Product &product)
{
    if (auto found = fieldsProblem(product)) {
        return found;
    }
    return unitsProblem(product.units);
}

std::optional<ServiceError> CatalogueService::validate(const Product &product)
{
    if (const auto found = problem(product)) {
        return invalid(found->message);
    }
    return std::nullopt;
}

ServiceResult<Product> CatalogueService::save(const Product &product,
                                              const SaveStep &alsoInTransaction)
{
    ProfileScope scope(u"catalogue.save"_s);
    if (auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    if (auto problem = validate(product)) {
        return *problem;
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    const auto sameSku = m_products.findBySku(product.sku);
    if (!sameSku) {
        return failed(sameSku.error());
    }
    if (sameSku->has_value() && (*sameSku)->id != product.id) {
        return ServiceError{ServiceError::Code::Conflict,
                            tr("The SKU %1 already belongs to \"%2\".")
                                    .arg(product.sku.trimmed(), (*sameSku)->name),
                            {}};
    }
    QStringList codes;
    for (const ProductUnit &unit : product.units) {
        if (unit.active && !unit.barcode.trimmed().isEmpty()) {
            codes << unit.barcode.trimmed();
        }
    }
    if (!codes.isEmpty()) {
        const auto owners = m_products.barcodeOwners(codes, product.id);
        if (!owners) {
            return failed(owners.error());
        }
        if (!owners->isEmpty()) {
            const QString code = owners->cbegin().key();
            return ServiceError{ServiceError::Code::Conflict,
                                tr("The barcode %1 already belongs to the product with SKU %2.")
                                        .arg(code, owners->value(code)),
                                {}};
        }
    }
    const auto id = m_products.save(product);
    if (!id) {
        return failed(id.error());
    }
    if (alsoInTransaction) {
        if (ServiceStatus done = alsoInTransaction(*id); !done) {
            return done.error();
        }
    }
    // Every unit of the product leaves the caches, here and on the other lanes.
    auto saved = m_products.findById(*id);
    if (!saved || !saved->has_value()) {
        return saved ? ServiceError{ServiceError::Code::NotFound,
                                    tr("This product no longer exists."),
                                    {}}
                     : failed(saved.error());
    }
    QList<qint64> unitIds;
    for (const ProductUnit &unit : (*saved)->units) {
        unitIds << unit.id;
    }
    if (m_cache) {
        if (DbStatus status = m_products.notifyUnitsChanged(unitIds); !status) {
            return failed(status.error());
        }
    }
    if (ServiceStatus audited = audit(product.id == 0 ? u"product_created"_s : u"product_updated"_s,
                                      u"sku=%1"_s.arg(product.sku.trimmed()));
        !audited) {
        return audited.error();
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    if (m_cache) {
        m_cache->invalidate(unitIds);
    }
    return **saved;
}

ServiceResult<bool> CatalogueService::archiveOrDelete(qint64 productId)
{
    ProfileScope scope(u"catalogue.archive"_s);
    if (auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    const auto found = m_products.findById(productId);
    if (!found) {
        return failed(found.error());
    }
    if (!found->has_value()) {
        return ServiceError{ServiceError::Code::NotFound, tr("This product no longer exists."), {}};
    }
    // The delete itself decides: history written since anybody looked keeps the product.
    const auto deleted = m_products.removeUnlessHistory(productId);
    if (!deleted) {
        return failed(deleted.error());
    }
    if (!*deleted) {
        if (DbStatus archived = m_products.setActive(productId, false); !archived) {
            return failed(archived.error());
        }
    }
    if (ServiceStatus audited = audit(*deleted ? u"product_deleted"_s : u"product_archived"_s,
                                      u"sku=%1"_s.arg((*found)->sku));
        !audited) {
        return audited.error();
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    return *deleted;
}

ServiceResult<bool> CatalogueService::hasHistory(qint64 productId) const
{
    ProfileScope scope(u"catalogue.has_history"_s);
    if (!m_session.user()) {
        return ServiceError{
                ServiceError::Code::PermissionDenied, tr("Nobody is signed in at this till."), {}};
    }
    const auto history = m_products.hasHistory(productId);
    if (!history) {
        return failed(history.error());
    }
    return *history;
}

ServiceStatus CatalogueService::reactivate(qint64 productId)
{
    if (auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    if (DbStatus status = m_products.setActive(productId, true); !status) {
        return failed(status.error());
    }
    if (ServiceStatus audited = audit(u"product_reactivated"_s, u"product_id=%1"_s.arg(productId));
        !audited) {
        return audited;
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    return Done{};
}

ServiceResult<qint64> CatalogueService::saveCategory(const Category &category)
{
    if (auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    if (category.name.trimmed().isEmpty()) {
        return invalid(tr("Please enter the category's name."));
    }
    const auto id = CategoryRepository(m_db).save(category);
    if (!id) {
        if (id.error().kind == DbError::Kind::Constraint) {
            return ServiceError{
                    ServiceError::Code::Conflict,
                    tr("There is already a category called \"%1\".").arg(category.name.trimmed()),
                    id.error().details};
        }
        return failed(id.error());
    }
    (void)audit(u"category_saved"_s, u"name=%1"_s.arg(category.name.trimmed()));
    return *id;
}

ServiceStatus CatalogueService::removeCategory(qint64 id)
{
    if (auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    if (DbStatus status = CategoryRepository(m_db).remove(id); !status) {
        return failed(status.error());
    }
    if (ServiceStatus audited = audit(u"category_removed"_s, u"category_id=%1"_s.arg(id));
        !audited) {
        return audited;
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    return Done{};
}

ServiceResult<qint64> CatalogueService::saveTaxRate(const TaxRate &rate)
{
    if (auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    if (rate.name.trimmed().isEmpty()) {
        return invalid(tr("Please enter the tax rate's name."));
    }
    if (rate.rateBp < 0 || rate.rateBp > 10000) {
        return invalid(tr("A tax rate lies between 0 % and 100 %."));
    }
    const auto id = TaxRateRepository(m_db).save(rate);
    if (!id) {
        if (id.error().kind == DbError::Kind::Constraint) {
            return ServiceError{
                    ServiceError::Code::Conflict,
                    tr("There is already a tax rate called \"%1\".").arg(rate.name.trimmed()),
                    id.error().details};
        }
        return failed(id.error());
    }
    (void)audit(u"tax_rate_saved"_s,
                u"name=%1 rate_bp=%2"_s.arg(rate.name.trimmed()).arg(rate.rateBp));
    return *id;
}

ServiceStatus CatalogueService::removeTaxRate(qint64 id)
{
    if (auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    if (DbStatus status = TaxRateRepository(m_db).remove(id); !status) {
        if (status.error().kind == DbError::Kind::Constraint) {
            return ServiceError{
                    ServiceError::Code::Conflict,
                    tr("Products still use this tax rate; give them another one first."),
                    status.error().details};
        }
        return failed(status.error());
    }
    (void)audit(u"tax_rate_removed"_s, u"tax_rate_id=%1"_s.arg(id));
    return Done{};
}

ServiceResult<QList<PriceChangeRow>> CatalogueService::previewPriceChange(
        const ProductFilter &filter, const PriceChange &change, int limit) const
{
    ProfileScope scope(u"catalogue.price_preview"_s);
    if (auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    auto rows = m_products.previewPriceChange(filter, change, limit);
    if (!rows) {
        return failed(rows.error());
    }
    return *rows;
}

ServiceResult<int> CatalogueService::countPriceChange(const ProductFilter &filter,
                                                      const PriceChange &change) const
{
    ProfileScope scope(u"catalogue.price_count"_s);
    if (auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    auto count = m_products.countPriceChange(filter, change);
    if (!count) {
        return failed(count.error());
    }
    return *count;
}

ServiceResult<int> CatalogueService::applyPriceChange(const ProductFilter &filter,
                                                      const PriceChange &change)
{
    ProfileScope scope(u"catalogue.price_change"_s);
    if (auto refusal = denied(Permission::EditCatalogue)) {
        return *refusal;
    }
    if (change.mode == PriceChange::Mode::Percent && change.value <= -10000) {
        return invalid(tr("A price can be lowered by less than 100 %."));
    }
    if (change.mode == PriceChange::Mode::Set && change.value < 0) {
        return invalid(tr("A price cannot be negative."));
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    const auto changed = m_products.applyPriceChange(filter, change);
    if (!changed) {
        if (changed.error().kind == DbError::Kind::Constraint) {
            return ServiceError{
                    ServiceError::Code::InvalidInput,
                    tr("This change would make some prices negative. Nothing was changed."),
                    changed.error().details};
        }
        return failed(changed.error());
    }
    if (m_cache) {
        // Many units changed price: the other lanes start their caches afresh.
        if (DbStatus status = m_products.notifyAllUnitsChanged(); !status) {
            return failed(status.error());
        }
    }
    const QString mode = change.mode == PriceChange::Mode::Percent  ? u"percent"_s
                         : change.mode == PriceChange::Mode::Amount ? u"amount"_s
                                                                    : u"set"_s;
    if (ServiceStatus audited
        = audit(u"price_change"_s,
                u"mode=%1 value=%2 units=%3 filter=\"%4\" category=%5"_s.arg(mode)
                        .arg(change.value)
                        .arg(*changed)
                        .arg(filter.text)
                        .arg(filter.categoryId));
        !audited) {
        return audited.error();
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    if (m_cache) {
        m_cache->clear();
    }
    return *changed;
}
