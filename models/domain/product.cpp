#include "models/domain/product.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace BaseUnits {

QList<BaseUnit> all()
{
    return {BaseUnit::Piece, BaseUnit::Gram, BaseUnit::Millilitre};
}

QString key(BaseUnit unit)
{
    switch (unit) {
    case BaseUnit::Piece:
        return u"piece"_s;
    case BaseUnit::Gram:
        return u"gram"_s;
    case BaseUnit::Millilitre:
        return u"millilitre"_s;
    }
    return {};
}

std::optional<BaseUnit> fromKey(const QString &key)
{
    for (BaseUnit unit : all()) {
        if (BaseUnits::key(unit) == key) {
            return unit;
        }
    }
    return std::nullopt;
}

QString displayName(BaseUnit unit)
{
    switch (unit) {
    case BaseUnit::Piece:
        return QCoreApplication::translate("BaseUnits", "Piece");
    case BaseUnit::Gram:
        return QCoreApplication::translate("BaseUnits", "Gram");
    case BaseUnit::Millilitre:
        return QCoreApplication::translate("BaseUnits", "Millilitre");
    }
    return {};
}

} // namespace BaseUnits

QList<PackSize> Product::packSizes() const
{
    QList<PackSize> sizes;
    for (const ProductUnit &unit : units) {
        if (unit.active) {
            sizes.append({unit.name, unit.basePerUnit});
        }
    }
    return sizes;
}

namespace {

struct PackWord
{
    const char *key;    //!< the word as an English catalogue names the unit: "crate"
    const char *source; //!< its count with plural forms: "%n crate(s)"
    const char *many;   //!< the English plural, when no translation is loaded: "crates"
};

// The words of the packs a shop sells by; the piece comes first (the base unit). A catalogue in
// another language matches the translation's singular ("%n Kiste" for one crate).
constexpr PackWord kPackWords[] = {
        {"piece", QT_TRANSLATE_N_NOOP("Product", "%n piece(s)"), "pieces"},
        {"crate", QT_TRANSLATE_N_NOOP("Product", "%n crate(s)"), "crates"},
        {"case", QT_TRANSLATE_N_NOOP("Product", "%n case(s)"), "cases"},
        {"box", QT_TRANSLATE_N_NOOP("Product", "%n box(es)"), "boxes"},
        {"bottle", QT_TRANSLATE_N_NOOP("Product", "%n bottle(s)"), "bottles"},
        {"can", QT_TRANSLATE_N_NOOP("Product", "%n can(s)"), "cans"},
        {"glass", QT_TRANSLATE_N_NOOP("Product", "%n glass(es)"), "glasses"},
        {"bag", QT_TRANSLATE_N_NOOP("Product", "%n bag(s)"), "bags"},
        {"sack", QT_TRANSLATE_N_NOOP("Product", "%n sack(s)"), "sacks"},
        {"net", QT_TRANSLATE_N_NOOP("Product", "%n net(s)"), "nets"},
        {"pack", QT_TRANSLATE_N_NOOP("Product", "%n pack(s)"), "packs"},
        {"six-pack", QT_TRANSLATE_N_NOOP("Product", "%n six-pack(s)"), "six-packs"},
        {"carton", QT_TRANSLATE_N_NOOP("Product", "%n carton(s)"), "cartons"},
        {"jar", QT_TRANSLATE_N_NOOP("Product", "%n jar(s)"), "jars"},
        {"tin", QT_TRANSLATE_N_NOOP("Product", "%n tin(s)"), "tins"},
        {"tub", QT_TRANSLATE_N_NOOP("Product", "%n tub(s)"), "tubs"},
        {"pot", QT_TRANSLATE_N_NOOP("Product", "%n pot(s)"), "pots"},
        {"tray", QT_TRANSLATE_N_NOOP("Product", "%n tray(s)"), "trays"},
        {"punnet", QT_TRANSLATE_N_NOOP("Product", "%n punnet(s)"), "punnets"},
        {"bar", QT_TRANSLATE_N_NOOP("Product", "%n bar(s)"), "bars"},
        {"roll", QT_TRANSLATE_N_NOOP("Product", "%n roll(s)"), "rolls"},
        {"tube", QT_TRANSLATE_N_NOOP("Product", "%n tube(s)"), "tubes"},
        {"loaf", QT_TRANSLATE_N_NOOP("Product", "%n loaf/loaves"), "loaves"},
        {"bunch", QT_TRANSLATE_N_NOOP("Product", "%n bunch(es)"), "bunches"},
        {"cup", QT_TRANSLATE_N_NOOP("Product", "%n cup(s)"), "cups"},
        {"ream", QT_TRANSLATE_N_NOOP("Product", "%n ream(s)"), "reams"},
        {"copy", QT_TRANSLATE_N_NOOP("Product", "%n copy/copies"), "copies"},
};

bool isMeasure(const QString &word)
{
    static const QStringList kMeasures
            = {u"g"_s, u"kg"_s, u"ml"_s, u"cl"_s, u"l"_s, u"x"_s, u"×"_s};
    return kMeasures.contains(word);
}

//! The pack word in a unit's name: "Crate of 6 l" -> "crate", "1 l bottle" -> "bottle".
QString packNoun(const QString &unitName)
{
    const QStringList words = unitName.toLower().split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const bool hasDigit
                = std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isDigit(); });
        if (!hasDigit && !isMeasure(word)) {
            return word;
        }
    }
    return {};
}

//! The word's entry, matched in English or in the translation's singular.
const PackWord *packWord(const QString &noun)
{
    if (noun.isEmpty()) {
        return nullptr;
    }
    for (const PackWord &word : kPackWords) {
        if (noun == QLatin1StringView(word.key)) {
            return &word;
        }
        const QString one = QCoreApplication::translate("Product", word.source, nullptr, 1)
                                    .remove(u"1"_s)
                                    .trimmed()
                                    .toLower();
        if (noun == one) {
            return &word;
        }
    }
    return nullptr;
}

//! "7 crates": the translation's plural form, or English when none is loaded.
QString countIn(const PackWord &word, int count)
{
    const QString translated = QCoreApplication::translate("Product", word.source);
    if (translated != QLatin1StringView(word.source)) {
        return QCoreApplication::translate("Product", word.source, nullptr, count);
    }
    return u"%1 %2"_s.arg(QLocale().toString(count), count == 1 || count == -1
                                                             ? QLatin1StringView(word.key)
                                                             : QLatin1StringView(word.many));
}

QString countOf(quint64 count, const PackSize &unit, bool inWords)
{
    const PackWord *word = inWords ? packWord(packNoun(unit.name)) : nullptr;
    if (word && count <= quint64(std::numeric_limits<int>::max())) {
        return countIn(*word, int(count));
    }
    return QCoreApplication::translate("Product", "%1 × %2", "count × unit name")
            .arg(QLocale().toString(count), unit.name);
}

} // namespace

QString Product::stockText() const
{
    return quantityText(stockBase);
}

QString Product::stockToolTip() const
{
    return QCoreApplication::translate("Product", "Exactly %1", "stock in the base unit")
            .arg(baseQuantityText(stockBase));
}

QString Product::baseQuantityText(qint64 baseQuantity) const
{
    const QLocale locale;
    switch (baseUnit) {
    case BaseUnit::Gram:
        return QCoreApplication::translate("Product", "%1 g", "grams")
                .arg(locale.toString(baseQuantity));
    case BaseUnit::Millilitre:
        return QCoreApplication::translate("Product", "%1 ml", "millilitres")
                .arg(locale.toString(baseQuantity));
    case BaseUnit::Piece:
        break;
    }
    if (baseQuantity >= std::numeric_limits<int>::min()
        && baseQuantity <= std::numeric_limits<int>::max()) {
        return countIn(kPackWords[0], int(baseQuantity));
    }
    return QCoreApplication::translate("Product", "%1 × %2", "count × unit name")
            .arg(locale.toString(baseQuantity), BaseUnits::displayName(baseUnit));
}

QString Product::quantityText(qint64 baseQuantity) const
{
    QList<PackSize> sizes = packSizes();
    sizes.removeIf([](const PackSize &size) { return size.basePerUnit < 1; });
    if (sizes.isEmpty()) {
        return baseQuantityText(baseQuantity);
    }
    std::sort(sizes.begin(), sizes.end(),
              [](const PackSize &a, const PackSize &b) { return a.basePerUnit > b.basePerUnit; });
    const PackSize &largest = sizes.constFirst();
    const PackSize &smallest = sizes.constLast();
    // Two units called by the same word ("1 kg bag", "2 kg bag") keep their full names.
    const bool inWords = largest.basePerUnit == smallest.basePerUnit
                         || packNoun(largest.name) != packNoun(smallest.name);

    const quint64 magnitude = baseQuantity < 0 ? 0 - quint64(baseQuantity) : quint64(baseQuantity);
    quint64 rest = magnitude;
    QStringList parts;
    if (largest.basePerUnit > smallest.basePerUnit) {
        const quint64 packs = rest / quint64(largest.basePerUnit);
        rest %= quint64(largest.basePerUnit);
        if (packs > 0) {
            parts.append(countOf(packs, largest, inWords));
        }
    }
    const quint64 units = rest / quint64(smallest.basePerUnit);
    rest %= quint64(smallest.basePerUnit);
    if (units > 0 || (parts.isEmpty() && rest == 0)) {
        parts.append(countOf(units, smallest, inWords));
    }
    if (rest > 0) {
        parts.append(baseQuantityText(qint64(rest)));
    }
    const QString sum = parts.join(
            QCoreApplication::translate("Quantity", " + ", "joins the parts of one quantity"));
    if (baseQuantity < 0) {
        return QCoreApplication::translate("Quantity", "−(%1)", "a negative quantity").arg(sum);
    }
    return sum;
}
