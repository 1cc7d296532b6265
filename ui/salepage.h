#pragma once

#include "models/db/quickkeyrepository.h"
#include "models/domain/approval.h"
#include "models/domain/approvalrequest.h"
#include "models/domain/receipt.h"
#include "models/services/checkoutservice.h"
#include "models/services/salerecovery.h"

#include <QElapsedTimer>
#include <QList>
#include <QWidget>

#include <chrono>
#include <memory>
#include <optional>
#include <type_traits>

class CartModel;
class MessageStrip;
class PaymentDialog;
class ProductSearchModel;
class ReceiptsMenu;
class ShiftMenu;
class QAction;
class QLabel;
class QuickKeyButton;
class QPushButton;
class QTableView;
class DatabaseWorker;
class QTimer;
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
    std::chrono::milliseconds saveLimit() const { return m_saveLimit; }
    void setSaveLimit(std::chrono::milliseconds limit) { m_saveLimit = limit; }
    //! Whether the sale's database worker is still busy (connecting, saving).
    bool hasPendingDatabaseWork() const;

Q_SIGNALS:
    //! After a sale was committed and its receipt handed to the printer.
    void saleFinished(const SaleReceipt &receipt);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct KeyAction
    {
        QAction *action;
        QString caption; //!< the short word on the key strip
    };

    // Building the screen
    void createActions();
    QAction *addKeyAction(const QString &text, const QString &caption, const QKeySequence &key,
                          void (SalePage::*handler)(), const QString &objectName);
    void createMenus();
    void createKeyStrip();
    void createSearchPopup();
    void createQuickKeys();
    //! Reads the keys again (one statement) and shows the page, kept where it was.
    void loadQuickKeys();
    void showQuickKeyPage();
    //! The key on this slot (0 ... 11) of the page shown, or nullptr for an empty one.
    const QuickKey *quickKeyAt(int slot) const;
    void loadRules();
    void restoreRecoveredSale();
    //! Puts a cart from a file or a park on screen, checked by the checkout; what changed.
    QStringList setReviewedCart(const Cart &cart, const QString &uuid);
    void showCartChanges(const QString &headline, const QStringList &changes);
    void refreshShift();

    // The scan field and the search
    void handleScanEntered();
    void handleScanTextEdited(const QString &text);
    void runSearch();
    bool searchNow(const QString &text);
    void showSearchPopup();
    void hideSearchPopup();
    void moveInSearchPopup(int rows);
    void chooseSearchResult(int row);
    void sellQuickKey(int slot);
    void sellUnitOf(const Product &product, qint64 quantity);
    void sell(const CartLine &line);

    // The selected line
    int currentRow() const;
    void selectRow(int row);
    void raiseQuantity();
    void lowerQuantity();
    void changeQuantity();
    void changeUnit();
    void discountLine();
    void discountBill();
    void overridePrice();
    void voidLine();
    void clearSale();

    // The sale
    void pay();
    void commitSale(PaymentDialog &dialog, const QList<Tender> &tenders);
    void finishSale(const SaleReceipt &receipt, const QList<Tender> &tenders,
                    const ServiceResult<ReceiptData> &printable);
    void updateSaveWait();
    void handleFailedCommit(PaymentDialog &dialog, const ServiceError &error);
    void park();
    void recall();
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
    bool requireLine(int *row);

    /*!
     * ::withApproval() from this page, with the focus back in the scan field afterwards:
     * the call's value once allowed, or nothing when the manager did not come or it was
     * refused (the refusal is shown in the message strip).
     */
    //! What a manager reads when a line (or part of it) is voided.
    ApprovalRequest voidRequest(const CartLine &line) const;
    template<typename Call>
    auto approved(const ApprovalRequest &request, Call call)
            -> std::optional<std::decay_t<decltype(call(Approval()).value())>>;

    Services &m_services;
    std::unique_ptr<Ui::SalePage> m_ui;
    CartModel *m_cart = nullptr;
    ProductSearchModel *m_search = nullptr;
    QTableView *m_searchPopup = nullptr;
    QTimer *m_searchTimer = nullptr;
    ShiftMenu *m_shiftMenu = nullptr;
    ReceiptsMenu *m_receiptsMenu = nullptr;
    QList<KeyAction> m_keyActions;
    QList<QAction *> m_saleActions; //!< disabled while no shift is open
    QList<QuickKey> m_quickKeys;
    QList<QuickKeyButton *> m_quickKeyButtons;
    QWidget *m_quickKeyPageBar = nullptr;
    QLabel *m_quickKeyPageLabel = nullptr;
    int m_quickKeyPage = 0;
    int m_quickKeyPages = 0;
    SaleRecovery m_recovery;
    std::chrono::milliseconds m_saveLimit{10000};
    DatabaseWorker *m_saleWorker = nullptr;
    QTimer *m_saveTimer = nullptr;
    QElapsedTimer m_saveWaited;
    bool m_hasShift = false;
    bool m_recoveryRead = false;
};
