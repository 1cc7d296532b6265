#pragma once

#include <QStyledItemDelegate>

/*!
 * Edits a "how many come back" cell with a spin box bounded by what the line may still
 * refund (the model's maximumRole, in the unit the line is counted in), so a quantity
 * above it cannot be typed at all. The model checks again in setData().
 */
class RefundQuantityDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit RefundQuantityDelegate(int maximumRole, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    int m_maximumRole;
};
