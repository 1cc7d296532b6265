#pragma once

#include "models/db/refundrepository.h"
#include "models/services/refundservice.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

/*!
 * The lines of one bill as the refund dialog shows them: what was sold, what came back
 * already, what may still come back and what was paid, next to what the person types:
 * how many come back, counted in the unit sold or, for a pack, in its base unit, and
 * whether they go back to stock or are damaged. The amount per line comes from the
 * service's plan (setPlan()), never from arithmetic here, so the screen shows exactly
 * what the refund will pay.
 *
 * A quantity above what is refundable is refused by setData(); one can still stand after
 * refreshBill() (another till refunded meanwhile): it is kept as typed, marked, and the
 * service's plan says why it cannot be.
 */
class RefundLinesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ProductColumn,
        UnitColumn,
        SoldColumn,
        RefundedColumn,
        RefundableColumn,
        PaidColumn,
        EachColumn,
        QuantityColumn, //!< editable: how many come back, in the counting unit
        CountInColumn,  //!< editable for packs: the unit sold or its base unit
        RestockColumn,  //!< checkable: back to stock, or damaged
        AmountColumn,   //!< from the plan
        ColumnCount
    };

    enum Role {
        BillItemIdRole = Qt::UserRole, //!< qint64
        MaximumRole,                   //!< qint64: the most that may be typed, in the counting unit
        CountChoicesRole,              //!< QVariantList of qint64: base units per counting unit
        CountChoiceNamesRole,          //!< QStringList, in the order of CountChoicesRole
        QuantityBaseRole,              //!< qint64: the typed quantity in base units
        RefundableBaseRole,            //!< qint64
        ProblemRole,                   //!< QString: why the typed quantity cannot be, or empty
    };

    explicit RefundLinesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    //! Shows the bill with nothing typed yet: every quantity 0, everything back to stock.
    void setBill(const RefundableBill &bill);
    /*!
     * The same bill read again (after another till refunded some of it): the figures
     * follow the database, what was typed stays.
     */
    void refreshBill(const RefundableBill &bill);
    const RefundableBill &bill() const { return m_bill; }

    //! The lines with something typed, as RefundService::Request::lines.
    QList<RefundService::LineRequest> requestLines() const;
    bool hasQuantities() const;
    //! Types in everything that may still come back.
    void refundEverything();
    void clearQuantities();

    //! The amounts the service planned; std::nullopt shows none.
    void setPlan(const std::optional<RefundRecord> &plan);
    void setCurrencySymbol(const QString &symbol);

Q_SIGNALS:
    //! A quantity, counting unit or stock choice changed: the plan must follow.
    void requestChanged();

private:
    struct Entry
    {
        qint64 quantity = 0;  //!< as typed, in the counting unit
        qint64 countRate = 1; //!< base units per counting unit: the unit sold's rate, or 1
        bool restock = true;
    };

    static Entry defaultEntry(const RefundableBill::Line &line);
    qint64 maximum(int row) const;
    QString quantityText(const RefundableBill::Line &line, qint64 baseQuantity) const;
    QString countUnitName(const RefundableBill::Line &line, qint64 rate) const;
    QString moneyText(Money amount) const;
    QString problem(int row) const;
    QVariant displayText(int row, int column) const;
    QVariant toolTip(int row, int column) const;
    void emitRowChanged(int row);

    RefundableBill m_bill;
    QList<Entry> m_entries;
    QHash<qint64, Money> m_planned;
    QString m_currencySymbol;
};
