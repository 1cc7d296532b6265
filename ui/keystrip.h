#pragma once

#include <QList>
#include <QWidget>

class QAction;

/*!
 * The row of key caps under the sale ("F2 / Qty"): each shows an action's key and a short
 * word, and a touch on it does what the key does. The caps never take the focus, and one
 * is disabled while its action is.
 */
class KeyStrip : public QWidget
{
    Q_OBJECT

public:
    explicit KeyStrip(QWidget *parent = nullptr);

    //! Adds a cap for action, with caption (the short word) under its key.
    void addKey(QAction *action, const QString &caption);
    //! The actions of the caps, left to right.
    const QList<QAction *> &keys() const { return m_keys; }

private:
    QList<QAction *> m_keys;
};
