#include "models/services/cataloguecsv.h"

#include "models/db/auditrepository.h"
#include "models/db/bulkwriter.h"
#include "models/db/categoryrepository.h"
#include "models/db/conversionratecache.h"
#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/taxraterepository.h"
#include "models/db/transaction.h"
#include "models/domain/barcode.h"
#include "models/domain/csv.h"
#include "models/services/authorizer.h"
#include "models/services/catalogueservice.h"
#include "models/services/session.h"

#include <QHash>
#include <QLocale>
#include <QMetaObject>
#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace {

enum Column {
    Sku,
    Name,
    CategoryName,
    TaxRateName,
    BaseUnitKey,
    Cost,
    CostPerBase,
    ReorderLevel,
    Active,
    Unit,
    BasePerUnit,
    Price,
    BarcodeText,
    ColumnCount
};

QString money(const Money &amount)
{
    return amount.toPlainString(QLocale::c());
}

Column columnOf(CatalogueService::Field field)
{
    using Field = CatalogueService::Field;
    switch (field) {
    case Field::Sku:
        return Sku;
    case Field::Name:
        return Name;
    case Field::TaxRate:
        return TaxRateName;
    case Field::ReorderLevel:
        return ReorderLevel;
    case Field::Cost:
        return Cost;
    case Field::CostPerBase:
        return CostPerBase;
    case Field::BasePerUnit:
        return BasePerUnit;
    case Field::Price:
        return Price;
    case Field::Barcode:
        return BarcodeText;
    case Field::Units:
    case Field::UnitName:
        break;
    }
    return Unit;
}


using RowError = CatalogueCsv::RowError;

const QList<int> &requiredColumns()
{
    static const QList<int> required{Sku, Name, TaxRateName, BaseUnitKey, Unit, BasePerUnit, Price};
    return required;
}

//! The file as CSV rows, or why it cannot be read at all.
std::optional<Csv::ParseResult> readCsv(const QByteArray &file, QString &fileError)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(file);
    if (decoder.hasError()) {
        fileError = CatalogueCsv::tr("The file is not UTF-8 text. Save it from the spreadsheet as "
                                     "\"CSV UTF-8\" and try again.");
        return std::nullopt;
    }
    if (text.startsWith(QChar(0xfeff))) {
        text.remove(0, 1); // a byte order mark, as spreadsheets write it
    }
    Csv::ParseResult csv = Csv::parse(text);
    if (!csv.ok()) {
        fileError = CatalogueCsv::tr("Line %1 cannot be read as CSV: %2.")
                            .arg(csv.errorLine)
                            .arg(csv.error);
        return std::nullopt;
    }
    if (csv.rows.isEmpty()) {
        fileError = CatalogueCsv::tr("The file is empty.");
        return std::nullopt;
    }
    return csv;
}

//! Where each Column is in the file (-1 if absent), or nothing if a required one is missing.
std::optional<QList<int>> readColumns(const QStringList &header, QString &fileError)
{
    // Columns are found by name, so a file with its columns in another order still reads.
    QList<int> at(ColumnCount, -1);
    for (int c = 0; c < ColumnCount; ++c) {
        at[c] = static_cast<int>(header.indexOf(CatalogueCsv::columns().at(c)));
    }
    QStringList missing;
    for (int c : requiredColumns()) {
        if (at.at(c) < 0) {
            missing << CatalogueCsv::columns().at(c);
        }
    }
    if (!missing.isEmpty()) {
        fileError = CatalogueCsv::tr("The first line must name the columns; missing: %1.")
                            .arg(missing.join(u", "_s));
        return std::nullopt;
    }
    return at;
}

//! The categories and tax rates of the store, by lower-case name.
struct KnownNames
{
    QHash<QString, qint64> categoryIds;
    QHash<QString, qint64> taxIds;
};

//! What the rows read so far have claimed, to find duplicates within the file.
struct Seen
{
    QHash<QString, qsizetype> productOfSku; //!< index into Plan::products
    QHash<QString, int> lineOfBarcode;
    QSet<QString> skuUnits; //!< SKU and lower-case unit name
};

//! One data row's fields by column, and its errors appended to the plan.
class RowReader
{
public:
    RowReader(const QList<int> &at, const QStringList &fields, int line, QList<RowError> &errors)
        : m_at(at)
        , m_fields(fields)
        , m_line(line)
        , m_errors(errors)
        , m_errorsBefore(errors.size())
    {}

    int line() const { return m_line; }
    bool hasErrors() const { return m_errors.size() > m_errorsBefore; }

    QString field(int column) const
    {
        const int index = m_at.at(column);
        // A formula-like cell comes back from the export with a leading '.
        return index >= 0 && index < m_fields.size()
                       ? Csv::unneutralised(m_fields.at(index).trimmed())
                       : QString();
    }

    void error(int column, const QString &message)
    {
        m_errors.append(
                {m_line, column >= 0 ? CatalogueCsv::columns().at(column) : QString(), message});
    }

    qint64 wholeNumber(int column, qint64 minimum, qint64 fallback)
    {
        const QString number = field(column);
        if (number.isEmpty()) {
            return fallback;
        }
        bool ok = false;
        const qint64 value = number.toLongLong(&ok);
        if (!ok || value < minimum) {
            error(column, CatalogueCsv::tr("\"%1\" is not a whole number of at least %2.")
                                  .arg(number)
                                  .arg(minimum));
            return fallback;
        }
        return value;
    }

    std::optional<Money> amount(int column)
    {
        const QString typed = field(column);
        if (typed.isEmpty()) {
            return std::nullopt;
        }
        const auto value = Money::fromString(typed, QLocale::c());
        if (!value || value->isNegative()) {
            error(column,
                  CatalogueCsv::tr("\"%1\" is not an amount like 2.49 with at most two decimals.")
                          .arg(typed));
            return std::nullopt;
        }
        return value;
    }

private:
    const QList<int> &m_at;
    const QStringList &m_fields;
    const int m_line;
    QList<RowError> &m_errors;
    const qsizetype m_errorsBefore;
};

//! Whether the row has all its fields and every required one filled in.
bool hasAllFields(RowReader &row, qsizetype fieldCount, qsizetype columnCount)
{
    if (fieldCount != columnCount) {
        // An unquoted "1,99" would otherwise shift every later field by one.
        row.error(-1,
                  CatalogueCsv::tr("Line %1 does not have as many fields as the first line has "
                                   "columns: %2 instead of %3. A value with a comma needs quotes "
                                   "around it.")
                          .arg(row.line())
                          .arg(fieldCount)
                          .arg(columnCount));
        return false;
    }
    for (int c : requiredColumns()) {
        if (row.field(c).isEmpty()) {
            row.error(c, CatalogueCsv::tr("%1 is missing.").arg(CatalogueCsv::columns().at(c)));
        }
    }
    return !row.hasErrors();
}

//! The row's unit; its barcode and its name within the SKU must be new to the file.
ProductUnit readUnit(RowReader &row, Seen &seen)
{
    ProductUnit unit;
    unit.name = row.field(Unit);
    unit.basePerUnit = row.wholeNumber(BasePerUnit, 1, 1);
    unit.price = row.amount(Price).value_or(Money());
    unit.barcode = row.field(BarcodeText);
    if (!unit.barcode.isEmpty()) {
        if (!Barcode::isValid(unit.barcode)) {
            row.error(BarcodeText,
                      CatalogueCsv::tr("The barcode %1 has a wrong check digit or characters a "
                                       "scanner cannot type.")
                              .arg(unit.barcode));
        } else if (seen.lineOfBarcode.contains(unit.barcode)) {
            row.error(BarcodeText, CatalogueCsv::tr("The barcode %1 is also on line %2.")
                                           .arg(unit.barcode)
                                           .arg(seen.lineOfBarcode.value(unit.barcode)));
        } else {
            seen.lineOfBarcode.insert(unit.barcode, row.line());
        }
    }
    const QString sku = row.field(Sku);
    const QString skuUnit = sku + u'\n' + unit.name.toLower();
    if (seen.skuUnits.contains(skuUnit)) {
        row.error(Unit,
                  CatalogueCsv::tr("The unit \"%1\" of %2 appears twice.").arg(unit.name, sku));
    }
    seen.skuUnits.insert(skuUnit);
    return unit;
}

//! Whether the active column says yes (empty is yes), or nothing if it says neither.
std::optional<bool> readActive(const QString &typed)
{
    const QString active = typed.toLower();
    if (active.isEmpty() || active == u"1"_s || active == u"yes"_s || active == u"true"_s) {
        return true;
    }
    if (active == u"0"_s || active == u"no"_s || active == u"false"_s) {
        return false;
    }
    return std::nullopt;
}

//! The row's product without units; its category and tax rate must exist in the store.
Product readProduct(RowReader &row, const KnownNames &known)
{
    Product product;
    product.sku = row.field(Sku);
    product.name = row.field(Name);
    const QString category = row.field(CategoryName);
    if (!category.isEmpty()) {
        product.categoryId = known.categoryIds.value(category.toLower(), 0);
        product.categoryName = category;
        if (product.categoryId == 0) {
            row.error(CategoryName,
                      CatalogueCsv::tr("There is no category called \"%1\".").arg(category));
        }
    }
    product.taxRateName = row.field(TaxRateName);
    product.taxRateId = known.taxIds.value(product.taxRateName.toLower(), 0);
    if (product.taxRateId == 0) {
        row.error(TaxRateName,
                  CatalogueCsv::tr("There is no tax rate called \"%1\".").arg(product.taxRateName));
    }
    const auto baseUnit = BaseUnits::fromKey(row.field(BaseUnitKey).toLower());
    if (!baseUnit) {
        row.error(BaseUnitKey,
                  CatalogueCsv::tr("The base unit is piece, gram or millilitre, not \"%1\".")
                          .arg(row.field(BaseUnitKey)));
    }
    product.baseUnit = baseUnit.value_or(BaseUnit::Piece);
    product.cost = row.amount(Cost);
    product.costPerBase = row.wholeNumber(CostPerBase, 1, 1);
    product.reorderLevelBase = row.wholeNumber(ReorderLevel, 0, 0);
    if (const auto active = readActive(row.field(Active))) {
        product.active = *active;
    } else {
        row.error(Active, CatalogueCsv::tr("%1 is 1, 0, yes, no, true or false, not \"%2\".")
                                  .arg(CatalogueCsv::columns().at(Active), row.field(Active)));
    }
    return product;
}

//! Whether the row passes the editor's limits, checked by the function the editor saves through.
bool passesEditorChecks(RowReader &row, const Product &product, const ProductUnit &unit)
{
    Product checked = product;
    checked.units = {unit};
    if (const auto problem = CatalogueService::problem(checked)) {
        row.error(columnOf(problem->field), problem->message);
        return false;
    }
    return true;
}

//! Adds the row to the plan: a new product, or one more unit of an earlier row's SKU.
void addToPlan(CatalogueCsv::Plan &plan, Seen &seen, RowReader &row, Product product,
               const ProductUnit &unit)
{
    const qsizetype existing = seen.productOfSku.value(product.sku, -1);
    if (existing < 0) {
        product.units.append(unit);
        seen.productOfSku.insert(product.sku, plan.products.size());
        plan.products.append(product);
        plan.lines.append(row.line());
        return;
    }
    Product &first = plan.products[existing];
    if (first.name != product.name || first.taxRateId != product.taxRateId
        || first.baseUnit != product.baseUnit || first.categoryId != product.categoryId) {
        row.error(Name,
                  CatalogueCsv::tr("The rows of %1 disagree about its name, category, tax rate or "
                                   "base unit; line %2 says otherwise.")
                          .arg(product.sku)
                          .arg(plan.lines.at(existing)));
        return;
    }
    first.units.append(unit);
}

//! Reads every data row into the plan, or its errors.
void readRows(const Csv::ParseResult &csv, const QList<int> &at, const KnownNames &known,
              CatalogueCsv::Plan &plan, Seen &seen)
{
    const qsizetype columnCount = csv.rows.constFirst().size();
    for (qsizetype r = 1; r < csv.rows.size(); ++r) {
        const QStringList &fields = csv.rows.at(r);
        if (fields.size() == 1 && fields.constFirst().trimmed().isEmpty()) {
            continue; // an empty line
        }
        ++plan.rows;
        RowReader row(at, fields, csv.lines.at(r), plan.errors);
        if (!hasAllFields(row, fields.size(), columnCount)) {
            continue;
        }
        const ProductUnit unit = readUnit(row, seen);
        const Product product = readProduct(row, known);
        if (row.hasErrors() || !passesEditorChecks(row, product, unit)) {
            continue;
        }
        addToPlan(plan, seen, row, product, unit);
    }
}

//! Against the database: barcodes of other products, and which SKUs exist.
DbStatus matchCatalogue(const ProductRepository &repository, const Seen &seen,
                        CatalogueCsv::Plan &plan)
{
    QStringList skus;
    for (const Product &p : std::as_const(plan.products)) {
        skus << p.sku;
    }
    const auto existing = repository.existingSkus(skus);
    if (!existing) {
        return existing.error();
    }
    const auto owners = repository.barcodeOwners(seen.lineOfBarcode.keys(), 0);
    if (!owners) {
        return owners.error();
    }
    for (auto it = owners->cbegin(); it != owners->cend(); ++it) {
        const QString &code = it.key();
        const QString &owner = it.value();
        const qsizetype index = seen.productOfSku.value(owner, -1);
        // Moving a barcode within the same SKU is fine; taking another product's is not.
        bool sameProduct = false;
        if (index >= 0) {
            for (const ProductUnit &unit : plan.products.at(index).units) {
                sameProduct = sameProduct || unit.barcode == code;
            }
        }
        if (!sameProduct) {
            plan.errors.append(
                    {seen.lineOfBarcode.value(code), CatalogueCsv::columns().at(BarcodeText),
                     CatalogueCsv::tr("The barcode %1 already belongs to %2.").arg(code, owner)});
        }
    }
    for (const Product &p : std::as_const(plan.products)) {
        existing->contains(p.sku) ? ++plan.updatedProducts : ++plan.newProducts;
    }
    plan.existingSkus = *existing;
    return Done{};
}
} // namespace

const QStringList &CatalogueCsv::columns()
{
    static const QStringList names{u"sku"_s,           u"name"_s,          u"category"_s,
                                   u"tax_rate"_s,      u"base_unit"_s,     u"cost"_s,
                                   u"cost_per_base"_s, u"reorder_level"_s, u"active"_s,
                                   u"unit"_s,          u"base_per_unit"_s, u"price"_s,
                                   u"barcode"_s};
    return names;
}

CatalogueCsv::CatalogueCsv(const Database &db, const Session &session, const Authorizer &authorizer,
                           ConversionRateCache *cache)
    : m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
    , m_cache(cache)
{}

ServiceError CatalogueCsv::failed(const DbError &error) const
{
    return ServiceError::fromDb(error, tr("The catalogue could not be read or written. Nothing was "
                                          "changed."));
}

ServiceResult<QByteArray> CatalogueCsv::exportAll() const
{
    ProfileScope scope(u"catalogue.export"_s, ProfileScope::Repeats::Expected);
    if (!m_session.user()) {
        return ServiceError{
                ServiceError::Code::PermissionDenied, tr("Nobody is signed in at this till."), {}};
    }
    QByteArray out = Csv::line(columns()).toUtf8() + "\r\n";
    ProductRepository products(m_db);
    ProductFilter filter;
    filter.active = ProductFilter::Active::Any;
    filter.sort = ProductFilter::Sort::Sku;
    ProductCursor cursor;
    for (;;) {
        const auto page = products.page(filter, cursor, kBatchSize);
        if (!page) {
            return failed(page.error());
        }
        for (const Product &p : *page) {
            for (const ProductUnit &unit : p.units) {
                if (!unit.active) {
                    continue;
                }
                out += Csv::line({p.sku, p.name, p.categoryName, p.taxRateName,
                                  BaseUnits::key(p.baseUnit), p.cost ? money(*p.cost) : QString(),
                                  QString::number(p.costPerBase),
                                  QString::number(p.reorderLevelBase), p.active ? u"1"_s : u"0"_s,
                                  unit.name, QString::number(unit.basePerUnit), money(unit.price),
                                  unit.barcode})
                               .toUtf8()
                       + "\r\n";
            }
        }
        if (page->size() < kBatchSize) {
            break;
        }
        cursor = ProductCursor::after(page->constLast(), filter.sort);
    }
    return out;
}

ServiceResult<QByteArray> CatalogueCsv::templateFile() const
{
    ProfileScope scope(u"catalogue.template"_s);
    const auto rates = TaxRateRepository(m_db).all();
    if (!rates) {
        return failed(rates.error());
    }
    // The import finds tax rates by name: the examples use this store's, highest first.
    QList<TaxRate> byRate = *rates;
    std::sort(byRate.begin(), byRate.end(),
              [](const TaxRate &a, const TaxRate &b) { return a.rateBp > b.rateBp; });
    const QString standard = byRate.isEmpty() ? tr("Standard rate") : byRate.constFirst().name;
    const QString reduced = byRate.isEmpty() ? standard : byRate.constLast().name;
    const QString water = tr("Sparkling water 0.5 l", "example product in the CSV template");
    const QString apples = tr("Apples", "example product in the CSV template");
    const QList<QStringList> rows{
            {u"EX-0001"_s,
             water,
             {},
             standard,
             BaseUnits::key(BaseUnit::Piece),
             u"0.25"_s,
             u"1"_s,
             u"24"_s,
             u"1"_s,
             tr("Bottle", "example unit in the CSV template"),
             u"1"_s,
             u"0.79"_s,
             Barcode::withCheckDigit(u"200000000001"_s)},
            {u"EX-0001"_s,
             water,
             {},
             standard,
             BaseUnits::key(BaseUnit::Piece),
             u"0.25"_s,
             u"1"_s,
             u"24"_s,
             u"1"_s,
             tr("Crate of 12", "example unit in the CSV template"),
             u"12"_s,
             u"8.49"_s,
             Barcode::withCheckDigit(u"200000000002"_s)},
            {u"EX-0002"_s,
             apples,
             {},
             reduced,
             BaseUnits::key(BaseUnit::Gram),
             u"1.20"_s,
             u"1000"_s,
             u"5000"_s,
             u"1"_s,
             tr("1 kg bag", "example unit in the CSV template"),
             u"1000"_s,
             u"2.49"_s,
             {}},
    };
    QByteArray out = Csv::line(columns()).toUtf8() + "\r\n";
    for (const QStringList &row : rows) {
        out += Csv::line(row).toUtf8() + "\r\n";
    }
    return out;
}

ServiceResult<CatalogueCsv::Plan> CatalogueCsv::plan(const QByteArray &file) const
{
    ProfileScope scope(u"catalogue.import_plan"_s);
    if (!m_authorizer.can(m_session, Permission::Import)) {
        return ServiceError{
                ServiceError::Code::PermissionDenied,
                tr("%1 needs a manager.").arg(Permissions::displayName(Permission::Import)),
                {}};
    }
    Plan plan;
    const auto csv = readCsv(file, plan.fileError);
    if (!csv) {
        return plan;
    }
    const auto at = readColumns(csv->rows.constFirst(), plan.fileError);
    if (!at) {
        return plan;
    }

    // What the database knows: categories, tax rates. Two small queries.
    const auto categories = CategoryRepository(m_db).all();
    const auto taxRates = TaxRateRepository(m_db).all();
    if (!categories || !taxRates) {
        return failed(categories ? taxRates.error() : categories.error());
    }
    KnownNames known;
    for (const Category &c : *categories) {
        known.categoryIds.insert(c.name.toLower(), c.id);
    }
    for (const TaxRate &t : *taxRates) {
        known.taxIds.insert(t.name.toLower(), t.id);
    }

    Seen seen;
    readRows(*csv, *at, known, plan, seen);
    if (!plan.products.isEmpty()) {
        if (DbStatus status = matchCatalogue(ProductRepository(m_db), seen, plan); !status) {
            return failed(status.error());
        }
    }
    std::sort(plan.errors.begin(), plan.errors.end(),
              [](const RowError &a, const RowError &b) { return a.line < b.line; });
    return plan;
}

ServiceResult<CatalogueCsv::Outcome> CatalogueCsv::apply(const Plan &plan, const Progress &progress)
{
    ProfileScope scope(u"catalogue.import"_s, ProfileScope::Repeats::Expected);
    const auto grant = m_authorizer.authorize(m_session, Permission::Import);
    if (!grant) {
        return grant.error();
    }
    if (!plan.isApplicable()) {
        return ServiceError{
                ServiceError::Code::InvalidInput,
                tr("The file has errors; fix them and read it again. Nothing was imported."),
                {}};
    }
    const ProductRepository repository(m_db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    Outcome outcome;
    const int total = static_cast<int>(plan.products.size());
    for (int start = 0; start < total; start += kBatchSize) {
        if (progress && !progress(start, total)) {
            return ServiceError{ServiceError::Code::InvalidInput,
                                tr("The import was cancelled. Nothing was imported."),
                                {}};
        }
        const QList<Product> batch = plan.products.mid(start, kBatchSize);
        for (const Product &p : batch) {
            outcome.units += static_cast<int>(p.units.size());
        }
        // A batch is two statements, whatever its units: progress and cancel come between.
        if (DbStatus status = repository.writeProducts(
                    batch, now, ProductRepository::OnConflict::Update, BulkWriter::kOneStatement);
            !status) {
            if (status.error().kind == DbError::Kind::Constraint) {
                return ServiceError::fromDb(
                        status.error(), tr("Another lane changed the catalogue while importing; "
                                           "read the file again. Nothing was imported."));
            }
            return failed(status.error());
        }
    }
    if (m_cache) {
        if (DbStatus status = repository.notifyAllUnitsChanged(); !status) {
            return failed(status.error());
        }
    }
    outcome.created = plan.newProducts;
    outcome.updated = plan.updatedProducts;
    if (DbStatus status = AuditRepository(m_db).record(
                {grant->userId, grant->approvedBy, m_session.lane(), u"catalogue_import"_s,
                 u"created=%1 updated=%2 units=%3"_s.arg(outcome.created)
                         .arg(outcome.updated)
                         .arg(outcome.units)});
        !status) {
        return failed(status.error());
    }
    if (progress && !progress(total, total)) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("The import was cancelled. Nothing was imported."),
                            {}};
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    if (m_cache) {
        // The cache lives on the GUI thread; an import may run on a worker.
        QMetaObject::invokeMethod(m_cache, &ConversionRateCache::clear, Qt::AutoConnection);
    }
    return outcome;
}
