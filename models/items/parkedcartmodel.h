#pragma once

#include "models/db/parkedcartrepository.h"

#include <QAbstractTableModel>
#include <QList>

/*!
 * Parked sales as the recall list shows them, newest first as CheckoutService::parked()
 * returns them: when, the label the cashier gave, the lane and cashier, items and total.
 * Totals are worked out once when the list is set, not per paint.
 */
class ParkedCartModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ParkedAtColumn,
        LabelColumn,
        LaneColumn,
        CashierColumn,
        ItemsColumn,
        TotalColumn,
        ColumnCount
    };
    enum Role {
        ParkedIdRole = Qt::UserRole, //!< qint64
        TotalMinorRole,              //!< qint64
    };

    explicit ParkedCartModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setParked(const QList<ParkedCart> &parked);
    const ParkedCart &parked(int row) const { return m_rows.at(row).cart; }
    void setCurrencySymbol(const QString &symbol) { m_currencySymbol = symbol; }

private:
    struct Row
    {
        ParkedCart cart;
        Money total;
        qint64 items = 0;
    };

    QList<Row> m_rows;
    QString m_currencySymbol;
};
