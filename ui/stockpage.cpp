#include "ui/stockpage.h"

#include "models/items/ledgermodel.h"
#include "models/services/services.h"
#include "ui/adjustmentwidget.h"
#include "ui/goodsreceiptwidget.h"
#include "ui/ledgerwidget.h"
#include "ui/lowstockwidget.h"
#include "ui/stocktakewidget.h"

#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

StockPage::StockPage(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_receipt(new GoodsReceiptWidget(services, m_tabs))
    , m_stocktake(new StocktakeWidget(services, m_tabs))
    , m_adjustment(new AdjustmentWidget(services, m_tabs))
    , m_ledger(new LedgerWidget(services, m_tabs))
    , m_lowStock(new LowStockWidget(services, m_tabs))
{
    m_tabs->setObjectName(u"stockTabs"_s);
    m_tabs->setDocumentMode(true);
    m_receipt->setObjectName(u"goodsReceipt"_s);
    m_stocktake->setObjectName(u"stocktake"_s);
    m_adjustment->setObjectName(u"adjustment"_s);
    m_ledger->setObjectName(u"ledger"_s);
    m_lowStock->setObjectName(u"lowStock"_s);
    m_tabs->addTab(m_receipt, tr("&Goods Receipt"));
    m_tabs->addTab(m_stocktake, tr("Stock&take"));
    m_tabs->addTab(m_adjustment, tr("&Adjust"));
    m_tabs->addTab(m_ledger, tr("&Ledger"));
    m_tabs->addTab(m_lowStock, tr("Low &Stock"));

    connect(m_receipt, &GoodsReceiptWidget::posted, this, [this] {
        m_stocktake->markStale();
        handleStockChanged(0);
    });
    connect(m_stocktake, &StocktakeWidget::posted, this, [this] { handleStockChanged(0); });
    connect(m_adjustment, &AdjustmentWidget::adjusted, this, [this](qint64 productId) {
        m_stocktake->markStale();
        handleStockChanged(productId);
    });
    connect(m_lowStock, &LowStockWidget::receiveRequested, this, [this](const Product &product) {
        m_tabs->setCurrentWidget(m_receipt);
        m_receipt->receive(product);
    });
    connect(m_lowStock, &LowStockWidget::ledgerRequested, this, [this](const Product &product) {
        m_tabs->setCurrentWidget(m_ledger);
        m_ledger->setProduct(product);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    setFocusProxy(m_tabs);
}

void StockPage::handleStockChanged(qint64 productId)
{
    m_lowStock->markStale();
    // A document may touch the product whose ledger is open; reading it again is one query.
    m_ledger->refreshProduct(productId != 0 ? productId : m_ledger->model()->product().id);
}
