#include "ui/refunddialog.h"
#include "ui_refunddialog.h"

#include "models/domain/settlement.h"
#include "models/items/billhistorymodel.h"
#include "models/items/refundlinesmodel.h"
#include "models/services/services.h"
#include "ui/approvaldialog.h"
#include "ui/errorbanner.h"
#include "ui/refundquantitydelegate.h"
#include "ui/unitdelegate.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
const QString kCash = Tender::toString(Tender::Method::Cash);
const QString kCard = Tender::toString(Tender::Method::Card);

QFont scaledFont(QFont font, qreal factor, bool bold)
{
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * factor);
    }
    font.setBold(bold);
    return font;
}
} // namespace

RefundDialog::RefundDialog(Services &services, const RefundableBill &bill, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RefundDialog>())
    , m_services(services)
    , m_lines(new RefundLinesModel(this))
    , m_currencySymbol(services.catalogue.currencySymbol())
    , m_uuid(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_ui->setupUi(this);
    m_lines->setCurrencySymbol(m_currencySymbol);
    m_lines->setBill(bill);
    setUpLines();
    setUpForm();
    showBill();
    updatePlan();
}

RefundDialog::~RefundDialog() = default;

void RefundDialog::setUpLines()
{
    QTableView *view = m_ui->linesView;
    view->setModel(m_lines);
    view->setItemDelegateForColumn(RefundLinesModel::QuantityColumn,
                                   new RefundQuantityDelegate(RefundLinesModel::MaximumRole, view));
    view->setItemDelegateForColumn(RefundLinesModel::CountInColumn,
                                   new UnitDelegate(RefundLinesModel::CountChoicesRole,
                                                    RefundLinesModel::CountChoiceNamesRole, {},
                                                    view));
    // Tab leaves the table for the reason; arrows move between cells.
    view->setTabKeyNavigation(false);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RefundLinesModel::ProductColumn, QHeaderView::Stretch);
    // The product is what people read first; the figures beside it are short.
    header->setMinimumSectionSize(view->fontMetrics().horizontalAdvance(u"0000"_s));
    header->setHighlightSections(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    connect(m_lines, &RefundLinesModel::requestChanged, this, &RefundDialog::updatePlan);
    connect(m_ui->everythingButton, &QPushButton::clicked, m_lines,
            &RefundLinesModel::refundEverything);
    connect(m_ui->clearButton, &QPushButton::clicked, m_lines, &RefundLinesModel::clearQuantities);

    // Start where the typing starts: the first line that can still come back.
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        const QModelIndex quantity = m_lines->index(row, RefundLinesModel::QuantityColumn);
        if (m_lines->flags(quantity) & Qt::ItemIsEditable) {
            view->setCurrentIndex(quantity);
            break;
        }
    }
    view->setFocus(Qt::OtherFocusReason);
}

void RefundDialog::setUpForm()
{
    const QStringList reasons{
            tr("Changed their mind"),        tr("Damaged or faulty"), tr("Wrong item"),
            tr("Past its best-before date"), tr("Charged in error"),
    };
    m_ui->reasonCombo->addItems(reasons);
    m_ui->reasonCombo->setCurrentIndex(-1);
    m_ui->reasonCombo->lineEdit()->setMaxLength(200);
    m_ui->reasonCombo->lineEdit()->setPlaceholderText(tr("Required: choose or type why"));
    connect(m_ui->reasonCombo, &QComboBox::editTextChanged, this, &RefundDialog::updatePlan);
    connect(m_ui->cashCheck, &QCheckBox::toggled, this, &RefundDialog::updatePlan);

    QFont billFont = scaledFont(m_ui->billLabel->font(), 1.4, true);
    m_ui->billLabel->setFont(billFont);
    m_ui->previewTotalLabel->setFont(scaledFont(m_ui->previewTotalLabel->font(), 1.6, true));
    for (QLabel *caption :
         {m_ui->billCaption, m_ui->dateCaption, m_ui->cashierCaption, m_ui->totalCaption,
          m_ui->paidCaption, m_ui->refundedCaption, m_ui->hintLabel}) {
        caption->setForegroundRole(QPalette::PlaceholderText);
    }

    m_refundButton = m_ui->buttonBox->addButton(tr("&Refund"), QDialogButtonBox::AcceptRole);
    m_refundButton->setObjectName(u"refundButton"_s);
    const QKeySequence refundKey(Qt::CTRL | Qt::Key_Return);
    m_refundButton->setToolTip(tr("Give the money back and print the refund receipt (%1)")
                                       .arg(refundKey.toString(QKeySequence::NativeText)));
    // Enter belongs to the quantity being typed; only a deliberate key refunds.
    for (QPushButton *button : findChildren<QPushButton *>()) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    for (const QKeySequence &key : {refundKey, QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, this, &RefundDialog::refund);
    }
    // Accepting goes through refund(): the dialog closes only with a committed refund.
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &RefundDialog::refund);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString RefundDialog::moneyText(Money amount) const
{
    return amount.toString(QLocale(), m_currencySymbol);
}

void RefundDialog::showBill()
{
    const RefundableBill &bill = m_lines->bill();
    const QString code = BillHistoryModel::billCode(bill.lane, bill.number);
    setWindowTitle(tr("Refund of bill %1").arg(code));
    m_ui->billLabel->setText(code);
    m_ui->dateLabel->setText(QLocale().toString(bill.at.toLocalTime(), QLocale::ShortFormat));
    m_ui->cashierLabel->setText(bill.cashierName);
    m_ui->totalLabel->setText(moneyText(bill.total));
    m_ui->refundedLabel->setText(bill.refunded.isZero() ? tr("nothing yet")
                                                        : moneyText(bill.refunded));

    QStringList paid;
    Money card = Money::fromMinor(0);
    QString cardReference;
    for (const RefundableBill::Payment &p : bill.payments) {
        if (p.method == kCash) {
            paid << tr("%1 in cash").arg(moneyText(p.amount));
        } else if (p.method == kCard) {
            card += p.amount;
            cardReference = p.reference.isEmpty() ? cardReference : p.reference;
            paid << (p.reference.isEmpty() ? tr("%1 by card").arg(moneyText(p.amount))
                                           : tr("%1 by card (%2)", "amount by card (reference)")
                                                     .arg(moneyText(p.amount), p.reference));
        } else {
            paid << tr("%1 by %2", "amount by payment method").arg(moneyText(p.amount), p.method);
        }
    }
    m_ui->paidLabel->setText(QLocale().createSeparatedList(paid));

    // Paying a card sale back in cash is a choice only while a card still has money due.
    const bool cardDue = card > bill.refundedToCard;
    m_ui->cashCheck->setEnabled(cardDue);
    m_ui->cashCheck->setToolTip(
            cardDue ? tr("A manager may pay a card sale back in cash instead "
                         "of to the card.")
                    : tr("Everything goes back in cash: no card is owed anything."));
    m_ui->cardReferenceEdit->setPlaceholderText(
            cardReference.isEmpty()
                    ? tr("As on the card terminal's slip")
                    : tr("%1, as at the sale", "card reference").arg(cardReference));
}

RefundService::Request RefundDialog::request() const
{
    RefundService::Request r;
    r.billId = m_lines->bill().id;
    r.lines = m_lines->requestLines();
    r.reason = m_ui->reasonCombo->currentText().trimmed();
    r.allToCash = m_ui->cashCheck->isEnabled() && m_ui->cashCheck->isChecked();
    r.cardReference = m_ui->cardReferenceEdit->text().trimmed();
    return r;
}

QString RefundDialog::payoutText(const QList<RefundRecord::Payment> &payments,
                                 const QString &currencySymbol)
{
    QStringList parts;
    for (const RefundRecord::Payment &p : payments) {
        const QString amount = p.amount.toString(QLocale(), currencySymbol);
        if (p.method == kCash) {
            parts << tr("%1 in cash from the drawer").arg(amount);
        } else if (p.method == kCard) {
            parts << (p.reference.isEmpty() ? tr("%1 back to the card").arg(amount)
                                            : tr("%1 back to the card (%2)",
                                                 "amount back to the card (reference)")
                                                      .arg(amount, p.reference));
        } else {
            parts << tr("%1 by %2", "amount by payment method").arg(amount, p.method);
        }
    }
    return QLocale().createSeparatedList(parts);
}

void RefundDialog::updatePlan()
{
    RefundService::Request preview = request();
    const bool hasReason = !preview.reason.isEmpty();
    // plan() insists on a reason, as commit() does; the amounts are worth showing before
    // one is typed, so the preview stands one in and the Refund button waits for the real one.
    if (!hasReason) {
        preview.reason = u"-"_s;
    }
    const auto planned = m_services.refunds.plan(m_lines->bill(), preview);
    m_lines->setPlan(planned ? std::optional<RefundRecord>(*planned) : std::nullopt);
    if (!planned) {
        m_ui->previewTotalLabel->setText(tr("Nothing to refund yet"));
        m_ui->previewLabel->setText(planned.error().message);
        m_ui->cardReferenceLabel->setVisible(false);
        m_ui->cardReferenceEdit->setVisible(false);
        m_refundButton->setEnabled(false);
        return;
    }
    const bool toCard
            = std::any_of(planned->payments.cbegin(), planned->payments.cend(),
                          [](const RefundRecord::Payment &p) { return p.method == kCard; });
    m_ui->cardReferenceLabel->setVisible(toCard);
    m_ui->cardReferenceEdit->setVisible(toCard);
    m_ui->previewTotalLabel->setText(tr("Refund %1").arg(moneyText(planned->total)));
    const QString payout = payoutText(planned->payments, m_currencySymbol);
    m_ui->previewLabel->setText(
            hasReason ? payout
                      : tr("%1\n%2", "where the money goes, then what is missing")
                                .arg(payout, tr("Please give a reason for the refund.")));
    m_refundButton->setEnabled(hasReason);
}

ServiceResult<RefundService::Outcome> RefundDialog::commit(const RefundService::Request &request)
{
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto result = m_services.refunds.commit(request, m_uuid, m_approval.value_or(Approval()));
    QGuiApplication::restoreOverrideCursor();
    if (m_approval && m_approval->isUsed()) {
        m_approval.reset();
    }
    return result;
}

void RefundDialog::refund()
{
    if (!m_refundButton->isEnabled()) {
        return;
    }
    const RefundService::Request req = request();
    m_ui->errorBanner->clear();
    auto result = commit(req);
    if (!result && result.error().code == ServiceError::Code::PermissionDenied) {
        // The manager reads how much goes back on which bill.
        const RefundableBill &bill = m_lines->bill();
        const auto planned = m_services.refunds.plan(bill, req);
        m_approval = ApprovalDialog::obtain(
                this, m_services.authorizer, m_services.session,
                ApprovalRequest::refund(planned ? planned->total : Money::fromMinor(0),
                                        BillHistoryModel::billCode(bill.lane, bill.number),
                                        m_currencySymbol));
        if (!m_approval) {
            m_ui->errorBanner->showMessage(
                    tr("Nothing was refunded: a refund needs a manager's approval."));
            return;
        }
        // The same uuid: this is the same refund, now approved.
        result = commit(req);
    }
    if (!result) {
        handleFailure(result.error());
        return;
    }
    m_outcome = *result;
    const bool cashOut = std::any_of(
            m_outcome->record.payments.cbegin(), m_outcome->record.payments.cend(),
            [](const RefundRecord::Payment &p) { return p.method == kCash && !p.amount.isZero(); });
    m_services.printer.print(m_outcome->receipt, cashOut);
    accept();
}

void RefundDialog::handleFailure(const ServiceError &error)
{
    m_ui->errorBanner->showError(error);
    // Another till may have refunded some of it: show the bill as it is now, keep the typing.
    if (error.code == ServiceError::Code::Conflict
        || error.code == ServiceError::Code::InvalidInput) {
        reloadBill();
    }
}

void RefundDialog::reloadBill()
{
    const auto bill = m_services.refunds.load(m_lines->bill().id);
    if (!bill) {
        return; // the failure already shown says enough
    }
    m_lines->refreshBill(*bill);
    showBill();
}
