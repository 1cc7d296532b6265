#include "ui/salepage.h"
#include "ui_salepage.h"

#include "models/domain/billcode.h"
#include "models/domain/quantity.h"
#include "models/domain/scaninput.h"
#include "models/items/cartmodel.h"
#include "models/items/productsearchmodel.h"
#include "models/services/services.h"
#include "ui/cartlinedelegate.h"
#include "ui/keystrip.h"
#include "ui/messagestrip.h"
#include "ui/paymentdialog.h"
#include "ui/quickkeyspanel.h"
#include "ui/receiptsmenu.h"
#include "ui/saleeditor.h"
#include "ui/salesaver.h"
#include "ui/scanfield.h"
#include "ui/shiftmenu.h"
#include "ui/totalspanel.h"
#include "ui/unitmenu.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSalePage, "till.ui.salepage")

namespace {

constexpr qint64 kMaxQuantity = Quantity::kMaxUnitsPerLine;

} // namespace

SalePage::SalePage(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_ui(std::make_unique<Ui::SalePage>())
    , m_cart(new CartModel(this))
    , m_search(new ProductSearchModel(services.catalogue, this))
    , m_recovery(SaleRecovery::defaultPath(services.session.lane()))
    , m_saver(new SaleSaver(services, this))
{
    m_ui->setupUi(this);
    connect(m_saver, &SaleSaver::saved, this, &SalePage::finishSale);
    connect(m_saver, &SaleSaver::failed, this, &SalePage::handleFailedCommit);

    SaleEditor::Screen screen;
    screen.page = this;
    screen.lines = m_ui->linesView;
    screen.strip = [this] {
        return strip();
    };
    screen.restoreFocus = [this] {
        restoreFocus();
    };
    m_editor = new SaleEditor(m_services, m_cart, screen, this);
    connect(m_editor, &SaleEditor::recalled, this, &SalePage::hideChange);
    createScanField();

    m_ui->linesView->setModel(m_cart);
    QHeaderView *header = m_ui->linesView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CartModel::ProductColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    // The unit goes under the name, so the name has the width of both on a small till.
    m_ui->linesView->setItemDelegateForColumn(
            CartModel::ProductColumn, new CartLineDelegate(CartModel::UnitColumn, m_ui->linesView));
    m_ui->linesView->setColumnHidden(CartModel::UnitColumn, true);
    for (const auto change :
         {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_cart, change, this, &SalePage::fitLineColumns);
    }
    connect(m_cart, &QAbstractItemModel::modelReset, this, &SalePage::fitLineColumns);
    connect(m_cart, &QAbstractItemModel::dataChanged, this, &SalePage::fitLineColumns);
    fitLineColumns();
    connect(m_cart, &CartModel::totalsChanged, this, &SalePage::updateTotals);
    connect(m_cart, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int, int last) {
                m_ui->linesView->scrollTo(m_cart->index(last, 0));
            });

    connect(&m_services.printer, &ReceiptPrinter::failed, this, &SalePage::handlePrintFailed);
    connect(&m_services.settings, &SettingsService::saved, this, [this] {
        loadRules();
        updateTotals();
    });

    createActions();
    createMenus();
    loadRules();
    createQuickKeys();
    restoreRecoveredSale();
    updateTotals();
    refreshShift();
}

SalePage::~SalePage()
{
    // The cart on screen is on disk already (saveRecovery()); the next sign-in brings it back.
    m_ui->scanField->cancelPendingSearch();
}

// --- Building the screen -----------------------------------------------------------------

template<typename Receiver>
QAction *SalePage::addKeyAction(const QString &text, const QString &caption,
                                const QKeySequence &key, Receiver *receiver,
                                void (Receiver::*handler)(), const QString &objectName)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(key);
    // Only while the page has the focus: the other areas have keys of their own.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(
            tr("%1 (%2)", "action (shortcut)")
                    .arg(QString(text).remove(u'&'), key.toString(QKeySequence::NativeText)));
    connect(action, &QAction::triggered, receiver, handler);
    addAction(action);
    m_ui->keyStrip->addKey(action, caption);
    return action;
}

void SalePage::createActions()
{
    const auto key = [](int k) {
        return QKeySequence(k);
    };
    addKeyAction(tr("Help"), tr("Help"), key(Qt::Key_F1), this, &SalePage::showHelp,
                 u"helpAction"_s);
    m_saleActions << addKeyAction(tr("Quantity"), tr("Qty"), key(Qt::Key_F2), this,
                                  &SalePage::changeQuantity, u"quantityAction"_s);
    m_saleActions << addKeyAction(tr("Search"), tr("Search"), key(Qt::Key_F3), this,
                                  &SalePage::focusSearch, u"searchAction"_s);
    m_saleActions << addKeyAction(tr("Discount on the line"), tr("Discount"), key(Qt::Key_F4),
                                  m_editor, &SaleEditor::discountLine, u"lineDiscountAction"_s);
    m_saleActions << addKeyAction(tr("Discount on the bill"), tr("Bill disc."),
                                  QKeySequence(Qt::SHIFT | Qt::Key_F4), m_editor,
                                  &SaleEditor::discountBill, u"billDiscountAction"_s);
    m_saleActions << addKeyAction(tr("Override the price"), tr("Price"), key(Qt::Key_F5), m_editor,
                                  &SaleEditor::overridePrice, u"priceOverrideAction"_s);
    m_saleActions << addKeyAction(tr("Park the sale"), tr("Park"), key(Qt::Key_F6), m_editor,
                                  &SaleEditor::park, u"parkAction"_s);
    m_saleActions << addKeyAction(tr("Recall a parked sale"), tr("Recall"), key(Qt::Key_F7),
                                  m_editor, &SaleEditor::recall, u"recallAction"_s);
    m_saleActions << addKeyAction(tr("Void the line"), tr("Void"), key(Qt::Key_F8), m_editor,
                                  &SaleEditor::voidLine, u"voidLineAction"_s);
    m_saleActions << addKeyAction(tr("Clear the sale"), tr("Clear"), key(Qt::Key_F9), m_editor,
                                  &SaleEditor::clearSale, u"clearSaleAction"_s);
    m_saleActions << addKeyAction(tr("Pay"), tr("Pay"), key(Qt::Key_F10), this, &SalePage::pay,
                                  u"payAction"_s);
    m_saleActions << addKeyAction(tr("Change the unit"), tr("Unit"), key(Qt::Key_F11), m_editor,
                                  &SaleEditor::changeUnit, u"changeUnitAction"_s);

    const QKeySequence payKey(Qt::Key_F10);
    m_ui->payButton->setText(tr("Pay   %1", "pay button with its key")
                                     .arg(payKey.toString(QKeySequence::NativeText)));
    m_ui->payButton->setToolTip(tr("Take the payment (%1, or Enter on an empty scan field)")
                                        .arg(payKey.toString(QKeySequence::NativeText)));
    connect(m_ui->payButton, &QPushButton::clicked, this, &SalePage::pay);
}

void SalePage::createMenus()
{
    m_shiftMenu = new ShiftMenu(m_services, this);
    m_ui->shiftMenuButton->setMenu(m_shiftMenu);
    m_ui->shiftMenuButton->setToolTip(tr("Open and close the shift, cash in and out (Alt+S)"));
    connect(m_ui->openShiftButton, &QPushButton::clicked, m_shiftMenu, &ShiftMenu::openShift);
    connect(m_shiftMenu, &ShiftMenu::shiftChanged, this, &SalePage::refreshShift);

    m_receiptsMenu = new ReceiptsMenu(m_services, this);
    m_ui->receiptsMenuButton->setMenu(m_receiptsMenu);
    m_ui->receiptsMenuButton->setToolTip(tr("Reprint receipts, set up the printer (Alt+R)"));
    // Their keys work while the menu is closed: the page carries them too.
    addActions(m_receiptsMenu->shortcutActions());

    for (QMenu *menu : {static_cast<QMenu *>(m_shiftMenu), static_cast<QMenu *>(m_receiptsMenu)}) {
        // A menu closed with Esc gives the focus back to where it was: the scan field.
        connect(menu, &QMenu::aboutToHide, this,
                [this] { QTimer::singleShot(0, this, &SalePage::restoreFocus); });
    }
    connect(m_shiftMenu, &ShiftMenu::done, this,
            [this](const QString &message) { strip()->showSuccess(message); });
    connect(m_shiftMenu, &ShiftMenu::failed, this, &SalePage::showError);
    connect(m_shiftMenu, &ShiftMenu::finished, this, &SalePage::restoreFocus);
    connect(m_receiptsMenu, &ReceiptsMenu::done, this,
            [this](const QString &message) { strip()->showInfo(message); });
    connect(m_receiptsMenu, &ReceiptsMenu::failed, this, &SalePage::showError);
    connect(m_receiptsMenu, &ReceiptsMenu::finished, this, &SalePage::restoreFocus);
}

void SalePage::createScanField()
{
    ScanField *scan = m_ui->scanField;
    scan->setSearch(m_search, this, m_ui->modeStack);
    connect(m_search, &ProductSearchModel::searchFailed, this, &SalePage::showError);
    connect(scan, &QLineEdit::returnPressed, this, &SalePage::handleScanEntered);
    connect(scan, &ScanField::resultChosen, this, &SalePage::sellUnitOf);
    connect(scan, &ScanField::nothingMatches, this, [this](const QString &text) {
        strip()->showInfo(tr("Nothing matches \"%1\".").arg(text));
    });
    connect(scan, &ScanField::lineStepRequested, this, [this](int by) {
        if (m_cart->rowCount() > 0) {
            const int row = m_editor->currentRow() + by;
            m_editor->selectRow(std::clamp(row, 0, m_cart->rowCount() - 1));
        }
    });
    connect(scan, &ScanField::raiseRequested, m_editor, &SaleEditor::raiseQuantity);
    connect(scan, &ScanField::lowerRequested, m_editor, &SaleEditor::lowerQuantity);
    connect(scan, &ScanField::voidRequested, m_editor, &SaleEditor::voidLine);
}

void SalePage::createQuickKeys()
{
    m_ui->quickKeysPanel->setShortcutScope(this);
    connect(m_ui->quickKeysPanel, &QuickKeysPanel::keyPressed, this, &SalePage::sellQuickKey);
    // The keys take the panel's height that is left: big touch targets on a large screen.
    m_ui->sideLayout->setStretchFactor(m_ui->quickKeysPanel, 1);
    // Shown once showEvent() has read them: a page made but not yet looked at (another area
    // is opened first) must not ask the window for the room of twelve empty keys.
    m_ui->quickKeysCaption->hide();
    m_ui->quickKeysPanel->hide();
}

void SalePage::loadQuickKeys()
{
    const auto keys = m_services.catalogue.quickKeys();
    if (!keys) {
        qCWarning(lcSalePage) << "quick keys not read:" << keys.error().details;
    }
    m_ui->quickKeysPanel->setKeys(keys ? *keys : QList<QuickKey>(),
                                  m_services.checkout.rules().currencySymbol);
    const bool any = m_ui->quickKeysPanel->hasKeys();
    m_ui->quickKeysCaption->setVisible(any);
    m_ui->quickKeysPanel->setVisible(any);
}

void SalePage::fitLineColumns()
{
    bool discounted = false;
    for (const CartLine &line : m_cart->cart().lines) {
        discounted = discounted || !line.discount.isNone();
    }
    m_ui->linesView->setColumnHidden(CartModel::DiscountColumn, !discounted);
    // A header sized to its contents measures again only on a layout change, not when a
    // line is added: without this a new line's price or total is drawn cut short ("10.…").
    // Queued, so the view has laid out the new rows first.
    QMetaObject::invokeMethod(m_ui->linesView->horizontalHeader(), "resizeSections",
                              Qt::QueuedConnection);
}

void SalePage::loadRules()
{
    if (const ServiceStatus loaded = m_services.checkout.loadRules(); !loaded) {
        showError(loaded.error());
    }
    const SaleRules &rules = m_services.checkout.rules();
    m_cart->setCurrencySymbol(rules.currencySymbol);
    m_cart->setPricesIncludeTax(rules.pricesIncludeTax);
    m_search->setCurrencySymbol(rules.currencySymbol);
}

void SalePage::restoreRecoveredSale()
{
    const auto saved = m_recovery.load();
    m_recoveryRead = true;
    if (!saved) {
        return;
    }
    const QStringList changes = m_editor->setReviewedCart(saved->cart, saved->uuid);
    m_editor->selectRow(m_cart->rowCount() - 1);
    const QString back = tr("The sale that was in progress is back on screen (items: %1).")
                                 .arg(QLocale().toString(m_cart->cart().itemCount()));
    m_editor->showCartChanges(back, changes);
}

void SalePage::refreshShift()
{
    const auto shift = m_services.shifts.current();
    if (!shift) {
        showError(shift.error());
        return;
    }
    m_hasShift = shift->has_value();
    m_ui->modeStack->setCurrentWidget(m_hasShift ? m_ui->salePane : m_ui->noShiftPane);
    for (QAction *action : std::as_const(m_saleActions)) {
        action->setEnabled(m_hasShift);
    }
    m_shiftMenu->setShiftOpen(m_hasShift);
    if (m_hasShift) {
        const Shift &open = **shift;
        m_ui->shiftInfoLabel->setText(
                tr("Lane %1 · %2\nsince %3", "lane, cashier of the shift, opening time")
                        .arg(open.lane, open.cashierName,
                             QLocale().toString(open.openedAt.toLocalTime().time(),
                                                QLocale::ShortFormat)));
    } else {
        m_ui->shiftInfoLabel->clear();
        m_ui->noShiftLabel->setText(
                tr("Nobody can sell at lane %1 until a shift is open. Count the cash float into "
                   "the drawer and open the shift.")
                        .arg(m_services.session.lane()));
        m_ui->scanField->hideSearch();
    }
    setFocusProxy(m_hasShift ? static_cast<QWidget *>(m_ui->scanField) : m_ui->openShiftButton);
    restoreFocus();
}

// --- The scan field and the search ---------------------------------------------------------

void SalePage::handleScanEntered()
{
    if (!m_hasShift) {
        return;
    }
    ScanField *scan = m_ui->scanField;
    if (scan->chooseShownResult()) {
        return;
    }
    scan->cancelPendingSearch();
    const ScanInput input = scan->input();
    if (input.badQuantity) {
        strip()->showError(tr("The quantity must be between 1 and %1.").arg(kMaxQuantity));
        flashScanField();
        return;
    }
    if (input.rest.isEmpty()) {
        if (input.hasQuantity) {
            strip()->showInfo(
                    tr("Quantity %1: now scan the item.").arg(QLocale().toString(input.quantity)));
        } else if (!m_cart->isEmpty()) {
            pay();
        } else {
            strip()->showInfo(tr("Scan an item to start a sale."));
        }
        return;
    }
    if (!input.rest.contains(u' ')) {
        const auto line = m_services.checkout.scan(input.rest, input.quantity);
        if (line) {
            sell(*line);
            return;
        }
        // Letters may be a name or a SKU rather than an internal code: look them up.
        if (line.error().code != ServiceError::Code::NotFound || isAllDigits(input.rest)) {
            showError(line.error());
            flashScanField();
            return;
        }
    }
    if (!scan->searchNow(input.rest)) {
        return;
    }
    if (scan->resultCount() == 0) {
        strip()->showError(tr("Nothing has the barcode, name or SKU \"%1\".").arg(input.rest));
        flashScanField();
        return;
    }
    scan->showSearch();
}

void SalePage::sellQuickKey(const QuickKey &key)
{
    if (!m_hasShift) {
        return;
    }
    const ScannedUnit item = key.item;
    sell(CheckoutService::lineFor(item.product, item.unit,
                                  m_ui->scanField->input().quantityToSell()));
}

void SalePage::sellUnitOf(const Product &product, qint64 quantity)
{
    if (product.units.isEmpty()) {
        return;
    }
    if (product.units.size() == 1) {
        sell(CheckoutService::lineFor(product, product.units.constFirst(), quantity));
        return;
    }
    // Which pack? A menu answers with one key: 1 for the first unit, 2 for the next ...
    const QPoint where = m_ui->scanField->mapToGlobal(QPoint(0, m_ui->scanField->height()));
    const auto chosen = UnitMenu::choose(this, product.name, product.units,
                                         m_services.checkout.rules().currencySymbol, where);
    restoreFocus();
    if (!chosen) {
        return;
    }
    sell(CheckoutService::lineFor(product, product.units.at(*chosen), quantity));
}

void SalePage::sell(const CartLine &line)
{
    const int row = m_cart->addLine(line);
    m_editor->selectRow(row);
    m_ui->scanField->clear();
    m_ui->scanField->hideSearch();
    const CartLine &now = m_cart->line(row);
    const QLocale locale;
    if (now.quantity != line.quantity) {
        strip()->showInfo(tr("%1 × %2 (%3) · %4 — %5 on the line now",
                             "quantity × product (unit) · price — quantity after a repeated scan")
                                  .arg(locale.toString(line.quantity), line.productName,
                                       line.unitName, money(line.unitPrice),
                                       locale.toString(now.quantity)));
    } else {
        strip()->showInfo(tr("%1 × %2 (%3) · %4", "quantity × product (unit) · price")
                                  .arg(locale.toString(line.quantity), line.productName,
                                       line.unitName, money(line.unitPrice)));
    }
    restoreFocus();
}

// --- The sale -------------------------------------------------------------------------------

std::chrono::milliseconds SalePage::saveLimit() const
{
    return m_saver->saveLimit();
}

void SalePage::setSaveLimit(std::chrono::milliseconds limit)
{
    m_saver->setSaveLimit(limit);
}

bool SalePage::hasPendingDatabaseWork() const
{
    return m_saver->isBusy();
}

void SalePage::pay()
{
    if (!m_hasShift) {
        return;
    }
    m_ui->scanField->hideSearch();
    if (m_cart->isEmpty()) {
        strip()->showInfo(tr("Scan an item to start a sale."));
        return;
    }
    const CartTotals &totals = m_cart->totals();
    if (!totals.isValid) {
        strip()->showError(tr("This sale is too large to add up. Please split it."));
        return;
    }
    const SaleRules &rules = m_services.checkout.rules();
    PaymentDialog dialog(totals.total, rules.cashRoundingStep, rules.currencySymbol, this);
    bool tried = false;
    connect(&dialog, &PaymentDialog::finishRequested, this,
            [this, &dialog, &tried](const QList<Tender> &tenders) {
                tried = true;
                m_saver->save(dialog, m_cart->cart(), m_cart->saleUuid(), tenders);
            });
    dialog.exec();
    restoreFocus();
    if (tried && dialog.result() != QDialog::Accepted) {
        // The commit may have failed for want of a shift: the screen says so.
        refreshShift();
    }
}

void SalePage::handleFailedCommit(PaymentDialog &dialog, const ServiceError &error)
{
    if (error.code == ServiceError::Code::Conflict) {
        // The catalogue may have changed under the sale: then the lines change on screen
        // and the customer hears the new total before paying again.
        const QStringList changes = m_editor->setReviewedCart(m_cart->cart(), m_cart->saleUuid());
        if (!changes.isEmpty()) {
            dialog.reject();
            m_editor->showCartChanges(error.message, changes);
            return;
        }
    }
    // Nothing is lost: the cart, its uuid and the payments stay for another try.
    dialog.showError(error);
}

void SalePage::finishSale(const SaleReceipt &receipt, const QList<Tender> &tenders,
                          const ServiceResult<ReceiptData> &printable)
{
    const bool cash = std::any_of(tenders.cbegin(), tenders.cend(), [](const Tender &tender) {
        return tender.method == Tender::Method::Cash && !tender.amount.isZero();
    });
    m_cart->clear();
    showChange(receipt);
    const QString code = BillCode::bill(receipt.bill.lane, receipt.bill.number).toString();
    if (receipt.bill.alreadyExisted) {
        strip()->showInfo(
                tr("This sale had been saved already as bill %1; nothing was charged twice.")
                        .arg(code));
    } else if (receipt.settlement.change.isZero()) {
        strip()->showSuccess(tr("Bill %1 saved. No change.").arg(code));
    } else {
        strip()->showSuccess(
                tr("Bill %1 saved. Change: %2").arg(code, money(receipt.settlement.change)));
    }
    // The receipt goes to its worker thread; the next sale starts now.
    if (printable) {
        m_services.printer.print(*printable, cash && m_services.printer.config().kickDrawerForCash);
    } else {
        strip()->showError(tr("Bill %1 is saved, but its receipt could not be made: %2")
                                   .arg(code, printable.error().message),
                           printable.error().details);
        strip()->setAction(tr("Reprint"), tr("Print the receipt again (Ctrl+P)"),
                           [this] { m_receiptsMenu->reprintLast(); });
    }
    Q_EMIT saleFinished(receipt);
    restoreFocus();
}

void SalePage::changeQuantity()
{
    const QString text = m_ui->scanField->text().trimmed();
    if (!text.isEmpty()) {
        // "3" then F2 is the quantity for the next item, as "3*" would be.
        const qint64 quantity = isAllDigits(text) ? text.toLongLong() : 0;
        if (quantity < 1 || quantity > kMaxQuantity) {
            strip()->showError(
                    tr("Type a quantity from 1 to %1, then press F2.").arg(kMaxQuantity));
            flashScanField();
            return;
        }
        m_ui->scanField->setText(u"%1*"_s.arg(quantity));
        strip()->showInfo(tr("Quantity %1: now scan the item.").arg(QLocale().toString(quantity)));
        restoreFocus();
        return;
    }
    m_editor->askQuantity();
}

QString SalePage::keyHelpText() const
{
    QString rows;
    const auto row = [&rows](const QString &key, const QString &what) {
        rows += u"<tr><td style='padding-right:18px'><b>%1</b></td><td>%2</td></tr>"_s.arg(
                key.toHtmlEscaped(), what.toHtmlEscaped());
    };
    row(tr("Enter"), tr("Sell what was scanned or typed; on an empty field, pay"));
    row(tr("3*", "quantity prefix"), tr("Before a scan or a quick key: sell three"));
    for (const QAction *action : m_ui->keyStrip->keys()) {
        row(action->shortcut().toString(QKeySequence::NativeText),
            QString(action->text()).remove(u'&'));
    }
    row(tr("+ / −"), tr("One more or one less of the selected line"));
    row(tr("↑ / ↓"), tr("Choose a line, or a product in the search list"));
    row(tr("Delete"), tr("Void the selected line"));
    row(tr("Esc"), tr("Close the search list, or empty the scan field"));
    row(tr("Alt+1 … Alt+="), tr("The quick keys, left to right"));
    row(m_receiptsMenu->reprintLastAction()->shortcut().toString(QKeySequence::NativeText),
        tr("Reprint the last receipt"));
    row(tr("Alt+S / Alt+R"), tr("The Shift and Receipts menus"));
    return u"<table>%1</table>"_s.arg(rows);
}

void SalePage::showHelp()
{
    QMessageBox box(QMessageBox::NoIcon, tr("Keys at the counter"), keyHelpText(),
                    QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
    restoreFocus();
}

void SalePage::focusSearch()
{
    restoreFocus();
    m_ui->scanField->selectAll();
    ScanField *scan = m_ui->scanField;
    const ScanInput input = scan->input();
    if (input.rest.size() >= ScanField::kSearchMinimumLength && scan->searchNow(input.rest)
        && scan->resultCount() > 0) {
        scan->showSearch();
    } else if (input.rest.isEmpty()) {
        strip()->showInfo(tr("Type part of a name or a SKU; the list opens as you type."));
    }
}

// --- Receipts -------------------------------------------------------------------------------

void SalePage::handlePrintFailed(const QString &key, const QString &message)
{
    if (key == u"drawer"_s) {
        strip()->showError(tr("The cash drawer did not open: %1").arg(message));
        return;
    }
    strip()->showError(tr("The receipt of bill %1 did not print: %2").arg(key, message));
    strip()->setAction(tr("Reprint"), tr("Print the receipt of bill %1 again").arg(key),
                       [this, key] { m_receiptsMenu->reprint(key); });
}

// --- Showing --------------------------------------------------------------------------------

void SalePage::updateTotals()
{
    const Cart &cart = m_cart->cart();
    m_ui->totalFrame->showTotals(cart, m_cart->totals(),
                                 m_services.checkout.rules().currencySymbol);
    m_ui->payButton->setEnabled(!cart.isEmpty());
    m_shiftMenu->setSaleInProgress(!cart.isEmpty());
    saveRecovery();
}

void SalePage::saveRecovery()
{
    // Until the copy on disk was read, an empty cart on screen must not overwrite it.
    if (!m_recoveryRead) {
        return;
    }
    if (!m_recovery.save(m_cart->cart(), m_cart->saleUuid())) {
        qCWarning(lcSalePage) << "the sale in progress could not be saved to" << m_recovery.path();
    }
}

void SalePage::showChange(const SaleReceipt &receipt)
{
    // The dark panel is what the customer looks at: after the sale it says what they get back.
    m_ui->totalFrame->showChange(receipt.settlement, m_services.checkout.rules().currencySymbol);
}

void SalePage::hideChange()
{
    if (m_ui->totalFrame->hideChange()) {
        updateTotals();
    }
}

MessageStrip *SalePage::strip() const
{
    return m_ui->modeStack->currentWidget() == m_ui->noShiftPane ? m_ui->noShiftMessageStrip
                                                                 : m_ui->messageStrip;
}

void SalePage::showError(const ServiceError &error)
{
    strip()->showError(error);
}

void SalePage::flashScanField()
{
    m_ui->scanField->flashError();
    restoreFocus();
}

void SalePage::restoreFocus()
{
    if (!isVisible()) {
        return;
    }
    // A closed dialog does not always hand the activation back (it depends on the window
    // manager); the next scan must not type into nowhere.
    if (!window()->isActiveWindow() && !QApplication::activeModalWidget()
        && !QApplication::activePopupWidget()) {
        window()->activateWindow();
    }
    if (m_hasShift) {
        m_ui->scanField->setFocus(Qt::OtherFocusReason);
    } else {
        m_ui->openShiftButton->setFocus(Qt::OtherFocusReason);
    }
}

QString SalePage::money(Money amount) const
{
    return amount.toString(QLocale(), m_services.checkout.rules().currencySymbol);
}

void SalePage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_ui->scanField->placeSearch();
}

void SalePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Row heights follow the font the style sheet gave the view, known once it is polished.
    m_ui->linesView->verticalHeader()->setDefaultSectionSize(
            CartLineDelegate::rowHeight(m_ui->linesView->font()));
    // A manager may have arranged the keys meanwhile (Settings or Products): one statement.
    loadQuickKeys();
    restoreFocus();
}
