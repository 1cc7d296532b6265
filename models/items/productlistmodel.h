#pragma once

#include "models/db/productrepository.h"
#include "models/items/keysetpager.h"
#include "models/services/serviceerror.h"

#include <QAbstractTableModel>
#include <QList>

class CatalogueService;
class Database;
class DatabaseWorker;

/*!
 * The catalogue as a list that pages by key: one product per row, the first 200 rows read
 * when the filter is set and 200 more each time the view scrolls to the end
 * (canFetchMore()/fetchMore()), each page one query with category, tax and units joined
 * in. It stays as quick at 100,000 products as at 100, because no query counts or skips.
 *
 * Sorting by name, SKU or stock is done by the database (sort() starts again from the
 * first page); the other columns are not sortable. A page that cannot be read leaves the
 * rows as they are and reports loadFailed(); no more pages are asked for until reload().
 *
 * By default pages are read on the calling thread. After loadInBackground() they are read
 * on a DatabaseWorker of the model's own, so a search that scans the whole catalogue never holds
 * up the window: rows arrive a moment later, and a filter set while another is still being
 * read replaces it (only the last one's rows are shown).
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
    ~ProductListModel() override;

    /*!
     * Reads pages on a DatabaseWorker of the model's own from now on, with its own
     * connection to db (closed when the model goes). Call once, before the first filter.
     */
    void loadInBackground(const Database &db);
    //! A page is being read in the background.
    bool isLoading() const { return m_loading; }

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

    //! The filter last set: the one shown, or about to be once its first page is read.
    const ProductFilter &filter() const { return m_requested; }
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
    //! More rows exist beyond those loaded (whether or not a page is being read now).
    bool hasMore() const { return m_loaded && m_pager.hasMore(); }

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
    //! A background read started or ended.
    void loadingChanged(bool loading);

private:
    enum class PageKind { First, Next };
    //! Reads a page here or on the loader thread; the answer goes to handlePage().
    void requestPage(const ProductFilter &filter, const ProductCursor &after, PageKind kind);
    void handlePage(PageKind kind, const ProductFilter &filter,
                    const ServiceResult<QList<Product>> &page);
    void setLoading(bool loading);
    //! Whether the filter shows this product, as far as can be told without the database.
    bool matchesFilter(const Product &product) const;
    QString priceText(const Product &product) const;
    QString unitsToolTip(const Product &product) const;

    const CatalogueService &m_catalogue;
    ProductFilter m_filter;    //!< the filter the rows were read with; pages continue it
    ProductFilter m_requested; //!< the filter last asked for
    QList<Product> m_rows;
    QString m_currencySymbol;
    KeysetPager<ProductCursor> m_pager{kPageSize};
    bool m_loaded = false; //!< a first page was read since the last clear()
    bool m_loading = false;
    //! Reads the pages after loadInBackground(); a first page drops the answers before it.
    DatabaseWorker *m_worker = nullptr;
    std::optional<ServiceError> m_lastError;
};
