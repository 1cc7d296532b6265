#include "ui/salepage.h"
#include "ui_salepage.h"

#include "models/domain/billcode.h"
#include "models/domain/percent.h"
#include "models/domain/quantity.h"
#include "models/items/cartmodel.h"
#include "models/items/productsearchmodel.h"
#include "models/services/databaseworker.h"
#include "models/services/services.h"
#include "ui/amountdialog.h"
#include "ui/approvalflow.h"
#include "ui/cartlinedelegate.h"
#include "ui/discountdialog.h"
#include "ui/messagestrip.h"
#include "ui/paymentdialog.h"
#include "ui/quickkeybutton.h"
#include "ui/recalldialog.h"
#include "ui/receiptsmenu.h"
#include "ui/shiftmenu.h"

#include <QAction>
#include <QApplication>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QTableView>
#include <QTimer>

#include <chrono>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSalePage, "till.ui.salepage")

namespace {

// One query per pause in typing: a person types a letter every 100-200 ms, a scanner a
// whole code in a few, so 200 ms of quiet means the person is waiting for the list.
constexpr int kSearchDelayMs = 200;

constexpr int kSearchMinimumLength = 2;
constexpr int kPopupRows = 8;
constexpr qint64 kMaxQuantity = Quantity::kMaxUnitsPerLine;
constexpr int kQuickKeyColumns = 3;
constexpr int kStockColumnWidth = 220;

//! What the scan field holds: an optional "3*" quantity and the code or search text.
struct ScanInput
{
    qint64 quantity = 1;
    bool hasQuantity = false;
    bool badQuantity = false;
    QString rest;
};

ScanInput parseScanInput(const QString &text)
{
    // Any number of digits, so "1000000*" is refused as a quantity rather than looked up.
    static const QRegularExpression prefix(u"^\\s*(\\d+)\\s*[*×]\\s*(.*)$"_s);
    ScanInput input;
    const QRegularExpressionMatch match = prefix.match(text);
    if (!match.hasMatch()) {
        input.rest = text.trimmed();
        return input;
    }
    input.hasQuantity = true;
    bool fits = false;
    input.quantity = match.captured(1).toLongLong(&fits);
    input.badQuantity = !fits || input.quantity < 1 || input.quantity > kMaxQuantity;
    input.rest = match.captured(2).trimmed();
    return input;
}

bool isAllDigits(const QString &text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const QChar c : text) {
        if (!c.isDigit()) {
            return false;
        }
    }
    return true;
}

//! The quick keys' shortcuts: Alt+1 ... Alt+9, Alt+0, Alt+-, Alt+=, as on a keyboard's top row.
QKeySequence quickKeySequence(int index)
{
    static const Qt::Key keys[]
            = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5,     Qt::Key_6,
               Qt::Key_7, Qt::Key_8, Qt::Key_9, Qt::Key_0, Qt::Key_Minus, Qt::Key_Equal};
    if (index < 0 || index >= int(std::size(keys))) {
        return {};
    }
    return QKeySequence(Qt::ALT | keys[index]);
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace

ApprovalRequest SalePage::voidRequest(const CartLine &line) const
{
    return ApprovalRequest::voidLine(line.quantity, line.productName,
                                     line.unitPrice.times(line.quantity),
                                     m_services.checkout.rules().currencySymbol);
}

template<typename Call>
auto SalePage::approved(const ApprovalRequest &request, Call call)
        -> std::optional<std::decay_t<decltype(call(Approval()).value())>>
{
    auto result = ::withApproval(this, m_services.authorizer, m_services.session, request, call);
    restoreFocus();
    if (!result) {
        return std::nullopt;
    }
    if (!*result) {
        showError(result->error());
        return std::nullopt;
    }
    return std::move(result->value());
}

SalePage::SalePage(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_ui(std::make_unique<Ui::SalePage>())
    , m_cart(new CartModel(this))
    , m_search(new ProductSearchModel(services.catalogue, this))
    , m_searchTimer(new QTimer(this))
    , m_recovery(SaleRecovery::defaultPath(services.session.lane()))
    , m_saleWorker(new DatabaseWorker(services.db, u"till-sale"_s, this))
    , m_saveTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_saveTimer->setInterval(250);
    connect(m_saveTimer, &QTimer::timeout, this, &SalePage::updateSaveWait);
    // The worker connects now, not when the first customer pays: a connect cannot be cut
    // short the way a statement can, and the first sale need not wait for it.
    m_saleWorker->connectNow();

    QFont scanFont = m_ui->scanField->font();
    if (scanFont.pointSizeF() > 0) {
        scanFont.setPointSizeF(scanFont.pointSizeF() * 1.4);
    }
    m_ui->scanField->setFont(scanFont);
    m_ui->scanField->setPlaceholderText(
            tr("Scan or search", "placeholder of the scan field; the tool tip explains more"));
    m_ui->scanField->setToolTip(tr("Scan a barcode or type it and press Enter. Text searches names "
                                   "and SKUs. 3* before a code sells three (F3)."));
    m_ui->scanField->setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_ui->scanField->installEventFilter(this);
    connect(m_ui->scanField, &QLineEdit::returnPressed, this, &SalePage::handleScanEntered);
    connect(m_ui->scanField, &QLineEdit::textEdited, this, &SalePage::handleScanTextEdited);

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

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &SalePage::runSearch);
    connect(m_search, &ProductSearchModel::searchFailed, this, &SalePage::showError);
    createSearchPopup();

    m_ui->changeLabel->hide();
    m_ui->breakdownLabel->hide();
    connect(&m_services.printer, &ReceiptPrinter::failed, this, &SalePage::handlePrintFailed);
    connect(&m_services.settings, &SettingsService::saved, this, [this] {
        loadRules();
        updateTotals();
    });

    createActions();
    createMenus();
    createKeyStrip();
    loadRules();
    createQuickKeys();
    restoreRecoveredSale();
    updateTotals();
    refreshShift();
}

SalePage::~SalePage()
{
    // The cart on screen is on disk already (saveRecovery()); the next sign-in brings it back.
    m_searchTimer->stop();
}

// --- Building the screen -----------------------------------------------------------------

QAction *SalePage::addKeyAction(const QString &text, const QString &caption,
                                const QKeySequence &key, void (SalePage::*handler)(),
                                const QString &objectName)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(key);
    // Only while the page has the focus: the other areas have keys of their own.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(
            tr("%1 (%2)", "action (shortcut)")
                    .arg(QString(text).remove(u'&'), key.toString(QKeySequence::NativeText)));
    connect(action, &QAction::triggered, this, handler);
    addAction(action);
    if (!caption.isEmpty()) {
        m_keyActions.append({action, caption});
    }
    return action;
}

void SalePage::createActions()
{
    const auto key = [](int k) {
        return QKeySequence(k);
    };
    addKeyAction(tr("Help"), tr("Help"), key(Qt::Key_F1), &SalePage::showHelp, u"helpAction"_s);
    m_saleActions << addKeyAction(tr("Quantity"), tr("Qty"), key(Qt::Key_F2),
                                  &SalePage::changeQuantity, u"quantityAction"_s);
    m_saleActions << addKeyAction(tr("Search"), tr("Search"), key(Qt::Key_F3),
                                  &SalePage::focusSearch, u"searchAction"_s);
    m_saleActions << addKeyAction(tr("Discount on the line"), tr("Discount"), key(Qt::Key_F4),
                                  &SalePage::discountLine, u"lineDiscountAction"_s);
    m_saleActions << addKeyAction(tr("Discount on the bill"), tr("Bill disc."),
                                  QKeySequence(Qt::SHIFT | Qt::Key_F4), &SalePage::discountBill,
                                  u"billDiscountAction"_s);
    m_saleActions << addKeyAction(tr("Override the price"), tr("Price"), key(Qt::Key_F5),
                                  &SalePage::overridePrice, u"priceOverrideAction"_s);
    m_saleActions << addKeyAction(tr("Park the sale"), tr("Park"), key(Qt::Key_F6), &SalePage::park,
                                  u"parkAction"_s);
    m_saleActions << addKeyAction(tr("Recall a parked sale"), tr("Recall"), key(Qt::Key_F7),
                                  &SalePage::recall, u"recallAction"_s);
    m_saleActions << addKeyAction(tr("Void the line"), tr("Void"), key(Qt::Key_F8),
                                  &SalePage::voidLine, u"voidLineAction"_s);
    m_saleActions << addKeyAction(tr("Clear the sale"), tr("Clear"), key(Qt::Key_F9),
                                  &SalePage::clearSale, u"clearSaleAction"_s);
    m_saleActions << addKeyAction(tr("Pay"), tr("Pay"), key(Qt::Key_F10), &SalePage::pay,
                                  u"payAction"_s);
    m_saleActions << addKeyAction(tr("Change the unit"), tr("Unit"), key(Qt::Key_F11),
                                  &SalePage::changeUnit, u"changeUnitAction"_s);

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

void SalePage::createKeyStrip()
{
    auto *layout = new QHBoxLayout(m_ui->keyStrip);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    for (const KeyAction &key : std::as_const(m_keyActions)) {
        auto *button = new QPushButton(m_ui->keyStrip);
        const QString keyText = key.action->shortcut().toString(QKeySequence::NativeText);
        button->setObjectName(u"keyCap_%1"_s.arg(key.action->objectName()));
        button->setText(tr("%1\n%2", "key cap: key, what it does").arg(keyText, key.caption));
        button->setToolTip(key.action->toolTip());
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, key.action, &QAction::trigger);
        connect(key.action, &QAction::enabledChanged, button, &QWidget::setEnabled);
        layout->addWidget(button, 1);
    }
}

void SalePage::createSearchPopup()
{
    // A child of the page laid over it rather than a popup window: it never takes the
    // focus, so the scan field keeps receiving the scanner's keys while it is open.
    m_searchPopup = new QTableView(this);
    m_searchPopup->setObjectName(u"searchPopup"_s);
    m_searchPopup->setModel(m_search);
    m_searchPopup->setFocusPolicy(Qt::NoFocus);
    m_searchPopup->setSelectionMode(QAbstractItemView::SingleSelection);
    m_searchPopup->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_searchPopup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_searchPopup->setShowGrid(false);
    m_searchPopup->setWordWrap(false);
    m_searchPopup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_searchPopup->verticalHeader()->hide();
    m_searchPopup->horizontalHeader()->hide();
    m_searchPopup->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_searchPopup->horizontalHeader()->setSectionResizeMode(ProductSearchModel::NameColumn,
                                                            QHeaderView::Stretch);
    // Stock of a product sold by weight reads long ("16 × 1 kg pot + 150 × Gram"): the
    // name matters more, so stock gets a fixed share and is elided.
    m_searchPopup->horizontalHeader()->setSectionResizeMode(ProductSearchModel::StockColumn,
                                                            QHeaderView::Fixed);
    m_searchPopup->horizontalHeader()->resizeSection(ProductSearchModel::StockColumn,
                                                     kStockColumnWidth);
    m_searchPopup->setTextElideMode(Qt::ElideRight);
    m_searchPopup->hide();
    connect(m_searchPopup, &QTableView::clicked, this,
            [this](const QModelIndex &index) { chooseSearchResult(index.row()); });
}

void SalePage::createQuickKeys()
{
    // Twelve keys, one per shortcut Alt+1 ... Alt+=, showing the page chosen; pages turn
    // with the arrows under the grid or Alt+Page Up / Alt+Page Down.
    auto *grid = new QGridLayout(m_ui->quickKeysPanel);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    for (int slot = 0; slot < QuickKey::kKeysPerPage; ++slot) {
        auto *button = new QuickKeyButton(m_ui->quickKeysPanel);
        button->setObjectName(u"quickKey%1"_s.arg(slot + 1));
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, slot] { sellQuickKey(slot); });
        // An action rather than the button's own shortcut, which clicks only 100 ms later:
        // a scan right after the key must come after its item, not before.
        auto *action = new QAction(this);
        action->setShortcut(quickKeySequence(slot));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, slot] { sellQuickKey(slot); });
        addAction(action);
        grid->addWidget(button, slot / kQuickKeyColumns, slot % kQuickKeyColumns);
        m_quickKeyButtons.append(button);
    }

    // The keys take the panel's height that is left: big touch targets on a large screen.
    m_ui->sideLayout->setStretchFactor(m_ui->quickKeysPanel, 1);
    m_quickKeyPageBar = new QWidget(m_ui->quickKeysPanel);
    m_quickKeyPageBar->setObjectName(u"quickKeyPageBar"_s);
    auto *bar = new QHBoxLayout(m_quickKeyPageBar);
    bar->setContentsMargins(0, 0, 0, 0);
    auto *previous = new QPushButton(u"‹"_s, m_quickKeyPageBar);
    previous->setObjectName(u"previousQuickKeysButton"_s);
    previous->setToolTip(tr("Previous page of quick keys (Alt+Page Up)"));
    auto *next = new QPushButton(u"›"_s, m_quickKeyPageBar);
    next->setObjectName(u"nextQuickKeysButton"_s);
    next->setToolTip(tr("Next page of quick keys (Alt+Page Down)"));
    m_quickKeyPageLabel = new QLabel(m_quickKeyPageBar);
    m_quickKeyPageLabel->setObjectName(u"quickKeyPageLabel"_s);
    m_quickKeyPageLabel->setAlignment(Qt::AlignCenter);
    for (QPushButton *button : {previous, next}) {
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoDefault(false);
    }
    bar->addWidget(previous);
    bar->addWidget(m_quickKeyPageLabel, 1);
    bar->addWidget(next);
    grid->addWidget(m_quickKeyPageBar, QuickKey::kKeysPerPage / kQuickKeyColumns, 0, 1,
                    kQuickKeyColumns);

    const auto turn = [this](int by) {
        if (m_quickKeyPages > 1) {
            m_quickKeyPage = (m_quickKeyPage + by + m_quickKeyPages) % m_quickKeyPages;
            showQuickKeyPage();
        }
    };
    connect(previous, &QPushButton::clicked, this, [turn] { turn(-1); });
    connect(next, &QPushButton::clicked, this, [turn] { turn(1); });
    for (const auto &[key, by] : {std::pair{Qt::Key_PageUp, -1}, std::pair{Qt::Key_PageDown, 1}}) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::ALT | key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [turn, by] { turn(by); });
        addAction(action);
    }
}

void SalePage::loadQuickKeys()
{
    const auto keys = m_services.catalogue.quickKeys();
    if (!keys) {
        qCWarning(lcSalePage) << "quick keys not read:" << keys.error().details;
    }
    m_quickKeys = keys ? *keys : QList<QuickKey>();
    m_quickKeyPages = 0;
    for (const QuickKey &key : std::as_const(m_quickKeys)) {
        m_quickKeyPages = std::max(m_quickKeyPages, key.page() + 1);
    }
    m_quickKeyPage = std::clamp(m_quickKeyPage, 0, std::max(0, m_quickKeyPages - 1));
    showQuickKeyPage();
}

const QuickKey *SalePage::quickKeyAt(int slot) const
{
    const int position = m_quickKeyPage * QuickKey::kKeysPerPage + slot;
    for (const QuickKey &key : m_quickKeys) {
        if (key.position == position) {
            return &key;
        }
    }
    return nullptr;
}

void SalePage::showQuickKeyPage()
{
    const bool any = !m_quickKeys.isEmpty();
    m_ui->quickKeysCaption->setVisible(any);
    m_ui->quickKeysPanel->setVisible(any);
    m_quickKeyPageBar->setVisible(m_quickKeyPages > 1);
    m_quickKeyPageLabel->setText(
            tr("Page %1 of %2", "quick keys").arg(m_quickKeyPage + 1).arg(m_quickKeyPages));
    for (int slot = 0; slot < m_quickKeyButtons.size(); ++slot) {
        QuickKeyButton *button = m_quickKeyButtons.at(slot);
        const QuickKey *key = quickKeyAt(slot);
        button->setEnabled(key != nullptr);
        if (!key) {
            button->setText({});
            button->setToolTip({});
            continue;
        }
        // The whole name: the key wraps or shrinks its text rather than cut it off.
        QString name = key->text();
        button->setText(tr("%1  %2\n%3 · %4", "quick key: its number, product, unit · price")
                                .arg(QString::number(slot + 1), name.replace(u'&', u"&&"_s),
                                     key->item.unit.name, money(key->item.unit.price)));
        button->setToolTip(tr("%1, %2 (%3)", "quick key tooltip: product, unit (shortcut)")
                                   .arg(key->text(), key->item.unit.name,
                                        quickKeySequence(slot).toString(QKeySequence::NativeText)));
    }
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
    const QStringList changes = setReviewedCart(saved->cart, saved->uuid);
    selectRow(m_cart->rowCount() - 1);
    const QString back = tr("The sale that was in progress is back on screen (items: %1).")
                                 .arg(QLocale().toString(m_cart->cart().itemCount()));
    showCartChanges(back, changes);
}

QStringList SalePage::setReviewedCart(const Cart &cart, const QString &uuid)
{
    // A cart from a file or a park is checked against today's catalogue and approvals.
    const auto reviewed = m_services.checkout.review(cart);
    if (!reviewed) {
        // The commit checks every line again; until then the cart stays as it was.
        m_cart->setCart(cart, uuid);
        m_cart->setPricesIncludeTax(m_services.checkout.rules().pricesIncludeTax);
        return {};
    }
    m_cart->setCart(reviewed->cart, uuid);
    m_cart->setPricesIncludeTax(m_services.checkout.rules().pricesIncludeTax);
    return reviewed->changes;
}

void SalePage::showCartChanges(const QString &headline, const QStringList &changes)
{
    if (changes.isEmpty()) {
        strip()->showInfo(headline);
        return;
    }
    // Prices the customer was told may have moved: this one the cashier must not miss.
    strip()->showError(tr("%1 Please check it: %2", "headline, then what changed in the sale")
                               .arg(headline, changes.join(u' ')));
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
        hideSearchPopup();
    }
    setFocusProxy(m_hasShift ? static_cast<QWidget *>(m_ui->scanField) : m_ui->openShiftButton);
    restoreFocus();
}

// --- The scan field and the search ---------------------------------------------------------

bool SalePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_ui->scanField || event->type() != QEvent::KeyPress) {
        return QWidget::eventFilter(watched, event);
    }
    auto *key = static_cast<QKeyEvent *>(event);
    const bool empty = m_ui->scanField->text().isEmpty();
    const bool popup = m_searchPopup->isVisible();
    switch (key->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (popup) {
            moveInSearchPopup(key->key() == Qt::Key_Up ? -1 : 1);
        } else if (m_cart->rowCount() > 0) {
            const int row = currentRow() + (key->key() == Qt::Key_Up ? -1 : 1);
            selectRow(std::clamp(row, 0, m_cart->rowCount() - 1));
        }
        return true;
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (popup) {
            moveInSearchPopup(key->key() == Qt::Key_PageUp ? -kPopupRows : kPopupRows);
            return true;
        }
        break;
    case Qt::Key_Escape:
        if (popup) {
            hideSearchPopup();
            return true;
        }
        if (!empty) {
            m_ui->scanField->clear();
            return true;
        }
        break;
    case Qt::Key_Plus:
        if (empty) {
            raiseQuantity();
            return true;
        }
        break;
    case Qt::Key_Minus:
        if (empty) {
            lowerQuantity();
            return true;
        }
        break;
    case Qt::Key_Delete:
        if (empty) {
            voidLine();
            return true;
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void SalePage::handleScanTextEdited(const QString &text)
{
    if (m_ui->scanField->property("error").toBool()) {
        m_ui->scanField->setProperty("error", false);
        repolish(m_ui->scanField);
    }
    const ScanInput input = parseScanInput(text);
    // Digits are a barcode on its way: a scanner must not set off a query per digit.
    if (input.rest.size() >= kSearchMinimumLength && !isAllDigits(input.rest)) {
        m_searchTimer->start();
    } else {
        m_searchTimer->stop();
        hideSearchPopup();
    }
}

void SalePage::runSearch()
{
    const ScanInput input = parseScanInput(m_ui->scanField->text());
    if (input.rest.size() < kSearchMinimumLength || isAllDigits(input.rest)) {
        return;
    }
    if (!searchNow(input.rest)) {
        return;
    }
    if (m_search->rowCount() == 0) {
        hideSearchPopup();
        strip()->showInfo(tr("Nothing matches \"%1\".").arg(input.rest));
        return;
    }
    showSearchPopup();
}

bool SalePage::searchNow(const QString &text)
{
    m_searchTimer->stop();
    return m_search->search(text);
}

void SalePage::showSearchPopup()
{
    m_searchPopup->ensurePolished();
    m_searchPopup->verticalHeader()->setDefaultSectionSize(m_searchPopup->fontMetrics().height()
                                                           + 14);
    const QRect field(m_ui->scanField->mapTo(this, QPoint(0, 0)), m_ui->scanField->size());
    const int rows = std::min(m_search->rowCount(), kPopupRows);
    const int height = rows * m_searchPopup->verticalHeader()->defaultSectionSize()
                       + 2 * m_searchPopup->frameWidth();
    // As wide as the page: product names are long, and the list is gone after a choice.
    const int width = std::max(field.width(), m_ui->modeStack->width());
    m_searchPopup->setGeometry(field.left(), field.bottom() + 2, width, height);
    if (!m_searchPopup->currentIndex().isValid() && m_search->rowCount() > 0) {
        m_searchPopup->setCurrentIndex(m_search->index(0, 0));
    }
    m_searchPopup->show();
    m_searchPopup->raise();
}

void SalePage::hideSearchPopup()
{
    m_searchPopup->hide();
}

void SalePage::moveInSearchPopup(int rows)
{
    const int count = m_search->rowCount();
    if (count == 0) {
        return;
    }
    int row = m_searchPopup->currentIndex().isValid() ? m_searchPopup->currentIndex().row() : -1;
    row += rows;
    if (row >= count && m_search->canFetchMore({})) {
        m_search->fetchMore({});
    }
    row = std::clamp(row, 0, m_search->rowCount() - 1);
    m_searchPopup->setCurrentIndex(m_search->index(row, 0));
    m_searchPopup->scrollTo(m_search->index(row, 0));
}

void SalePage::handleScanEntered()
{
    if (!m_hasShift) {
        return;
    }
    if (m_searchPopup->isVisible() && m_searchPopup->currentIndex().isValid()) {
        chooseSearchResult(m_searchPopup->currentIndex().row());
        return;
    }
    m_searchTimer->stop();
    const ScanInput input = parseScanInput(m_ui->scanField->text());
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
    if (!searchNow(input.rest)) {
        return;
    }
    if (m_search->rowCount() == 0) {
        strip()->showError(tr("Nothing has the barcode, name or SKU \"%1\".").arg(input.rest));
        flashScanField();
        return;
    }
    showSearchPopup();
}

void SalePage::chooseSearchResult(int row)
{
    if (row < 0 || row >= m_search->rowCount()) {
        return;
    }
    const Product product = m_search->product(row);
    const ScanInput input = parseScanInput(m_ui->scanField->text());
    hideSearchPopup();
    sellUnitOf(product, input.badQuantity ? 1 : input.quantity);
}

void SalePage::sellQuickKey(int slot)
{
    const QuickKey *key = quickKeyAt(slot);
    if (!m_hasShift || !key) {
        return;
    }
    const ScanInput input = parseScanInput(m_ui->scanField->text());
    const qint64 quantity = input.hasQuantity && !input.badQuantity ? input.quantity : 1;
    const ScannedUnit item = key->item;
    sell(CheckoutService::lineFor(item.product, item.unit, quantity));
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
    QMenu menu(this);
    menu.setObjectName(u"unitMenu"_s);
    menu.addSection(tr("Sell %1 as", "which unit to sell a product in").arg(product.name));
    for (qsizetype i = 0; i < product.units.size(); ++i) {
        const ProductUnit &unit = product.units.at(i);
        QAction *action = menu.addAction(tr("&%1  %2 · %3", "menu: number, unit · price")
                                                 .arg(i + 1)
                                                 .arg(unit.name, money(unit.price)));
        action->setData(qint64(i));
    }
    const QPoint where = m_ui->scanField->mapToGlobal(QPoint(0, m_ui->scanField->height()));
    QAction *chosen = menu.exec(where, menu.actions().value(1));
    restoreFocus();
    if (!chosen) {
        return;
    }
    sell(CheckoutService::lineFor(product, product.units.at(chosen->data().toLongLong()),
                                  quantity));
}

void SalePage::sell(const CartLine &line)
{
    const int row = m_cart->addLine(line);
    selectRow(row);
    m_ui->scanField->clear();
    hideSearchPopup();
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

// --- The selected line ----------------------------------------------------------------------

int SalePage::currentRow() const
{
    const QModelIndex current = m_ui->linesView->currentIndex();
    if (current.isValid()) {
        return current.row();
    }
    return m_cart->rowCount() - 1;
}

void SalePage::selectRow(int row)
{
    if (row < 0 || row >= m_cart->rowCount()) {
        return;
    }
    m_ui->linesView->setCurrentIndex(m_cart->index(row, 0));
    m_ui->linesView->selectRow(row);
    m_ui->linesView->scrollTo(m_cart->index(row, 0));
}

bool SalePage::requireLine(int *row)
{
    *row = currentRow();
    if (*row < 0 || *row >= m_cart->rowCount()) {
        strip()->showInfo(tr("There is no line yet: scan an item first."));
        return false;
    }
    return true;
}

void SalePage::raiseQuantity()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    if (!m_cart->setQuantity(row, m_cart->line(row).quantity + 1)) {
        strip()->showError(tr("The quantity cannot be raised any further."));
    }
}

void SalePage::lowerQuantity()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    if (line.quantity <= 1) {
        strip()->showInfo(tr("The line holds one. Press Delete (F8) to void it."));
        return;
    }
    // Taking an item off a line is a void of that item, and audited like one.
    CartLine removed = line;
    removed.quantity = 1;
    const auto voided = approved(voidRequest(removed), [&](const Approval &approval) {
        return m_services.checkout.recordVoid(removed, approval);
    });
    if (!voided) {
        return;
    }
    m_cart->setQuantity(row, line.quantity - 1);
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
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    bool ok = false;
    const int quantity = QInputDialog::getInt(this, tr("Quantity"),
                                              tr("How many %1 of %2?", "how many units of product")
                                                      .arg(line.unitName, line.productName),
                                              int(std::min<qint64>(line.quantity, kMaxQuantity)), 1,
                                              int(kMaxQuantity), 1, &ok);
    restoreFocus();
    if (!ok || quantity == line.quantity) {
        return;
    }
    if (quantity < line.quantity) {
        CartLine removed = line;
        removed.quantity = line.quantity - quantity;
        const auto voided = approved(voidRequest(removed), [&](const Approval &approval) {
            return m_services.checkout.recordVoid(removed, approval);
        });
        if (!voided) {
            return;
        }
    }
    m_cart->setQuantity(row, quantity);
}

void SalePage::changeUnit()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    const auto product = m_services.catalogue.product(line.productId);
    if (!product) {
        showError(product.error());
        return;
    }
    QList<ProductUnit> units = product->units;
    units.removeIf([](const ProductUnit &unit) { return !unit.active; });
    if (units.size() < 2) {
        strip()->showInfo(tr("%1 is sold in one unit only.").arg(line.productName));
        return;
    }
    QMenu menu(this);
    menu.setObjectName(u"unitMenu"_s);
    menu.addSection(tr("Sell %1 as", "which unit to sell a product in").arg(line.productName));
    QAction *current = nullptr;
    for (qsizetype i = 0; i < units.size(); ++i) {
        const ProductUnit &unit = units.at(i);
        QAction *action = menu.addAction(tr("&%1  %2 · %3", "menu: number, unit · price")
                                                 .arg(i + 1)
                                                 .arg(unit.name, money(unit.price)));
        action->setData(qint64(i));
        action->setCheckable(true);
        action->setChecked(unit.id == line.unitId);
        if (unit.id == line.unitId) {
            current = action;
        }
    }
    const QRect rowRect = m_ui->linesView->visualRect(m_cart->index(row, CartModel::UnitColumn));
    QAction *chosen
            = menu.exec(m_ui->linesView->viewport()->mapToGlobal(rowRect.bottomLeft()), current);
    restoreFocus();
    if (!chosen) {
        return;
    }
    const ProductUnit &unit = units.at(chosen->data().toLongLong());
    if (unit.id == line.unitId) {
        return;
    }
    if (line.isPriceOverridden() || !line.discount.isNone()) {
        strip()->showInfo(tr("%1 is now sold as %2 at the catalogue price; give its discount again "
                             "if it still applies.")
                                  .arg(line.productName, unit.name));
    }
    m_cart->setUnit(row, unit);
    m_cart->setLineDiscount(row, Discount());
}

void SalePage::discountLine()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    const Money gross = line.unitPrice.times(line.quantity);
    const auto discount
            = DiscountDialog::ask(this, tr("Discount on a line"),
                                  tr("Discount on %1 × %2 (%3), which costs %4.")
                                          .arg(QLocale().toString(line.quantity), line.productName,
                                               line.unitName, money(gross)),
                                  gross, m_services.checkout.rules().currencySymbol, line.discount);
    restoreFocus();
    if (!discount) {
        return;
    }
    const SaleRules &rules = m_services.checkout.rules();
    const auto request = ApprovalRequest::discount(
            *discount, gross, line.productName, rules.cashierDiscountLimitBp, rules.currencySymbol);
    const auto allowed = approved(request, [&](const Approval &approval) {
        return m_services.checkout.authorizeDiscount(*discount, gross, approval);
    });
    if (!allowed) {
        return;
    }
    m_cart->setLineDiscount(row, *discount, *allowed);
}

void SalePage::discountBill()
{
    if (m_cart->isEmpty()) {
        strip()->showInfo(tr("There is no line yet: scan an item first."));
        return;
    }
    // The bill discount comes off what the lines cost after their own discounts.
    const Money base = m_cart->totals().beforeBillDiscount();
    const auto discount = DiscountDialog::ask(
            this, tr("Discount on the bill"),
            tr("Discount on the whole bill of %1.").arg(money(base)), base,
            m_services.checkout.rules().currencySymbol, m_cart->cart().billDiscount);
    restoreFocus();
    if (!discount) {
        return;
    }
    const SaleRules &rules = m_services.checkout.rules();
    const auto request = ApprovalRequest::discount(
            *discount, base, tr("the bill"), rules.cashierDiscountLimitBp, rules.currencySymbol);
    const auto allowed = approved(request, [&](const Approval &approval) {
        return m_services.checkout.authorizeDiscount(*discount, base, approval);
    });
    if (!allowed) {
        return;
    }
    m_cart->setBillDiscount(*discount, *allowed);
}

void SalePage::overridePrice()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    AmountDialog::Options options;
    options.title = tr("Override the price");
    options.prompt = tr("New price of one %1 of %2. The catalogue says %3.")
                             .arg(line.unitName, line.productName, money(line.catalogPrice));
    options.currencySymbol = m_services.checkout.rules().currencySymbol;
    options.initial = line.unitPrice;
    const auto answer = AmountDialog::ask(this, options);
    restoreFocus();
    if (!answer) {
        return;
    }
    const auto request
            = ApprovalRequest::priceOverride(line.productName, answer->amount, line.catalogPrice,
                                             m_services.checkout.rules().currencySymbol);
    const auto allowed = approved(request, [&](const Approval &approval) {
        return m_services.checkout.authorizePriceOverride(answer->amount, approval);
    });
    if (!allowed) {
        return;
    }
    m_cart->overridePrice(row, answer->amount, *allowed);
    strip()->showInfo(tr("%1 now costs %2 per %3.")
                              .arg(line.productName, money(answer->amount), line.unitName));
}

void SalePage::voidLine()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    const auto voided = approved(voidRequest(line), [&](const Approval &approval) {
        return m_services.checkout.recordVoid(line, approval);
    });
    if (!voided) {
        return;
    }
    m_cart->removeLine(row);
    selectRow(std::min(row, m_cart->rowCount() - 1));
    strip()->showInfo(
            tr("Voided %1 × %2.").arg(QLocale().toString(line.quantity), line.productName));
}

void SalePage::clearSale()
{
    if (m_cart->isEmpty()) {
        strip()->showInfo(tr("The sale is empty already."));
        return;
    }
    const QMessageBox::StandardButton answer = QMessageBox::question(
            this, tr("Clear the sale"),
            tr("Take all %n item(s) off this sale?", nullptr, int(m_cart->cart().itemCount())),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    restoreFocus();
    if (answer != QMessageBox::Yes) {
        return;
    }
    const Cart cart = m_cart->cart();
    const auto request = ApprovalRequest::clearSale(cart.itemCount(), m_cart->totals().total,
                                                    m_services.checkout.rules().currencySymbol);
    const auto cleared = approved(request, [&](const Approval &approval) {
        return m_services.checkout.recordClear(cart, approval);
    });
    if (!cleared) {
        return;
    }
    m_cart->clear();
    strip()->showInfo(tr("The sale was cleared."));
}

// --- The sale -------------------------------------------------------------------------------

void SalePage::pay()
{
    if (!m_hasShift) {
        return;
    }
    hideSearchPopup();
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
                commitSale(dialog, tenders);
            });
    dialog.exec();
    restoreFocus();
    if (tried && dialog.result() != QDialog::Accepted) {
        // The commit may have failed for want of a shift: the screen says so.
        refreshShift();
    }
}

void SalePage::commitSale(PaymentDialog &dialog, const QList<Tender> &tenders)
{
    if (m_saleWorker->isBusy()) {
        return;
    }
    // The sale and its receipt are written and read on the worker: the window keeps
    // answering, says what it waits for, and stops waiting after saveLimit().
    dialog.setWaiting(tr("Saving the sale…"));
    m_saveWaited.start();
    m_saveTimer->start();
    struct Saved
    {
        std::optional<ServiceResult<SaleReceipt>> receipt;
        std::optional<ServiceResult<ReceiptData>> printable;
    };
    CheckoutService &checkout = m_services.checkout;
    const ReceiptService &receipts = m_services.receipts;
    const Cart cart = m_cart->cart();
    const QString uuid = m_cart->saleUuid();
    const QPointer<PaymentDialog> guard(&dialog);
    m_saleWorker->run(
            [&checkout, &receipts, cart, tenders, uuid] {
                Saved saved;
                saved.receipt = checkout.commit(cart, tenders, uuid);
                if (*saved.receipt) {
                    saved.printable = receipts.forBill((*saved.receipt)->bill.id);
                }
                return saved;
            },
            this,
            [this, guard, tenders](const Saved &saved) {
                m_saveTimer->stop();
                if (!guard) {
                    return;
                }
                guard->setWaiting({});
                const ServiceResult<SaleReceipt> &receipt = *saved.receipt;
                if (!receipt) {
                    handleFailedCommit(*guard, receipt.error());
                    return;
                }
                guard->accept();
                finishSale(*receipt, tenders, *saved.printable);
            });
}

bool SalePage::hasPendingDatabaseWork() const
{
    return m_saleWorker->isBusy();
}

void SalePage::updateSaveWait()
{
    auto *dialog = qobject_cast<PaymentDialog *>(QApplication::activeModalWidget());
    const qint64 waited = m_saveWaited.elapsed();
    if (waited >= m_saveLimit.count()) {
        // The database stopped answering: cut the wait, and the sale comes back on screen.
        m_saveTimer->stop();
        m_saleWorker->interrupt();
        return;
    }
    if (dialog && dialog->isWaiting()) {
        const int seconds = int(waited / 1000);
        dialog->setWaiting(tr("Waiting for the database (%n s)… The sale is kept; Till stops "
                              "waiting after %1 s.",
                              nullptr, seconds)
                                   .arg(m_saveLimit.count() / 1000));
    }
}

void SalePage::handleFailedCommit(PaymentDialog &dialog, const ServiceError &error)
{
    if (error.code == ServiceError::Code::Conflict) {
        // The catalogue may have changed under the sale: then the lines change on screen
        // and the customer hears the new total before paying again.
        const QStringList changes = setReviewedCart(m_cart->cart(), m_cart->saleUuid());
        if (!changes.isEmpty()) {
            dialog.reject();
            showCartChanges(error.message, changes);
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

void SalePage::park()
{
    if (m_cart->isEmpty()) {
        strip()->showInfo(tr("There is nothing to park."));
        return;
    }
    bool ok = false;
    const QString label = QInputDialog::getText(
            this, tr("Park the sale"),
            tr("A name to find it by, such as the customer's (may stay empty):"), QLineEdit::Normal,
            QString(), &ok);
    restoreFocus();
    if (!ok) {
        return;
    }
    const auto parked = m_services.checkout.park(m_cart->cart(), label);
    if (!parked) {
        showError(parked.error());
        return;
    }
    m_cart->clear();
    strip()->showInfo(label.trimmed().isEmpty()
                              ? tr("The sale is parked. F7 recalls it, at any lane.")
                              : tr("The sale \"%1\" is parked. F7 recalls it, at any lane.")
                                        .arg(label.trimmed()));
}

void SalePage::recall()
{
    const auto parked = m_services.checkout.parked();
    if (!parked) {
        showError(parked.error());
        return;
    }
    if (parked->isEmpty()) {
        strip()->showInfo(tr("No sale is parked."));
        return;
    }
    const auto chosen
            = RecallDialog::choose(this, *parked, m_services.checkout.rules().currencySymbol);
    restoreFocus();
    if (!chosen) {
        return;
    }
    if (!m_cart->isEmpty()) {
        QMessageBox box(QMessageBox::Question, tr("Recall a parked sale"),
                        tr("This sale has %n item(s). Park it first, so that the recalled one can "
                           "take its place?",
                           nullptr, int(m_cart->cart().itemCount())),
                        QMessageBox::Cancel, this);
        QPushButton *parkButton = box.addButton(tr("&Park it and recall"), QMessageBox::AcceptRole);
        box.setDefaultButton(parkButton);
        box.exec();
        restoreFocus();
        if (box.clickedButton() != parkButton) {
            return;
        }
        const auto parkedNow
                = m_services.checkout.park(m_cart->cart(), tr("Parked to recall another"));
        if (!parkedNow) {
            showError(parkedNow.error());
            return;
        }
        m_cart->clear();
    }
    const auto cart = m_services.checkout.recall(*chosen);
    if (!cart) {
        showError(cart.error());
        return;
    }
    const QStringList changes = setReviewedCart(*cart, QString());
    selectRow(m_cart->rowCount() - 1);
    hideChange();
    showCartChanges(
            tr("The parked sale is back: %n item(s).", nullptr, int(m_cart->cart().itemCount())),
            changes);
    restoreFocus();
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
    for (const KeyAction &key : m_keyActions) {
        row(key.action->shortcut().toString(QKeySequence::NativeText),
            QString(key.action->text()).remove(u'&'));
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
    const ScanInput input = parseScanInput(m_ui->scanField->text());
    if (input.rest.size() >= kSearchMinimumLength && searchNow(input.rest)
        && m_search->rowCount() > 0) {
        showSearchPopup();
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
    const CartTotals &totals = m_cart->totals();
    const Cart &cart = m_cart->cart();
    const QLocale locale;
    m_ui->totalLabel->setText(totals.isValid ? money(totals.total) : tr("—", "no amount"));
    if (!cart.isEmpty()) {
        hideChange();
    }
    const bool showingChange = !m_ui->changeLabel->isHidden();
    if (!showingChange) {
        m_ui->itemCountLabel->setText(tr("Items %1 · lines %2", "count of items and of lines")
                                              .arg(locale.toString(cart.itemCount()))
                                              .arg(locale.toString(cart.lines.size())));
    }

    QString breakdown;
    if (!totals.discount.isZero()) {
        breakdown = tr("Subtotal %1<br>Discounts −%2", "rich text")
                            .arg(money(totals.subtotal).toHtmlEscaped(),
                                 money(totals.discount).toHtmlEscaped());
    }
    m_ui->breakdownLabel->setText(breakdown);
    m_ui->breakdownLabel->setVisible(!breakdown.isEmpty() && !showingChange);

    QStringList taxes;
    for (const TaxBreakdown &tax : totals.taxes) {
        const QString rate = Percent::toString(tax.rateBp, locale);
        taxes << (cart.pricesIncludeTax ? tr("incl. %1 tax on %2: %3", "tax included in prices")
                                        : tr("plus %1 tax on %2: %3", "tax added to prices"))
                         .arg(rate, money(tax.net), money(tax.tax))
                         .toHtmlEscaped();
    }
    m_ui->taxLabel->setText(taxes.join(u"<br>"_s));
    m_ui->taxLabel->setVisible(!taxes.isEmpty() && !showingChange);
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
    const Money change = receipt.settlement.change;
    Money tendered = Money::fromMinor(0);
    for (const SettledPayment &payment : receipt.settlement.payments) {
        tendered += payment.method == Tender::Method::Cash ? payment.tendered : payment.amount;
    }
    m_ui->totalCaptionLabel->setText(tr("Change", "change due to the customer"));
    m_ui->changeLabel->setText(money(change));
    m_ui->itemCountLabel->setText(tr("Paid %1 of %2", "paid amount of bill total")
                                          .arg(money(tendered), money(receipt.settlement.due)));
    m_ui->totalLabel->hide();
    m_ui->breakdownLabel->hide();
    m_ui->taxLabel->hide();
    m_ui->changeLabel->show();
}

void SalePage::hideChange()
{
    if (m_ui->changeLabel->isHidden()) {
        return;
    }
    m_ui->totalCaptionLabel->setText(tr("Total"));
    m_ui->changeLabel->hide();
    m_ui->totalLabel->show();
    updateTotals();
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
    m_ui->scanField->setProperty("error", true);
    repolish(m_ui->scanField);
    m_ui->scanField->selectAll();
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
    if (m_searchPopup->isVisible()) {
        showSearchPopup();
    }
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
