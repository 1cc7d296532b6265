#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

/*!
 * One table of a report: headers and rows of plain values, formatted by the kind of their
 * column. Every table of the Reports area is one of these, so sorting, alignment, export
 * and the way money reads are the same everywhere.
 *
 * A Money column holds QVariant::fromValue(Money); a null value shows as a dash (a margin
 * without a cost). A row may carry a text for a cell that reads better than its value (a
 * quantity in packs); the value still sorts it.
 */
class ReportTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Kind {
        Text,
        Count,    //!< a whole number (qint64)
        Money,    //!< Money
        Percent,  //!< basis points (int)
        DateTime, //!< a UTC QDateTime, shown in local time
        Date,     //!< a QDate
    };
    struct Column
    {
        QString title;
        Kind kind = Kind::Text;
    };
    struct Row
    {
        QVariantList values;
        QStringList texts; //!< optional: what a cell shows instead of its formatted value
    };
    enum Role {
        SortRole = Qt::UserRole, //!< a value that orders as numbers order (money in minor units)
        ExportRole, //!< the cell for a CSV file: money as "12.50", dates as ISO, numbers
                    //!< as numbers even where the screen shows a text ("3 × Box")
        ValueRole,  //!< the value as stored
    };

    explicit ReportTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setColumns(const QList<Column> &columns);
    const QList<Column> &columns() const { return m_columns; }
    //! Replaces every row (one reset).
    void setRows(const QList<Row> &rows);
    //! Adds rows at the end (a further page).
    void appendRows(const QList<Row> &rows);
    void clear();
    const Row &row(int row) const { return m_rows.at(row); }

    void setCurrencySymbol(const QString &symbol);

private:
    QString displayText(const QVariant &value, Kind kind) const;
    static QString exportText(const QVariant &value, Kind kind);
    static QVariant sortKey(const QVariant &value, Kind kind);

    QList<Column> m_columns;
    QList<Row> m_rows;
    QString m_currencySymbol;
};
