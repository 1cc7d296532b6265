#include "models/services/receiptrenderer.h"

#include "models/domain/percent.h"
#include "models/domain/settlement.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

bool isCash(const QString &method)
{
    return Tender::fromString(method) == Tender::Method::Cash;
}

// ESC/POS commands (Epson TM series and compatibles).
const QByteArray kInit("\x1b\x40", 2);                   // ESC @
const QByteArray kCodePage858("\x1b\x74\x13", 3);        // ESC t 19
const QByteArray kAlignLeft("\x1b\x61\x00", 3);          // ESC a 0
const QByteArray kAlignCenter("\x1b\x61\x01", 3);        // ESC a 1
const QByteArray kBoldOn("\x1b\x45\x01", 3);             // ESC E 1
const QByteArray kBoldOff("\x1b\x45\x00", 3);            // ESC E 0
const QByteArray kDoubleOn("\x1d\x21\x11", 3);           // GS ! 0x11: double width and height
const QByteArray kDoubleOff("\x1d\x21\x00", 3);          // GS ! 0
const QByteArray kCut("\x1d\x56\x42\x03", 4);            // GS V 66 3: feed and partial cut
const QByteArray kDrawerKick("\x1b\x70\x00\x19\xfa", 5); // ESC p 0 25 250: pulse pin 2

QString fit(const QString &left, const QString &right, int columns)
{
    const int space = columns - static_cast<int>(left.size()) - static_cast<int>(right.size());
    if (space >= 1) {
        return left + QString(space, u' ') + right;
    }
    const int keep = std::max(0, columns - static_cast<int>(right.size()) - 1);
    return left.left(keep) + u' ' + right;
}

QString centered(const QString &text, int columns)
{
    const int pad = std::max(0, (columns - static_cast<int>(text.size())) / 2);
    return QString(pad, u' ') + text.left(columns);
}

QString percent(int basisPoints)
{
    // Basis points as the locale writes a percentage: 1900 -> "19 %", 750 -> "7,5 %" in German.
    const QLocale locale;
    QString text = locale.toString(basisPoints / 100);
    if (basisPoints % 100 != 0) {
        QString fraction = u"%1"_s.arg(basisPoints % 100, 2, 10, QChar(u'0'));
        while (fraction.endsWith(u'0')) {
            fraction.chop(1);
        }
        text += locale.decimalPoint() + fraction;
    }
    return text + u" %"_s;
}

} // namespace

QString ReceiptRenderer::money(const ReceiptData &receipt, const Money &amount)
{
    // Money goes back on a refund: its lines, taxes, totals and payouts read negative.
    return (receipt.isRefund ? -amount : amount).toPlainString(QLocale());
}

QString ReceiptRenderer::unitPrice(const Money &amount)
{
    // A price per unit is a price, whichever way the money goes.
    return amount.toPlainString(QLocale());
}

QString ReceiptRenderer::heading(const ReceiptData &r)
{
    return r.isRefund ? tr("REFUND of bill %1").arg(r.originalCode()) : QString();
}

QString ReceiptRenderer::codeLine(const ReceiptData &r)
{
    return r.isRefund ? tr("Refund %1").arg(r.code()) : tr("Bill %1").arg(r.code());
}

QString ReceiptRenderer::methodName(const QString &method)
{
    const std::optional<Tender::Method> known = Tender::fromString(method);
    if (!known) {
        return method;
    }
    switch (*known) {
    case Tender::Method::Cash:
        return tr("Cash");
    case Tender::Method::Card:
        return tr("Card");
    }
    return method;
}

QStringList ReceiptRenderer::textLines(const ReceiptData &r, int columns)
{
    QStringList out;
    const QString rule(columns, u'-');
    out << centered(r.storeName, columns);
    for (const QString &part : r.storeAddress.split(u", "_s, Qt::SkipEmptyParts)) {
        out << centered(part, columns);
    }
    if (!r.taxId.isEmpty()) {
        out << centered(tr("Tax ID %1").arg(r.taxId), columns);
    }
    out << rule;
    if (r.isRefund) {
        out << centered(heading(r), columns);
    }
    if (r.reprint) {
        out << centered(tr("COPY"), columns);
    }
    out << codeLine(r).left(columns);
    out << QLocale().toString(r.at.toLocalTime(), QLocale::ShortFormat).left(columns);
    out << tr("Served by %1").arg(r.cashier).left(columns);
    out << rule;
    for (const ReceiptData::Line &line : r.lines) {
        out << line.name.left(columns);
        const QString detail
                = tr("  %1 × %2 %3").arg(line.quantity).arg(line.unit, unitPrice(line.unitPrice));
        out << fit(detail, money(r, line.total + line.discount), columns);
        if (!line.discount.isZero()) {
            out << fit(tr("  Discount"), money(r, -line.discount), columns);
        }
    }
    out << rule;
    if (!r.discount.isZero()) {
        out << fit(tr("Subtotal"), money(r, r.subtotal), columns);
        out << fit(tr("Discounts"), money(r, -r.discount), columns);
    }
    if (!r.rounding.isZero()) {
        out << fit(tr("Cash rounding"), money(r, r.rounding), columns);
    }
    out << fit(tr("TOTAL %1").arg(r.currencySymbol), money(r, r.total), columns);
    for (const ReceiptData::Payment &p : r.payments) {
        const bool cashGiven = isCash(p.method) && !p.tendered.isZero();
        const QString label
                = cashGiven ? tr("%1 given").arg(methodName(p.method)) : methodName(p.method);
        out << fit(label, money(r, cashGiven ? p.tendered : p.amount), columns);
        if (!p.reference.isEmpty()) {
            out << tr("  Ref. %1").arg(p.reference).left(columns);
        }
    }
    if (!r.change.isZero()) {
        out << fit(tr("Change"), money(r, r.change), columns);
    }
    out << rule;
    out << fit(tr("Tax"), tr("Net / Tax / Gross"), columns);
    for (const ReceiptData::Tax &t : r.taxes) {
        out << fit(percent(t.rateBp),
                   u"%1 / %2 / %3"_s.arg(money(r, t.net), money(r, t.tax), money(r, t.gross)),
                   columns);
    }
    out << rule;
    out << centered(r.isRefund ? tr("Refund given") : tr("Thank you for your visit!"), columns);
    return out;
}

QByteArray ReceiptRenderer::toCodePage858(const QString &text)
{
    // The upper half of code page 858 for the letters a European receipt meets.
    static const QHash<char16_t, char> upper{
            {u'Ç', '\x80'},   {u'ü', '\x81'},   {u'é', '\x82'},      {u'â', '\x83'},
            {u'ä', '\x84'},   {u'à', '\x85'},   {u'å', '\x86'},      {u'ç', '\x87'},
            {u'ê', '\x88'},   {u'ë', '\x89'},   {u'è', '\x8a'},      {u'ï', '\x8b'},
            {u'î', '\x8c'},   {u'ì', '\x8d'},   {u'Ä', '\x8e'},      {u'Å', '\x8f'},
            {u'É', '\x90'},   {u'æ', '\x91'},   {u'Æ', '\x92'},      {u'ô', '\x93'},
            {u'ö', '\x94'},   {u'ò', '\x95'},   {u'û', '\x96'},      {u'ù', '\x97'},
            {u'ÿ', '\x98'},   {u'Ö', '\x99'},   {u'Ü', '\x9a'},      {u'ø', '\x9b'},
            {u'£', '\x9c'},   {u'Ø', '\x9d'},   {u'×', '\x9e'},      {u'á', '\xa0'},
            {u'í', '\xa1'},   {u'ó', '\xa2'},   {u'ú', '\xa3'},      {u'ñ', '\xa4'},
            {u'Ñ', '\xa5'},   {u'¿', '\xa8'},   {u'¡', '\xad'},      {u'«', '\xae'},
            {u'»', '\xaf'},   {u'Á', '\xb5'},   {u'Â', '\xb6'},      {u'À', '\xb7'},
            {u'©', '\xb8'},   {u'ã', '\xc6'},   {u'Ã', '\xc7'},      {u'€', '\xd5'},
            {u'Ê', '\xd2'},   {u'Ë', '\xd3'},   {u'È', '\xd4'},      {u'Í', '\xd6'},
            {u'Î', '\xd7'},   {u'Ï', '\xd8'},   {u'Ì', '\xde'},      {u'Ó', '\xe0'},
            {u'ß', '\xe1'},   {u'Ô', '\xe2'},   {u'Ò', '\xe3'},      {u'õ', '\xe4'},
            {u'Õ', '\xe5'},   {u'µ', '\xe6'},   {u'Ú', '\xe9'},      {u'Û', '\xea'},
            {u'Ù', '\xeb'},   {u'ý', '\xec'},   {u'Ý', '\xed'},      {u'°', '\xf8'},
            {u'·', '\xfa'},   {u'²', '\xfd'},   {u'\u00a0', '\xff'}, {u'\u2212', '-'},
            {u'\u2014', '-'}, {u'\u2013', '-'}, {u'\u202f', ' '},
    };
    QByteArray out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u < 0x7f) {
            out += static_cast<char>(u);
        } else if (u == u'\n') {
            out += '\n';
        } else {
            out += upper.value(u, '?');
        }
    }
    return out;
}

QByteArray ReceiptRenderer::escPosDrawerKick()
{
    return kInit + kDrawerKick;
}

QByteArray ReceiptRenderer::escPos(const ReceiptData &r, const EscPosOptions &options)
{
    const int columns = columnsFor(options.paperMillimetres);
    const QStringList lines = textLines(r, columns);
    QByteArray out = kInit + kCodePage858;
    out += kAlignCenter + kBoldOn + kDoubleOn;
    out += toCodePage858(r.storeName.left(columns / 2)) + '\n';
    out += kDoubleOff + kBoldOff + kAlignLeft;
    // The store name was printed large; the text layout's first line is the same name.
    const QString totalPrefix = tr("TOTAL %1").arg(r.currencySymbol);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(totalPrefix)) {
            out += kBoldOn + toCodePage858(line) + '\n' + kBoldOff;
        } else {
            out += toCodePage858(line) + '\n';
        }
    }
    // The bill's code as Code 128 (code set B), the number printed under it.
    const QByteArray code = r.code().toLatin1();
    out += kAlignCenter;
    out += QByteArray("\x1d\x68\x50", 3); // GS h 80: bar height
    out += QByteArray("\x1d\x77\x02", 3); // GS w 2: module width
    out += QByteArray("\x1d\x48\x02", 3); // GS H 2: human-readable text below
    out += QByteArray("\x1d\x6b\x49", 3); // GS k 73: CODE128
    out += static_cast<char>(code.size() + 2);
    out += QByteArray("{B", 2) + code;
    out += '\n';
    out += kAlignLeft;
    out += QByteArray("\n\n\n", 3);
    if (options.cut) {
        out += kCut;
    }
    if (options.kickDrawer) {
        out += kDrawerKick;
    }
    return out;
}

QString ReceiptRenderer::html(const ReceiptData &r)
{
    auto esc = [](const QString &text) {
        return text.toHtmlEscaped();
    };
    // Sizes in points, as a thermal printer's Font A prints them: 9 pt body, 8 pt details.
    const QString small = u"<span style=\"font-size: 8pt;\">%1</span>"_s;
    QString html = u"<html><body style=\"font-family: sans-serif; font-size: 9pt;\">"_s;
    html += u"<p align=\"center\" style=\"font-size: 12pt;\"><b>%1</b></p>"_s.arg(esc(r.storeName));
    html += u"<p align=\"center\">%1"_s.arg(esc(r.storeAddress));
    if (!r.taxId.isEmpty()) {
        html += u"<br>"_s + esc(tr("Tax ID %1").arg(r.taxId));
    }
    html += u"</p>"_s;
    if (r.isRefund) {
        html += u"<p align=\"center\"><b>%1</b></p>"_s.arg(esc(heading(r)));
    }
    if (r.reprint) {
        html += u"<p align=\"center\"><b>%1</b></p>"_s.arg(esc(tr("COPY")));
    }
    html += u"<p>%1<br>%2<br>%3</p>"_s.arg(
            esc(codeLine(r)), esc(QLocale().toString(r.at.toLocalTime(), QLocale::ShortFormat)),
            esc(tr("Served by %1").arg(r.cashier)));
    html += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">"_s;
    for (const ReceiptData::Line &line : r.lines) {
        html += u"<tr><td>%1<br>%2</td><td align=\"right\" valign=\"bottom\">%3</td></tr>"_s.arg(
                esc(line.name),
                small.arg(esc(tr("%1 × %2 %3")
                                      .arg(line.quantity)
                                      .arg(line.unit, unitPrice(line.unitPrice)))),
                esc(money(r, line.total + line.discount)));
        if (!line.discount.isZero()) {
            html += u"<tr><td>%1</td><td align=\"right\">%2</td></tr>"_s.arg(
                    small.arg(esc(tr("Discount"))), small.arg(esc(money(r, -line.discount))));
        }
    }
    html += u"<tr><td colspan=\"2\"><hr></td></tr>"_s;
    const auto row = [&](const QString &label, const QString &amount) {
        html += u"<tr><td>%1</td><td align=\"right\">%2</td></tr>"_s.arg(esc(label), esc(amount));
    };
    if (!r.discount.isZero()) {
        row(tr("Subtotal"), money(r, r.subtotal));
        row(tr("Discounts"), money(r, -r.discount));
    }
    if (!r.rounding.isZero()) {
        row(tr("Cash rounding"), money(r, r.rounding));
    }
    html += u"<tr><td><b>%1</b></td><td align=\"right\"><b>%2</b></td></tr>"_s.arg(
            esc(tr("TOTAL %1").arg(r.currencySymbol)), esc(money(r, r.total)));
    for (const ReceiptData::Payment &p : r.payments) {
        row(methodName(p.method),
            money(r, isCash(p.method) && !p.tendered.isZero() ? p.tendered : p.amount));
    }
    if (!r.change.isZero()) {
        row(tr("Change"), money(r, r.change));
    }
    html += u"</table><p>"_s;
    for (const ReceiptData::Tax &t : r.taxes) {
        html += small.arg(esc(tr("Tax %1: net %2, tax %3, gross %4")
                                      .arg(percent(t.rateBp), money(r, t.net), money(r, t.tax),
                                           money(r, t.gross))))
                + u"<br>"_s;
    }
    html += u"</p><p align=\"center\">%1</p></body></html>"_s.arg(
            esc(r.isRefund ? tr("Refund given") : tr("Thank you for your visit!")));
    return html;
}

bool ReceiptRenderer::writePdf(const ReceiptData &receipt, const QString &path, QString *error,
                               int paperMillimetres)
{
    return writeRollPdf(html(receipt), tr("Receipt %1").arg(receipt.code()), path, error,
                        paperMillimetres);
}

bool ReceiptRenderer::writeRollPdf(const QString &html, const QString &title, const QString &path,
                                   QString *error, int paperMillimetres)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        if (error) {
            *error = tr("The folder %1 does not exist.").arg(info.absolutePath());
        }
        return false;
    }
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        if (error) {
            *error = tr("%1 cannot be written: %2").arg(path, probe.errorString());
        }
        return false;
    }
    probe.close();
    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setCreator(u"Till"_s);
    const qreal paper = paperMillimetres <= 58 ? 58 : 80;
    const qreal margin = paperMillimetres <= 58 ? 3 : 4;
    const qreal dotsPerMm = writer.resolution() / 25.4;
    // Laid out on the writer itself, so that a point is a point on paper: a document laid
    // out for the screen and scaled to the page comes out a tenth of its size.
    QTextDocument document;
    document.documentLayout()->setPaintDevice(&writer);
    document.setDocumentMargin(0);
    document.setHtml(html);
    document.setTextWidth((paper - 2 * margin) * dotsPerMm);
    // One page as long as the roll needs, as the thermal printer would cut it.
    const qreal length = std::max(paper, document.size().height() / dotsPerMm + 2 * margin);
    writer.setPageSize(QPageSize(QSizeF(paper, length), QPageSize::Millimeter, QString(),
                                 QPageSize::ExactMatch));
    writer.setPageOrientation(QPageLayout::Portrait);
    writer.setPageMargins(QMarginsF(margin, margin, margin, margin), QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error) {
            *error = tr("%1 cannot be written.").arg(path);
        }
        return false;
    }
    document.drawContents(&painter);
    painter.end();
    return true;
}

QString ReceiptRenderer::shiftReportTitle(const ShiftReport &report)
{
    if (report.shift.zNumber > 0) {
        return tr("Z report %1, lane %2").arg(report.shift.zNumber).arg(report.shift.lane);
    }
    return tr("X report, lane %1").arg(report.shift.lane);
}

QList<ReceiptRenderer::ReportSection> ReceiptRenderer::shiftReportSections(const ShiftReport &r,
                                                                           const QString &symbol)
{
    const QLocale locale;
    auto money = [&](Money amount) {
        return amount.toString(locale, symbol);
    };
    auto when = [&](const QDateTime &at) {
        return at.isValid() ? locale.toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
    };
    QList<ReportSection> sections;

    ReportSection shift{tr("Shift"), {}};
    shift.rows.append({tr("Opened by"), r.shift.cashierName});
    shift.rows.append({tr("Opened"), when(r.shift.openedAt)});
    if (r.shift.closedAt.isValid()) {
        shift.rows.append({tr("Closed"), when(r.shift.closedAt)});
    }
    shift.rows.append({tr("Report made"), when(r.generatedAt)});
    sections.append(shift);

    ReportSection sales{tr("Sales"), {}};
    sales.rows.append({tr("Bills"), locale.toString(r.bills)});
    sales.rows.append({tr("Sales"), money(r.sales), true});
    sales.rows.append({tr("Discounts given"), money(r.discounts)});
    sales.rows.append({tr("Tax"), money(r.tax)});
    sales.rows.append({tr("Cash rounding"), money(r.rounding)});
    for (const ShiftReport::MethodTotal &method : r.salesByMethod) {
        sales.rows.append({tr("%1 (%n payment(s))", "method (count)", int(method.count))
                                   .arg(methodName(method.method)),
                           money(method.amount)});
    }
    sections.append(sales);

    if (!r.salesByCashier.isEmpty()) {
        ReportSection cashiers{tr("Sales by cashier"), {}};
        for (const ShiftReport::CashierTotal &cashier : r.salesByCashier) {
            cashiers.rows.append(
                    {tr("%1 (%n bill(s))", "cashier (bills)", int(cashier.bills)).arg(cashier.name),
                     money(cashier.sales)});
        }
        sections.append(cashiers);
    }

    ReportSection refunds{tr("Refunds"), {}};
    refunds.rows.append({tr("Refunds"), locale.toString(r.refunds)});
    refunds.rows.append({tr("Refunded"), money(r.refunded)});
    for (const ShiftReport::MethodTotal &method : r.refundsByMethod) {
        refunds.rows.append({methodName(method.method), money(method.amount)});
    }
    sections.append(refunds);

    if (!r.taxes.isEmpty()) {
        ReportSection taxes{tr("Tax by rate"), {}};
        for (const ShiftReport::TaxTotal &tax : r.taxes) {
            taxes.rows.append(
                    {tr("%1 on %2", "tax rate on gross amount")
                             .arg(Percent::toString(tax.rateBp, locale), money(tax.gross)),
                     money(tax.tax)});
        }
        sections.append(taxes);
    }

    ReportSection drawer{tr("Drawer"), {}};
    drawer.rows.append({tr("Opening float"), money(r.shift.openingFloat)});
    drawer.rows.append({tr("Cash in (%n time(s))", nullptr, int(r.cashIns)), money(r.cashIn)});
    drawer.rows.append({tr("Cash out (%n time(s))", nullptr, int(r.cashOuts)), money(r.cashOut)});
    drawer.rows.append(
            {tr("Opened without a sale"), tr("%n time(s)", nullptr, int(r.drawerOpens))});
    drawer.rows.append({tr("Expected cash"), money(r.expectedCash), true});
    if (r.countedCash) {
        drawer.rows.append({tr("Counted cash"), money(*r.countedCash), true});
        drawer.rows.append({tr("Difference"), money(r.difference()), true});
    }
    sections.append(drawer);
    return sections;
}

QStringList ReceiptRenderer::shiftReportLines(const ShiftReport &report, const QString &symbol,
                                              int columns)
{
    QStringList out;
    const QString rule(columns, u'-');
    out << centered(shiftReportTitle(report), columns);
    for (const ReportSection &section : shiftReportSections(report, symbol)) {
        out << rule << section.heading.left(columns);
        for (const ReportRow &row : section.rows) {
            // A label too long for the line keeps its figure: the figure is what is counted.
            out << fit(row.label, row.value, columns);
        }
    }
    out << rule;
    return out;
}

QByteArray ReceiptRenderer::escPos(const ShiftReport &report, const QString &symbol,
                                   const EscPosOptions &options)
{
    const int columns = columnsFor(options.paperMillimetres);
    const QStringList lines = shiftReportLines(report, symbol, columns);
    QByteArray out = kInit + kCodePage858;
    out += kAlignCenter + kBoldOn;
    out += toCodePage858(shiftReportTitle(report).left(columns)) + '\n';
    out += kBoldOff + kAlignLeft;
    // The title was printed bold and centred; the text layout's first line is the same title.
    for (qsizetype i = 1; i < lines.size(); ++i) {
        out += toCodePage858(lines.at(i)) + '\n';
    }
    out += QByteArray("\n\n\n", 3);
    if (options.cut) {
        out += kCut;
    }
    return out;
}

QString ReceiptRenderer::html(const ShiftReport &report, const QString &symbol)
{
    auto esc = [](const QString &text) {
        return text.toHtmlEscaped();
    };
    QString html = u"<html><body style=\"font-family: sans-serif; font-size: 9pt;\">"_s;
    html += u"<p align=\"center\" style=\"font-size: 11pt;\"><b>%1</b></p>"_s.arg(
            esc(shiftReportTitle(report)));
    for (const ReportSection &section : shiftReportSections(report, symbol)) {
        html += u"<p><b>%1</b></p><table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\">"_s.arg(
                esc(section.heading));
        for (const ReportRow &row : section.rows) {
            const QString cell = row.strong ? u"<b>%1</b>"_s : u"%1"_s;
            html += u"<tr><td>%1</td><td align=\"right\">%2</td></tr>"_s.arg(
                    cell.arg(esc(row.label)), cell.arg(esc(row.value)));
        }
        html += u"</table>"_s;
    }
    return html + u"</body></html>"_s;
}

bool ReceiptRenderer::writePdf(const ShiftReport &report, const QString &symbol,
                               const QString &path, QString *error, int paperMillimetres)
{
    return writeRollPdf(html(report, symbol), shiftReportTitle(report), path, error,
                        paperMillimetres);
}
