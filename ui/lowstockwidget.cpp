#include "ui/lowstockwidget.h"
#include "ui_lowstockwidget.h"

#include "models/items/lowstockmodel.h"
#include "models/services/services.h"
#include "ui/errorbanner.h"

#include <QHeaderView>

using namespace Qt::StringLiterals;

LowStockWidget::LowStockWidget(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LowStockWidget>())
    , m_services(services)
    , m_model(new LowStockModel(services.inventory, this))
{
    m_ui->setupUi(this);
    QTableView *view = m_ui->lowStockView;
    view->setModel(m_model);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(LowStockModel::NameColumn, QHeaderView::Stretch);
    view->setColumnWidth(LowStockModel::SkuColumn, 110);
    view->setColumnWidth(LowStockModel::CategoryColumn, 150);
    view->setColumnWidth(LowStockModel::StockColumn, 220);
    view->setColumnWidth(LowStockModel::ReorderLevelColumn, 220);
    view->setColumnWidth(LowStockModel::ShortfallColumn, 220);

    connect(m_ui->refreshButton, &QPushButton::clicked, this, &LowStockWidget::refresh);
    connect(m_ui->receiveButton, &QPushButton::clicked, this, [this] {
        if (const auto product = currentProduct()) {
            Q_EMIT receiveRequested(*product);
        }
    });
    connect(m_ui->ledgerButton, &QPushButton::clicked, this, [this] {
        if (const auto product = currentProduct()) {
            Q_EMIT ledgerRequested(*product);
        }
    });
    connect(view, &QAbstractItemView::activated, m_ui->receiveButton, &QPushButton::click);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LowStockWidget::updateButtons);
    connect(&services.session, &Session::signedOut, this, [this] {
        m_model->clear();
        m_stale = true;
    });
    updateButtons();
}

LowStockWidget::~LowStockWidget() = default;

void LowStockWidget::markStale()
{
    m_stale = true;
    if (isVisible()) {
        refresh();
    }
}

void LowStockWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void LowStockWidget::refresh()
{
    if (!m_services.session.isSignedIn()) {
        return;
    }
    m_stale = false;
    if (const auto error = m_model->reload()) {
        m_ui->errorBanner->showError(*error);
    } else {
        m_ui->errorBanner->clear();
    }
    const int rows = m_model->rowCount();
    m_ui->countLabel->setText(
            rows == 0 ? tr("No product is low on stock.")
            : m_model->isTruncated()
                    ? tr("The %Ln product(s) furthest below their reorder level.", "", rows)
                    : tr("%Ln product(s) at or below their reorder level.", "", rows));
    updateButtons();
}

std::optional<Product> LowStockWidget::currentProduct() const
{
    const QModelIndex current = m_ui->lowStockView->currentIndex();
    if (!current.isValid()) {
        return std::nullopt;
    }
    return m_model->product(current.row());
}

void LowStockWidget::updateButtons()
{
    const bool selected = m_ui->lowStockView->currentIndex().isValid();
    m_ui->receiveButton->setEnabled(selected);
    m_ui->ledgerButton->setEnabled(selected);
}
