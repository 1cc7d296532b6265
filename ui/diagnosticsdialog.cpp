#include "ui/diagnosticsdialog.h"
#include "ui_diagnosticsdialog.h"

#include "models/items/operationsmodel.h"
#include "models/items/statementsmodel.h"
#include "models/services/diagnosticsservice.h"

#include <QAction>
#include <QClipboard>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

DiagnosticsDialog::DiagnosticsDialog(DiagnosticsService &diagnostics, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DiagnosticsDialog>())
    , m_diagnostics(diagnostics)
    , m_operations(new OperationsModel(diagnostics, this))
    , m_sortedOperations(new QSortFilterProxyModel(this))
    , m_statements(new StatementsModel(this))
{
    m_ui->setupUi(this);
    setModal(false);
    // Above the developer's detail, what a manager wants to know: was it fast, and if
    // not, why, in words.
    auto *plainBox = new QGroupBox(tr("The last operations, in short"), this);
    plainBox->setObjectName(u"plainSummaryGroup"_s);
    m_plainSummary = new QLabel(plainBox);
    m_plainSummary->setObjectName(u"plainSummaryLabel"_s);
    m_plainSummary->setTextFormat(Qt::PlainText);
    m_plainSummary->setWordWrap(true);
    m_plainSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *plainLayout = new QVBoxLayout(plainBox);
    plainLayout->addWidget(m_plainSummary);
    m_ui->dialogLayout->insertWidget(0, plainBox);
    setUpOperationsView();
    setUpStatementsView();

    connect(m_ui->clearButton, &QPushButton::clicked, this, &DiagnosticsDialog::clearHistory);
    connect(m_operations, &QAbstractItemModel::rowsInserted, this,
            &DiagnosticsDialog::updateSummary);
    connect(m_operations, &QAbstractItemModel::modelReset, this, &DiagnosticsDialog::updateSummary);
    updateSummary();
    updateStatementsNote();

    m_ui->cacheGroup->setVisible(m_diagnostics.hasCacheStats());
    for (int column = 1; column < m_ui->cacheLayout->columnCount(); column += 2) {
        m_ui->cacheLayout->setColumnStretch(column, 1);
    }
    if (m_diagnostics.hasCacheStats()) {
        connect(&m_diagnostics, &DiagnosticsService::cacheStatsChanged, this,
                &DiagnosticsDialog::updateCacheStats);
        updateCacheStats();
    }
}

DiagnosticsDialog::~DiagnosticsDialog() = default;

void DiagnosticsDialog::setUpOperationsView()
{
    m_sortedOperations->setSourceModel(m_operations);
    m_sortedOperations->setSortRole(OperationsModel::SortRole);
    m_sortedOperations->setDynamicSortFilter(true);

    QTableView *view = m_ui->operationsView;
    view->setModel(m_sortedOperations);
    view->sortByColumn(OperationsModel::TimeColumn, Qt::DescendingOrder);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(OperationsModel::OperationColumn, QHeaderView::Stretch);

    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DiagnosticsDialog::handleCurrentOperationChanged);
}

void DiagnosticsDialog::setUpStatementsView()
{
    QTableView *view = m_ui->statementsView;
    view->setModel(m_statements);
    view->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(StatementsModel::SqlColumn, QHeaderView::Stretch);

    auto *copy = new QAction(tr("Copy SQL"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &DiagnosticsDialog::copySelectedStatements);
    view->addAction(copy);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void DiagnosticsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    updateSummary();
}

void DiagnosticsDialog::handleCurrentOperationChanged(const QModelIndex &current)
{
    const QModelIndex source = m_sortedOperations->mapToSource(current);
    if (source.isValid()) {
        m_statements->setOperation(m_operations->operation(source.row()));
    } else {
        m_statements->clear();
    }
    updateStatementsNote();
}

void DiagnosticsDialog::clearHistory()
{
    m_operations->clear();
    m_statements->clear();
    updateStatementsNote();
}

void DiagnosticsDialog::copySelectedStatements()
{
    QModelIndexList rows
            = m_ui->statementsView->selectionModel()->selectedRows(StatementsModel::SqlColumn);
    std::sort(rows.begin(), rows.end());
    QStringList sql;
    for (const QModelIndex &index : std::as_const(rows)) {
        sql.append(index.data().toString() + u';');
    }
    if (!sql.isEmpty()) {
        QGuiApplication::clipboard()->setText(sql.join(u'\n'));
    }
}

QString DiagnosticsDialog::plainSummary() const
{
    return m_plainSummary->text();
}

void DiagnosticsDialog::updateSummary()
{
    const QStringList recent = m_operations->recentSummaries(kPlainOperations);
    m_plainSummary->setText(
            recent.isEmpty()
                    ? tr("No database work yet since Till started or the list was cleared.")
                    : recent.join(u'\n'));
    m_ui->summaryLabel->setText(
            tr("Since Till started: %L1 statements run, %L2 statements prepared. "
               "Operations kept here: %L3 of at most %L4.")
                    .arg(m_diagnostics.totalStatements())
                    .arg(m_diagnostics.totalPrepares())
                    .arg(m_operations->rowCount())
                    .arg(DiagnosticsService::historySize()));
}

void DiagnosticsDialog::updateStatementsNote()
{
    const int shown = m_statements->rowCount();
    const int ran = m_statements->statementCount();
    if (ran > shown) {
        m_ui->statementsNoteLabel->setText(
                tr("Showing the first %L1 of the %L2 statements this operation ran.")
                        .arg(shown)
                        .arg(ran));
        m_ui->statementsNoteLabel->show();
    } else {
        m_ui->statementsNoteLabel->clear();
        m_ui->statementsNoteLabel->hide();
    }
}

void DiagnosticsDialog::updateCacheStats()
{
    const CacheStats stats = m_diagnostics.cacheStats();
    const QLocale locale;
    m_ui->cacheHitsLabel->setText(locale.toString(stats.hits));
    m_ui->cacheMissesLabel->setText(locale.toString(stats.misses));
    m_ui->cacheLoadsLabel->setText(locale.toString(stats.loads));
    m_ui->cacheEntriesLabel->setText(locale.toString(stats.entries));
    m_ui->cacheExpirationsLabel->setText(locale.toString(stats.expirations));
    m_ui->cacheInvalidationsLabel->setText(locale.toString(stats.invalidations));
    m_ui->cacheScansLabel->setText(tr("%L1 from memory, %L2 read", "barcode scans")
                                           .arg(stats.scanHits)
                                           .arg(stats.scanMisses));
    const quint64 lookups = stats.hits + stats.misses;
    // A share shown to one decimal; no money involved, so a double is fine here.
    m_ui->cacheHitRateLabel->setText(
            lookups == 0 ? tr("—", "no lookups yet")
                         : tr("%1 %", "hit rate percentage")
                                   .arg(locale.toString(
                                           100.0 * double(stats.hits) / double(lookups), 'f', 1)));
}
