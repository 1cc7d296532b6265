#pragma once

#include "models/domain/billhistory.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class BillHistoryModel;
class ProductPicker;
class QDate;
class QTimer;
class RefundDialog;
class Services;
struct Product;
struct ServiceError;

namespace Ui {
class RefundsPage;
}

/*!
 * The Refunds area. At the top, a field for the receipt's barcode or the bill number:
 * Enter opens the refund dialog for that bill. Below, the bill history, newest first and
 * loaded as it scrolls, narrowed by day, lane, cashier, total and product; a double click
 * or Enter on a bill opens it too. What goes wrong (an unknown number, a lost connection)
 * is said in a strip above the history, never in a box that stops the next scan.
 */
class RefundsPage : public QWidget
{
    Q_OBJECT

public:
    //! How long typing in a filter may pause before the list follows.
    static constexpr int kFilterDelayMs = 300;

    explicit RefundsPage(Services &services, QWidget *parent = nullptr);
    ~RefundsPage() override;

    BillHistoryModel *historyModel() const { return m_history; }
    //! The refund dialog open now, if any.
    RefundDialog *refundDialog() const;

    //! Reads the bill and opens the refund dialog for it (window-modal; returns at once).
    void openBill(qint64 billId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setUpFilters();
    void setUpHistory();
    void loadCashiers();
    void findBill();
    void scheduleFilter();
    void applyFilter();
    std::optional<BillFilter> currentFilter();
    void setDateRange(const std::optional<QDate> &from, const std::optional<QDate> &to);
    void resetFilters();
    void handleProductChosen(const Product &product);
    void handleProductTextChanged(const QString &text);
    void handleRefundFinished(RefundDialog *dialog);
    void handlePrintFailed(const QString &key, const QString &message);
    void showError(const ServiceError &error);
    void showDone(const QString &message);
    void updateCount();

    std::unique_ptr<Ui::RefundsPage> m_ui;
    Services &m_services;
    BillHistoryModel *m_history = nullptr;
    ProductPicker *m_productPicker = nullptr;
    QTimer *m_filterTimer = nullptr;
    QPointer<RefundDialog> m_dialog;
    qint64 m_productId = 0;
    QString m_productName;
    QString m_currencySymbol;
    QString m_printingKey; //!< the refund receipt whose printing is awaited
    bool m_stale = true;   //!< the history must be read before it is shown
};
