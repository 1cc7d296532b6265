#include "models/services/receiptrenderer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

// ESC/POS commands (Epson TM series and compatibles).
const QByteArray kInit("\x1b\x40", 2);                 // ESC @
const QByteArray kCodePage858("\x1b\x74\x13", 3);      // ESC t 19
const QByteArray kAlignLeft("\x1b\x61\x00", 3);        // ESC a 0
const QByteArray kAlignCenter("\x1b\x61\x01", 3);      // ESC a 1
const QByteArray kBoldOn("\x1b\x45\x01", 3);           // ESC E 1
const QByteArray kBoldOff("\x1b\x45\x00", 3);          // ESC E 0
const QByteArray kDoubleOn("\x1d\x21\x11", 3);         // GS ! 0x11: double width and height
const QByteArray kDoubleOff("\x1d\x21\x00", 3);        // GS ! 0
const QByteArray kCut("\x1d\x56\x42\x03", 4);          // GS V 66 3: feed and partial cut
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
    Q_UNUSED(receipt);
    return amount.toPlainString(QLocale());
}

QString ReceiptRenderer::methodName(const QString &method)
{
    if (method == u"cash"_s) {
        return tr("Cash");
    }
    if (method == u"card"_s) {
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
        out << centered(tr("REFUND %1 of bill %2-%3").arg(r.number).arg(r.originalLane).arg(r.originalNumber),
                        columns);
    }
    if (r.reprint) {
        out << centered(tr("COPY"), columns);
    }
    out << tr("Bill %1").arg(r.code()).left(columns);
    out << QLocale().toString(r.at.toLocalTime(), QLocale::ShortFormat).left(columns);
    out << tr("Served by %1").arg(r.cashier).left(columns);
    out << rule;
    for (const ReceiptData::Line &line : r.lines) {
        out << line.name.left(columns);
        const QString detail = tr("  %1 × %2 %3").arg(line.quantity).arg(line.unit, money(r, line.unitPrice));
        out << fit(detail, money(r, line.total + line.discount), columns);
        if (!line.discount.isZero()) {
            out << fit(tr("  Discount"), u"-"_s + money(r, line.discount), columns);
        }
    }
    out << rule;
    if (!r.discount.isZero()) {
        out << fit(tr("Subtotal"), money(r, r.subtotal), columns);
        out << fit(tr("Discounts"), u"-"_s + money(r, r.discount), columns);
    }
    if (!r.rounding.isZero()) {
        out << fit(tr("Cash rounding"), money(r, r.rounding), columns);
    }
    out << fit(tr("TOTAL %1").arg(r.currencySymbol), money(r, r.total), columns);
    for (const ReceiptData::Payment &p : r.payments) {
        const QString label = p.method == u"cash"_s && !p.tendered.isZero()
                                  ? tr("%1 given").arg(methodName(p.method))
                                  : methodName(p.method);
        out << fit(label, money(r, p.method == u"cash"_s && !p.tendered.isZero() ? p.tendered : p.amount), columns);
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
                   u"%1 / %2 / %3"_s.arg(money(r, t.net), money(r, t.tax), money(r, t.gross)), columns);
    }
    out << rule;
    out << centered(r.isRefund ? tr("Refund given") : tr("Thank you for your visit!"), columns);
    return out;
}

QByteArray ReceiptRenderer::toCodePage858(const QString &text)
{
    // The upper half of code page 858 for the letters a European receipt meets.
    static const QHash<char16_t, char> upper{
        {u'Ç', '\x80'}, {u'ü', '\x81'}, {u'é', '\x82'}, {u'â', '\x83'}, {u'ä', '\x84'}, {u'à', '\x85'},
        {u'å', '\x86'}, {u'ç', '\x87'}, {u'ê', '\x88'}, {u'ë', '\x89'}, {u'è', '\x8a'}, {u'ï', '\x8b'},
        {u'î', '\x8c'}, {u'ì', '\x8d'}, {u'Ä', '\x8e'}, {u'Å', '\x8f'}, {u'É', '\x90'}, {u'æ', '\x91'},
        {u'Æ', '\x92'}, {u'ô', '\x93'}, {u'ö', '\x94'}, {u'ò', '\x95'}, {u'û', '\x96'}, {u'ù', '\x97'},
        {u'ÿ', '\x98'}, {u'Ö', '\x99'}, {u'Ü', '\x9a'}, {u'ø', '\x9b'}, {u'£', '\x9c'}, {u'Ø', '\x9d'},
        {u'×', '\x9e'}, {u'á', '\xa0'}, {u'í', '\xa1'}, {u'ó', '\xa2'}, {u'ú', '\xa3'}, {u'ñ', '\xa4'},
        {u'Ñ', '\xa5'}, {u'¿', '\xa8'}, {u'¡', '\xad'}, {u'«', '\xae'}, {u'»', '\xaf'}, {u'Á', '\xb5'},
        {u'Â', '\xb6'}, {u'À', '\xb7'}, {u'©', '\xb8'}, {u'ã', '\xc6'}, {u'Ã', '\xc7'}, {u'€', '\xd5'},
        {u'Ê', '\xd2'}, {u'Ë', '\xd3'}, {u'È', '\xd4'}, {u'Í', '\xd6'}, {u'Î', '\xd7'}, {u'Ï', '\xd8'},
        {u'Ì', '\xde'}, {u'Ó', '\xe0'}, {u'ß', '\xe1'}, {u'Ô', '\xe2'}, {u'Ò', '\xe3'}, {u'õ', '\xe4'},
        {u'Õ', '\xe5'}, {u'µ', '\xe6'}, {u'Ú', '\xe9'}, {u'Û', '\xea'}, {u'Ù', '\xeb'}, {u'ý', '\xec'},
        {u'Ý', '\xed'}, {u'°', '\xf8'}, {u'·', '\xfa'}, {u'²', '\xfd'}, {u'\u00a0', '\xff'},
        {u'\u2212', '-'}, {u'\u2014', '-'}, {u'\u2013', '-'}, {u'\u202f', ' '},
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
    out += QByteArray("\x1d\x68\x50", 3);          // GS h 80: bar height
    out += QByteArray("\x1d\x77\x02", 3);          // GS w 2: module width
    out += QByteArray("\x1d\x48\x02", 3);          // GS H 2: human-readable text below
    out += QByteArray("\x1d\x6b\x49", 3);          // GS k 73: CODE128
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
    auto esc = [](const QString &text) { return text.toHtmlEscaped(); };
    QString html = u"<html><body style=\"font-family: sans-serif; font-size: 9pt;\">"_s;
    html += u"<h2 align=\"center\">%1</h2>"_s.arg(esc(r.storeName));
    html += u"<p align=\"center\">%1"_s.arg(esc(r.storeAddress));
    if (!r.taxId.isEmpty()) {
        html += u"<br>"_s + esc(tr("Tax ID %1").arg(r.taxId));
    }
    html += u"</p>"_s;
    if (r.isRefund) {
        html += u"<p align=\"center\"><b>%1</b></p>"_s.arg(
            esc(tr("REFUND %1 of bill %2-%3").arg(r.number).arg(r.originalLane).arg(r.originalNumber)));
    }
    if (r.reprint) {
        html += u"<p align=\"center\"><b>%1</b></p>"_s.arg(esc(tr("COPY")));
    }
    html += u"<p>%1<br>%2<br>%3</p>"_s.arg(esc(tr("Bill %1").arg(r.code())),
                                          esc(QLocale().toString(r.at.toLocalTime(), QLocale::ShortFormat)),
                                          esc(tr("Served by %1").arg(r.cashier)));
    html += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">"_s;
    for (const ReceiptData::Line &line : r.lines) {
        html += u"<tr><td>%1<br><small>%2</small></td><td align=\"right\">%3</td></tr>"_s.arg(
            esc(line.name),
            esc(tr("%1 × %2 %3").arg(line.quantity).arg(line.unit, money(r, line.unitPrice))),
            esc(money(r, line.total)));
        if (!line.discount.isZero()) {
            html += u"<tr><td><small>%1</small></td><td align=\"right\"><small>-%2</small></td></tr>"_s.arg(
                esc(tr("Discount")), esc(money(r, line.discount)));
        }
    }
    html += u"<tr><td colspan=\"2\"><hr></td></tr>"_s;
    if (!r.rounding.isZero()) {
        html += u"<tr><td>%1</td><td align=\"right\">%2</td></tr>"_s.arg(esc(tr("Cash rounding")),
                                                                          esc(money(r, r.rounding)));
    }
    html += u"<tr><td><b>%1</b></td><td align=\"right\"><b>%2</b></td></tr>"_s.arg(
        esc(tr("TOTAL %1").arg(r.currencySymbol)), esc(money(r, r.total)));
    for (const ReceiptData::Payment &p : r.payments) {
        html += u"<tr><td>%1</td><td align=\"right\">%2</td></tr>"_s.arg(
            esc(methodName(p.method)),
            esc(money(r, p.method == u"cash"_s && !p.tendered.isZero() ? p.tendered : p.amount)));
    }
    if (!r.change.isZero()) {
        html += u"<tr><td>%1</td><td align=\"right\">%2</td></tr>"_s.arg(esc(tr("Change")),
                                                                          esc(money(r, r.change)));
    }
    html += u"</table><p><small>"_s;
    for (const ReceiptData::Tax &t : r.taxes) {
        html += esc(tr("Tax %1: net %2, tax %3, gross %4").arg(percent(t.rateBp), money(r, t.net),
                                                               money(r, t.tax), money(r, t.gross)))
                + u"<br>"_s;
    }
    html += u"</small></p><p align=\"center\">%1</p></body></html>"_s.arg(
        esc(r.isRefund ? tr("Refund given") : tr("Thank you for your visit!")));
    return html;
}

bool ReceiptRenderer::writePdf(const ReceiptData &receipt, const QString &path, QString *error)
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
    writer.setTitle(tr("Receipt %1").arg(receipt.code()));
    writer.setCreator(u"Till"_s);
    // A receipt roll: 80 mm wide, tall enough for a long bill.
    writer.setPageSize(QPageSize(QSizeF(80, 300), QPageSize::Millimeter));
    writer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter);
    QTextDocument document;
    document.setHtml(html(receipt));
    document.setPageSize(QSizeF(writer.width(), writer.height()));
    document.print(&writer);
    return true;
}
