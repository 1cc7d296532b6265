#pragma once

#include "models/domain/denominations.h"

#include <QAbstractTableModel>
#include <QList>

/*!
 * Counting the drawer at the end of a shift: one row per note and coin of the store's
 * currency, the count typed in, and the amount it makes; total() adds them up to the cent
 * and totalChanged() tells the dialog at every keystroke that changed a count.
 */
class CashCountModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DenominationColumn, CountColumn, AmountColumn, ColumnCount };
    enum Role {
        ValueMinorRole = Qt::UserRole, //!< qint64: one note or coin
        CountRole,                     //!< qint64
        AmountMinorRole,               //!< qint64: count × value
    };

    //! A count beyond this is a typing slip, not a drawer.
    static constexpr qint64 kMaxCount = 100000;

    explicit CashCountModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    //! Counts are whole numbers from 0 to kMaxCount; text is read with the locale.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    void setDenominations(const QList<Denomination> &denominations);
    void setCurrencySymbol(const QString &symbol);
    bool setCount(int row, qint64 count);
    qint64 count(int row) const { return m_rows.at(row).count; }
    //! Sets every count to 0.
    void clearCounts();

    Money total() const;

Q_SIGNALS:
    void totalChanged(Money total);

private:
    struct Row
    {
        Denomination denomination;
        qint64 count = 0;
    };

    QList<Row> m_rows;
    QString m_currencySymbol;
};
