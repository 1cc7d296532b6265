#pragma once

#include "models/db/productrepository.h"
#include "models/services/serviceerror.h"

#include <QAbstractTableModel>
#include <QList>

class CatalogueService;

/*!
 * The catalogue as a list that pages by key: one product per row, the first 200 rows read
 * when the filter is set and 200 more each time the view scrolls to the end
 * (canFetchMore()/fetchMore()), each page one query with category, tax and units joined
 * in. It stays as quick at 100,000 products as at 100, because no query counts or skips.
 *
 * Sorting by name, SKU or stock is done by the database (sort() starts again from the
 * first page); the other columns are not sortable. A page that cannot be read leaves the
 * rows as they are and reports loadFailed(); no more pages are asked for until reload().
 */
class ProductListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SkuColumn,
        NameColumn,
        CategoryColumn,
        TaxRateColumn,
        PriceColumn,
        StockColumn,
        ReorderLevelColumn,
        ActiveColumn,
        ColumnCount
    };

    enum Role {
        ProductIdRole = Qt::UserRole, //!< qint64
        LowStockRole,                 //!< bool: stock at or under the reorder level
        ActiveRole,                   //!< bool: false for archived products
        StockBaseRole,                //!< qint64: stock in base units
        PriceMinorRole,               //!< qint64: price of the smallest active unit
    };

    static constexpr int kPageSize = 200;

    explicit ProductListModel(const CatalogueService &catalogue, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    //! Name, SKU and stock sort in the database; other columns are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);
    //! The column the rows are sorted by, and the order.
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    const ProductFilter &filter() const { return m_filter; }
    /*!
     * Shows what the filter selects, sorted as the filter says, from its first page. The
     * rows are replaced only once that page was read; on failure they stay.
     */
    void setFilter(const ProductFilter &filter);
    //! Reads the first page of the current filter again.
    void reload();
    //! Forgets every row without reading (after sign-out); sort() then only remembers.
    void clear();
    bool isLoaded() const { return m_loaded; }

    //! Prices are shown with this symbol ("€").
    void setCurrencySymbol(const QString &symbol);
    QString currencySymbol() const { return m_currencySymbol; }

    const Product &product(int row) const { return m_rows.at(row); }
    //! The row showing the product, or -1 when it is not loaded.
    int rowOf(qint64 productId) const;
    /*!
     * Puts an edited product in its row without reading the list again (the view keeps its
     * place); a product the filter no longer shows (archived, other category) leaves it.
     */
    void updateProduct(const Product &product);
    void removeProduct(qint64 productId);

    //! The last failure to read a page; std::nullopt after a successful read.
    const std::optional<ServiceError> &lastError() const { return m_lastError; }

Q_SIGNALS:
    //! A page could not be read; the rows shown are unchanged.
    void loadFailed(const ServiceError &error);

private:
    //! Whether the filter shows this product, as far as can be told without the database.
    bool matchesFilter(const Product &product) const;
    QString priceText(const Product &product) const;
    QString unitsToolTip(const Product &product) const;

    const CatalogueService &m_catalogue;
    ProductFilter m_filter;
    QList<Product> m_rows;
    QString m_currencySymbol;
    bool m_atEnd = true;
    bool m_blocked = false; //!< the last page failed: do not ask again by ourselves
    bool m_loaded = false;  //!< a first page was read since the last clear()
    //! Rows are being replaced or added: views and testers that ask to fetch while the
    //! change is announced must wait for it to end.
    bool m_changing = false;
    std::optional<ServiceError> m_lastError;
};
