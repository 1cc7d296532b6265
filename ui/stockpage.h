#pragma once

#include <QWidget>

class AdjustmentWidget;
class GoodsReceiptWidget;
class LedgerWidget;
class LowStockWidget;
class QTabWidget;
class Services;
class StocktakeWidget;

/*!
 * The Stock area: goods receipts, stocktakes, adjustments, a product's ledger and the
 * low-stock list, one tab each. What one tab books, the others show the next time they
 * are looked at; the low-stock list leads straight to a receipt or a ledger.
 */
class StockPage : public QWidget
{
    Q_OBJECT

public:
    explicit StockPage(Services &services, QWidget *parent = nullptr);

    GoodsReceiptWidget *goodsReceipt() const { return m_receipt; }
    StocktakeWidget *stocktake() const { return m_stocktake; }
    AdjustmentWidget *adjustment() const { return m_adjustment; }
    LedgerWidget *ledger() const { return m_ledger; }
    LowStockWidget *lowStock() const { return m_lowStock; }

private:
    void handleStockChanged(qint64 productId);

    QTabWidget *m_tabs = nullptr;
    GoodsReceiptWidget *m_receipt = nullptr;
    StocktakeWidget *m_stocktake = nullptr;
    AdjustmentWidget *m_adjustment = nullptr;
    LedgerWidget *m_ledger = nullptr;
    LowStockWidget *m_lowStock = nullptr;
};
