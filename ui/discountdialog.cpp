#include "ui/discountdialog.h"
#include "ui_discountdialog.h"

#include "models/domain/percent.h"

#include <QLocale>

using namespace Qt::StringLiterals;

DiscountDialog::DiscountDialog(const QString &prompt, Money gross, const QString &currencySymbol,
                               const Discount &current, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DiscountDialog>())
    , m_gross(gross)
    , m_currencySymbol(currencySymbol)
{
    m_ui->setupUi(this);
    m_ui->promptLabel->setText(prompt);
    QFont valueFont = m_ui->valueEdit->font();
    if (valueFont.pointSizeF() > 0) {
        valueFont.setPointSizeF(valueFont.pointSizeF() * 1.6);
    }
    m_ui->valueEdit->setFont(valueFont);
    m_ui->valueEdit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);

    const QLocale locale;
    if (!current.isNone()) {
        if (current.kind == Discount::Kind::Amount) {
            m_ui->amountRadio->setChecked(true);
            m_ui->valueEdit->setText(Money::fromMinor(current.value).toPlainString(locale));
        } else {
            m_ui->valueEdit->setText(Percent::toPlainString(current.value, locale));
        }
        m_ui->valueEdit->selectAll();
    }
    connect(m_ui->valueEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        // "10%" says what it is: no need to reach for the radio button.
        if (text.trimmed().endsWith(u'%')) {
            m_ui->percentRadio->setChecked(true);
        }
        m_ui->errorBanner->clear();
        updatePreview();
    });
    connect(m_ui->percentRadio, &QRadioButton::toggled, this, &DiscountDialog::updatePreview);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &DiscountDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->valueEdit->setFocus(Qt::OtherFocusReason);
    updatePreview();
}

DiscountDialog::~DiscountDialog() = default;

std::optional<Discount> DiscountDialog::discount() const
{
    const QString text = m_ui->valueEdit->text().trimmed();
    if (text.isEmpty()) {
        return Discount();
    }
    const QLocale locale;
    if (m_ui->percentRadio->isChecked()) {
        const auto bp = Percent::fromString(text, locale);
        if (!bp) {
            return std::nullopt;
        }
        return *bp == 0 ? Discount() : Discount::percent(*bp);
    }
    const auto off = Money::fromString(text, locale);
    if (!off) {
        return std::nullopt;
    }
    return off->isZero() ? Discount() : Discount::amount(*off);
}

QString DiscountDialog::problem() const
{
    const auto typed = discount();
    if (!typed) {
        return m_ui->percentRadio->isChecked()
                       ? tr("\"%1\" is not a percentage.").arg(m_ui->valueEdit->text())
                       : tr("\"%1\" is not an amount.").arg(m_ui->valueEdit->text());
    }
    if (typed->value < 0) {
        return tr("A discount cannot be negative.");
    }
    if (typed->kind == Discount::Kind::Percent && typed->value > 10000) {
        return tr("A discount cannot be more than 100 %.");
    }
    if (typed->kind == Discount::Kind::Amount && Money::fromMinor(typed->value) > m_gross) {
        return tr("A discount cannot be more than the price (%1).")
                .arg(m_gross.toString(QLocale(), m_currencySymbol));
    }
    return {};
}

void DiscountDialog::updatePreview()
{
    const auto typed = discount();
    if (!typed || !problem().isEmpty()) {
        m_ui->previewLabel->clear();
        return;
    }
    const QLocale locale;
    const Money off = typed->of(m_gross);
    m_ui->previewLabel->setText(tr("Takes off %1, leaves %2")
                                        .arg(off.toString(locale, m_currencySymbol),
                                             (m_gross - off).toString(locale, m_currencySymbol)));
}

void DiscountDialog::accept()
{
    if (const QString why = problem(); !why.isEmpty()) {
        m_ui->errorBanner->showMessage(why);
        m_ui->valueEdit->setFocus(Qt::OtherFocusReason);
        m_ui->valueEdit->selectAll();
        return;
    }
    QDialog::accept();
}

std::optional<Discount> DiscountDialog::ask(QWidget *parent, const QString &title,
                                            const QString &prompt, Money gross,
                                            const QString &currencySymbol, const Discount &current)
{
    DiscountDialog dialog(prompt, gross, currencySymbol, current, parent);
    dialog.setWindowTitle(title);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return dialog.discount();
}
