#include "models/items/productsearchmodel.h"

#include "models/services/catalogueservice.h"

#include <QLocale>

using namespace Qt::StringLiterals;

ProductSearchModel::ProductSearchModel(const CatalogueService &catalogue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalogue(catalogue)
{
    m_filter.active = ProductFilter::Active::Yes;
    m_filter.sort = ProductFilter::Sort::Name;
}

int ProductSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProductSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProductSearchModel::pricesText(const Product &product) const
{
    QStringList prices;
    const QLocale locale;
    for (const ProductUnit &unit : product.units) {
        prices << tr("%1 %2", "unit name and its price: Can 1.19 €")
                          .arg(unit.name, unit.price.toString(locale, m_currencySymbol));
    }
    return prices.join(u" · "_s);
}

QVariant ProductSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Product &p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return p.name;
        case SkuColumn:
            return p.sku;
        case PriceColumn:
            return pricesText(p);
        case StockColumn:
            return p.stockText();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == StockColumn ? tr("In stock: %1").arg(p.stockText()) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == StockColumn
                       ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case ProductIdRole:
        return p.id;
    case UnitCountRole:
        return static_cast<int>(p.units.size());
    default:
        return {};
    }
}

QVariant ProductSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Product");
    case SkuColumn:
        return tr("SKU");
    case PriceColumn:
        return tr("Prices");
    case StockColumn:
        return tr("Stock");
    default:
        return {};
    }
}

std::optional<QList<Product>> ProductSearchModel::readPage(const ProductCursor &after)
{
    m_pager.pageRequested();
    auto page = m_catalogue.page(m_filter, after, m_pager.pageSize());
    if (!page) {
        m_pager.pageFailed();
        Q_EMIT searchFailed(page.error());
        return std::nullopt;
    }
    QList<Product> products = std::move(*page);
    // The next page starts after the last row the database sent, offered or not.
    const ProductFilter::Sort sort = m_filter.sort;
    m_pager.pageArrived(products, [sort](const Product &product) {
        return ProductCursor::after(product, sort);
    });
    // A unit taken out of sale stays on old bills but is not offered.
    for (Product &product : products) {
        product.units.removeIf([](const ProductUnit &unit) { return !unit.active; });
    }
    products.removeIf([](const Product &product) { return product.units.isEmpty(); });
    return products;
}

bool ProductSearchModel::search(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        clear();
        return true;
    }
    const ProductFilter previousFilter = m_filter;
    const KeysetPager<ProductCursor> previousPager = m_pager;
    m_filter.text = trimmed;
    m_pager.restart();
    auto page = readPage({});
    if (!page) {
        m_filter = previousFilter;
        m_pager = previousPager;
        return false;
    }
    replaceRows(std::move(*page));
    return true;
}

void ProductSearchModel::clear()
{
    m_filter.text.clear();
    m_pager.stop();
    replaceRows({});
}

void ProductSearchModel::replaceRows(QList<Product> rows)
{
    const auto announcing = m_pager.announcing();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

bool ProductSearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_pager.canFetch() && !m_filter.text.isEmpty();
}

void ProductSearchModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    auto page = readPage(m_pager.cursor());
    if (!page || page->isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    const auto announcing = m_pager.announcing();
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
}
