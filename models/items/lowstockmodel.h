#pragma once

#include "models/domain/product.h"
#include "models/services/serviceerror.h"

#include <QAbstractTableModel>
#include <QList>

class InventoryService;

/*!
 * The products to reorder: active products with stock at or under their reorder level,
 * the furthest under it first, with how much is missing to reach it again.
 */
class LowStockModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SkuColumn,
        NameColumn,
        CategoryColumn,
        StockColumn,
        ReorderLevelColumn,
        ShortfallColumn,
        ColumnCount
    };
    enum Role {
        ProductIdRole = Qt::UserRole, //!< qint64
        ShortfallBaseRole,            //!< qint64: reorder level less stock, in base units
    };

    //! More than this many products low on stock is a list nobody works through.
    static constexpr int kLimit = 1000;

    explicit LowStockModel(const InventoryService &inventory, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    //! Reads the list again; on failure the rows stay and the error is returned.
    std::optional<ServiceError> reload();
    void clear();
    const Product &product(int row) const { return m_rows.at(row); }
    //! True when the list was cut at kLimit.
    bool isTruncated() const { return m_rows.size() >= kLimit; }

private:
    const InventoryService &m_inventory;
    QList<Product> m_rows;
};
