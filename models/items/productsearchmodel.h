#pragma once

#include "models/db/productrepository.h"
#include "models/items/keysetpager.h"
#include "models/services/serviceerror.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

class CatalogueService;

/*!
 * What the sale screen's search popup lists: active products whose name contains the
 * text, whose SKU starts with it or one of whose barcodes it is, by name. Each page is one
 * CatalogueService::page() query with tax and units joined in; the first page is read by
 * search(), the next ones by fetchMore() when the list is scrolled to its end.
 *
 * A page that cannot be read leaves the rows as they were and reports searchFailed().
 */
class ProductSearchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SkuColumn, PriceColumn, StockColumn, ColumnCount };
    enum Role {
        ProductIdRole = Qt::UserRole, //!< qint64
        UnitCountRole,                //!< int: active units the product is sold in
    };

    static constexpr int kDefaultPageSize = 25;

    explicit ProductSearchModel(const CatalogueService &catalogue, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /*!
     * Reads the first page for text (one query) and shows it; false when it could not be
     * read (the rows stay as they were). An empty text empties the list without a query.
     */
    bool search(const QString &text);
    QString searchText() const { return m_filter.text; }
    void clear();

    void setPageSize(int rows) { m_pager.setPageSize(rows); }
    void setCurrencySymbol(const QString &symbol) { m_currencySymbol = symbol; }

    //! The product of a row, with only its active units (smallest first).
    const Product &product(int row) const { return m_rows.at(row); }

Q_SIGNALS:
    void searchFailed(const ServiceError &error);

private:
    std::optional<QList<Product>> readPage(const ProductCursor &after);
    void replaceRows(QList<Product> rows);
    QString pricesText(const Product &product) const;

    const CatalogueService &m_catalogue;
    ProductFilter m_filter;
    QList<Product> m_rows;
    QString m_currencySymbol;
    KeysetPager<ProductCursor> m_pager{kDefaultPageSize};
};
