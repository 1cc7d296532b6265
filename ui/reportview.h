#pragma once

#include "models/items/reporttablemodel.h"
#include "models/services/reportservice.h"
#include "ui/reportexport.h"

#include <QMap>
#include <QWidget>

#include <memory>
#include <optional>

class LowStockModel;
class QAbstractItemModel;
class QChart;
class QChartView;
class QGridLayout;
class QBoxLayout;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class Services;

/*!
 * One sales report on screen: the summary as tiles, the charts (by hour, by day, payment
 * methods, top products) and the tables (taxes, payments, cashiers, categories, days,
 * products, refunds, low stock), with CSV export of the table in front and PDF export or
 * printing of the whole, all in one scrolling column so nothing is squeezed on a small
 * screen. The Today dashboard and the sales report of any period each show one; it never
 * reads a report itself, it is given one.
 */
class ReportView : public QWidget
{
    Q_OBJECT

public:
    //! Each figure named by what it is: prices in the store include tax, so sales read
    //! "before discounts", then "gross" (after discounts, tax included), then "net" (less tax).
    enum class Tile {
        BeforeDiscounts,
        Discounts,
        Gross,
        Tax,
        Net,
        Refunds,
        Bills,
        AverageBasket,
        ItemsSold,
        Margin
    };
    enum class Table { Taxes, Payments, Cashiers, Categories, Days, Products, Refunds, LowStock };

    explicit ReportView(Services &services, QWidget *parent = nullptr);
    ~ReportView() override;

    //! Shows the report; title and subtitles head its PDF and printout.
    void setReport(const SalesReport &report, const QString &title, const QStringList &subtitles);
    bool hasReport() const { return m_report.has_value(); }

    //! The figure a tile shows, as shown ("12.50 €").
    QString tileText(Tile tile) const;
    //! A tile's caption and the line under its figure ("tax included").
    QString tileCaption(Tile tile) const;
    QString tileDetail(Tile tile) const;
    //! The table as shown, sorted as the person sorted it.
    QAbstractItemModel *tableModel(Table table) const;
    //! "No sales in this period." when the report has no bill, else empty.
    QString noteText() const;
    //! What the note beside a table says when it lists only the first rows, else empty.
    QString tableNote(Table table) const;
    //! The table as its CSV export writes it: every row, sorted as shown.
    QString csvText(Table table) const;
    //! The chart of sales by hour, to read its axes.
    QChart *hourChart() const;

    //! The report as it goes into a PDF or onto paper, charts drawn as they are now.
    ReportExport::Document document();

    //! The store's name for the heading of a PDF or printout (read from the settings if empty).
    void setStoreName(const QString &name) { m_storeName = name; }

    //! Each asks where (or which printer) first; what went wrong comes through failed().
    void exportCsv();
    void exportPdf();
    void printReport();

Q_SIGNALS:
    void failed(const ServiceError &error);
    void saved(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct TileWidgets
    {
        QLabel *caption = nullptr;
        QLabel *value = nullptr;
        QLabel *detail = nullptr;
    };
    struct TableWidgets
    {
        QString key;
        QString title;
        QTableView *view = nullptr;
        QAbstractItemModel *model = nullptr; //!< the proxy the view shows
    };
    struct ChartWidgets
    {
        QString title;
        QWidget *box = nullptr;
        QChartView *view = nullptr;
    };

    QWidget *createTiles();
    QWidget *createCharts();
    QWidget *createTables();
    void addTile(QGridLayout *layout, Tile tile, const QString &key, const QString &caption,
                 int row, int column);
    ChartWidgets addChart(QBoxLayout *layout, const QString &key, const QString &title,
                          int stretch);
    //! stretchColumn takes the width left over (a name, a reason); -1 for none.
    void addTable(Table table, const QString &key, const QString &title, int stretchColumn,
                  const QList<ReportTableModel::Column> &columns);
    void addTableView(Table table, const QString &key, const QString &title,
                      QAbstractItemModel *model, int stretchColumn);

    void showSummary(const SalesSummary &summary);
    void showCharts(const SalesReport &report);
    void showTables(const SalesReport &report);
    void setTile(Tile tile, const QString &value, const QString &detail = {});
    void updateTableNote();
    //! Every row of the table, sorted as the view shows it; null for none.
    std::unique_ptr<QAbstractItemModel> exportModel(Table table) const;
    QString storeName() const;
    QString money(Money amount) const;
    void refreshLowStockIfShown();

    Services &m_services;
    QString m_currencySymbol;
    QString m_storeName;
    std::optional<SalesReport> m_report;
    QString m_title;
    QStringList m_subtitles;

    QLabel *m_noteLabel = nullptr;
    QLabel *m_tableNoteLabel = nullptr;
    QPushButton *m_csvButton = nullptr;
    QTabWidget *m_tables = nullptr;
    QMap<Tile, TileWidgets> m_tiles;
    QList<Tile> m_tileOrder;
    QMap<Table, TableWidgets> m_tableWidgets;
    QMap<Table, ReportTableModel *> m_models;
    //! Every row of the tables the screen shortens (products, refunds), for the CSV export.
    QMap<Table, ReportTableModel *> m_fullModels;
    QMap<Table, QString> m_tableNotes;
    LowStockModel *m_lowStock = nullptr;
    bool m_lowStockStale = true;
    ChartWidgets m_hourChart;
    ChartWidgets m_dayChart;
    ChartWidgets m_methodChart;
    ChartWidgets m_productChart;
};
