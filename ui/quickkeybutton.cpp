#include "ui/quickkeybutton.h"

#include <QStyleOptionButton>
#include <QStylePainter>

namespace {
constexpr int kTextFlags = Qt::AlignCenter | Qt::TextWordWrap;
//! Below this a key is no longer read at arm's length; shrinking stops here.
constexpr qreal kMinPointSize = 6.0;
constexpr qreal kStep = 0.5;
} // namespace

QuickKeyButton::QuickKeyButton(QWidget *parent)
    : QPushButton(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize QuickKeyButton::sizeHint() const
{
    // Not the width of the whole text on one line: the grid decides, the text fits itself.
    const QFontMetrics metrics = fontMetrics();
    return {metrics.averageCharWidth() * 12, metrics.lineSpacing() * 3 + 12};
}

QSize QuickKeyButton::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {metrics.averageCharWidth() * 6, metrics.lineSpacing() * 2 + 8};
}

QFont QuickKeyButton::fittedFont(const QString &text, QFont font, const QSize &size)
{
    const bool inPixels = font.pointSizeF() <= 0;
    qreal fontSize = inPixels ? font.pixelSize() : font.pointSizeF();
    const QRect area(QPoint(0, 0), size);
    while (true) {
        const QRect needed = QFontMetrics(font).boundingRect(area, kTextFlags, text);
        if ((needed.width() <= size.width() && needed.height() <= size.height())
            || fontSize - kStep < kMinPointSize) {
            return font;
        }
        fontSize -= kStep;
        if (inPixels) {
            font.setPixelSize(qRound(fontSize));
        } else {
            font.setPointSizeF(fontSize);
        }
    }
}

QRect QuickKeyButton::textRect() const
{
    QStyleOptionButton option;
    initStyleOption(&option);
    return style()
            ->subElementRect(QStyle::SE_PushButtonContents, &option, this)
            .adjusted(2, 2, -2, -2);
}

void QuickKeyButton::paintEvent(QPaintEvent *)
{
    QStylePainter painter(this);
    QStyleOptionButton option;
    initStyleOption(&option);
    // A button's text doubles "&" to show one; the drawn text shows what a person reads.
    const QString label = QString(option.text).replace(QStringLiteral("&&"), QStringLiteral("&"));
    option.text.clear();
    painter.drawControl(QStyle::CE_PushButton, option);
    const QRect area = textRect();
    const QFont fitted = fittedFont(label, font(), area.size());
    painter.setFont(fitted);
    painter.setPen(palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled,
                                   QPalette::ButtonText));
    painter.drawText(area, kTextFlags, shortenedToFit(label, fitted, area.size()));
}

QString QuickKeyButton::shortenedToFit(const QString &text, const QFont &font, const QSize &size)
{
    // Only a key too small for its text at the smallest readable size gets here: its
    // name loses words from the end ("…"), the price line stays, the tool tip has it all.
    const QFontMetrics metrics(font);
    const QRect area(QPoint(0, 0), size);
    const auto fits = [&](const QString &candidate) {
        const QRect needed = metrics.boundingRect(area, kTextFlags, candidate);
        return needed.width() <= size.width() && needed.height() <= size.height();
    };
    if (fits(text)) {
        return text;
    }
    const qsizetype lineEnd = text.indexOf(u'\n');
    QString name = lineEnd < 0 ? text : text.left(lineEnd);
    const QString rest = lineEnd < 0 ? QString() : text.mid(lineEnd);
    while (name.contains(u' ')) {
        name.truncate(name.lastIndexOf(u' '));
        const QString candidate = name + QStringLiteral("…") + rest;
        if (fits(candidate)) {
            return candidate;
        }
    }
    return name + QStringLiteral("…") + rest;
}
