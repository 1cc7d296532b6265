#include "models/services/democatalogue.h"

#include "models/domain/barcode.h"
#include "models/domain/csv.h"

#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

const QString DemoCatalogue::kStandardTax = u"Standard rate"_s;
const QString DemoCatalogue::kReducedTax = u"Reduced rate"_s;

namespace {

//! The demo's names in one language, keyed by kind and English name (or SKU).
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

DbResult<DemoProduct> productOf(const QStringList &f, const DemoTexts &texts)
{
    DemoProduct p;
    p.sku = f.at(0);
    const auto category = texts.name(u"category"_s, f.at(1), f.at(1));
    const auto name = texts.name(u"product"_s, p.sku, f.at(2));
    if (!category || !name) {
        return category ? name.error() : category.error();
    }
    p.category = *category;
    p.name = *name;
    p.baseUnit = f.at(3);
    const bool standard = f.at(4) == u"standard"_s;
    p.tax = standard ? DemoCatalogue::kStandardTax : DemoCatalogue::kReducedTax;
    p.taxRateBp = standard ? 1900 : 700;
    p.costMinor = f.at(5).toLongLong();
    p.costPerBase = f.at(6).toLongLong();
    p.reorderLevel = f.at(7).toLongLong();
    return p;
}

DbResult<QList<DemoProduct>> readCatalogue(const DemoTexts &texts)
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
    QList<DemoProduct> products;
    QHash<QString, qsizetype> bySku;
    for (qsizetype i = 1; i < csv.rows.size(); ++i) {
        const QStringList &f = csv.rows.at(i);
        if (f.size() != 11) {
            return DbError{DbError::Kind::Invalid,
                           u"Demo catalogue line %1 has %2 fields."_s.arg(i + 1).arg(f.size())};
        }
        qsizetype index = bySku.value(f.at(0), -1);
        if (index < 0) {
            const auto product = productOf(f, texts);
            if (!product) {
                return product.error();
            }
            index = products.size();
            bySku.insert(product->sku, index);
            products.append(*product);
        }
        DemoProduct &product = products[index];
        const auto unitName = texts.name(u"unit"_s, f.at(8), f.at(8));
        if (!unitName) {
            return unitName.error();
        }
        DemoUnit unit{*unitName, f.at(9).toLongLong(), f.at(10).toLongLong(), {}};
        // In-store number range 20-29: "201", the product's index, the unit's index.
        unit.barcode = Barcode::withCheckDigit(
                u"201%1%2"_s.arg(qint64(index + 1), 6, 10, QChar(u'0'))
                        .arg(qint64(product.units.size() + 1), 3, 10, QChar(u'0')));
        product.units.append(unit);
    }
    for (DemoProduct &p : products) {
        std::sort(p.units.begin(), p.units.end(),
                  [](const auto &a, const auto &b) { return a.basePerUnit < b.basePerUnit; });
    }
    return products;
}

} // namespace

DbResult<DemoCatalogue> DemoCatalogue::load(QLocale::Language language)
{
    const auto texts = DemoTexts::load(language);
    if (!texts) {
        return texts.error();
    }
    DemoCatalogue catalogue;
    // Tax rates and refund reasons keep their English keys inside the history.
    QStringList english{kStandardTax, kReducedTax};
    for (const QString &reason : DemoHistory::refundReasons()) {
        english << reason;
    }
    for (const QString &key : std::as_const(english)) {
        const QString kind = key == kStandardTax || key == kReducedTax ? u"tax"_s : u"reason"_s;
        const auto name = texts->name(kind, key, key);
        if (!name) {
            return name.error();
        }
        catalogue.m_named.insert(key, *name);
    }
    auto products = readCatalogue(*texts);
    if (!products) {
        return products.error();
    }
    for (DemoProduct &p : *products) {
        p.tax = catalogue.named(p.tax);
    }
    catalogue.m_products = std::move(*products);
    return catalogue;
}
