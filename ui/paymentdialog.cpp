#include "ui/paymentdialog.h"
#include "ui_paymentdialog.h"

#include "models/domain/cart.h"
#include "models/services/serviceerror.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {
constexpr int kMethodColumn = 0;
constexpr int kAmountColumn = 1;
constexpr int kReferenceColumn = 2;

Money sumOf(const QList<Tender> &tenders, Tender::Method method)
{
    Money sum = Money::fromMinor(0);
    for (const Tender &tender : tenders) {
        if (tender.method == method) {
            sum += tender.amount;
        }
    }
    return sum;
}
} // namespace

PaymentDialog::PaymentDialog(Money total, qint64 cashRoundingStep, const QString &currencySymbol,
                             QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PaymentDialog>())
    , m_total(total)
    , m_roundingStep(std::max<qint64>(1, cashRoundingStep))
    , m_currencySymbol(currencySymbol)
{
    m_ui->setupUi(this);

    // Enter belongs to handleEnter(): no button may take it first.
    m_finishButton = new QPushButton(tr("&Finish"), this);
    m_finishButton->setObjectName(u"finishButton"_s);
    m_ui->buttonBox->addButton(m_finishButton, QDialogButtonBox::AcceptRole);
    m_finishButton->setToolTip(tr("Finish the sale (Enter once it is paid)"));
    for (QPushButton *button : m_ui->buttonBox->findChildren<QPushButton *>()) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PaymentDialog::finish);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_waitingLabel = new QLabel(this);
    m_waitingLabel->setObjectName(u"waitingLabel"_s);
    m_waitingLabel->setWordWrap(true);
    m_waitingLabel->setAlignment(Qt::AlignCenter);
    m_waitingLabel->hide();
    m_ui->dialogLayout->insertWidget(m_ui->dialogLayout->indexOf(m_ui->buttonBox), m_waitingLabel);

    const QLocale locale;
    m_ui->dueLabel->setText(money(total));
    const Money inCash = Pricing::cashDue(total, m_roundingStep).due;
    m_ui->cashDueLabel->setText(inCash != total ? tr("In cash: %1").arg(money(inCash)) : QString());
    m_ui->cashDueLabel->setVisible(inCash != total);
    m_ui->totalValue->setText(money(total));

    for (QLineEdit *edit : {m_ui->cashEdit, m_ui->cardAmountEdit}) {
        edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        edit->setPlaceholderText(Money::fromMinor(0).toPlainString(locale));
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_ui->errorBanner->clear();
            recompute();
        });
    }
    connect(m_ui->cardReferenceEdit, &QLineEdit::textEdited, this, &PaymentDialog::recompute);
    connect(m_ui->addCardButton, &QPushButton::clicked, this, &PaymentDialog::addCardTyped);
    connect(m_ui->removeTenderButton, &QPushButton::clicked, this,
            &PaymentDialog::removeSelectedTender);
    m_ui->tendersView->header()->setStretchLastSection(true);
    m_ui->tendersView->headerItem()->setTextAlignment(kAmountColumn,
                                                      Qt::AlignRight | Qt::AlignVCenter);

    createQuickButtons();
    m_ui->keysLabel->setText(
            tr("Enter takes the amount typed and finishes once the sale is paid · F2 exact cash · "
               "F3–F7 notes · F8 card · Del removes a payment · Esc goes back to the sale"));
    recompute();
    m_ui->cashEdit->setFocus(Qt::OtherFocusReason);
}

PaymentDialog::~PaymentDialog() = default;

QList<qint64> PaymentDialog::quickNotes()
{
    return {500, 1000, 2000, 5000, 10000};
}

QString PaymentDialog::money(Money amount) const
{
    return amount.toString(QLocale(), m_currencySymbol);
}

void PaymentDialog::createQuickButtons()
{
    const QLocale locale;
    const QList<QPushButton *> notes = {m_ui->note5Button, m_ui->note10Button, m_ui->note20Button,
                                        m_ui->note50Button, m_ui->note100Button};
    const QList<qint64> values = quickNotes();
    auto bind = [this](QPushButton *button, const QKeySequence &key) {
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, button, &QPushButton::click);
        button->setToolTip(key.toString(QKeySequence::NativeText));
    };
    m_ui->exactButton->setText(tr("Exact\nF2", "quick cash button: the exact amount, and its key"));
    connect(m_ui->exactButton, &QPushButton::clicked, this, &PaymentDialog::addExactCash);
    bind(m_ui->exactButton, QKeySequence(Qt::Key_F2));
    for (qsizetype i = 0; i < notes.size(); ++i) {
        const Money note = Money::fromMinor(values.at(i));
        const QKeySequence key(Qt::Key(Qt::Key_F3 + i));
        // Whole notes read without decimals: "20 €", not "20,00 €".
        const QString face
                = Money::fromMinor(values.at(i) / 100).toString(locale, m_currencySymbol, 0);
        notes.at(i)->setText(tr("%1\n%2", "quick cash button: note, key")
                                     .arg(face, key.toString(QKeySequence::NativeText)));
        connect(notes.at(i), &QPushButton::clicked, this, [this, note] {
            addTender({Tender::Method::Cash, note, {}});
        });
        bind(notes.at(i), key);
    }
    auto *card = new QShortcut(QKeySequence(Qt::Key_F8), this);
    connect(card, &QShortcut::activated, this, &PaymentDialog::startCard);
    m_ui->cardGroup->setTitle(tr("Card (F8)"));
}

std::optional<Money> PaymentDialog::typedAmount(const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return Money::fromMinor(0);
    }
    const auto amount = Money::fromString(trimmed, QLocale());
    if (!amount || amount->isNegative()) {
        return std::nullopt;
    }
    return amount;
}

QList<Tender> PaymentDialog::tenders() const
{
    QList<Tender> result = m_tenders;
    const auto cash = typedAmount(m_ui->cashEdit->text());
    if (cash && !cash->isZero()) {
        result.append({Tender::Method::Cash, *cash, {}});
    }
    const auto card = typedAmount(m_ui->cardAmountEdit->text());
    if (card && !card->isZero()) {
        result.append({Tender::Method::Card, *card, m_ui->cardReferenceEdit->text().trimmed()});
    }
    return result;
}

void PaymentDialog::recompute()
{
    const bool cashReads = typedAmount(m_ui->cashEdit->text()).has_value();
    const bool cardReads = typedAmount(m_ui->cardAmountEdit->text()).has_value();
    const QList<Tender> all = tenders();
    m_settlement = Settlement::settle(m_total, all, m_roundingStep);

    m_ui->roundingValue->setText(money(m_settlement.rounding));
    m_ui->roundingCaption->setVisible(!m_settlement.rounding.isZero());
    m_ui->roundingValue->setVisible(!m_settlement.rounding.isZero());
    m_ui->paidValue->setText(
            money(sumOf(all, Tender::Method::Cash) + sumOf(all, Tender::Method::Card)));
    const bool unpaid = m_settlement.problem == Settlement::Problem::Unpaid;
    m_ui->remainingValue->setText(money(unpaid ? m_settlement.remaining : Money::fromMinor(0)));
    m_ui->remainingCaption->setEnabled(unpaid);
    m_ui->remainingValue->setEnabled(unpaid);
    m_ui->changeValue->setText(money(m_settlement.change));
    m_ui->changeValue->setProperty("hasChange", !m_settlement.change.isZero());
    m_ui->changeValue->style()->unpolish(m_ui->changeValue);
    m_ui->changeValue->style()->polish(m_ui->changeValue);

    QString problem;
    if (!cashReads) {
        problem = tr("\"%1\" is not an amount.").arg(m_ui->cashEdit->text());
    } else if (!cardReads) {
        problem = tr("\"%1\" is not an amount.").arg(m_ui->cardAmountEdit->text());
    } else if (m_settlement.problem == Settlement::Problem::CardOverpaid) {
        problem = tr("A card cannot pay more than the total of %1. Take the rest in cash.")
                          .arg(money(m_total));
    } else if (m_settlement.problem == Settlement::Problem::InvalidAmount) {
        problem = tr("A payment amount is not valid.");
    }
    // Problems of what is typed come and go with the typing; other messages stay.
    if (!problem.isEmpty()) {
        m_ui->errorBanner->showMessage(problem);
        m_typingProblemShown = true;
    } else if (m_typingProblemShown) {
        m_ui->errorBanner->clear();
        m_typingProblemShown = false;
    }
    m_finishButton->setEnabled(cashReads && cardReads && m_settlement.isSettled());
    m_ui->removeTenderButton->setEnabled(!m_tenders.isEmpty());
}

void PaymentDialog::refreshTenderList()
{
    m_ui->tendersView->clear();
    for (const Tender &tender : std::as_const(m_tenders)) {
        auto *item = new QTreeWidgetItem(m_ui->tendersView);
        item->setText(kMethodColumn, tender.method == Tender::Method::Cash
                                             ? tr("Cash", "payment method")
                                             : tr("Card", "payment method"));
        item->setText(kAmountColumn, money(tender.amount));
        item->setTextAlignment(kAmountColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(kReferenceColumn, tender.reference);
    }
    if (!m_tenders.isEmpty()) {
        m_ui->tendersView->setCurrentItem(
                m_ui->tendersView->topLevelItem(m_ui->tendersView->topLevelItemCount() - 1));
    }
}

bool PaymentDialog::addTender(const Tender &tender)
{
    if (!tender.amount.isValid() || tender.amount.isNegative() || tender.amount.isZero()) {
        return false;
    }
    QList<Tender> trial = m_tenders;
    trial.append(tender);
    const Settlement settled = Settlement::settle(m_total, trial, m_roundingStep);
    if (settled.problem == Settlement::Problem::CardOverpaid) {
        m_ui->errorBanner->showMessage(
                tr("A card cannot pay more than the total of %1. Take the rest in cash.")
                        .arg(money(m_total)));
        return false;
    }
    if (settled.problem == Settlement::Problem::InvalidAmount) {
        m_ui->errorBanner->showMessage(tr("A payment amount is not valid."));
        return false;
    }
    m_ui->errorBanner->clear();
    m_tenders = trial;
    refreshTenderList();
    recompute();
    return true;
}

void PaymentDialog::addCashTyped()
{
    const auto cash = typedAmount(m_ui->cashEdit->text());
    if (!cash) {
        m_ui->errorBanner->showMessage(tr("\"%1\" is not an amount.").arg(m_ui->cashEdit->text()));
        m_ui->cashEdit->selectAll();
        return;
    }
    if (cash->isZero()) {
        return;
    }
    m_ui->cashEdit->clear();
    if (!addTender({Tender::Method::Cash, *cash, {}})) {
        m_ui->cashEdit->setText(cash->toPlainString(QLocale()));
    }
    recompute();
}

void PaymentDialog::addCardTyped()
{
    const auto card = typedAmount(m_ui->cardAmountEdit->text());
    if (!card) {
        m_ui->errorBanner->showMessage(
                tr("\"%1\" is not an amount.").arg(m_ui->cardAmountEdit->text()));
        m_ui->cardAmountEdit->setFocus(Qt::OtherFocusReason);
        m_ui->cardAmountEdit->selectAll();
        return;
    }
    if (card->isZero()) {
        m_ui->cardAmountEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!addTender({Tender::Method::Card, *card, m_ui->cardReferenceEdit->text().trimmed()})) {
        m_ui->cardAmountEdit->setFocus(Qt::OtherFocusReason);
        m_ui->cardAmountEdit->selectAll();
        return;
    }
    m_ui->cardAmountEdit->clear();
    m_ui->cardReferenceEdit->clear();
    recompute();
    m_ui->cashEdit->setFocus(Qt::OtherFocusReason);
}

void PaymentDialog::addExactCash()
{
    const QList<Tender> all = tenders();
    const Money cards = sumOf(all, Tender::Method::Card);
    if (cards > m_total) {
        return;
    }
    const Money cashDue = Pricing::cashDue(m_total - cards, m_roundingStep).due;
    const Money needed = cashDue - sumOf(all, Tender::Method::Cash);
    if (needed.isNegative() || needed.isZero()) {
        return;
    }
    addTender({Tender::Method::Cash, needed, {}});
    m_ui->cashEdit->setFocus(Qt::OtherFocusReason);
}

void PaymentDialog::startCard()
{
    // What is still open, before any cash rounding: a card pays to the cent.
    QList<Tender> others = m_tenders;
    if (const auto cash = typedAmount(m_ui->cashEdit->text()); cash && !cash->isZero()) {
        others.append({Tender::Method::Cash, *cash, {}});
    }
    const Money open
            = m_total - sumOf(others, Tender::Method::Card) - sumOf(others, Tender::Method::Cash);
    if (m_ui->cardAmountEdit->text().trimmed().isEmpty() && open > Money::fromMinor(0)) {
        m_ui->cardAmountEdit->setText(open.toPlainString(QLocale()));
    }
    m_ui->cardAmountEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->cardAmountEdit->selectAll();
    recompute();
}

void PaymentDialog::removeSelectedTender()
{
    const int row = m_ui->tendersView->indexOfTopLevelItem(m_ui->tendersView->currentItem());
    if (row < 0 || row >= m_tenders.size()) {
        return;
    }
    m_tenders.removeAt(row);
    refreshTenderList();
    recompute();
}

void PaymentDialog::handleEnter()
{
    QWidget *focus = focusWidget();
    if (focus == m_ui->cashEdit && !m_ui->cashEdit->text().trimmed().isEmpty()) {
        if (!typedAmount(m_ui->cashEdit->text())) {
            m_ui->cashEdit->selectAll();
            return;
        }
        if (!canFinish()) {
            addCashTyped();
            return;
        }
    } else if (focus == m_ui->cardAmountEdit) {
        if (!typedAmount(m_ui->cardAmountEdit->text())) {
            m_ui->cardAmountEdit->selectAll();
            return;
        }
        m_ui->cardReferenceEdit->setFocus(Qt::OtherFocusReason);
        return;
    } else if (focus == m_ui->cardReferenceEdit) {
        const auto card = typedAmount(m_ui->cardAmountEdit->text());
        if (!card || card->isZero()) {
            m_ui->cardAmountEdit->setFocus(Qt::OtherFocusReason);
            return;
        }
        if (!canFinish()) {
            addCardTyped();
            return;
        }
    }
    if (canFinish()) {
        finish();
        return;
    }
    if (m_settlement.problem == Settlement::Problem::Unpaid) {
        m_ui->errorBanner->showMessage(
                tr("%1 is still to pay. Type the cash tendered, or press F2 for the exact amount.")
                        .arg(money(m_settlement.remaining)));
    }
}

void PaymentDialog::finish()
{
    recompute();
    if (!m_finishButton->isEnabled()) {
        return;
    }
    Q_EMIT finishRequested(tenders());
}

void PaymentDialog::showError(const ServiceError &error)
{
    m_ui->errorBanner->showError(error);
    m_ui->cashEdit->setFocus(Qt::OtherFocusReason);
}

void PaymentDialog::setWaiting(const QString &text)
{
    const bool waiting = !text.isEmpty();
    m_waitingLabel->setText(text);
    m_waitingLabel->setVisible(waiting);
    if (waiting == m_waiting) {
        return;
    }
    m_waiting = waiting;
    for (QWidget *part :
         {static_cast<QWidget *>(m_ui->cashGroup), static_cast<QWidget *>(m_ui->cardGroup),
          static_cast<QWidget *>(m_ui->tendersView),
          static_cast<QWidget *>(m_ui->removeTenderButton),
          static_cast<QWidget *>(m_ui->buttonBox)}) {
        part->setEnabled(!waiting);
    }
    if (waiting) {
        m_ui->errorBanner->clear();
        m_waitingLabel->setFocus(Qt::OtherFocusReason);
    } else {
        recompute();
    }
}

void PaymentDialog::reject()
{
    // The sale is on its way to the database: what happened to it is told first.
    if (m_waiting) {
        return;
    }
    QDialog::reject();
}

void PaymentDialog::keyPressEvent(QKeyEvent *event)
{
    if (m_waiting) {
        event->accept();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
            handleEnter();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Delete:
        if (m_ui->tendersView->hasFocus()) {
            removeSelectedTender();
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QDialog::keyPressEvent(event);
}
