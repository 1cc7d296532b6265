#pragma once

#include "models/db/productrepository.h"

#include <QAbstractTableModel>
#include <QList>

/*!
 * The preview of a bulk price change: each unit it touches with its price before and
 * after and the difference. Rows are what CatalogueService::previewPriceChange() read;
 * the model itself reads nothing.
 */
class PriceChangeModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SkuColumn,
        ProductColumn,
        UnitColumn,
        OldPriceColumn,
        NewPriceColumn,
        DifferenceColumn,
        ColumnCount
    };
    enum Role {
        UnitIdRole = Qt::UserRole, //!< qint64
        OldMinorRole,              //!< qint64
        NewMinorRole,              //!< qint64
    };

    explicit PriceChangeModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRows(const QList<PriceChangeRow> &rows);
    void clear() { setRows({}); }
    void setCurrencySymbol(const QString &symbol) { m_currencySymbol = symbol; }

private:
    QList<PriceChangeRow> m_rows;
    QString m_currencySymbol;
};
