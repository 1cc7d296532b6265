#include "ui/totalspanel.h"
#include "ui_totalspanel.h"

#include "models/domain/percent.h"

#include <QLocale>

using namespace Qt::StringLiterals;

TotalsPanel::TotalsPanel(QWidget *parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::TotalsPanel>())
{
    m_ui->setupUi(this);
    m_ui->changeLabel->hide();
    m_ui->breakdownLabel->hide();
}

TotalsPanel::~TotalsPanel() = default;

void TotalsPanel::showTotals(const Cart &cart, const CartTotals &totals,
                             const QString &currencySymbol)
{
    const QLocale locale;
    const auto money = [&](Money amount) {
        return amount.toString(locale, currencySymbol);
    };
    m_ui->totalLabel->setText(totals.isValid ? money(totals.total) : tr("—", "no amount"));
    if (!cart.isEmpty()) {
        hideChange();
    }
    const bool showingChange = isShowingChange();
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
}

void TotalsPanel::showChange(const Settlement &settlement, const QString &currencySymbol)
{
    const QLocale locale;
    Money tendered = Money::fromMinor(0);
    for (const SettledPayment &payment : settlement.payments) {
        tendered += payment.method == Tender::Method::Cash ? payment.tendered : payment.amount;
    }
    m_ui->totalCaptionLabel->setText(tr("Change", "change due to the customer"));
    m_ui->changeLabel->setText(settlement.change.toString(locale, currencySymbol));
    m_ui->itemCountLabel->setText(tr("Paid %1 of %2", "paid amount of bill total")
                                          .arg(tendered.toString(locale, currencySymbol),
                                               settlement.due.toString(locale, currencySymbol)));
    m_ui->totalLabel->hide();
    m_ui->breakdownLabel->hide();
    m_ui->taxLabel->hide();
    m_ui->changeLabel->show();
}

bool TotalsPanel::hideChange()
{
    if (!isShowingChange()) {
        return false;
    }
    m_ui->totalCaptionLabel->setText(tr("Total"));
    m_ui->changeLabel->hide();
    m_ui->totalLabel->show();
    return true;
}

bool TotalsPanel::isShowingChange() const
{
    return !m_ui->changeLabel->isHidden();
}
