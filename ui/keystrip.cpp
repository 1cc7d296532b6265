#include "ui/keystrip.h"

#include <QAction>
#include <QHBoxLayout>
#include <QPushButton>

using namespace Qt::StringLiterals;

KeyStrip::KeyStrip(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
}

void KeyStrip::addKey(QAction *action, const QString &caption)
{
    auto *button = new QPushButton(this);
    const QString keyText = action->shortcut().toString(QKeySequence::NativeText);
    button->setObjectName(u"keyCap_%1"_s.arg(action->objectName()));
    button->setText(tr("%1\n%2", "key cap: key, what it does").arg(keyText, caption));
    button->setToolTip(action->toolTip());
    button->setFocusPolicy(Qt::NoFocus);
    button->setAutoDefault(false);
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::enabledChanged, button, &QWidget::setEnabled);
    static_cast<QHBoxLayout *>(layout())->addWidget(button, 1);
    m_keys.append(action);
}
