#include "ui/cartlinedelegate.h"

#include <QApplication>
#include <QPainter>

namespace {
constexpr int kMargin = 4;
constexpr qreal kUnitScale = 0.8;
} // namespace

CartLineDelegate::CartLineDelegate(int unitColumn, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_unitColumn(unitColumn)
{}

QFont CartLineDelegate::unitFont(const QFont &nameFont)
{
    QFont font = nameFont;
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * kUnitScale);
    } else {
        font.setPixelSize(qRound(font.pixelSize() * kUnitScale));
    }
    return font;
}

int CartLineDelegate::rowHeight(const QFont &font)
{
    return QFontMetrics(font).height() + QFontMetrics(unitFont(font)).height() + 4 * kMargin;
}

void CartLineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    const QString unit = index.siblingAtColumn(m_unitColumn).data().toString();
    // The style draws the cell (selection, alternate rows, focus); the two lines go on it.
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect area = opt.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QPalette::ColorGroup group
            = opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QColor text
            = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QFont small = unitFont(opt.font);
    const int nameHeight = QFontMetrics(opt.font).height();

    painter->save();
    painter->setPen(text);
    painter->setFont(opt.font);
    const QRect nameRect(area.left(), area.top(), area.width(), nameHeight);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(opt.font).elidedText(name, Qt::ElideRight, area.width()));
    QColor quiet = text;
    quiet.setAlphaF(0.7f);
    painter->setPen(quiet);
    painter->setFont(small);
    const QRect unitRect(area.left(), nameRect.bottom() + 1, area.width(),
                         area.bottom() - nameRect.bottom());
    painter->drawText(unitRect, Qt::AlignLeft | Qt::AlignTop,
                      QFontMetrics(small).elidedText(unit, Qt::ElideRight, area.width()));
    painter->restore();
}

QSize CartLineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString unit = index.siblingAtColumn(m_unitColumn).data().toString();
    const int width = std::max(QFontMetrics(opt.font).horizontalAdvance(opt.text),
                               QFontMetrics(unitFont(opt.font)).horizontalAdvance(unit));
    return {width + 2 * kMargin, rowHeight(opt.font)};
}
