#include "ui/amountdialog.h"
#include "ui_amountdialog.h"

#include <QLocale>

using namespace Qt::StringLiterals;

AmountDialog::AmountDialog(const Options &options, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AmountDialog>())
    , m_options(options)
{
    m_ui->setupUi(this);
    setWindowTitle(options.title);
    m_ui->promptLabel->setText(options.prompt);
    m_ui->promptLabel->setVisible(!options.prompt.isEmpty());
    if (!options.currencySymbol.isEmpty()) {
        m_ui->amountLabel->setText(
                tr("&Amount (%1)", "amount (currency symbol)").arg(options.currencySymbol));
    }
    QFont amountFont = m_ui->amountEdit->font();
    if (amountFont.pointSizeF() > 0) {
        amountFont.setPointSizeF(amountFont.pointSizeF() * 1.6);
    }
    m_ui->amountEdit->setFont(amountFont);
    m_ui->amountEdit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    if (options.initial) {
        m_ui->amountEdit->setText(options.initial->toPlainString(QLocale()));
        m_ui->amountEdit->selectAll();
    }
    m_ui->reasonLabel->setVisible(options.askReason);
    m_ui->reasonEdit->setVisible(options.askReason);
    connect(m_ui->amountEdit, &QLineEdit::textEdited, m_ui->errorBanner, &ErrorBanner::clear);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AmountDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->amountEdit->setFocus(Qt::OtherFocusReason);
    adjustSize();
}

AmountDialog::~AmountDialog() = default;

std::optional<Money> AmountDialog::amount() const
{
    return Money::fromString(m_ui->amountEdit->text().trimmed(), QLocale());
}

QString AmountDialog::reason() const
{
    return m_ui->reasonEdit->text().trimmed();
}

void AmountDialog::accept()
{
    const auto typed = amount();
    if (!typed) {
        m_ui->errorBanner->showMessage(
                tr("\"%1\" is not an amount. Type it like %2.")
                        .arg(m_ui->amountEdit->text(),
                             Money::fromMinor(1250).toPlainString(QLocale())));
        m_ui->amountEdit->setFocus(Qt::OtherFocusReason);
        m_ui->amountEdit->selectAll();
        return;
    }
    if (typed->isNegative() || (!m_options.allowZero && typed->isZero())) {
        m_ui->errorBanner->showMessage(m_options.allowZero ? tr("The amount cannot be negative.")
                                                           : tr("The amount must be more than 0."));
        m_ui->amountEdit->setFocus(Qt::OtherFocusReason);
        m_ui->amountEdit->selectAll();
        return;
    }
    if (m_options.askReason && reason().isEmpty()) {
        // Enter after the amount is the way to the reason, not a mistake.
        if (!m_ui->amountEdit->hasFocus()) {
            m_ui->errorBanner->showMessage(tr("Please say why."));
        }
        m_ui->reasonEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    QDialog::accept();
}

std::optional<AmountDialog::Answer> AmountDialog::ask(QWidget *parent, const Options &options)
{
    AmountDialog dialog(options, parent);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return Answer{*dialog.amount(), dialog.reason()};
}
