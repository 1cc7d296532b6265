#pragma once

#include <QStyledItemDelegate>

/*!
 * The product cell of the sale grid: the product's name, and under it in smaller type the
 * unit it is sold in ("Pack of 4"), read from the unit column of the same row. The name
 * gets the grid's whole width left over by the figures, so a 1024 px till reads it too.
 */
class CartLineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    //! unitColumn: the model column whose text is the line's unit.
    CartLineDelegate(int unitColumn, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! The smaller font of the unit line, from the font of the name.
    static QFont unitFont(const QFont &nameFont);
    //! The height of a row that shows both lines in font.
    static int rowHeight(const QFont &font);

private:
    int m_unitColumn;
};
