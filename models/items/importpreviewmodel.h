#pragma once

#include "models/services/cataloguecsv.h"

#include <QAbstractTableModel>
#include <QList>

/*!
 * What a catalogue CSV would do, before it does it: one row per product the file creates
 * or updates, and one row per problem the file has, with its line and column, all in the
 * order of the file. Problems come first where a product and a problem share a line.
 */
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        LineColumn,
        StatusColumn,
        SkuColumn,
        NameColumn,
        FieldColumn,
        DetailsColumn,
        ColumnCount
    };
    enum class Status { New, Update, Error };
    enum Role {
        StatusRole = Qt::UserRole, //!< Status as int
        LineRole,                  //!< int: the line in the file
    };

    explicit ImportPreviewModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setPlan(const CatalogueCsv::Plan &plan);
    void clear();
    void setCurrencySymbol(const QString &symbol) { m_currencySymbol = symbol; }

    int errorCount() const { return m_errors; }
    //! The first row with an error, or -1.
    int firstErrorRow() const;

private:
    struct Entry
    {
        int line = 0;
        Status status = Status::New;
        QString sku;
        QString name;
        QString field;
        QString details;
    };
    QString unitsText(const Product &product) const;

    QList<Entry> m_entries;
    int m_errors = 0;
    QString m_currencySymbol;
};
