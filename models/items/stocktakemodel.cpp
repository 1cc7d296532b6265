#include "models/items/stocktakemodel.h"

#include "models/domain/quantity.h"
#include "models/items/palette.h"

#include <QFont>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kMaxCount = Q_INT64_C(1000000000000); // as InventoryService allows
} // namespace

StocktakeModel::StocktakeModel(const CatalogueService &catalogue, QObject *parent)
    : ProductListModel(catalogue, parent)
{}

int StocktakeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : StocktakeColumnCount;
}

int StocktakeModel::baseColumn(int column)
{
    switch (column) {
    case SkuCountColumn:
        return SkuColumn;
    case NameCountColumn:
        return NameColumn;
    case StockCountColumn:
        return StockColumn;
    default:
        break;
    }
    return -1;
}

const ProductUnit *StocktakeModel::largestPack(const Product &product)
{
    const ProductUnit *largest = nullptr;
    for (const ProductUnit &unit : product.units) {
        if (unit.active && unit.basePerUnit > 1
            && (!largest || unit.basePerUnit > largest->basePerUnit)) {
            largest = &unit;
        }
    }
    return largest;
}

QString StocktakeModel::quantityText(const Product &product, qint64 baseQuantity) const
{
    return product.quantityText(baseQuantity);
}

QVariant StocktakeModel::countText(const Product &p, int column) const
{
    const auto count = m_counts.constFind(p.id);
    const bool counted = count != m_counts.cend();
    const ProductUnit *pack = largestPack(p);
    switch (column) {
    case PacksColumn:
        if (!pack) {
            return tr("—", "no pack to count in");
        }
        return counted && count->packs
                       ? tr("%L1 × %2", "count × unit").arg(*count->packs).arg(pack->name)
                       : QString();
    case LooseColumn:
        return counted && count->loose ? tr("%L1 × %2", "count × unit")
                                                 .arg(*count->loose)
                                                 .arg(BaseUnits::displayName(p.baseUnit))
                                       : QString();
    case CountedColumn:
        return counted ? quantityText(p, count->countedBase) : QString();
    case DifferenceColumn: {
        if (!counted) {
            return {};
        }
        const qint64 difference = count->countedBase - p.stockBase;
        if (difference == 0) {
            return tr("No difference");
        }
        return difference > 0
                       ? tr("+%1", "more counted than booked").arg(quantityText(p, difference))
                       : quantityText(p, difference);
    }
    }
    return {};
}

QVariant StocktakeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int column = index.column();
    if (column == StockCountColumn && m_blind && !m_counts.contains(product(index.row()).id)) {
        // Blind: what the books say stays out of sight until this product is counted.
        switch (role) {
        case Qt::DisplayRole:
            return tr("Count first", "blind stocktake: the stock shows after the count");
        case Qt::ToolTipRole:
            return tr("Blind count: the stock shows once this product is counted.");
        case Qt::ForegroundRole:
            return Palette::Muted;
        default:
            return {};
        }
    }
    if (const int base = baseColumn(column); base >= 0) {
        return ProductListModel::data(createIndex(index.row(), base), role);
    }
    const Product &p = product(index.row());
    const auto count = m_counts.constFind(p.id);
    const bool counted = count != m_counts.cend();
    const ProductUnit *pack = largestPack(p);
    const QLocale locale;

    switch (role) {
    case Qt::DisplayRole:
        return countText(p, column);
    case Qt::EditRole:
        if (column == PacksColumn && counted && count->packs) {
            return locale.toString(*count->packs);
        }
        if (column == LooseColumn && counted && count->loose) {
            return locale.toString(*count->loose);
        }
        return QString();
    case Qt::ToolTipRole:
        if (column == PacksColumn) {
            return pack ? tr("Count full %1 (%L2 × %3 each)")
                                   .arg(pack->name)
                                   .arg(pack->basePerUnit)
                                   .arg(BaseUnits::displayName(p.baseUnit))
                        : tr("This product has no packs; count it in loose units.");
        }
        if (column == LooseColumn) {
            return tr("Count what is not in a full pack, in %1")
                    .arg(BaseUnits::displayName(p.baseUnit));
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == DifferenceColumn && counted && count->countedBase != p.stockBase) {
            return count->countedBase < p.stockBase ? Palette::Negative : Palette::Positive;
        }
        if (column == PacksColumn && !pack) {
            return Palette::Muted;
        }
        return {};
    case Qt::FontRole:
        if (column == CountedColumn && counted) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case CountedBaseRole:
        return counted ? QVariant(count->countedBase) : QVariant();
    case PackSizeRole:
        return pack ? pack->basePerUnit : qint64(0);
    default:
        break;
    }
    return ProductListModel::data(createIndex(index.row(), SkuColumn), role);
}

QVariant StocktakeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (const int base = baseColumn(section); base >= 0) {
        return ProductListModel::headerData(base, orientation, role);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PacksColumn:
            return tr("Full packs counted, in each product's largest pack");
        case LooseColumn:
            return tr("Loose base units counted outside full packs");
        default:
            break;
        }
        return tr("This column cannot be sorted");
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    // Two lines: the count columns stay narrow, so a 1024 px till shows them all.
    switch (section) {
    case PacksColumn:
        return tr("Counted\npacks");
    case LooseColumn:
        return tr("Counted\nloose");
    case CountedColumn:
        return tr("Counted\nstock");
    case DifferenceColumn:
        return tr("Difference");
    }
    return {};
}

Qt::ItemFlags StocktakeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() == LooseColumn
        || (index.column() == PacksColumn && largestPack(product(index.row())))) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

bool StocktakeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) {
        return false;
    }
    const Product &p = product(index.row());
    const QString text = value.toString().trimmed();
    std::optional<qint64> number;
    if (!text.isEmpty()) {
        bool ok = false;
        qint64 typed = QLocale().toLongLong(text, &ok);
        if (!ok) {
            typed = text.toLongLong(&ok);
        }
        if (!ok || typed < 0 || typed > kMaxCount) {
            return false;
        }
        number = typed;
    }
    Count count = m_counts.value(p.id);
    const ProductUnit *pack = largestPack(p);
    count.packSize = pack ? pack->basePerUnit : 0;
    if (index.column() == PacksColumn) {
        count.packs = number;
    } else {
        count.loose = number;
    }
    if (!count.packs && !count.loose) {
        m_counts.remove(p.id);
    } else {
        const auto packsBase
                = Quantity::toBase(count.packs.value_or(0), qMax<qint64>(1, count.packSize));
        if (!packsBase || *packsBase + count.loose.value_or(0) > kMaxCount) {
            return false;
        }
        count.countedBase = *packsBase + count.loose.value_or(0);
        m_counts.insert(p.id, count);
    }
    // From the stock on: a blind count shows it once the product is counted.
    Q_EMIT dataChanged(this->index(index.row(), StockCountColumn),
                       this->index(index.row(), DifferenceColumn));
    Q_EMIT countsChanged();
    return true;
}

bool StocktakeModel::isSortableColumn(int column)
{
    const int base = baseColumn(column);
    return base >= 0 && ProductListModel::isSortable(base);
}

int StocktakeModel::sortedColumn() const
{
    switch (sortColumn()) {
    case SkuColumn:
        return SkuCountColumn;
    case StockColumn:
        return StockCountColumn;
    default:
        break;
    }
    return NameCountColumn;
}

void StocktakeModel::setBlind(bool blind)
{
    if (blind == m_blind) {
        return;
    }
    m_blind = blind;
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, StockCountColumn), index(rowCount() - 1, StockCountColumn));
    }
}

void StocktakeModel::sort(int column, Qt::SortOrder order)
{
    // Sorting a blind sheet by stock would give the stock away.
    if (m_blind && column == StockCountColumn) {
        return;
    }
    if (isSortableColumn(column)) {
        ProductListModel::sort(baseColumn(column), order);
    }
}

QList<InventoryService::CountLine> StocktakeModel::countLines() const
{
    QList<InventoryService::CountLine> lines;
    lines.reserve(m_counts.size());
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        lines.append({it.key(), it->countedBase});
    }
    return lines;
}

void StocktakeModel::clearCounts()
{
    m_counts.clear();
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, StockCountColumn), index(rowCount() - 1, DifferenceColumn));
    }
    Q_EMIT countsChanged();
}
