#include "ui/unitdelegate.h"

#include <QComboBox>

UnitDelegate::UnitDelegate(int unitIdsRole, int unitNamesRole, Prepare prepare, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_unitIdsRole(unitIdsRole)
    , m_unitNamesRole(unitNamesRole)
    , m_prepare(std::move(prepare))
{}

QWidget *UnitDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    Q_UNUSED(option);
    if (m_prepare) {
        m_prepare(index);
    }
    auto *combo = new QComboBox(parent);
    const QVariantList ids = index.data(m_unitIdsRole).toList();
    const QStringList names = index.data(m_unitNamesRole).toStringList();
    for (qsizetype i = 0; i < ids.size() && i < names.size(); ++i) {
        combo->addItem(names.at(i), ids.at(i));
    }
    // The choice is made as soon as it is picked, without another key to confirm it.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<UnitDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void UnitDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const int at = combo->findData(index.data(Qt::EditRole));
    combo->setCurrentIndex(at < 0 ? 0 : at);
}

void UnitDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    if (combo->currentIndex() >= 0) {
        model->setData(index, combo->currentData(), Qt::EditRole);
    }
}
