#pragma once

#include <QStyledItemDelegate>

#include <functional>

/*!
 * Edits a "unit" cell with a combo box of the row's units, read from the model's roles
 * (ReceiptLinesModel::UnitIdsRole and UnitNamesRole; the edit role is the unit id). When
 * the row does not know all its units yet, prepare() is called first to complete them.
 */
class UnitDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using Prepare = std::function<void(const QModelIndex &index)>;

    UnitDelegate(int unitIdsRole, int unitNamesRole, Prepare prepare, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    int m_unitIdsRole;
    int m_unitNamesRole;
    Prepare m_prepare;
};
