#pragma once

#include "models/domain/quickkey.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QuickKeyButton;

/*!
 * The sale screen's quick keys: twelve keys, one per shortcut Alt+1 ... Alt+=, showing one
 * page of the keys a manager arranged; the pages turn with the arrows under the grid or
 * Alt+Page Up / Alt+Page Down. A key pressed says which product and unit it sells.
 */
class QuickKeysPanel : public QWidget
{
    Q_OBJECT

public:
    explicit QuickKeysPanel(QWidget *parent = nullptr);

    /*!
     * Where the keys' shortcuts work: while the focus is in scope or its children (the
     * page), since the focus stays in the scan field, not on the keys.
     */
    void setShortcutScope(QWidget *scope);
    //! Shows these keys, on the page shown before as far as there still is one.
    void setKeys(const QList<QuickKey> &keys, const QString &currencySymbol);
    bool hasKeys() const { return !m_keys.isEmpty(); }
    //! The key on this slot (0 ... 11) of the page shown, or nullptr for an empty one.
    const QuickKey *keyAt(int slot) const;

    //! The shortcut of a slot: Alt+1 ... Alt+9, Alt+0, Alt+-, Alt+=, as on a keyboard's top row.
    static QKeySequence shortcut(int slot);

Q_SIGNALS:
    //! A key with something on it was pressed (clicked or by its shortcut).
    void keyPressed(const QuickKey &key);

private:
    void createPageBar(QGridLayout *grid);
    void turnPage(int by);
    void showPage();
    void press(int slot);

    QList<QuickKey> m_keys;
    QString m_currencySymbol;
    QList<QuickKeyButton *> m_buttons;
    QWidget *m_pageBar = nullptr;
    QLabel *m_pageLabel = nullptr;
    int m_page = 0;
    int m_pages = 0;
};
