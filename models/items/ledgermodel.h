#pragma once

#include "models/db/stockrepository.h"
#include "models/domain/product.h"
#include "models/items/keysetpager.h"
#include "models/services/serviceerror.h"

#include <QAbstractTableModel>
#include <QList>

class InventoryService;

/*!
 * One product's stock ledger, newest first: when, why, by how much, the stock it left,
 * who and which document. Pages by key like the product list (200 rows a query, more as
 * the view scrolls down), so a product sold for years opens as fast as a new one.
 * Quantities are shown in the product's units ("+2 × Crate of 24 + 0 × Bottle").
 */
class LedgerModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        DateColumn,
        ReasonColumn,
        ChangeColumn,
        BalanceColumn,
        UserColumn,
        SourceColumn,
        NoteColumn,
        ColumnCount
    };

    enum Role {
        LedgerIdRole = Qt::UserRole, //!< qint64
        ReasonKeyRole,               //!< the stored reason: "sale", "receipt", ...
        DeltaBaseRole,               //!< qint64: the change in base units
        BalanceBaseRole,             //!< qint64: the stock after it, in base units
    };

    static constexpr int kPageSize = 200;

    explicit LedgerModel(const InventoryService &inventory, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    //! Shows this product's ledger from its newest row; on failure the rows stay.
    void setProduct(const Product &product);
    const Product &product() const { return m_product; }
    void reload();
    void clear();

    const LedgerRow &row(int row) const { return m_rows.at(row); }
    const std::optional<ServiceError> &lastError() const { return m_lastError; }

    //! How a ledger row names its document: "Bill 1/42", "Goods receipt 7".
    static QString sourceText(const LedgerRow &row);

Q_SIGNALS:
    void loadFailed(const ServiceError &error);

private:
    QString quantityText(qint64 baseQuantity) const;

    const InventoryService &m_inventory;
    Product m_product;
    QList<PackSize> m_packSizes;
    QList<LedgerRow> m_rows;
    KeysetPager<qint64> m_pager{kPageSize}; //!< by id: the rows before the last row's id
    std::optional<ServiceError> m_lastError;
};
