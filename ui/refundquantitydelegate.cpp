#include "ui/refundquantitydelegate.h"

#include <QSpinBox>

#include <limits>

RefundQuantityDelegate::RefundQuantityDelegate(int maximumRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_maximumRole(maximumRole)
{}

QWidget *RefundQuantityDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const
{
    Q_UNUSED(option);
    auto *spin = new QSpinBox(parent);
    spin->setFrame(false);
    spin->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // QSpinBox counts in int; a line never holds anywhere near that many.
    const qint64 maximum = index.data(m_maximumRole).toLongLong();
    spin->setRange(0, static_cast<int>(std::min<qint64>(maximum, std::numeric_limits<int>::max())));
    // Every change reaches the model at once, so the preview follows the typing and a
    // Refund pressed while the editor is still open refunds what it shows.
    connect(spin, &QSpinBox::valueChanged, this,
            [this, spin] { Q_EMIT const_cast<RefundQuantityDelegate *>(this)->commitData(spin); });
    return spin;
}

void RefundQuantityDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *spin = static_cast<QSpinBox *>(editor);
    // Showing the model's value is not a change to write back.
    const QSignalBlocker blocker(spin);
    spin->setValue(static_cast<int>(index.data(Qt::EditRole).toLongLong()));
}

void RefundQuantityDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                          const QModelIndex &index) const
{
    auto *spin = static_cast<QSpinBox *>(editor);
    // Takes what is typed even before the spin box would have "finished" it.
    spin->interpretText();
    model->setData(index, qint64(spin->value()), Qt::EditRole);
}
