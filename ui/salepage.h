#pragma once

#include "models/domain/quickkey.h"
#include "models/domain/receipt.h"
#include "models/services/checkoutservice.h"
#include "models/services/salerecovery.h"

#include <QList>
#include <QWidget>

#include <chrono>
#include <memory>

class CartModel;
class MessageStrip;
class PaymentDialog;
class ProductSearchModel;
class ReceiptsMenu;
class ShiftMenu;
class QAction;
class QPushButton;
class SaleEditor;
class SaleSaver;
class Services;

namespace Ui {
class SalePage;
}

/*!
 * The counter: the screen a cashier lives in all day. Everything is in reach of the
 * keyboard, and the focus always comes back to the scan field, so a barcode scanner (which
 * types the code and Enter) works whatever happened before.
 *
 * The scan field takes a barcode ("3*" before it sells three), or text that searches
 * names and SKUs in a popup under the field (one query per pause in typing, paged as it
 * scrolls). The lines are a CartModel; the selected line is changed with + and -, F2 ...
 * F11, and Delete. Enter on an empty field (or F10) pays. Mistakes are said in a message
 * strip that flashes red and never takes the focus.
 *
 * The sale is never lost: a failed commit leaves it on screen with the same uuid for the
 * retry, and a copy on disk (SaleRecovery) brings it back after a crash or a sign-out.
 * Without an open shift at the lane there is no selling: the page offers to open one.
 *
 * The page puts the sale together from parts that each do one job: ScanField (the field and
 * its search list), QuickKeysPanel, TotalsPanel, KeyStrip, SaleEditor (what is done to the
 * lines and the bill) and SaleSaver (the commit on a worker).
 */
class SalePage : public QWidget
{
    Q_OBJECT

public:
    explicit SalePage(Services &services, QWidget *parent = nullptr);
    ~SalePage() override;

    CartModel *cartModel() const { return m_cart; }
    //! The text of the help: every key of the page and what it does.
    QString keyHelpText() const;
    /*!
     * How long paying waits for the database to save the sale before it gives up, cuts the
     * connection and brings the sale back on screen for another try (10 s).
     */
    std::chrono::milliseconds saveLimit() const;
    void setSaveLimit(std::chrono::milliseconds limit);
    //! Whether the sale's database worker is still busy (connecting, saving).
    bool hasPendingDatabaseWork() const;

Q_SIGNALS:
    //! After a sale was committed and its receipt handed to the printer.
    void saleFinished(const SaleReceipt &receipt);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Building the screen
    void createActions();
    template<typename Receiver>
    QAction *addKeyAction(const QString &text, const QString &caption, const QKeySequence &key,
                          Receiver *receiver, void (Receiver::*handler)(),
                          const QString &objectName);
    void createMenus();
    void createScanField();
    void createQuickKeys();
    //! Reads the keys again (one statement) and shows the page, kept where it was.
    void loadQuickKeys();
    void loadRules();
    void restoreRecoveredSale();
    void refreshShift();

    // The scan field and the search
    void handleScanEntered();
    void sellQuickKey(const QuickKey &key);
    void sellUnitOf(const Product &product, qint64 quantity);
    void sell(const CartLine &line);

    //! F2: "3" typed first is the quantity of the next item, else the selected line's.
    void changeQuantity();

    // The sale
    void pay();
    void finishSale(const SaleReceipt &receipt, const QList<Tender> &tenders,
                    const ServiceResult<ReceiptData> &printable);
    void handleFailedCommit(PaymentDialog &dialog, const ServiceError &error);
    void showHelp();
    void focusSearch();

    // Receipts
    void handlePrintFailed(const QString &key, const QString &message);

    // Showing
    void updateTotals();
    //! Figures at their full width, the name in what is left, discounts only when given.
    void fitLineColumns();
    void saveRecovery();
    void showChange(const SaleReceipt &receipt);
    void hideChange();
    MessageStrip *strip() const;
    void showError(const ServiceError &error);
    void flashScanField();
    void restoreFocus();
    QString money(Money amount) const;

    Services &m_services;
    std::unique_ptr<Ui::SalePage> m_ui;
    CartModel *m_cart = nullptr;
    ProductSearchModel *m_search = nullptr;
    ShiftMenu *m_shiftMenu = nullptr;
    ReceiptsMenu *m_receiptsMenu = nullptr;
    QList<QAction *> m_saleActions; //!< disabled while no shift is open
    SaleRecovery m_recovery;
    SaleEditor *m_editor = nullptr;
    SaleSaver *m_saver = nullptr;
    bool m_hasShift = false;
    bool m_recoveryRead = false;
};
