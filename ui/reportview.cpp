#include "ui/reportview.h"

#include "models/domain/percent.h"
#include "models/domain/quantity.h"
#include "models/domain/storesettings.h"
#include "models/items/billhistorymodel.h"
#include "models/items/lowstockmodel.h"
#include "models/items/reporttablemodel.h"
#include "models/services/services.h"
#include "ui/reportcharts.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QFont scaledFont(QFont font, qreal factor, QFont::Weight weight)
{
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * factor);
    }
    font.setWeight(weight);
    return font;
}

} // namespace

ReportView::ReportView(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_currencySymbol(services.catalogue.currencySymbol())
    , m_noteLabel(new QLabel(this))
    , m_tableNoteLabel(new QLabel(this))
    , m_lowStock(new LowStockModel(services.inventory, this))
{
    m_noteLabel->setObjectName(u"noteLabel"_s);
    m_noteLabel->setFont(scaledFont(m_noteLabel->font(), 1.1, QFont::DemiBold));
    m_noteLabel->hide();

    auto *content = new QWidget;
    content->setObjectName(u"reportContent"_s);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 4, 0);
    column->setSpacing(10);
    column->addWidget(m_noteLabel);
    column->addWidget(createTiles());
    column->addWidget(createCharts());
    column->addWidget(createTables(), 1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"reportScroll"_s);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

ReportView::~ReportView() = default;

QWidget *ReportView::createTiles()
{
    auto *tiles = new QWidget(this);
    tiles->setObjectName(u"tiles"_s);
    auto *grid = new QGridLayout(tiles);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(8);
    // From the shelf price to what stays: before discounts, less discounts (gross, tax
    // included), less tax (net). Every caption is a string of its own, so no two tiles can
    // come out alike in a translation.
    addTile(grid, Tile::BeforeDiscounts, u"beforeDiscounts"_s,
            tr("Sales before discounts", "report tile: shelf prices, tax included"), 0, 0);
    addTile(grid, Tile::Discounts, u"discounts"_s, tr("Discounts"), 0, 1);
    addTile(grid, Tile::Gross, u"gross"_s,
            tr("Gross sales", "report tile: after discounts, tax included"), 0, 2);
    addTile(grid, Tile::Tax, u"tax"_s, tr("Tax"), 0, 3);
    addTile(grid, Tile::Net, u"net"_s, tr("Net sales", "report tile: after discounts, less tax"), 0,
            4);
    addTile(grid, Tile::Refunds, u"refunds"_s, tr("Refunds"), 1, 0);
    addTile(grid, Tile::Bills, u"bills"_s, tr("Bills"), 1, 1);
    addTile(grid, Tile::AverageBasket, u"averageBasket"_s, tr("Average basket"), 1, 2);
    addTile(grid, Tile::ItemsSold, u"itemsSold"_s, tr("Items sold"), 1, 3);
    addTile(grid, Tile::Margin, u"margin"_s, tr("Gross margin"), 1, 4);
    for (int column = 0; column < grid->columnCount(); ++column) {
        grid->setColumnStretch(column, 1);
    }
    return tiles;
}

void ReportView::addTile(QGridLayout *layout, Tile tile, const QString &key, const QString &caption,
                         int row, int column)
{
    auto *frame = new QFrame(layout->parentWidget());
    frame->setObjectName(key + u"Tile"_s);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setBackgroundRole(QPalette::Base);
    frame->setAutoFillBackground(true);
    TileWidgets widgets;
    widgets.caption = new QLabel(caption, frame);
    widgets.caption->setObjectName(key + u"Caption"_s);
    widgets.value = new QLabel(u"—"_s, frame);
    widgets.value->setObjectName(key + u"Value"_s);
    widgets.value->setFont(scaledFont(widgets.value->font(), 1.4, QFont::Bold));
    widgets.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    widgets.detail = new QLabel(frame);
    widgets.detail->setObjectName(key + u"Detail"_s);
    QPalette quiet = widgets.detail->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    widgets.detail->setPalette(quiet);
    widgets.caption->setPalette(quiet);
    if (tile == Tile::Margin) {
        frame->setToolTip(
                tr("Sales less tax and cost, over the products whose cost price is known"));
    }
    // Five tiles share a row even on a 1024 px till: words wrap, the figure never does.
    widgets.caption->setWordWrap(true);
    widgets.detail->setWordWrap(true);
    frame->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    frame->setMinimumWidth(widgets.value->fontMetrics().horizontalAdvance(u"0,000,000.00 €"_s)
                           + 20);
    auto *box = new QVBoxLayout(frame);
    box->setContentsMargins(10, 6, 10, 6);
    box->setSpacing(2);
    box->addWidget(widgets.caption);
    box->addWidget(widgets.value);
    box->addWidget(widgets.detail);
    layout->addWidget(frame, row, column);
    m_tiles.insert(tile, widgets);
    m_tileOrder.append(tile);
}

QWidget *ReportView::createCharts()
{
    // Two rows: the day's rhythm and the period's course, then how people paid and what
    // sold best. A day's report has no course, and its hours take the whole row.
    auto *charts = new QWidget(this);
    charts->setObjectName(u"charts"_s);
    auto *rows = new QVBoxLayout(charts);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *first = new QHBoxLayout;
    auto *second = new QHBoxLayout;
    rows->addLayout(first);
    rows->addLayout(second);
    m_hourChart = addChart(first, u"hourChart"_s, tr("Sales by hour of day"), 1);
    m_dayChart = addChart(first, u"dayChart"_s, tr("Sales by day"), 1);
    m_methodChart = addChart(second, u"methodChart"_s, tr("Payment methods"), 2);
    m_productChart = addChart(second, u"productChart"_s,
                              tr("Top %n products by revenue", "", ReportCharts::kTopProducts), 3);
    // Ten product names, each needing a line of its own.
    m_productChart.view->setMinimumHeight(320);
    return charts;
}

ReportView::ChartWidgets ReportView::addChart(QBoxLayout *layout, const QString &key,
                                              const QString &title, int stretch)
{
    ChartWidgets chart;
    chart.title = title;
    chart.box = new QWidget(this);
    auto *label = new QLabel(title, chart.box);
    label->setFont(scaledFont(label->font(), 1.0, QFont::DemiBold));
    chart.view = ReportCharts::createView(key, chart.box);
    auto *box = new QVBoxLayout(chart.box);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    box->addWidget(label);
    box->addWidget(chart.view, 1);
    layout->addWidget(chart.box, stretch);
    return chart;
}

QWidget *ReportView::createTables()
{
    auto *box = new QWidget(this);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    boxLayout->setSpacing(2);
    m_tables = new QTabWidget(box);
    m_tables->setObjectName(u"tablesTabs"_s);
    m_tables->setDocumentMode(true);
    m_tables->setMinimumHeight(300);
    m_csvButton = new QPushButton(tr("Export &CSV…"), m_tables);
    m_csvButton->setObjectName(u"csvButton"_s);
    m_csvButton->setToolTip(tr("Save the table in front as a CSV file for a spreadsheet"));
    m_csvButton->setAutoDefault(false);
    m_csvButton->setEnabled(false);
    m_tables->setCornerWidget(m_csvButton, Qt::TopRightCorner);
    connect(m_csvButton, &QPushButton::clicked, this, &ReportView::exportCsv);

    using Kind = ReportTableModel::Kind;
    addTable(Table::Taxes, u"taxes"_s, tr("Tax by rate"), -1,
             {{tr("Rate", "tax rate"), Kind::Percent},
              {tr("Sales incl. tax"), Kind::Money},
              {tr("Tax"), Kind::Money},
              {tr("Sales excl. tax"), Kind::Money}});
    addTable(Table::Payments, u"payments"_s, tr("Payment methods"), -1,
             {{tr("Method", "payment method"), Kind::Text},
              {tr("Payments"), Kind::Count},
              {tr("Amount"), Kind::Money}});
    addTable(Table::Cashiers, u"cashiers"_s, tr("Cashiers"), -1,
             {{tr("Cashier"), Kind::Text}, {tr("Bills"), Kind::Count}, {tr("Sales"), Kind::Money}});
    addTable(
            Table::Categories, u"categories"_s, tr("Categories"), -1,
            {{tr("Category"), Kind::Text}, {tr("Bills"), Kind::Count}, {tr("Sales"), Kind::Money}});
    addTable(Table::Days, u"days"_s, tr("Days"), -1,
             {{tr("Day"), Kind::Date}, {tr("Bills"), Kind::Count}, {tr("Sales"), Kind::Money}});
    addTable(Table::Products, u"products"_s, tr("Products"), 1,
             {{tr("SKU", "stock keeping unit, the store's own product code"), Kind::Text},
              {tr("Product"), Kind::Text},
              {tr("Category"), Kind::Text},
              {tr("Quantity"), Kind::Count},
              {tr("Revenue"), Kind::Money},
              {tr("Margin", "gross margin"), Kind::Money}});
    addTable(Table::Refunds, u"refunds"_s, tr("Refunds"), 5,
             {{tr("When"), Kind::DateTime},
              {tr("Refund"), Kind::Text},
              {tr("Bill"), Kind::Text},
              {tr("Cashier"), Kind::Text},
              {tr("Approved by"), Kind::Text},
              {tr("Reason"), Kind::Text},
              {tr("Amount"), Kind::Money}});
    addTableView(Table::LowStock, u"lowStock"_s, tr("Low stock"), m_lowStock,
                 LowStockModel::NameColumn);

    // The screen lists the first products and refunds; the CSV export has every one.
    for (Table table : {Table::Products, Table::Refunds}) {
        auto *full = new ReportTableModel(this);
        full->setCurrencySymbol(m_currencySymbol);
        QList<ReportTableModel::Column> columns = m_models.value(table)->columns();
        if (table == Table::Products) {
            // A spreadsheet sums numbers: the quantity in base units, the unit beside it.
            columns.insert(4, {tr("Unit", "the unit a quantity is counted in"), Kind::Text});
        }
        full->setColumns(columns);
        m_fullModels.insert(table, full);
    }

    m_tableNoteLabel->setObjectName(u"tableNoteLabel"_s);
    m_tableNoteLabel->setWordWrap(true);
    m_tableNoteLabel->hide();
    boxLayout->addWidget(m_tables, 1);
    boxLayout->addWidget(m_tableNoteLabel);
    connect(m_tables, &QTabWidget::currentChanged, this, &ReportView::refreshLowStockIfShown);
    connect(m_tables, &QTabWidget::currentChanged, this, &ReportView::updateTableNote);
    return box;
}

void ReportView::addTable(Table table, const QString &key, const QString &title, int stretchColumn,
                          const QList<ReportTableModel::Column> &columns)
{
    auto *model = new ReportTableModel(this);
    model->setObjectName(key + u"Model"_s);
    model->setCurrencySymbol(m_currencySymbol);
    model->setColumns(columns);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(ReportTableModel::SortRole);
    proxy->setSortLocaleAware(true);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_models.insert(table, model);
    addTableView(table, key, title, proxy, stretchColumn);
}

void ReportView::addTableView(Table table, const QString &key, const QString &title,
                              QAbstractItemModel *model, int stretchColumn)
{
    auto *view = new QTableView(m_tables);
    view->setObjectName(key + u"View"_s);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    QHeaderView *header = view->horizontalHeader();
    // A report's tables are short (a page of products at most): columns fit their text.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setHighlightSections(false);
    if (stretchColumn >= 0) {
        header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    }
    if (table != Table::LowStock) {
        // The report's own order (largest first) until a header is clicked.
        header->setSortIndicator(-1, Qt::AscendingOrder);
        view->setSortingEnabled(true);
    }
    m_tables->addTab(view, title);
    m_tableWidgets.insert(table, {key, title, view, model});
}

void ReportView::setReport(const SalesReport &report, const QString &title,
                           const QStringList &subtitles)
{
    m_report = report;
    m_title = title;
    m_subtitles = subtitles;
    showSummary(report.summary);
    showCharts(report);
    showTables(report);
    m_noteLabel->setText(report.summary.bills == 0 ? tr("No sales in this period.") : QString());
    m_noteLabel->setVisible(report.summary.bills == 0);
    m_csvButton->setEnabled(true);
    // Sales take stock away: the low-stock list is read again when next looked at.
    m_lowStockStale = true;
    refreshLowStockIfShown();
}

QString ReportView::money(Money amount) const
{
    return amount.toString(QLocale(), m_currencySymbol);
}

void ReportView::setTile(Tile tile, const QString &value, const QString &detail)
{
    const TileWidgets &widgets = m_tiles.value(tile);
    widgets.value->setText(value);
    widgets.detail->setText(detail);
}

void ReportView::showSummary(const SalesSummary &s)
{
    const QLocale locale;
    // The summary's gross is the bills' subtotals (shelf prices, tax included) and its net
    // what was paid for the goods, tax included: the tiles name them by what they are.
    setTile(Tile::BeforeDiscounts, money(s.gross), tr("tax included"));
    setTile(Tile::Discounts, money(s.discounts));
    setTile(Tile::Gross, money(s.net), tr("after discounts, tax included"));
    setTile(Tile::Tax, money(s.tax));
    setTile(Tile::Net, money(s.net - s.tax), tr("after discounts, excluding tax"));
    setTile(Tile::Refunds, money(s.refunded), tr("%n refund(s)", "", int(s.refunds)));
    setTile(Tile::Bills, locale.toString(s.bills));
    setTile(Tile::AverageBasket, money(s.averageBasket()));
    setTile(Tile::ItemsSold, locale.toString(s.itemsSold));
    if (!s.hasCost) {
        setTile(Tile::Margin, u"—"_s, tr("no cost price known"));
        return;
    }
    const auto share = roundedDiv(s.margin().minor(), 10000, s.netOfTaxWithCost.minor());
    setTile(Tile::Margin, money(s.margin()),
            share ? tr("%1 of sales excl. tax").arg(Percent::toString(*share, locale)) : QString());
}

void ReportView::showCharts(const SalesReport &report)
{
    ReportCharts::showByHour(m_hourChart.view->chart(), report.byHour, m_currencySymbol);
    ReportCharts::showPaymentMethods(m_methodChart.view->chart(), report.byPaymentMethod);
    ReportCharts::showTopProducts(m_productChart.view->chart(), report.products, m_currencySymbol);
    // A day's report has one day: its line would be a dot.
    const QDate first = report.range.from.toLocalTime().date();
    const QDate last = std::max(first, report.range.to.toLocalTime().addMSecs(-1).date());
    const QDate shownLast = std::clamp(QDate::currentDate(), first, last);
    m_dayChart.box->setHidden(first == last);
    ReportCharts::showByDay(m_dayChart.view->chart(), report.byDay, first, shownLast,
                            m_currencySymbol);
}

void ReportView::showTables(const SalesReport &report)
{
    using Row = ReportTableModel::Row;
    const auto amount = [](Money m) {
        return QVariant::fromValue(m);
    };

    QList<Row> rows;
    for (const TaxLine &line : report.taxes) {
        rows.append(
                {{line.rateBp, amount(line.gross), amount(line.tax), amount(line.gross - line.tax)},
                 {}});
    }
    m_models.value(Table::Taxes)->setRows(rows);

    rows.clear();
    for (const BucketLine &line : report.byPaymentMethod) {
        rows.append({{ReportCharts::methodName(line.key), line.count, amount(line.amount)}, {}});
    }
    m_models.value(Table::Payments)->setRows(rows);

    rows.clear();
    for (const BucketLine &line : report.byCashier) {
        rows.append({{line.key, line.count, amount(line.amount)}, {}});
    }
    m_models.value(Table::Cashiers)->setRows(rows);

    rows.clear();
    for (const BucketLine &line : report.byCategory) {
        rows.append({{line.key.isEmpty() ? tr("Without category") : line.key, line.count,
                      amount(line.amount)},
                     {}});
    }
    m_models.value(Table::Categories)->setRows(rows);

    rows.clear();
    for (const BucketLine &line : report.byDay) {
        rows.append(
                {{QDate::fromString(line.key, Qt::ISODate), line.count, amount(line.amount)}, {}});
    }
    m_models.value(Table::Days)->setRows(rows);

    rows.clear();
    QList<Row> all;
    for (const ProductLine &line : report.products) {
        const QString unit = BaseUnits::displayName(line.baseUnit);
        const QVariant margin = line.hasCost ? amount(line.margin) : QVariant();
        if (rows.size() < ReportService::kTopProducts) {
            const QString quantity = Quantity::format(line.baseQuantity, line.packs, unit);
            rows.append({{line.sku, line.name, line.category, line.baseQuantity,
                          amount(line.revenue), margin},
                         {{}, {}, {}, quantity}});
        }
        all.append({{line.sku, line.name, line.category, line.baseQuantity, unit,
                     amount(line.revenue), margin},
                    {}});
    }
    m_models.value(Table::Products)->setRows(rows);
    m_fullModels.value(Table::Products)->setRows(all);
    m_tableNotes.insert(
            Table::Products,
            rows.size() < all.size()
                    ? tr("Top %1 of %2 products; the CSV export has all of them.")
                              .arg(QLocale().toString(rows.size()), QLocale().toString(all.size()))
                    : QString());

    rows.clear();
    all.clear();
    for (const RefundLine &line : report.refunds) {
        const Row row{{line.at, BillHistoryModel::billCode(line.lane, line.number), line.billCode,
                       line.cashier, line.approvedBy, line.reason, amount(line.total)},
                      {}};
        if (rows.size() < ReportService::kRefundRows) {
            rows.append(row);
        }
        all.append(row);
    }
    m_models.value(Table::Refunds)->setRows(rows);
    m_fullModels.value(Table::Refunds)->setRows(all);
    m_tableNotes.insert(
            Table::Refunds,
            rows.size() < all.size()
                    ? tr("The latest %1 of %2 refunds; the CSV export has all of them.")
                              .arg(QLocale().toString(rows.size()), QLocale().toString(all.size()))
                    : QString());
    updateTableNote();
}

void ReportView::updateTableNote()
{
    QString note;
    for (auto it = m_tableWidgets.cbegin(); it != m_tableWidgets.cend(); ++it) {
        if (it->view == m_tables->currentWidget()) {
            note = m_tableNotes.value(it.key());
        }
    }
    m_tableNoteLabel->setText(note);
    m_tableNoteLabel->setVisible(!note.isEmpty());
}

QString ReportView::tableNote(Table table) const
{
    return m_tableNotes.value(table);
}

std::unique_ptr<QAbstractItemModel> ReportView::exportModel(Table table) const
{
    const TableWidgets widgets = m_tableWidgets.value(table);
    ReportTableModel *source = m_fullModels.value(table, m_models.value(table));
    if (!source) {
        // The low-stock list is whole on screen.
        if (!widgets.model) {
            return nullptr;
        }
        auto same = std::make_unique<QSortFilterProxyModel>();
        same->setSourceModel(widgets.model);
        return same;
    }
    auto sorted = std::make_unique<QSortFilterProxyModel>();
    sorted->setSourceModel(source);
    sorted->setSortRole(ReportTableModel::SortRole);
    sorted->setSortLocaleAware(true);
    sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    // Sorted as the person sorted the table on screen; the products' export has its unit
    // column after the quantity.
    int column = widgets.view->horizontalHeader()->sortIndicatorSection();
    if (table == Table::Products && column > 3) {
        ++column;
    }
    if (column >= 0 && column < source->columnCount()) {
        sorted->sort(column, widgets.view->horizontalHeader()->sortIndicatorOrder());
    }
    return sorted;
}

QString ReportView::csvText(Table table) const
{
    const auto model = exportModel(table);
    return model ? ReportExport::csv(*model) : QString();
}

QChart *ReportView::hourChart() const
{
    return m_hourChart.view->chart();
}

QString ReportView::storeName() const
{
    if (!m_storeName.isEmpty()) {
        return m_storeName;
    }
    const auto values = m_services.settings.values();
    return values ? values->value(Setting::StoreName.key) : QString();
}

QString ReportView::tileText(Tile tile) const
{
    const TileWidgets widgets = m_tiles.value(tile);
    return widgets.value ? widgets.value->text() : QString();
}

QString ReportView::tileCaption(Tile tile) const
{
    const TileWidgets widgets = m_tiles.value(tile);
    return widgets.caption ? widgets.caption->text() : QString();
}

QString ReportView::tileDetail(Tile tile) const
{
    const TileWidgets widgets = m_tiles.value(tile);
    return widgets.detail ? widgets.detail->text() : QString();
}

QAbstractItemModel *ReportView::tableModel(Table table) const
{
    return m_tableWidgets.value(table).model;
}

QString ReportView::noteText() const
{
    return m_noteLabel->isHidden() ? QString() : m_noteLabel->text();
}

void ReportView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshLowStockIfShown();
}

void ReportView::refreshLowStockIfShown()
{
    if (!m_lowStockStale || !isVisible()
        || m_tables->currentWidget() != m_tableWidgets.value(Table::LowStock).view) {
        return;
    }
    m_lowStockStale = false;
    if (const auto error = m_lowStock->reload()) {
        Q_EMIT failed(*error);
    }
}
