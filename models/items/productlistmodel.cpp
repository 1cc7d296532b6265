#include "models/items/productlistmodel.h"

#include "models/domain/percent.h"
#include "models/items/palette.h"
#include "models/services/catalogueservice.h"
#include "models/services/databaseworker.h"

#include <QFont>
#include <QIcon>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
const ProductUnit *smallestActiveUnit(const Product &product)
{
    // Units come smallest first from the repository.
    for (const ProductUnit &unit : product.units) {
        if (unit.active) {
            return &unit;
        }
    }
    return nullptr;
}

QIcon lowStockIcon()
{
    // Full-colour themes have the first; Adwaita, the fallback theme, only the last.
    static const QIcon icon = [] {
        for (const QString &name :
             {u"dialog-warning"_s, u"emblem-important"_s, u"dialog-warning-symbolic"_s}) {
            if (QIcon::hasThemeIcon(name)) {
                return QIcon::fromTheme(name);
            }
        }
        return QIcon();
    }();
    return icon;
}

ProductFilter::Sort sortOfColumn(int column)
{
    switch (column) {
    case ProductListModel::SkuColumn:
        return ProductFilter::Sort::Sku;
    case ProductListModel::StockColumn:
        return ProductFilter::Sort::Stock;
    default:
        break;
    }
    return ProductFilter::Sort::Name;
}
} // namespace

ProductListModel::ProductListModel(const CatalogueService &catalogue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalogue(catalogue)
{}

ProductListModel::~ProductListModel()
{
    // A read in progress ends before the rows go; the worker closes its connection.
    delete m_worker;
}

void ProductListModel::loadInBackground(const Database &db)
{
    if (!m_worker) {
        m_worker = new DatabaseWorker(db, u"productListLoader"_s, this);
    }
}

void ProductListModel::setLoading(bool loading)
{
    if (m_loading != loading) {
        m_loading = loading;
        Q_EMIT loadingChanged(loading);
    }
}

void ProductListModel::requestPage(const ProductFilter &filter, const ProductCursor &after,
                                   PageKind kind)
{
    m_pager.pageRequested();
    if (!m_worker) {
        handlePage(kind, filter, m_catalogue.page(filter, after, kPageSize));
        return;
    }
    if (kind == PageKind::First) {
        // A newer filter was set: what the older ones read is never shown.
        m_worker->dropPending();
    }
    setLoading(true);
    const CatalogueService &catalogue = m_catalogue;
    m_worker->run([&catalogue, filter, after] { return catalogue.page(filter, after, kPageSize); },
                  this,
                  [this, kind, filter](const ServiceResult<QList<Product>> &page) {
                      handlePage(kind, filter, page);
                  });
}

void ProductListModel::handlePage(PageKind kind, const ProductFilter &filter,
                                  const ServiceResult<QList<Product>> &page)
{
    setLoading(false);
    if (!page) {
        m_lastError = page.error();
        if (kind == PageKind::Next) {
            m_pager.pageFailed();
        } else {
            // The rows of the filter before stay, and page as they did.
            m_pager.abandonRequest();
        }
        Q_EMIT loadFailed(page.error());
        return;
    }
    m_lastError.reset();
    const ProductFilter::Sort sort = filter.sort;
    const auto keyOf = [sort](const Product &product) {
        return ProductCursor::after(product, sort);
    };
    const auto announcing = m_pager.announcing();
    if (kind == PageKind::First) {
        beginResetModel();
        m_filter = filter;
        m_rows = *page;
        m_pager.firstPageArrived(*page, keyOf);
        m_loaded = true;
        endResetModel();
        return;
    }
    m_pager.pageArrived(*page, keyOf);
    if (page->isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
}

int ProductListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProductListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProductListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Product &p = m_rows.at(index.row());
    const bool low = p.active && p.isLowStock();
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SkuColumn:
            return p.sku;
        case NameColumn:
            return p.name;
        case CategoryColumn:
            return p.categoryName;
        case TaxRateColumn:
            // The rate says it in a few characters; its name is in the tool tip.
            return Percent::toString(p.taxRateBp, QLocale());
        case PriceColumn:
            return priceText(p);
        case StockColumn:
            return p.stockText();
        case ReorderLevelColumn:
            return p.reorderLevelBase > 0 ? p.quantityText(p.reorderLevelBase) : QString();
        case ActiveColumn:
            return p.active ? tr("Active") : tr("Archived");
        }
        return {};
    case Qt::ToolTipRole:
        if (column == NameColumn) {
            return u"%1\n%2"_s.arg(p.name, unitsToolTip(p));
        }
        if (column == PriceColumn) {
            return unitsToolTip(p);
        }
        if (column == TaxRateColumn) {
            return p.taxRateName;
        }
        if (low && (column == StockColumn || column == ReorderLevelColumn)) {
            return tr("%1\nStock is at or below the reorder level of %2.")
                    .arg(p.stockToolTip(), p.quantityText(p.reorderLevelBase));
        }
        if (column == StockColumn) {
            return u"%1\n%2"_s.arg(p.stockText(), p.stockToolTip());
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == PriceColumn || column == TaxRateColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (!p.active) {
            return Palette::Muted;
        }
        if (low && column == StockColumn) {
            return Palette::Negative;
        }
        return {};
    case Qt::DecorationRole:
        if (low && column == StockColumn) {
            return lowStockIcon();
        }
        return {};
    case Qt::FontRole:
        if (!p.active || (low && column == StockColumn)) {
            QFont font;
            font.setItalic(!p.active);
            font.setBold(p.active && low);
            return font;
        }
        return {};
    case ProductIdRole:
        return p.id;
    case LowStockRole:
        return low;
    case ActiveRole:
        return p.active;
    case StockBaseRole:
        return p.stockBase;
    case PriceMinorRole:
        if (const ProductUnit *unit = smallestActiveUnit(p)) {
            return unit->price.minor();
        }
        return {};
    }
    return {};
}

QVariant ProductListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return section == PriceColumn || section == TaxRateColumn
                       ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PriceColumn:
            return tr("The price of the smallest unit the product is sold in");
        case StockColumn:
            return tr("What is on the shelves, in the largest pack first");
        case ReorderLevelColumn:
            return tr("At or below this stock the product is low on stock");
        default:
            break;
        }
        return isSortable(section) ? QVariant() : tr("This column cannot be sorted");
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case SkuColumn:
        return tr("SKU", "stock keeping unit, the store's own product code");
    case NameColumn:
        return tr("Name", "product name");
    case CategoryColumn:
        return tr("Category");
    case TaxRateColumn:
        return tr("Tax", "tax rate column");
    case PriceColumn:
        return tr("Price", "price of the smallest unit");
    case StockColumn:
        return tr("Stock", "quantity on hand");
    case ReorderLevelColumn:
        return tr("Reorder level");
    case ActiveColumn:
        return tr("Status", "active or archived");
    }
    return {};
}

bool ProductListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_pager.canFetch();
}

void ProductListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    requestPage(m_filter, m_pager.cursor(), PageKind::Next);
}

bool ProductListModel::isSortable(int column)
{
    return column == SkuColumn || column == NameColumn || column == StockColumn;
}

int ProductListModel::sortColumn() const
{
    switch (m_requested.sort) {
    case ProductFilter::Sort::Sku:
        return SkuColumn;
    case ProductFilter::Sort::Stock:
        return StockColumn;
    case ProductFilter::Sort::Name:
        break;
    }
    return NameColumn;
}

Qt::SortOrder ProductListModel::sortOrder() const
{
    return m_requested.descending ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void ProductListModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column)) {
        return;
    }
    ProductFilter filter = m_requested;
    filter.sort = sortOfColumn(column);
    filter.descending = order == Qt::DescendingOrder;
    if (!m_loaded && !m_loading) {
        // Nothing shown yet (nobody signed in): remember the order for the first load.
        m_filter = m_requested = filter;
        return;
    }
    if (filter.sort == m_requested.sort && filter.descending == m_requested.descending) {
        return;
    }
    setFilter(filter);
}

void ProductListModel::setFilter(const ProductFilter &filter)
{
    m_requested = filter;
    requestPage(filter, {}, PageKind::First);
}

void ProductListModel::reload()
{
    setFilter(m_requested);
}

void ProductListModel::clear()
{
    // Whatever is still being read belongs to the list as it was.
    if (m_worker) {
        m_worker->dropPending();
    }
    setLoading(false);
    const auto announcing = m_pager.announcing();
    beginResetModel();
    m_rows.clear();
    m_pager.stop();
    m_loaded = false;
    m_lastError.reset();
    endResetModel();
}

void ProductListModel::setCurrencySymbol(const QString &symbol)
{
    if (symbol == m_currencySymbol) {
        return;
    }
    m_currencySymbol = symbol;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

int ProductListModel::rowOf(qint64 productId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == productId) {
            return static_cast<int>(row);
        }
    }
    return -1;
}

bool ProductListModel::matchesFilter(const Product &product) const
{
    if (m_filter.active == ProductFilter::Active::Yes && !product.active) {
        return false;
    }
    if (m_filter.active == ProductFilter::Active::No && product.active) {
        return false;
    }
    if (m_filter.categoryId > 0 && product.categoryId != m_filter.categoryId) {
        return false;
    }
    return !m_filter.lowStockOnly || product.isLowStock();
}

void ProductListModel::updateProduct(const Product &product)
{
    const int row = rowOf(product.id);
    if (row < 0) {
        return;
    }
    if (!matchesFilter(product)) {
        removeProduct(product.id);
        return;
    }
    m_rows[row] = product;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void ProductListModel::removeProduct(qint64 productId)
{
    const int row = rowOf(productId);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

QString ProductListModel::priceText(const Product &product) const
{
    const ProductUnit *unit = smallestActiveUnit(product);
    if (!unit) {
        return {};
    }
    return unit->price.toString(QLocale(), m_currencySymbol);
}

QString ProductListModel::unitsToolTip(const Product &product) const
{
    QStringList lines;
    const QLocale locale;
    for (const ProductUnit &unit : product.units) {
        if (!unit.active) {
            continue;
        }
        const QString price = unit.price.toString(locale, m_currencySymbol);
        lines << (unit.barcode.isEmpty() ? tr("%1: %2", "unit: price").arg(unit.name, price)
                                         : tr("%1: %2 · %3", "unit: price · barcode")
                                                   .arg(unit.name, price, unit.barcode));
    }
    return lines.join(u'\n');
}
