#include "ui/refundspage.h"
#include "ui_refundspage.h"

#include "models/domain/product.h"
#include "models/items/billhistorymodel.h"
#include "models/services/services.h"
#include "ui/errorbanner.h"
#include "ui/productpicker.h"
#include "ui/refunddialog.h"

#include <QColor>
#include <QDate>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
// The strip's "done" green: the ledger's colour for stock coming in.
const QColor kDoneText(0x2e, 0x7d, 0x4f);
} // namespace

RefundsPage::RefundsPage(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RefundsPage>())
    , m_services(services)
    , m_history(new BillHistoryModel(services.refunds, this))
    , m_filterTimer(new QTimer(this))
    , m_currencySymbol(services.catalogue.currencySymbol())
{
    m_ui->setupUi(this);
    m_ui->codeEdit->setPlaceholderText(tr("e.g. 1-000042, or 42 for this lane"));
    m_ui->codeEdit->setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    QFont codeFont = m_ui->codeEdit->font();
    if (codeFont.pointSizeF() > 0) {
        codeFont.setPointSizeF(codeFont.pointSizeF() * 1.3);
    }
    m_ui->codeEdit->setFont(codeFont);
    connect(m_ui->codeEdit, &QLineEdit::returnPressed, this, &RefundsPage::findBill);
    connect(m_ui->openButton, &QPushButton::clicked, this, &RefundsPage::findBill);

    QPalette donePalette = m_ui->doneLabel->palette();
    donePalette.setColor(QPalette::WindowText, kDoneText);
    m_ui->doneLabel->setPalette(donePalette);
    m_ui->doneLabel->hide();

    setUpFilters();
    setUpHistory();
    connect(&services.printer, &ReceiptPrinter::failed, this, &RefundsPage::handlePrintFailed);
    setFocusProxy(m_ui->codeEdit);
}

RefundsPage::~RefundsPage() = default;

RefundDialog *RefundsPage::refundDialog() const
{
    return m_dialog;
}

void RefundsPage::setUpFilters()
{
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(kFilterDelayMs);
    connect(m_filterTimer, &QTimer::timeout, this, &RefundsPage::applyFilter);

    // Ticking "From" or "To" starts at today: the day most refunds are asked for.
    m_ui->fromEdit->setDate(QDate::currentDate());
    m_ui->toEdit->setDate(QDate::currentDate());
    connect(m_ui->fromCheck, &QCheckBox::toggled, m_ui->fromEdit, &QWidget::setEnabled);
    connect(m_ui->toCheck, &QCheckBox::toggled, m_ui->toEdit, &QWidget::setEnabled);
    for (QCheckBox *check : {m_ui->fromCheck, m_ui->toCheck}) {
        connect(check, &QCheckBox::toggled, this, &RefundsPage::applyFilter);
    }
    // A range the wrong way round is nobody's intention: the other end follows.
    connect(m_ui->fromEdit, &QDateEdit::dateChanged, this, [this](QDate from) {
        if (m_ui->toEdit->date() < from) {
            m_ui->toEdit->setDate(from);
        }
        scheduleFilter();
    });
    connect(m_ui->toEdit, &QDateEdit::dateChanged, this, [this](QDate to) {
        if (m_ui->fromEdit->date() > to) {
            m_ui->fromEdit->setDate(to);
        }
        scheduleFilter();
    });
    connect(m_ui->todayButton, &QPushButton::clicked, this, [this] {
        const QDate today = QDate::currentDate();
        setDateRange(today, today);
    });
    connect(m_ui->yesterdayButton, &QPushButton::clicked, this, [this] {
        const QDate yesterday = QDate::currentDate().addDays(-1);
        setDateRange(yesterday, yesterday);
    });
    connect(m_ui->weekButton, &QPushButton::clicked, this, [this] {
        const QDate today = QDate::currentDate();
        const int sinceStart = (today.dayOfWeek() - QLocale().firstDayOfWeek() + 7) % 7;
        setDateRange(today.addDays(-sinceStart), today);
    });
    connect(m_ui->anyDateButton, &QPushButton::clicked, this,
            [this] { setDateRange(std::nullopt, std::nullopt); });

    m_ui->laneEdit->setPlaceholderText(tr("All lanes"));
    connect(m_ui->laneEdit, &QLineEdit::textChanged, this, &RefundsPage::scheduleFilter);

    loadCashiers();
    connect(m_ui->cashierCombo, &QComboBox::currentIndexChanged, this, &RefundsPage::applyFilter);

    const QString amountHint = Money::fromMinor(0).toPlainString(QLocale());
    m_ui->minTotalEdit->setPlaceholderText(amountHint);
    m_ui->maxTotalEdit->setPlaceholderText(tr("any", "no upper bound for the total"));
    for (QLineEdit *edit : {m_ui->minTotalEdit, m_ui->maxTotalEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &RefundsPage::scheduleFilter);
    }

    m_productPicker = new ProductPicker(m_services.catalogue, m_services.db, m_ui->productHolder);
    m_productPicker->setObjectName(u"productPicker"_s);
    m_productPicker->setPlaceholderText(tr("Any product: scan, or type and press Enter"));
    m_productPicker->lineEdit()->setObjectName(u"productEdit"_s);
    m_ui->productHolderLayout->addWidget(m_productPicker);
    m_ui->productLabel->setBuddy(m_productPicker->lineEdit());
    // The picker is made here, after the form: put it where it stands, after the dates.
    QWidget *last = m_productPicker->lineEdit();
    setTabOrder(m_ui->anyDateButton, last);
    if (auto *choose = m_productPicker->findChild<QToolButton *>()) {
        setTabOrder(last, choose);
        last = choose;
    }
    setTabOrder(last, m_ui->laneEdit);
    connect(m_productPicker, &ProductPicker::productChosen, this,
            [this](const Product &product) { handleProductChosen(product); });
    connect(m_productPicker, &ProductPicker::failed, this, &RefundsPage::showError);
    connect(m_productPicker->lineEdit(), &QLineEdit::textChanged, this,
            &RefundsPage::handleProductTextChanged);

    connect(m_ui->resetButton, &QPushButton::clicked, this, &RefundsPage::resetFilters);
}

void RefundsPage::setUpHistory()
{
    m_history->setCurrencySymbol(m_currencySymbol);
    QTableView *view = m_ui->billsView;
    view->setModel(m_history);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(BillHistoryModel::CashierColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 12);

    connect(view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        // Opened once the view is done with the click or key, so that the rest of that
        // input (the second release of a double click) does not land in the dialog.
        const qint64 billId = index.data(BillHistoryModel::BillIdRole).toLongLong();
        QMetaObject::invokeMethod(
                this, [this, billId] { openBill(billId); }, Qt::QueuedConnection);
    });
    connect(m_history, &BillHistoryModel::loadFailed, this, &RefundsPage::showError);
    connect(m_history, &QAbstractItemModel::modelReset, this, &RefundsPage::updateCount);
    connect(m_history, &QAbstractItemModel::rowsInserted, this, &RefundsPage::updateCount);
    updateCount();
}

void RefundsPage::loadCashiers()
{
    QComboBox *combo = m_ui->cashierCombo;
    combo->addItem(tr("Everybody"), qint64(0));
    // The whole staff list is for those who manage users; anybody else may look for
    // their own bills.
    if (const auto users = m_services.users.list()) {
        QList<User> sorted = *users;
        std::sort(sorted.begin(), sorted.end(), [](const User &a, const User &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        for (const User &user : std::as_const(sorted)) {
            combo->addItem(user.name, user.id);
        }
    } else if (const auto &me = m_services.session.user()) {
        combo->addItem(me->name, me->id);
    }
}

void RefundsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Read on first sight, not at construction: the area may be made and never looked at.
    if (m_stale) {
        m_stale = false;
        applyFilter();
    }
}

void RefundsPage::showError(const ServiceError &error)
{
    m_ui->doneLabel->hide();
    m_ui->errorBanner->showError(error);
}

void RefundsPage::showDone(const QString &message)
{
    m_ui->errorBanner->clear();
    m_ui->doneLabel->setText(message);
    m_ui->doneLabel->setVisible(!message.isEmpty());
}

void RefundsPage::findBill()
{
    const QString code = m_ui->codeEdit->text().trimmed();
    if (code.isEmpty()) {
        m_ui->codeEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    const auto billId = m_services.refunds.findBill(code);
    if (!billId) {
        showError(billId.error());
        // The next scan replaces the wrong number instead of adding to it.
        m_ui->codeEdit->selectAll();
        m_ui->codeEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    openBill(*billId);
}

void RefundsPage::openBill(qint64 billId)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    const auto bill = m_services.refunds.load(billId);
    if (!bill) {
        showError(bill.error());
        return;
    }
    m_ui->errorBanner->clear();
    m_ui->doneLabel->hide();
    m_ui->codeEdit->clear();
    auto *dialog = new RefundDialog(m_services, *bill, this);
    dialog->setObjectName(u"refundDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog] { handleRefundFinished(dialog); });
    m_dialog = dialog;
    // open(), not exec(): the till's event loop keeps running (printing, the idle lock).
    dialog->open();
}

void RefundsPage::handleRefundFinished(RefundDialog *dialog)
{
    m_ui->codeEdit->setFocus(Qt::OtherFocusReason);
    const auto &outcome = dialog->outcome();
    if (!outcome) {
        return;
    }
    m_history->addRefund(outcome->record.billId, outcome->record.total);
    const QString refundCode = outcome->receipt.code();
    const QString billCode = BillHistoryModel::billCode(outcome->receipt.originalLane,
                                                        outcome->receipt.originalNumber);
    const QString payout = RefundDialog::payoutText(outcome->record.payments, m_currencySymbol);
    const bool printing = m_services.printer.config().kind != ReceiptPrinter::Kind::None;
    m_printingKey = printing ? refundCode : QString();
    showDone(printing ? tr("Refund %1 of bill %2 is done: %3. The receipt is printing.")
                                .arg(refundCode, billCode, payout)
                      : tr("Refund %1 of bill %2 is done: %3.").arg(refundCode, billCode, payout));
}

void RefundsPage::handlePrintFailed(const QString &key, const QString &message)
{
    if (key.isEmpty() || key != m_printingKey) {
        return; // another screen's receipt
    }
    m_printingKey.clear();
    showError(ServiceError{ServiceError::Code::Unavailable,
                           tr("The refund is done, but its receipt did not print: %1").arg(message),
                           {}});
}

void RefundsPage::scheduleFilter()
{
    m_filterTimer->start();
}

std::optional<BillFilter> RefundsPage::currentFilter()
{
    BillFilter filter;
    // Days are the till's local days; the database compares instants.
    if (m_ui->fromCheck->isChecked()) {
        filter.from = m_ui->fromEdit->date().startOfDay();
    }
    if (m_ui->toCheck->isChecked()) {
        filter.to = m_ui->toEdit->date().addDays(1).startOfDay();
    }
    filter.lane = m_ui->laneEdit->text().trimmed();
    filter.cashierId = m_ui->cashierCombo->currentData().toLongLong();
    filter.productId = m_productId;
    const std::pair<QLineEdit *, std::optional<Money> *> amounts[]
            = {{m_ui->minTotalEdit, &filter.minTotal}, {m_ui->maxTotalEdit, &filter.maxTotal}};
    for (const auto &[edit, bound] : amounts) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty()) {
            continue;
        }
        const auto amount = Money::fromString(text, QLocale());
        if (!amount) {
            showError(ServiceError{
                    ServiceError::Code::InvalidInput,
                    tr("“%1” is not an amount. Type it like %2.")
                            .arg(text, Money::fromMinor(1250).toPlainString(QLocale())),
                    {}});
            return std::nullopt;
        }
        *bound = *amount;
    }
    return filter;
}

void RefundsPage::applyFilter()
{
    m_filterTimer->stop();
    const auto filter = currentFilter();
    if (!filter) {
        return;
    }
    m_history->setFilter(*filter);
    if (!m_history->lastError()) {
        m_ui->errorBanner->clear();
        m_ui->billsView->scrollToTop();
    }
}

void RefundsPage::setDateRange(const std::optional<QDate> &from, const std::optional<QDate> &to)
{
    {
        // One read for the whole change, not one per widget touched.
        const QSignalBlocker blockFromCheck(m_ui->fromCheck);
        const QSignalBlocker blockToCheck(m_ui->toCheck);
        const QSignalBlocker blockFrom(m_ui->fromEdit);
        const QSignalBlocker blockTo(m_ui->toEdit);
        m_ui->fromCheck->setChecked(from.has_value());
        m_ui->toCheck->setChecked(to.has_value());
        m_ui->fromEdit->setEnabled(from.has_value());
        m_ui->toEdit->setEnabled(to.has_value());
        if (from) {
            m_ui->fromEdit->setDate(*from);
        }
        if (to) {
            m_ui->toEdit->setDate(*to);
        }
    }
    applyFilter();
}

void RefundsPage::resetFilters()
{
    {
        const QSignalBlocker blockLane(m_ui->laneEdit);
        const QSignalBlocker blockCashier(m_ui->cashierCombo);
        const QSignalBlocker blockMin(m_ui->minTotalEdit);
        const QSignalBlocker blockMax(m_ui->maxTotalEdit);
        const QSignalBlocker blockProduct(m_productPicker->lineEdit());
        m_ui->laneEdit->clear();
        m_ui->cashierCombo->setCurrentIndex(0);
        m_ui->minTotalEdit->clear();
        m_ui->maxTotalEdit->clear();
        m_productPicker->lineEdit()->clear();
        m_productId = 0;
        m_productName.clear();
    }
    setDateRange(std::nullopt, std::nullopt);
}

void RefundsPage::handleProductChosen(const Product &product)
{
    m_productId = product.id;
    m_productName = product.name;
    // The picker empties itself for the next scan; here the field names the filter.
    m_productPicker->lineEdit()->setText(product.name);
    applyFilter();
}

void RefundsPage::handleProductTextChanged(const QString &text)
{
    if (m_productId != 0 && text != m_productName) {
        // Editing the name drops the product; Enter picks the next one.
        m_productId = 0;
        m_productName.clear();
        scheduleFilter();
    }
}

void RefundsPage::updateCount()
{
    const int shown = m_history->rowCount();
    if (!m_history->isLoaded()) {
        m_ui->countLabel->clear();
    } else if (shown == 0) {
        m_ui->countLabel->setText(tr("No bill matches these filters."));
    } else if (m_history->hasMore()) {
        m_ui->countLabel->setText(tr("%Ln bill(s) shown; scroll down for more.", "", shown));
    } else {
        m_ui->countLabel->setText(tr("%Ln bill(s).", "", shown));
    }
}
