#pragma once

#include "models/domain/product.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

/*!
 * The units a product is sold in, as the product editor shows and edits them: name, base
 * units per unit, price, barcode and whether it is still sold. Numbers are kept as typed
 * until they read, so a half-typed price is never lost or silently changed; problem()
 * names the first cell that does not read, and such cells are tinted. Prices are read
 * and shown in the locale's format (QLocale()).
 */
class ProductUnitsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        BasePerUnitColumn,
        PriceColumn,
        BarcodeColumn,
        ActiveColumn,
        ColumnCount
    };
    enum Role {
        UnitIdRole = Qt::UserRole, //!< qint64, 0 for a unit not saved yet
        ProblemRole,               //!< QString: why the cell does not read, or empty
    };

    struct Problem
    {
        int row = 0;
        int column = 0;
        QString message;
    };

    explicit ProductUnitsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    void setUnits(const QList<ProductUnit> &units);
    //! The units as typed; cells that do not read come back as 0 or an invalid price.
    QList<ProductUnit> units() const;
    //! The first cell that does not read, or std::nullopt when every cell does.
    std::optional<Problem> problem() const;

    //! Appends a unit (its size left blank when not given) and returns its row.
    int addUnit(const QString &name, std::optional<qint64> basePerUnit = std::nullopt);
    void removeUnit(int row);
    //! Units called oldName (the base unit's name) are renamed to newName.
    void renameUnits(const QString &oldName, const QString &newName);

    //! The row of the unit with this name or barcode, or -1.
    int rowOfName(const QString &name) const;
    int rowOfBarcode(const QString &barcode) const;

    void setReadOnly(bool readOnly);
    void setCurrencySymbol(const QString &symbol);

private:
    struct Row
    {
        ProductUnit unit;
        QString basePerUnitText;
        QString priceText;
    };
    QString cellProblem(const Row &row, int column) const;
    static std::optional<qint64> readBasePerUnit(const QString &text);
    static std::optional<Money> readPrice(const QString &text);

    QList<Row> m_rows;
    bool m_readOnly = false;
    QString m_currencySymbol;
};
