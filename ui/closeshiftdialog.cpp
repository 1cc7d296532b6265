#include "ui/closeshiftdialog.h"
#include "ui_closeshiftdialog.h"

#include "models/items/cashcountmodel.h"

#include <QAbstractItemDelegate>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTimer>

using namespace Qt::StringLiterals;

CloseShiftDialog::CloseShiftDialog(Money expectedCash, const QList<Denomination> &denominations,
                                   const QString &currencySymbol, QWidget *parent, CountMode mode)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CloseShiftDialog>())
    , m_model(new CashCountModel(this))
    , m_expected(expectedCash)
    , m_currencySymbol(currencySymbol)
    , m_mode(mode)
{
    m_ui->setupUi(this);
    m_model->setCurrencySymbol(currencySymbol);
    m_model->setDenominations(denominations);
    m_ui->countView->setModel(m_model);
    m_ui->countView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ui->countView->setCurrentIndex(m_model->index(0, CashCountModel::CountColumn));
    m_ui->expectedValue->setText(isHidingExpected() ? tr("shown after the count")
                                                    : money(expectedCash));
    m_ui->totalEdit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);

    m_closeButton = m_ui->buttonBox->addButton(isHidingExpected() ? tr("&Done counting")
                                                                  : tr("&Close shift"),
                                               QDialogButtonBox::AcceptRole);
    m_closeButton->setObjectName(u"closeShiftButton"_s);
    // Enter moves through the counts; closing a shift is a deliberate Alt+C or click.
    for (QPushButton *button : m_ui->buttonBox->findChildren<QPushButton *>()) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &CloseShiftDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_model, &CashCountModel::totalChanged, this, &CloseShiftDialog::updateSummary);
    connect(m_ui->totalEdit, &QLineEdit::textEdited, this, &CloseShiftDialog::updateSummary);
    connect(m_ui->countRadio, &QRadioButton::toggled, this, [this](bool byCount) {
        m_ui->countView->setEnabled(byCount);
        m_ui->totalEdit->setEnabled(!byCount);
        (byCount ? static_cast<QWidget *>(m_ui->countView) : m_ui->totalEdit)
                ->setFocus(Qt::OtherFocusReason);
        updateSummary();
    });
    connect(m_ui->countView->itemDelegate(), &QAbstractItemDelegate::closeEditor, this,
            [this](QWidget *, QAbstractItemDelegate::EndEditHint hint) {
                if (hint == QAbstractItemDelegate::NoHint
                    || hint == QAbstractItemDelegate::SubmitModelCache) {
                    // After the view has put its editor away.
                    QTimer::singleShot(0, this, &CloseShiftDialog::moveToNextCount);
                }
            });
    updateSummary();
    m_ui->countView->setFocus(Qt::OtherFocusReason);
}

CloseShiftDialog::~CloseShiftDialog() = default;

QString CloseShiftDialog::money(Money amount) const
{
    return amount.toString(QLocale(), m_currencySymbol);
}

std::optional<Money> CloseShiftDialog::counted() const
{
    if (m_ui->countRadio->isChecked()) {
        return m_model->total();
    }
    const auto typed = Money::fromString(m_ui->totalEdit->text().trimmed(), QLocale());
    if (!typed || typed->isNegative()) {
        return std::nullopt;
    }
    return typed;
}

void CloseShiftDialog::updateSummary()
{
    const auto cash = counted();
    m_ui->countedValue->setText(cash ? money(*cash) : tr("—", "no amount"));
    if (!cash || isHidingExpected()) {
        m_ui->differenceValue->setText(tr("—", "no amount"));
        m_closeButton->setEnabled(cash.has_value());
        return;
    }
    const Money difference = *cash - m_expected;
    QString text = money(difference);
    if (difference.isNegative()) {
        text = tr("%1 short", "the drawer holds less than expected").arg(money(-difference));
    } else if (!difference.isZero()) {
        text = tr("%1 over", "the drawer holds more than expected").arg(money(difference));
    }
    m_ui->differenceValue->setText(text);
    m_ui->differenceValue->setProperty("balance", difference.isZero()       ? u"even"_s
                                                  : difference.isNegative() ? u"short"_s
                                                                            : u"over"_s);
    m_ui->differenceValue->style()->unpolish(m_ui->differenceValue);
    m_ui->differenceValue->style()->polish(m_ui->differenceValue);
    m_closeButton->setEnabled(true);
}

void CloseShiftDialog::moveToNextCount()
{
    const QModelIndex current = m_ui->countView->currentIndex();
    const int next = current.row() + 1;
    if (next < m_model->rowCount()) {
        m_ui->countView->setCurrentIndex(m_model->index(next, CashCountModel::CountColumn));
    }
}

void CloseShiftDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        QWidget *focus = focusWidget();
        if (focus == m_closeButton) {
            m_closeButton->click();
        } else if (focus == m_ui->totalEdit) {
            m_closeButton->setFocus(Qt::TabFocusReason);
        } else if (focus == m_ui->countView) {
            moveToNextCount();
        }
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void CloseShiftDialog::reveal()
{
    m_revealed = true;
    // The count is what was counted before the expected figure was seen: it stays.
    for (QWidget *input :
         {static_cast<QWidget *>(m_ui->countView), static_cast<QWidget *>(m_ui->totalEdit),
          static_cast<QWidget *>(m_ui->countRadio), static_cast<QWidget *>(m_ui->totalRadio)}) {
        input->setEnabled(false);
    }
    m_ui->expectedValue->setText(money(m_expected));
    m_closeButton->setText(tr("&Close shift"));
    updateSummary();
    m_closeButton->setFocus(Qt::OtherFocusReason);
}

void CloseShiftDialog::accept()
{
    const auto cash = counted();
    if (!cash) {
        m_ui->errorBanner->showMessage(tr("\"%1\" is not an amount.").arg(m_ui->totalEdit->text()));
        m_ui->totalEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (isHidingExpected()) {
        reveal();
        return;
    }
    const Money difference = *cash - m_expected;
    if (!difference.isZero()) {
        const QString question
                = difference.isNegative()
                          ? tr("The drawer is %1 short of the %2 expected. Close the shift anyway?")
                                    .arg(money(-difference), money(m_expected))
                          : tr("The drawer holds %1 more than the %2 expected. Close the shift "
                               "anyway?")
                                    .arg(money(difference), money(m_expected));
        if (QMessageBox::question(this, tr("Close the shift"), question,
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            != QMessageBox::Yes) {
            return;
        }
    }
    QDialog::accept();
}
