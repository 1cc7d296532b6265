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
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(file);
    if (decoder.hasError()) {
        plan.fileError = tr("The file is not UTF-8 text. Save it from the spreadsheet as "
                            "\"CSV UTF-8\" and try again.");
        return plan;
    }
    if (text.startsWith(QChar(0xfeff))) {
        text.remove(0, 1); // a byte order mark, as spreadsheets write it
    }
    const Csv::ParseResult csv = Csv::parse(text);
    if (!csv.ok()) {
        plan.fileError = tr("Line %1 cannot be read as CSV: %2.").arg(csv.errorLine).arg(csv.error);
        return plan;
    }
    if (csv.rows.isEmpty()) {
        plan.fileError = tr("The file is empty.");
        return plan;
    }
    // Columns are found by name, so a file with its columns in another order still reads.
    QList<int> at(ColumnCount, -1);
    const QStringList &header = csv.rows.constFirst();
    for (int c = 0; c < ColumnCount; ++c) {
        at[c] = static_cast<int>(header.indexOf(columns().at(c)));
    }
    QStringList missing;
    for (int c : {Sku, Name, TaxRateName, BaseUnitKey, Unit, BasePerUnit, Price}) {
        if (at.at(c) < 0) {
            missing << columns().at(c);
        }
    }
    if (!missing.isEmpty()) {
        plan.fileError = tr("The first line must name the columns; missing: %1.")
                                 .arg(missing.join(u", "_s));
        return plan;
    }

    // What the database knows: categories, tax rates. Two small queries.
    const ProductRepository repository(m_db);
    const auto categories = CategoryRepository(m_db).all();
    const auto taxRates = TaxRateRepository(m_db).all();
    if (!categories || !taxRates) {
        return failed(categories ? taxRates.error() : categories.error());
    }
    QHash<QString, qint64> categoryIds;
    for (const Category &c : *categories) {
        categoryIds.insert(c.name.toLower(), c.id);
    }
    QHash<QString, qint64> taxIds;
    for (const TaxRate &t : *taxRates) {
        taxIds.insert(t.name.toLower(), t.id);
    }

    QHash<QString, qsizetype> productOfSku;
    QHash<QString, int> lineOfBarcode;
    QSet<QString> skuUnits;
    for (qsizetype r = 1; r < csv.rows.size(); ++r) {
        const QStringList &fields = csv.rows.at(r);
        const int line = csv.lines.at(r);
        if (fields.size() == 1 && fields.constFirst().trimmed().isEmpty()) {
            continue; // an empty line
        }
        ++plan.rows;
        auto field = [&](int column) -> QString {
            const int index = at.at(column);
            // A formula-like cell comes back from the export with a leading '.
            return index >= 0 && index < fields.size()
                           ? Csv::unneutralised(fields.at(index).trimmed())
                           : QString();
        };
        auto error = [&](int column, const QString &message) {
            plan.errors.append({line, column >= 0 ? columns().at(column) : QString(), message});
        };
        if (fields.size() != header.size()) {
            // An unquoted "1,99" would otherwise shift every later field by one.
            error(-1, tr("Line %1 does not have as many fields as the first line has columns: "
                         "%2 instead of %3. A value with a comma needs quotes around it.")
                              .arg(line)
                              .arg(fields.size())
                              .arg(header.size()));
            continue;
        }
        const int errorsBefore = static_cast<int>(plan.errors.size());
        for (int c : {Sku, Name, TaxRateName, BaseUnitKey, Unit, BasePerUnit, Price}) {
            if (field(c).isEmpty()) {
                error(c, tr("%1 is missing.").arg(columns().at(c)));
            }
        }
        if (plan.errors.size() > errorsBefore) {
            continue;
        }
        auto wholeNumber = [&](int column, qint64 minimum, qint64 fallback) -> qint64 {
            const QString number = field(column);
            if (number.isEmpty()) {
                return fallback;
            }
            bool ok = false;
            const qint64 value = number.toLongLong(&ok);
            if (!ok || value < minimum) {
                error(column,
                      tr("\"%1\" is not a whole number of at least %2.").arg(number).arg(minimum));
                return fallback;
            }
            return value;
        };
        auto amount = [&](int column) -> std::optional<Money> {
            const QString typed = field(column);
            if (typed.isEmpty()) {
                return std::nullopt;
            }
            const auto value = Money::fromString(typed, QLocale::c());
            if (!value || value->isNegative()) {
                error(column, tr("\"%1\" is not an amount like 2.49 with at most two decimals.")
                                      .arg(typed));
                return std::nullopt;
            }
            return value;
        };

        ProductUnit unit;
        unit.name = field(Unit);
        unit.basePerUnit = wholeNumber(BasePerUnit, 1, 1);
        const auto price = amount(Price);
        unit.price = price.value_or(Money());
        unit.barcode = field(BarcodeText);
        if (!unit.barcode.isEmpty()) {
            if (!Barcode::isValid(unit.barcode)) {
                error(BarcodeText,
                      tr("The barcode %1 has a wrong check digit or characters a scanner "
                         "cannot type.")
                              .arg(unit.barcode));
            } else if (lineOfBarcode.contains(unit.barcode)) {
                error(BarcodeText, tr("The barcode %1 is also on line %2.")
                                           .arg(unit.barcode)
                                           .arg(lineOfBarcode.value(unit.barcode)));
            } else {
                lineOfBarcode.insert(unit.barcode, line);
            }
        }
        const QString sku = field(Sku);
        const QString skuUnit = sku + u'\n' + unit.name.toLower();
        if (skuUnits.contains(skuUnit)) {
            error(Unit, tr("The unit \"%1\" of %2 appears twice.").arg(unit.name, sku));
        }
        skuUnits.insert(skuUnit);

        Product product;
        product.sku = sku;
        product.name = field(Name);
        const QString category = field(CategoryName);
        if (!category.isEmpty()) {
            product.categoryId = categoryIds.value(category.toLower(), 0);
            product.categoryName = category;
            if (product.categoryId == 0) {
                error(CategoryName, tr("There is no category called \"%1\".").arg(category));
            }
        }
        product.taxRateName = field(TaxRateName);
        product.taxRateId = taxIds.value(product.taxRateName.toLower(), 0);
        if (product.taxRateId == 0) {
            error(TaxRateName, tr("There is no tax rate called \"%1\".").arg(product.taxRateName));
        }
        const auto baseUnit = BaseUnits::fromKey(field(BaseUnitKey).toLower());
        if (!baseUnit) {
            error(BaseUnitKey, tr("The base unit is piece, gram or millilitre, not \"%1\".")
                                       .arg(field(BaseUnitKey)));
        }
        product.baseUnit = baseUnit.value_or(BaseUnit::Piece);
        product.cost = amount(Cost);
        product.costPerBase = wholeNumber(CostPerBase, 1, 1);
        product.reorderLevelBase = wholeNumber(ReorderLevel, 0, 0);
        const QString active = field(Active).toLower();
        if (active.isEmpty() || active == u"1"_s || active == u"yes"_s || active == u"true"_s) {
            product.active = true;
        } else if (active == u"0"_s || active == u"no"_s || active == u"false"_s) {
            product.active = false;
        } else {
            error(Active, tr("%1 is 1, 0, yes, no, true or false, not \"%2\".")
                                  .arg(columns().at(Active), field(Active)));
        }
        if (plan.errors.size() > errorsBefore) {
            continue;
        }
        // The editor's limits, checked by the same function the editor's save goes through.
        Product row = product;
        row.units = {unit};
        if (const auto problem = CatalogueService::problem(row)) {
            error(columnOf(problem->field), problem->message);
            continue;
        }

        const qsizetype existing = productOfSku.value(sku, -1);
        if (existing < 0) {
            product.units.append(unit);
            productOfSku.insert(sku, plan.products.size());
            plan.products.append(product);
            plan.lines.append(line);
            continue;
        }
        Product &first = plan.products[existing];
        if (first.name != product.name || first.taxRateId != product.taxRateId
            || first.baseUnit != product.baseUnit || first.categoryId != product.categoryId) {
            error(Name,
                  tr("The rows of %1 disagree about its name, category, tax rate or base unit; "
                     "line %2 says otherwise.")
                          .arg(sku)
                          .arg(plan.lines.at(existing)));
            continue;
        }
        first.units.append(unit);
    }

    // Against the database: barcodes of other products, and which SKUs exist.
    if (!plan.products.isEmpty()) {
        QStringList skus;
        for (const Product &p : std::as_const(plan.products)) {
            skus << p.sku;
        }
        const auto existing = repository.existingSkus(skus);
        if (!existing) {
            return failed(existing.error());
        }
        const QSet<QString> &known = *existing;
        const auto owners = repository.barcodeOwners(lineOfBarcode.keys(), 0);
        if (!owners) {
            return failed(owners.error());
        }
        for (auto it = owners->cbegin(); it != owners->cend(); ++it) {
            const QString &code = it.key();
            const QString &owner = it.value();
            const qsizetype index = productOfSku.value(owner, -1);
            // Moving a barcode within the same SKU is fine; taking another product's is not.
            bool sameProduct = false;
            if (index >= 0) {
                for (const ProductUnit &unit : plan.products.at(index).units) {
                    sameProduct = sameProduct || unit.barcode == code;
                }
            }
            if (!sameProduct) {
                plan.errors.append({lineOfBarcode.value(code), columns().at(BarcodeText),
                                    tr("The barcode %1 already belongs to %2.").arg(code, owner)});
            }
        }
        for (const Product &p : std::as_const(plan.products)) {
            known.contains(p.sku) ? ++plan.updatedProducts : ++plan.newProducts;
        }
        plan.existingSkus = known;
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
