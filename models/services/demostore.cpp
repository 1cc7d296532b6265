#include "models/services/demostore.h"

#include "models/db/auditrepository.h"
#include "models/db/database.h"
#include "models/db/jsonrows.h"
#include "models/db/migrator.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/db/shiftrepository.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"
#include "models/db/userrepository.h"
#include "models/domain/barcode.h"
#include "models/domain/csv.h"
#include "models/domain/money.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

// The same seed gives the same store on every machine: QRandomGenerator's sequence
// and bounded() are defined by Qt, unlike std::uniform_int_distribution.
constexpr quint32 kSeed = 20261122;
constexpr int kRowsPerStatement = 2000;
const QUuid kUuidNamespace(u"{6f1c9a0e-51b2-4c37-9d0e-7a1e5b2c3d40}"_s);

const QString kStandardTax = u"Standard rate"_s;
const QString kReducedTax = u"Reduced rate"_s;

struct CatalogueUnit
{
    QString name;
    qint64 basePerUnit = 1;
    qint64 priceMinor = 0;
    QString barcode;
};

struct CatalogueProduct
{
    QString sku;
    QString category;
    QString name;
    QString baseUnit;
    QString tax;
    qint64 costMinor = 0;
    qint64 costPerBase = 1;
    qint64 reorderLevel = 0;
    QList<CatalogueUnit> units; // smallest first
};

/*!
 * The demo's names in one language. English is the catalogue's own text; another language
 * maps each English category, unit, tax rate and refund reason, and each product by SKU.
 */
class DemoTexts
{
public:
    static DbResult<DemoTexts> load(QLocale::Language language)
    {
        DemoTexts texts;
        if (language != QLocale::German) {
            return texts;
        }
        QFile file(u":/demo/catalogue_de.csv"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            return DbError{DbError::Kind::Invalid, u"The German demo names are missing."_s};
        }
        const Csv::ParseResult csv = Csv::parse(QString::fromUtf8(file.readAll()));
        if (!csv.ok()) {
            return DbError{
                    DbError::Kind::Invalid,
                    u"The German demo names cannot be read: %1 (line %2)"_s.arg(csv.error).arg(
                            csv.errorLine)};
        }
        for (qsizetype i = 1; i < csv.rows.size(); ++i) {
            const QStringList &f = csv.rows.at(i);
            if (f.size() != 3) {
                return DbError{
                        DbError::Kind::Invalid,
                        u"German demo names line %1 has %2 fields."_s.arg(i + 1).arg(f.size())};
            }
            texts.m_names.insert(f.at(0) + u'/' + f.at(1), f.at(2));
        }
        texts.m_translated = true;
        return texts;
    }

    //! The name of kind ("category", "unit", "tax", "reason", "product" by SKU) for key.
    DbResult<QString> name(const QString &kind, const QString &key, const QString &english) const
    {
        if (!m_translated) {
            return english;
        }
        const auto it = m_names.constFind(kind + u'/' + key);
        if (it == m_names.cend()) {
            return DbError{DbError::Kind::Invalid,
                           u"The demo has no German name for the %1 \"%2\"."_s.arg(kind, key)};
        }
        return *it;
    }

private:
    QHash<QString, QString> m_names;
    bool m_translated = false;
};

DbResult<QList<CatalogueProduct>> loadCatalogue(const DemoTexts &texts)
{
    QFile file(u":/demo/catalogue.csv"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return DbError{DbError::Kind::Invalid, u"The demo catalogue is missing."_s};
    }
    const Csv::ParseResult csv = Csv::parse(QString::fromUtf8(file.readAll()));
    if (!csv.ok() || csv.rows.size() < 2) {
        return DbError{DbError::Kind::Invalid,
                       u"The demo catalogue cannot be read: %1 (line %2)"_s.arg(csv.error).arg(
                               csv.errorLine)};
    }
    QList<CatalogueProduct> products;
    QHash<QString, qsizetype> bySku;
    for (qsizetype i = 1; i < csv.rows.size(); ++i) {
        const QStringList &f = csv.rows.at(i);
        if (f.size() != 11) {
            return DbError{DbError::Kind::Invalid,
                           u"Demo catalogue line %1 has %2 fields."_s.arg(i + 1).arg(f.size())};
        }
        qsizetype index = bySku.value(f.at(0), -1);
        if (index < 0) {
            CatalogueProduct p;
            p.sku = f.at(0);
            const auto category = texts.name(u"category"_s, f.at(1), f.at(1));
            const auto name = texts.name(u"product"_s, p.sku, f.at(2));
            if (!category || !name) {
                return category ? name.error() : category.error();
            }
            p.category = *category;
            p.name = *name;
            p.baseUnit = f.at(3);
            p.tax = f.at(4) == u"standard"_s ? kStandardTax : kReducedTax;
            p.costMinor = f.at(5).toLongLong();
            p.costPerBase = f.at(6).toLongLong();
            p.reorderLevel = f.at(7).toLongLong();
            index = products.size();
            bySku.insert(p.sku, index);
            products.append(p);
        }
        CatalogueProduct &product = products[index];
        const auto unitName = texts.name(u"unit"_s, f.at(8), f.at(8));
        if (!unitName) {
            return unitName.error();
        }
        CatalogueUnit unit{*unitName, f.at(9).toLongLong(), f.at(10).toLongLong(), {}};
        // In-store number range 20-29: "201", the product's index, the unit's index.
        unit.barcode = Barcode::withCheckDigit(
                u"201%1%2"_s.arg(qint64(index + 1), 6, 10, QChar(u'0'))
                        .arg(qint64(product.units.size() + 1), 3, 10, QChar(u'0')));
        product.units.append(unit);
    }
    for (CatalogueProduct &p : products) {
        std::sort(p.units.begin(), p.units.end(),
                  [](const auto &a, const auto &b) { return a.basePerUnit < b.basePerUnit; });
    }
    return products;
}

//! Picks an index with probability proportional to its weight.
class WeightedPicker
{
public:
    explicit WeightedPicker(const QList<qint64> &weights)
    {
        qint64 sum = 0;
        for (qint64 w : weights) {
            sum += w;
            m_cumulative.append(sum);
        }
    }
    int pick(QRandomGenerator &rng) const
    {
        const qint64 r
                = static_cast<qint64>(rng.bounded(static_cast<quint64>(m_cumulative.constLast())));
        const auto it = std::upper_bound(m_cumulative.cbegin(), m_cumulative.cend(), r);
        return static_cast<int>(it - m_cumulative.cbegin());
    }

private:
    QList<qint64> m_cumulative;
};

struct GeneratedLine
{
    int product = 0; // index into the catalogue
    int unit = 0;    // index into the product's units
    qint64 quantity = 0;
    qint64 baseQuantity = 0;
    qint64 unitPrice = 0;
    qint64 discount = 0;
    qint64 taxRateBp = 0;
    qint64 tax = 0;
    qint64 total = 0;
    qint64 refundedBase = 0;
};

struct GeneratedPayment
{
    QString method;
    qint64 amount = 0;
    qint64 tendered = -1; // -1: none (card)
    qint64 change = 0;
    QString reference;
};

struct GeneratedBill
{
    QString uuid;
    QString lane;
    qint64 number = 0;
    qint64 zNumber = 0;
    QString cashier;
    QDateTime at;
    QList<GeneratedLine> lines;
    QList<GeneratedPayment> payments;
    qint64 total = 0;
    qint64 tax = 0;
    qint64 discount = 0;
};

struct GeneratedRefund
{
    QString uuid;
    QString lane;
    qint64 number = 0;
    qint64 zNumber = 0;
    int bill = 0; // index into bills
    int line = 0; // index into the bill's lines
    qint64 baseQuantity = 0;
    qint64 amount = 0;
    bool restock = true;
    QString reason;
    QString method;
    QDateTime at;
};

struct GeneratedShift
{
    QString lane;
    QString cashier;
    qint64 zNumber = 0;
    QDateTime openedAt;
    QDateTime closedAt;
    qint64 openingFloat = 15000;
    qint64 cashIn = 0;  // cash sales
    qint64 cashOut = 0; // cash refunds
    qint64 countedDifference = 0;
};

struct History
{
    QList<GeneratedShift> shifts;
    QList<GeneratedBill> bills;
    QList<GeneratedRefund> refunds;
};

qint64 taxIncluded(qint64 gross, qint64 rateBp)
{
    return roundedDiv(gross, rateBp, 10000 + rateBp).value_or(0);
}

QDateTime localTime(const QDate &day, int hour, int minute, int second)
{
    return QDateTime(day, QTime(hour, minute, second));
}

History generateHistory(const QList<CatalogueProduct> &catalogue, const DemoStore::Options &o)
{
    QRandomGenerator rng(kSeed);
    History history;

    // Popularity: a long tail, with the order of products shuffled once.
    QList<int> order(catalogue.size());
    std::iota(order.begin(), order.end(), 0);
    for (qsizetype i = order.size() - 1; i > 0; --i) {
        std::swap(order[i], order[rng.bounded(static_cast<int>(i + 1))]);
    }
    QList<qint64> weights(catalogue.size());
    for (qsizetype rank = 0; rank < order.size(); ++rank) {
        weights[order.at(rank)] = 1000000 / (rank + 4);
    }
    const WeightedPicker productPicker(weights);
    const WeightedPicker hourPicker({3, 6, 6, 7, 9, 11, 9, 6, 6, 8, 11, 10, 6, 3}); // 7..20 h
    const WeightedPicker linesPicker({22, 20, 16, 12, 9, 7, 5, 4, 3, 2});           // 1..10
    const WeightedPicker quantityPicker({75, 17, 6, 1, 1});                         // 1..5
    // Monday .. Sunday, in percent of an average day.
    const int weekdayFactor[] = {90, 90, 100, 105, 125, 140, 55};
    const QStringList cashiers{u"carl"_s, u"cleo"_s};
    const QStringList reasons{u"Damaged packaging"_s, u"Changed mind"_s, u"Wrong item"_s,
                              u"Past best-before date"_s, u"Faulty"_s};

    // Numbers per lane start at 1, whatever the lanes are called.
    QHash<QString, qint64> lastBill;
    QHash<QString, qint64> lastZ;
    // Per day and lane, the shift's index, for refunds on later days.
    QHash<QString, int> shiftOf;
    auto shiftKey = [](const QDate &d, const QString &lane) -> QString {
        return d.toString(Qt::ISODate) + u'/' + lane;
    };

    const QDate first = o.today.addDays(-o.historyDays);
    int billSerial = 0;
    for (QDate day = first; day < o.today; day = day.addDays(1)) {
        const int factor = weekdayFactor[day.dayOfWeek() - 1];
        const int billsToday = o.billsPerDay * factor / 100 * (85 + rng.bounded(31)) / 100;
        // A second lane opens on the busy days.
        const bool secondLane = factor >= 125;
        QStringList lanes{o.lane};
        if (secondLane) {
            lanes << (o.lane == u"2"_s ? u"1"_s : u"2"_s);
        }
        for (qsizetype l = 0; l < lanes.size(); ++l) {
            GeneratedShift shift;
            shift.lane = lanes.at(l);
            shift.cashier = cashiers.at((day.dayOfYear() + l) % 2);
            shift.zNumber = ++lastZ[shift.lane];
            shift.openedAt = localTime(day, 6, 45, 0);
            shift.closedAt = localTime(day, 21, 10 + rng.bounded(20), 0);
            shift.countedDifference = rng.bounded(10) == 0 ? (rng.bounded(3) - 1) * 50 : 0;
            shiftOf.insert(shiftKey(day, shift.lane), static_cast<int>(history.shifts.size()));
            history.shifts.append(shift);
        }

        QList<GeneratedBill> today;
        for (int b = 0; b < billsToday; ++b) {
            GeneratedBill bill;
            bill.lane = lanes.at(secondLane && rng.bounded(100) < 40 ? 1 : 0);
            bill.at = localTime(day, 7 + hourPicker.pick(rng), rng.bounded(60), rng.bounded(60));
            const int lineCount = 1 + linesPicker.pick(rng);
            QHash<int, int> lineOfProduct;
            for (int i = 0; i < lineCount; ++i) {
                const int p = productPicker.pick(rng);
                const CatalogueProduct &product = catalogue.at(p);
                int unit = 0;
                if (product.units.size() > 1 && rng.bounded(100) < 12) {
                    unit = 1 + rng.bounded(static_cast<int>(product.units.size() - 1));
                }
                const qint64 quantity = 1 + quantityPicker.pick(rng);
                const int existing = lineOfProduct.value(p * 16 + unit, -1);
                if (existing >= 0) {
                    bill.lines[existing].quantity += quantity;
                    continue;
                }
                lineOfProduct.insert(p * 16 + unit, static_cast<int>(bill.lines.size()));
                GeneratedLine line;
                line.product = p;
                line.unit = unit;
                line.quantity = quantity;
                line.unitPrice = product.units.at(unit).priceMinor;
                line.taxRateBp = product.tax == kStandardTax ? 1900 : 700;
                line.discount = rng.bounded(100) < 3 ? -1 : 0; // decided once the quantity is final
                bill.lines.append(line);
            }
            for (GeneratedLine &line : bill.lines) {
                const CatalogueUnit &unit = catalogue.at(line.product).units.at(line.unit);
                line.baseQuantity = line.quantity * unit.basePerUnit;
                const qint64 gross = line.unitPrice * line.quantity;
                line.discount = line.discount < 0 ? roundedDiv(gross, 1000, 10000).value_or(0) : 0;
                line.total = gross - line.discount;
                line.tax = taxIncluded(line.total, line.taxRateBp);
                bill.total += line.total;
                bill.tax += line.tax;
                bill.discount += line.discount;
            }
            const int method = rng.bounded(100);
            if (method < 55) {
                bill.payments.append({u"card"_s, bill.total, -1, 0,
                                      u"DEMO-%1"_s.arg(100000 + rng.bounded(900000))});
            } else if (method < 95 || bill.total < 1000) {
                const qint64 notes[] = {500, 1000, 2000, 5000, 10000};
                qint64 tendered = bill.total;
                if (rng.bounded(3) != 0) {
                    for (qint64 note : notes) {
                        if (note >= bill.total) {
                            tendered = note;
                            break;
                        }
                    }
                }
                bill.payments.append({u"cash"_s, bill.total, tendered, tendered - bill.total, {}});
            } else {
                const qint64 card = bill.total / 2 / 100 * 100;
                bill.payments.append(
                        {u"card"_s, card, -1, 0, u"DEMO-%1"_s.arg(100000 + rng.bounded(900000))});
                bill.payments.append({u"cash"_s, bill.total - card, bill.total - card, 0, {}});
            }
            bill.uuid = QUuid::createUuidV5(kUuidNamespace, u"bill-%1"_s.arg(++billSerial))
                                .toString(QUuid::WithoutBraces);
            today.append(bill);
        }
        // Numbers follow the clock within each lane, as they do at a real till.
        std::sort(today.begin(), today.end(),
                  [](const auto &a, const auto &b) { return a.at < b.at; });
        for (GeneratedBill &bill : today) {
            bill.number = ++lastBill[bill.lane];
            GeneratedShift &shift = history.shifts[shiftOf.value(shiftKey(day, bill.lane))];
            bill.zNumber = shift.zNumber;
            bill.cashier = shift.cashier;
            for (const GeneratedPayment &payment : bill.payments) {
                if (payment.method == u"cash"_s) {
                    shift.cashIn += payment.amount;
                }
            }
            history.bills.append(bill);
        }
    }

    // About 2 % of bills come back, in part or whole, a few days later.
    for (qsizetype b = 0; b < history.bills.size(); ++b) {
        if (rng.bounded(1000) >= 20) {
            continue;
        }
        GeneratedBill &bill = history.bills[b];
        GeneratedRefund refund;
        refund.bill = static_cast<int>(b);
        refund.line = rng.bounded(static_cast<int>(bill.lines.size()));
        GeneratedLine &line = bill.lines[refund.line];
        const qint64 perUnit = catalogue.at(line.product).units.at(line.unit).basePerUnit;
        const qint64 units = line.quantity > 1 && rng.bounded(2) == 0
                                     ? 1 + rng.bounded(static_cast<int>(line.quantity - 1))
                                     : line.quantity;
        refund.baseQuantity = units * perUnit;
        refund.amount = roundedDiv(line.total, refund.baseQuantity, line.baseQuantity).value_or(0);
        refund.restock = rng.bounded(100) < 85;
        refund.reason = reasons.at(rng.bounded(static_cast<int>(reasons.size())));
        QDate day = bill.at.date().addDays(rng.bounded(4));
        if (day >= o.today) {
            day = bill.at.date();
        }
        refund.at = localTime(day, 10 + rng.bounded(8), rng.bounded(60), rng.bounded(60));
        if (refund.at <= bill.at) {
            refund.at = bill.at.addSecs(600);
        }
        refund.lane = o.lane;
        const int shiftIndex = shiftOf.value(shiftKey(refund.at.date(), refund.lane), -1);
        if (shiftIndex < 0 || refund.at >= history.shifts.at(shiftIndex).closedAt) {
            continue;
        }
        line.refundedBase = refund.baseQuantity;
        GeneratedShift &shift = history.shifts[shiftIndex];
        refund.zNumber = shift.zNumber;
        const bool paidCash = std::any_of(bill.payments.cbegin(), bill.payments.cend(),
                                          [](const auto &p) { return p.method == u"cash"_s; });
        refund.method = paidCash ? u"cash"_s : u"card"_s;
        if (paidCash) {
            shift.cashOut += refund.amount;
        }
        refund.uuid = QUuid::createUuidV5(kUuidNamespace, u"refund-%1"_s.arg(b))
                              .toString(QUuid::WithoutBraces);
        history.refunds.append(refund);
    }
    // Refunds were appended in bill order; numbers must follow the clock per lane.
    std::sort(history.refunds.begin(), history.refunds.end(),
              [](const auto &a, const auto &b) { return a.at < b.at; });
    QHash<QString, qint64> refundNumber;
    for (GeneratedRefund &refund : history.refunds) {
        refund.number = ++refundNumber[refund.lane];
    }
    return history;
}

/*!
 * Runs one INSERT ... SELECT over a JSON row source for as many chunks as the rows need.
 * The statement text is the same for every chunk.
 */
class BulkWriter
{
public:
    BulkWriter(const Database &db, QString sql)
        : m_db(db)
        , m_sql(std::move(sql))
    {}

    JsonRows &row()
    {
        if (m_rows.rowCount() >= kRowsPerStatement) {
            flush();
        }
        m_rows.beginRow();
        return m_rows;
    }
    bool flush()
    {
        if (m_failed || m_rows.isEmpty()) {
            return !m_failed;
        }
        SqlQuery q(m_db, m_sql);
        q.bind(u"rows"_s, m_rows.toString());
        m_rows.clear();
        if (!q.exec()) {
            m_failed = true;
            m_error = q.error();
        } else {
            m_written += q.numRowsAffected();
        }
        return !m_failed;
    }
    DbStatus finish()
    {
        if (!flush()) {
            return m_error;
        }
        return Done{};
    }
    qint64 written() const { return m_written; }

private:
    const Database &m_db;
    QString m_sql;
    JsonRows m_rows;
    bool m_failed = false;
    DbError m_error;
    qint64 m_written = 0;
};

using Col = Dialect::JsonColumn;
using Type = Dialect::ColumnType;

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
    SqlQuery q(db, u"SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM products)"_s);
    if (!q.execOne()) {
        return q.error();
    }
    return q.int64(0) == 0;
}

DbResult<DemoStore::Summary> DemoStore::fill(const Database &db, const Options &options,
                                             const Progress &progress)
{
    ProfileScope scope(u"demo.fill"_s, ProfileScope::Repeats::Expected);
    constexpr int kSteps = 8;
    auto step = [&progress](int done) {
        if (progress) {
            progress(done, kSteps);
        }
    };
    step(0);
    const auto texts = DemoTexts::load(options.language);
    if (!texts) {
        return texts.error();
    }
    const auto catalogue = loadCatalogue(*texts);
    if (!catalogue) {
        return catalogue.error();
    }
    // Tax rates and refund reasons keep their English keys inside the generator.
    QHash<QString, QString> named;
    for (const auto &[kind, english] : std::initializer_list<std::pair<QString, QString>>{
                 {u"tax"_s, kStandardTax},
                 {u"tax"_s, kReducedTax},
                 {u"reason"_s, u"Damaged packaging"_s},
                 {u"reason"_s, u"Changed mind"_s},
                 {u"reason"_s, u"Wrong item"_s},
                 {u"reason"_s, u"Past best-before date"_s},
                 {u"reason"_s, u"Faulty"_s}}) {
        const auto name = texts->name(kind, english, english);
        if (!name) {
            return name.error();
        }
        named.insert(english, *name);
    }
    const History history = generateHistory(*catalogue, options);
    step(1);

    const Dialect &dialect = db.dialect();
    Transaction tx(db);
    if (DbStatus status = tx.begin(); !status) {
        return status.error();
    }
    auto fail = [](const DbError &error) -> DbResult<Summary> {
        return error;
    };

    // Store, lanes, people, taxes.
    const SettingsRepository settings(db);
    const QList<std::pair<QString, QString>> storeSettings{
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
    for (const auto &[key, value] : storeSettings) {
        if (DbStatus status = settings.setValue(key, value); !status) {
            return fail(status.error());
        }
    }
    // The demo's busy days open a second lane; the till's own lane is one of the two.
    QStringList lanes{u"1"_s, u"2"_s};
    if (!lanes.contains(options.lane)) {
        lanes.prepend(options.lane);
    }
    for (const QString &lane : std::as_const(lanes)) {
        SqlQuery q(db, u"INSERT INTO lanes (name) VALUES (:name)"_s);
        q.bind(u"name"_s, lane);
        if (!q.exec()) {
            return fail(q.error());
        }
    }
    const UserRepository userRepository(db);
    const int iterations
            = options.pinIterations > 0 ? options.pinIterations : PinHasher::kIterations;
    for (const DemoUser &u : users()) {
        User user{0, u.login, u.name, Roles::fromKey(u.role).value_or(Role::Cashier), true};
        if (auto id = userRepository.insert(user, PinHasher::hash(u.pin, iterations)); !id) {
            return fail(id.error());
        }
    }
    {
        SqlQuery taxes(db, u"INSERT INTO tax_rates (name, rate_bp) VALUES (:standard, 1900), "
                           "(:reduced, 700)"_s);
        taxes.bind(u"standard"_s, named.value(kStandardTax))
                .bind(u"reduced"_s, named.value(kReducedTax));
        if (!taxes.exec()) {
            return fail(taxes.error());
        }
    }
    step(2);

    // The catalogue.
    const QDateTime opening = localTime(options.today.addDays(-options.historyDays - 1), 6, 0, 0);
    {
        BulkWriter categories(
                db, u"INSERT INTO categories (name, sort_order) SELECT name, sort_order FROM "_s
                            + dialect.jsonRows(u"rows"_s, {Col{u"name"_s, Type::Text},
                                                           Col{u"sort_order"_s, Type::Integer}})
                            + u" AS j"_s);
        QStringList seen;
        for (const CatalogueProduct &p : *catalogue) {
            if (!seen.contains(p.category)) {
                seen << p.category;
                JsonRows &row = categories.row();
                row.add(u"name", p.category);
                row.add(u"sort_order", static_cast<qint64>(seen.size()));
            }
        }
        if (DbStatus status = categories.finish(); !status) {
            return fail(status.error());
        }
    }
    BulkWriter products(
            db,
            u"INSERT INTO products (sku, name, category_id, tax_rate_id, base_unit, "
            u"reorder_level_base, "
            "cost_minor, cost_per_base, created_at, updated_at) "
            "SELECT j.sku, j.name, c.id, t.id, j.base_unit, j.reorder, j.cost, j.cost_per_base, "
            "j.at, j.at "
            "FROM "_s
                    + dialect.jsonRows(
                            u"rows"_s,
                            {Col{u"sku"_s, Type::Text}, Col{u"name"_s, Type::Text},
                             Col{u"category"_s, Type::Text}, Col{u"tax"_s, Type::Text},
                             Col{u"base_unit"_s, Type::Text}, Col{u"reorder"_s, Type::Integer},
                             Col{u"cost"_s, Type::Integer}, Col{u"cost_per_base"_s, Type::Integer},
                             Col{u"at"_s, Type::Timestamp}})
                    + u" AS j JOIN categories c ON c.name = j.category JOIN tax_rates t ON t.name = j.tax"_s);
    BulkWriter units(db,
                     u"INSERT INTO product_units (product_id, name, base_per_unit, price_minor, "
                     u"barcode, updated_at) "
                     "SELECT p.id, j.name, j.base_per_unit, j.price, j.barcode, j.at FROM "_s
                             + dialect.jsonRows(u"rows"_s, {Col{u"sku"_s, Type::Text},
                                                            Col{u"name"_s, Type::Text},
                                                            Col{u"base_per_unit"_s, Type::Integer},
                                                            Col{u"price"_s, Type::Integer},
                                                            Col{u"barcode"_s, Type::Text},
                                                            Col{u"at"_s, Type::Timestamp}})
                             + u" AS j JOIN products p ON p.sku = j.sku"_s);
    for (const CatalogueProduct &p : *catalogue) {
        JsonRows &row = products.row();
        row.add(u"sku", p.sku);
        row.add(u"name", p.name);
        row.add(u"category", p.category);
        row.add(u"tax", named.value(p.tax));
        row.add(u"base_unit", p.baseUnit);
        row.add(u"reorder", p.reorderLevel);
        row.add(u"cost", p.costMinor);
        row.add(u"cost_per_base", p.costPerBase);
        row.add(u"at", opening);
    }
    if (DbStatus status = products.finish(); !status) {
        return fail(status.error());
    }
    for (const CatalogueProduct &p : *catalogue) {
        for (const CatalogueUnit &u : p.units) {
            JsonRows &row = units.row();
            row.add(u"sku", p.sku);
            row.add(u"name", u.name);
            row.add(u"base_per_unit", u.basePerUnit);
            row.add(u"price", u.priceMinor);
            row.add(u"barcode", u.barcode);
            row.add(u"at", opening);
        }
    }
    if (DbStatus status = units.finish(); !status) {
        return fail(status.error());
    }
    step(3);

    // Shifts, bills and their lines.
    {
        BulkWriter shifts(
                db,
                u"INSERT INTO shifts (lane, cashier_id, opened_at, closed_at, closed_by, "
                "opening_float_minor, expected_cash_minor, counted_cash_minor, z_number) "
                "SELECT j.lane, u.id, j.opened_at, j.closed_at, u.id, j.float, j.expected, "
                "j.counted, j.z "
                "FROM "_s
                        + dialect.jsonRows(
                                u"rows"_s,
                                {Col{u"lane"_s, Type::Text}, Col{u"cashier"_s, Type::Text},
                                 Col{u"opened_at"_s, Type::Timestamp},
                                 Col{u"closed_at"_s, Type::Timestamp},
                                 Col{u"float"_s, Type::Integer}, Col{u"expected"_s, Type::Integer},
                                 Col{u"counted"_s, Type::Integer}, Col{u"z"_s, Type::Integer}})
                        + u" AS j JOIN users u ON u.login = j.cashier"_s);
        for (const GeneratedShift &s : history.shifts) {
            JsonRows &row = shifts.row();
            const qint64 expected = s.openingFloat + s.cashIn - s.cashOut;
            row.add(u"lane", s.lane);
            row.add(u"cashier", s.cashier);
            row.add(u"opened_at", s.openedAt);
            row.add(u"closed_at", s.closedAt);
            row.add(u"float", s.openingFloat);
            row.add(u"expected", expected);
            row.add(u"counted", expected + s.countedDifference);
            row.add(u"z", s.zNumber);
        }
        if (DbStatus status = shifts.finish(); !status) {
            return fail(status.error());
        }
    }
    {
        BulkWriter bills(
                db, u"INSERT INTO bills (uuid, number, lane, cashier_id, shift_id, created_at, "
                    u"subtotal_minor, "
                    "discount_minor, tax_minor, rounding_minor, total_minor) "
                    "SELECT j.uuid, j.number, j.lane, u.id, s.id, j.at, j.subtotal, j.discount, "
                    "j.tax, 0, j.total "
                    "FROM "_s
                            + dialect.jsonRows(
                                    u"rows"_s,
                                    {Col{u"uuid"_s, Type::Text}, Col{u"number"_s, Type::Integer},
                                     Col{u"lane"_s, Type::Text}, Col{u"cashier"_s, Type::Text},
                                     Col{u"z"_s, Type::Integer}, Col{u"at"_s, Type::Timestamp},
                                     Col{u"subtotal"_s, Type::Integer},
                                     Col{u"discount"_s, Type::Integer},
                                     Col{u"tax"_s, Type::Integer}, Col{u"total"_s, Type::Integer}})
                            + u" AS j JOIN users u ON u.login = j.cashier "
                              "JOIN shifts s ON s.lane = j.lane AND s.z_number = j.z"_s);
        for (const GeneratedBill &b : history.bills) {
            JsonRows &row = bills.row();
            row.add(u"uuid", b.uuid);
            row.add(u"number", b.number);
            row.add(u"lane", b.lane);
            row.add(u"cashier", b.cashier);
            row.add(u"z", b.zNumber);
            row.add(u"at", b.at);
            row.add(u"subtotal", b.total + b.discount);
            row.add(u"discount", b.discount);
            row.add(u"tax", b.tax);
            row.add(u"total", b.total);
        }
        if (DbStatus status = bills.finish(); !status) {
            return fail(status.error());
        }
    }
    step(4);
    BulkWriter lines(
            db,
            u"INSERT INTO bill_items (bill_id, line_no, product_id, unit_id, quantity, "
            u"base_quantity, "
            "unit_price_minor, discount_minor, tax_rate_bp, tax_minor, total_minor, "
            "refunded_base_quantity) "
            "SELECT b.id, j.line_no, pu.product_id, pu.id, j.quantity, j.base_quantity, j.price, "
            "j.discount, j.rate, j.tax, j.total, j.refunded FROM "_s
                    + dialect.jsonRows(
                            u"rows"_s,
                            {Col{u"bill"_s, Type::Text}, Col{u"line_no"_s, Type::Integer},
                             Col{u"barcode"_s, Type::Text}, Col{u"quantity"_s, Type::Integer},
                             Col{u"base_quantity"_s, Type::Integer}, Col{u"price"_s, Type::Integer},
                             Col{u"discount"_s, Type::Integer}, Col{u"rate"_s, Type::Integer},
                             Col{u"tax"_s, Type::Integer}, Col{u"total"_s, Type::Integer},
                             Col{u"refunded"_s, Type::Integer}})
                    + u" AS j JOIN bills b ON b.uuid = j.bill JOIN product_units pu ON pu.barcode = j.barcode"_s);
    BulkWriter payments(
            db,
            u"INSERT INTO payments (bill_id, refund_id, shift_id, method, amount_minor, "
            u"tendered_minor, "
            "change_minor, reference, created_at) "
            "SELECT b.id, r.id, COALESCE(b.shift_id, r.shift_id), j.method, j.amount, j.tendered, "
            "j.change, "
            "j.reference, j.at FROM "_s
                    + dialect.jsonRows(
                            u"rows"_s,
                            {Col{u"bill"_s, Type::Text}, Col{u"refund"_s, Type::Text},
                             Col{u"method"_s, Type::Text}, Col{u"amount"_s, Type::Integer},
                             Col{u"tendered"_s, Type::Integer}, Col{u"change"_s, Type::Integer},
                             Col{u"reference"_s, Type::Text}, Col{u"at"_s, Type::Timestamp}})
                    + u" AS j LEFT JOIN bills b ON b.uuid = j.bill LEFT JOIN refunds r ON r.uuid = j.refund"_s);
    // One ledger row per product and bill, as a sale commits them.
    BulkWriter ledger(
            db,
            u"INSERT INTO stock_movements (product_id, delta_base, reason, bill_id, refund_id, "
            u"user_id, "
            "created_at) "
            "SELECT p.id, j.delta, j.reason, b.id, r.id, COALESCE(b.cashier_id, r.cashier_id), j.at FROM "_s
                    + dialect.jsonRows(u"rows"_s,
                                       {Col{u"sku"_s, Type::Text}, Col{u"delta"_s, Type::Integer},
                                        Col{u"reason"_s, Type::Text}, Col{u"bill"_s, Type::Text},
                                        Col{u"refund"_s, Type::Text},
                                        Col{u"at"_s, Type::Timestamp}})
                    + u" AS j JOIN products p ON p.sku = j.sku LEFT JOIN bills b ON b.uuid = "
                      u"j.bill "
                      "LEFT JOIN refunds r ON r.uuid = j.refund"_s);

    QList<qint64> movedBase(catalogue->size(), 0);
    for (const GeneratedBill &b : history.bills) {
        QHash<int, qint64> perProduct;
        for (qsizetype i = 0; i < b.lines.size(); ++i) {
            const GeneratedLine &l = b.lines.at(i);
            JsonRows &row = lines.row();
            row.add(u"bill", b.uuid);
            row.add(u"line_no", static_cast<qint64>(i + 1));
            row.add(u"barcode", catalogue->at(l.product).units.at(l.unit).barcode);
            row.add(u"quantity", l.quantity);
            row.add(u"base_quantity", l.baseQuantity);
            row.add(u"price", l.unitPrice);
            row.add(u"discount", l.discount);
            row.add(u"rate", l.taxRateBp);
            row.add(u"tax", l.tax);
            row.add(u"total", l.total);
            row.add(u"refunded", l.refundedBase);
            perProduct[l.product] += l.baseQuantity;
        }
        for (auto it = perProduct.cbegin(); it != perProduct.cend(); ++it) {
            JsonRows &row = ledger.row();
            row.add(u"sku", catalogue->at(it.key()).sku);
            row.add(u"delta", -it.value());
            row.add(u"reason", u"sale"_s);
            row.add(u"bill", b.uuid);
            row.addNull(u"refund");
            row.add(u"at", b.at);
            movedBase[it.key()] -= it.value();
        }
        for (const GeneratedPayment &p : b.payments) {
            JsonRows &row = payments.row();
            row.add(u"bill", b.uuid);
            row.addNull(u"refund");
            row.add(u"method", p.method);
            row.add(u"amount", p.amount);
            if (p.tendered >= 0) {
                row.add(u"tendered", p.tendered);
            } else {
                row.addNull(u"tendered");
            }
            row.add(u"change", p.change);
            row.add(u"reference", p.reference);
            row.add(u"at", b.at);
        }
    }
    if (DbStatus status = lines.finish(); !status) {
        return fail(status.error());
    }
    step(5);

    // Refunds: the refund rows first, then what hangs off them.
    {
        BulkWriter refunds(
                db,
                u"INSERT INTO refunds (uuid, number, lane, bill_id, cashier_id, shift_id, reason, "
                "created_at, total_minor) "
                "SELECT j.uuid, j.number, j.lane, b.id, u.id, s.id, j.reason, j.at, j.total FROM "_s
                        + dialect.jsonRows(
                                u"rows"_s,
                                {Col{u"uuid"_s, Type::Text}, Col{u"number"_s, Type::Integer},
                                 Col{u"lane"_s, Type::Text}, Col{u"bill"_s, Type::Text},
                                 Col{u"z"_s, Type::Integer}, Col{u"reason"_s, Type::Text},
                                 Col{u"at"_s, Type::Timestamp}, Col{u"total"_s, Type::Integer}})
                        + u" AS j JOIN bills b ON b.uuid = j.bill JOIN users u ON u.login = "
                          u"'maria' "
                          "JOIN shifts s ON s.lane = j.lane AND s.z_number = j.z"_s);
        BulkWriter refundItems(
                db,
                u"INSERT INTO refund_items (refund_id, bill_item_id, base_quantity, "
                u"refunded_amount_minor, "
                "restock) SELECT r.id, bi.id, j.base_quantity, j.amount, j.restock FROM "_s
                        + dialect.jsonRows(u"rows"_s, {Col{u"refund"_s, Type::Text},
                                                       Col{u"bill"_s, Type::Text},
                                                       Col{u"line_no"_s, Type::Integer},
                                                       Col{u"base_quantity"_s, Type::Integer},
                                                       Col{u"amount"_s, Type::Integer},
                                                       Col{u"restock"_s, Type::Boolean}})
                        + u" AS j JOIN refunds r ON r.uuid = j.refund JOIN bills b ON b.uuid = "
                          u"j.bill "
                          "JOIN bill_items bi ON bi.bill_id = b.id AND bi.line_no = j.line_no"_s);
        for (const GeneratedRefund &r : history.refunds) {
            const GeneratedBill &bill = history.bills.at(r.bill);
            const GeneratedLine &line = bill.lines.at(r.line);
            JsonRows &row = refunds.row();
            row.add(u"uuid", r.uuid);
            row.add(u"number", r.number);
            row.add(u"lane", r.lane);
            row.add(u"bill", bill.uuid);
            row.add(u"z", r.zNumber);
            row.add(u"reason", named.value(r.reason, r.reason));
            row.add(u"at", r.at);
            row.add(u"total", r.amount);

            JsonRows &item = refundItems.row();
            item.add(u"refund", r.uuid);
            item.add(u"bill", bill.uuid);
            item.add(u"line_no", static_cast<qint64>(r.line + 1));
            item.add(u"base_quantity", r.baseQuantity);
            item.add(u"amount", r.amount);
            item.add(u"restock", r.restock);

            JsonRows &pay = payments.row();
            pay.addNull(u"bill");
            pay.add(u"refund", r.uuid);
            pay.add(u"method", r.method);
            pay.add(u"amount", r.amount);
            pay.addNull(u"tendered");
            pay.add(u"change", qint64(0));
            pay.add(u"reference", QString());
            pay.add(u"at", r.at);

            // As the till books it: everything comes back, and what is damaged leaves again.
            JsonRows &back = ledger.row();
            back.add(u"sku", catalogue->at(line.product).sku);
            back.add(u"delta", r.baseQuantity);
            back.add(u"reason", u"refund"_s);
            back.addNull(u"bill");
            back.add(u"refund", r.uuid);
            back.add(u"at", r.at);
            if (r.restock) {
                movedBase[line.product] += r.baseQuantity;
            } else {
                JsonRows &gone = ledger.row();
                gone.add(u"sku", catalogue->at(line.product).sku);
                gone.add(u"delta", -r.baseQuantity);
                gone.add(u"reason", u"damaged"_s);
                gone.addNull(u"bill");
                gone.add(u"refund", r.uuid);
                gone.add(u"at", r.at);
            }
        }
        for (BulkWriter *writer : {&refunds, &refundItems, &payments}) {
            if (DbStatus status = writer->finish(); !status) {
                return fail(status.error());
            }
        }
    }
    // Each closed shift's Z report, stored as closing it at the till would have, so every
    // one of them can be read and reprinted; the figures come from the rows just written.
    {
        const auto reports = ShiftRepository(db).closedReports();
        if (!reports) {
            return fail(reports.error());
        }
        BulkWriter zReports(db,
                            u"INSERT INTO z_reports (shift_id, lane, number, created_at, content) "
                            "SELECT j.shift, j.lane, j.number, j.at, j.content FROM "_s
                                    + dialect.jsonRows(u"rows"_s, {Col{u"shift"_s, Type::Integer},
                                                                   Col{u"lane"_s, Type::Text},
                                                                   Col{u"number"_s, Type::Integer},
                                                                   Col{u"at"_s, Type::Timestamp},
                                                                   Col{u"content"_s, Type::Text}})
                                    + u" AS j"_s);
        for (const ShiftReport &report : *reports) {
            JsonRows &row = zReports.row();
            row.add(u"shift", report.shift.id);
            row.add(u"lane", report.shift.lane);
            row.add(u"number", report.shift.zNumber);
            row.add(u"at", report.shift.closedAt);
            row.add(u"content", QString::fromUtf8(report.toJson()));
        }
        if (DbStatus status = zReports.finish(); !status) {
            return fail(status.error());
        }
    }
    step(6);

    // Opening stock: enough that the history never dips below zero and the shelves end
    // between one and four reorder levels full, with a few products running low.
    QRandomGenerator rng(kSeed + 1);
    for (qsizetype p = 0; p < catalogue->size(); ++p) {
        const CatalogueProduct &product = catalogue->at(p);
        const qint64 level
                = std::max<qint64>(product.reorderLevel, product.units.constFirst().basePerUnit);
        const qint64 endStock = rng.bounded(100) < 6 ? level * (20 + rng.bounded(70)) / 100
                                                     : level * (100 + rng.bounded(300)) / 100;
        JsonRows &row = ledger.row();
        row.add(u"sku", product.sku);
        row.add(u"delta", endStock - movedBase.at(p));
        row.add(u"reason", u"opening"_s);
        row.addNull(u"bill");
        row.addNull(u"refund");
        row.add(u"at", opening);
    }
    if (DbStatus status = ledger.finish(); !status) {
        return fail(status.error());
    }
    // Stock follows from the ledger in one statement, so the invariant holds by construction.
    for (const QString &sql :
         {u"UPDATE products SET stock_base = (SELECT COALESCE(SUM(m.delta_base), 0) "
          "FROM stock_movements m WHERE m.product_id = products.id)"_s,
          u"UPDATE lanes SET "
          "next_bill_number = (SELECT COALESCE(MAX(number), 0) + 1 FROM bills WHERE bills.lane = "
          "lanes.name), "
          "next_refund_number = (SELECT COALESCE(MAX(number), 0) + 1 FROM refunds WHERE "
          "refunds.lane = lanes.name), "
          "next_z_number = (SELECT COALESCE(MAX(z_number), 0) + 1 FROM shifts WHERE shifts.lane = lanes.name)"_s}) {
        if (DbStatus status = SqlQuery::run(db, sql); !status) {
            return fail(status.error());
        }
    }
    step(7);

    // The favourites grid: the best sellers' single units.
    {
        SqlQuery favourites(
                db,
                u"INSERT INTO quick_keys (position, unit_id) "
                "SELECT ROW_NUMBER() OVER (ORDER BY sold DESC, unit_id) - 1, unit_id FROM ("
                "  SELECT pu.id AS unit_id, SUM(bi.base_quantity) AS sold FROM bill_items bi "
                "  JOIN product_units pu ON pu.product_id = bi.product_id AND pu.base_per_unit = 1 "
                "  GROUP BY pu.id ORDER BY sold DESC, pu.id LIMIT 12) best"_s);
        if (!favourites.exec()) {
            return fail(favourites.error());
        }
    }
    const AuditRepository audit(db);
    if (DbStatus status = audit.record(
                {0, 0, options.lane, u"demo_fill"_s, u"bills=%1"_s.arg(history.bills.size())});
        !status) {
        return fail(status.error());
    }

    Summary summary;
    SqlQuery counts(
            db, u"SELECT (SELECT COUNT(*) FROM products), (SELECT COUNT(*) FROM product_units), "
                "(SELECT COUNT(*) FROM categories), (SELECT COUNT(*) FROM bills), "
                "(SELECT COUNT(*) FROM bill_items), (SELECT COUNT(*) FROM refunds), "
                "(SELECT COUNT(*) FROM users)"_s);
    if (!counts.execOne()) {
        return fail(counts.error());
    }
    summary = {counts.int64(0), counts.int64(1), counts.int64(2), counts.int64(3),
               counts.int64(4), counts.int64(5), counts.int64(6)};
    if (DbStatus status = tx.commit(); !status) {
        return fail(status.error());
    }
    step(kSteps);
    return summary;
}
