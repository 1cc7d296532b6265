#include "ui/shiftreportdialog.h"
#include "ui_shiftreportdialog.h"

#include "models/domain/percent.h"

#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace {

QString methodName(const QString &method)
{
    if (method == u"cash"_s) {
        return ShiftReportDialog::tr("Cash", "payment method");
    }
    if (method == u"card"_s) {
        return ShiftReportDialog::tr("Card", "payment method");
    }
    return method;
}

//! Rows of a two-column table: label left, figure right.
class Table
{
public:
    explicit Table(QString heading) : m_html(u"<h3>%1</h3><table width='100%'>"_s.arg(heading.toHtmlEscaped())) {}
    Table &row(const QString &label, const QString &value, bool strong = false)
    {
        const QString cell = strong ? u"<b>%1</b>"_s : u"%1"_s;
        m_html += u"<tr><td>%1</td><td align='right'>%2</td></tr>"_s.arg(
            cell.arg(label.toHtmlEscaped()), cell.arg(value.toHtmlEscaped()));
        return *this;
    }
    QString html() const { return m_html + u"</table>"_s; }

private:
    QString m_html;
};

} // namespace

ShiftReportDialog::ShiftReportDialog(const ShiftReport &report, const QString &currencySymbol,
                                     QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ShiftReportDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(title(report));
    m_ui->titleLabel->setText(title(report));
    QFont titleFont = m_ui->titleLabel->font();
    if (titleFont.pointSizeF() > 0) {
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    }
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->reportView->setHtml(html(report, currencySymbol));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setDefault(true);
}

ShiftReportDialog::~ShiftReportDialog() = default;

QString ShiftReportDialog::title(const ShiftReport &report)
{
    if (report.shift.zNumber > 0) {
        return tr("Z report %1, lane %2").arg(report.shift.zNumber).arg(report.shift.lane);
    }
    return tr("X report, lane %1").arg(report.shift.lane);
}

QString ShiftReportDialog::html(const ShiftReport &r, const QString &symbol)
{
    const QLocale locale;
    auto money = [&](Money amount) { return amount.toString(locale, symbol); };
    auto when = [&](const QDateTime &at) {
        return at.isValid() ? locale.toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
    };

    Table shift(tr("Shift"));
    shift.row(tr("Cashier"), r.shift.cashierName)
        .row(tr("Opened"), when(r.shift.openedAt));
    if (r.shift.closedAt.isValid()) {
        shift.row(tr("Closed"), when(r.shift.closedAt));
    }
    shift.row(tr("Report made"), when(r.generatedAt));

    Table sales(tr("Sales"));
    sales.row(tr("Bills"), locale.toString(r.bills))
        .row(tr("Sales"), money(r.sales), true)
        .row(tr("Discounts given"), money(r.discounts))
        .row(tr("Tax"), money(r.tax))
        .row(tr("Cash rounding"), money(r.rounding));
    for (const ShiftReport::MethodTotal &method : r.salesByMethod) {
        sales.row(tr("%1 (%n payment(s))", "method (count)", int(method.count)).arg(methodName(method.method)),
                  money(method.amount));
    }

    Table refunds(tr("Refunds"));
    refunds.row(tr("Refunds"), locale.toString(r.refunds)).row(tr("Refunded"), money(r.refunded));
    for (const ShiftReport::MethodTotal &method : r.refundsByMethod) {
        refunds.row(methodName(method.method), money(method.amount));
    }

    Table taxes(tr("Tax by rate"));
    for (const ShiftReport::TaxTotal &tax : r.taxes) {
        taxes.row(tr("%1 on %2", "tax rate on gross amount")
                      .arg(Percent::toString(tax.rateBp, locale), money(tax.gross)),
                  money(tax.tax));
    }

    Table drawer(tr("Drawer"));
    drawer.row(tr("Opening float"), money(r.shift.openingFloat))
        .row(tr("Cash in (%n time(s))", nullptr, int(r.cashIns)), money(r.cashIn))
        .row(tr("Cash out (%n time(s))", nullptr, int(r.cashOuts)), money(r.cashOut))
        .row(tr("Opened without a sale"), tr("%n time(s)", nullptr, int(r.drawerOpens)))
        .row(tr("Expected cash"), money(r.expectedCash), true);
    if (r.countedCash) {
        drawer.row(tr("Counted cash"), money(*r.countedCash), true)
            .row(tr("Difference"), money(r.difference()), true);
    }

    return shift.html() + sales.html() + refunds.html() + (r.taxes.isEmpty() ? QString() : taxes.html())
        + drawer.html();
}
