#pragma once

#include "models/items/productlistmodel.h"
#include "models/services/inventoryservice.h"

#include <QHash>

/*!
 * A stocktake sheet: the products a filter selects, paged like the product list, each
 * with its stock and two cells to count into, the largest pack and loose base units
 * ("3 crates + 5 bottles"). Counts are kept by product, so the sheet can be filtered aisle
 * by aisle and every count stays until it is posted or cleared.
 */
class StocktakeModel : public ProductListModel
{
    Q_OBJECT

public:
    enum StocktakeColumn {
        SkuCountColumn,
        NameCountColumn,
        StockCountColumn,
        PacksColumn,
        LooseColumn,
        CountedColumn,
        DifferenceColumn,
        StocktakeColumnCount
    };
    enum StocktakeRole {
        CountedBaseRole = PriceMinorRole + 1, //!< qint64, or invalid when not counted
        PackSizeRole,                         //!< qint64: base units in the largest pack, 0 if none
    };

    explicit StocktakeModel(const CatalogueService &catalogue, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortableColumn(int column);
    int sortedColumn() const;

    /*!
     * A blind count (the store's setting): a product's stock is hidden until it is
     * counted, so the count is what is on the shelf, not what the books expect.
     */
    void setBlind(bool blind);
    bool isBlind() const { return m_blind; }

    //! What to post: every product counted so far, whether shown now or not.
    QList<InventoryService::CountLine> countLines() const;
    int countedProducts() const { return static_cast<int>(m_counts.size()); }
    void clearCounts();

Q_SIGNALS:
    void countsChanged();

private:
    struct Count
    {
        std::optional<qint64> packs;
        std::optional<qint64> loose;
        qint64 packSize = 0;
        qint64 countedBase = 0;
    };
    static const ProductUnit *largestPack(const Product &product);
    static int baseColumn(int column);
    QString quantityText(const Product &product, qint64 baseQuantity) const;
    //! What the count columns show for p.
    QVariant countText(const Product &p, int column) const;

    QHash<qint64, Count> m_counts;
    bool m_blind = false;
};
