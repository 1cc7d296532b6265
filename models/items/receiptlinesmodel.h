#pragma once

#include "models/domain/product.h"
#include "models/services/inventoryservice.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

/*!
 * The lines of a goods receipt being typed: product, the unit it arrived in (any of the
 * product's units), quantity and what one unit cost. Scanning the same unit again adds one
 * to its line. Quantities and costs are kept as typed until they read (see problem()); a
 * cost nobody typed follows the product's cost for the chosen unit.
 *
 * A line made from a scan knows only the scanned unit (a scan is one query); the other
 * units are handed in with setUnits() when somebody wants to change the unit.
 */
class ReceiptLinesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SkuColumn,
        ProductColumn,
        UnitColumn,
        QuantityColumn,
        UnitCostColumn,
        TotalColumn,
        ColumnCount
    };
    enum Role {
        ProductIdRole = Qt::UserRole, //!< qint64
        UnitIdRole,                   //!< qint64: the chosen unit
        UnitIdsRole,                  //!< QVariantList of qint64: the units to choose from
        UnitNamesRole,                //!< QStringList, in the order of UnitIdsRole
        UnitsCompleteRole,            //!< bool: all the product's units are known
        ProblemRole,                  //!< QString: why the cell does not read, or empty
    };

    struct Problem
    {
        int row = 0;
        int column = 0;
        QString message;
    };

    explicit ReceiptLinesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /*!
     * Receives one of unitId of product: adds one to the line of that unit if there is one,
     * else appends a line. product.units are the units to offer (all of them when
     * unitsComplete). Returns the row.
     */
    int addLine(const Product &product, qint64 unitId, bool unitsComplete);
    //! All the units of the line's product, once read.
    void setUnits(int row, const QList<ProductUnit> &units);
    void removeLine(int row);
    void clear();

    //! The lines to post; only meaningful when problem() is std::nullopt.
    QList<InventoryService::ReceiptLine> lines() const;
    std::optional<Problem> problem() const;
    //! Quantity × unit cost over the lines whose cost is known.
    Money total() const;

    void setCurrencySymbol(const QString &symbol);

Q_SIGNALS:
    //! Lines were added, removed or changed: totals and buttons follow.
    void linesChanged();

private:
    struct Line
    {
        qint64 productId = 0;
        QString sku;
        QString name;
        QList<ProductUnit> units; //!< active ones, smallest first
        bool unitsComplete = false;
        qint64 unitId = 0;
        QString quantityText;
        QString costText;
        bool costTyped = false; //!< else it follows the product's cost
        std::optional<Money> productCost;
        qint64 costPerBase = 1;
    };
    const ProductUnit *unitOf(const Line &line) const;
    void followProductCost(Line &line) const;
    static std::optional<qint64> readQuantity(const QString &text);
    static std::optional<std::optional<Money>> readCost(const QString &text);
    QString cellProblem(const Line &line, int column) const;
    void emitRowChanged(int row);

    QList<Line> m_lines;
    QString m_currencySymbol;
};
