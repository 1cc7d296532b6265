#pragma once

#include <QAbstractItemView>
#include <QApplication>

/*!
 * Hands what is typed in an open cell editor to the model now. A delegate commits on
 * Enter only through a queued call, and on focus-out at once; a shortcut such as
 * Ctrl+Return that saves the whole form must not lose the cell being typed, so it moves
 * the focus to the view first.
 */
inline void commitEditing(QAbstractItemView *view)
{
    // An open editor is a child of the view's viewport and has the focus.
    QWidget *focus = QApplication::focusWidget();
    if (focus && focus != view && view->isAncestorOf(focus)) {
        view->setFocus(Qt::OtherFocusReason);
    }
}
