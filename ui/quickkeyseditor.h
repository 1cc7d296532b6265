#pragma once

#include "models/domain/quickkey.h"
#include "models/services/serviceerror.h"

#include <QDialog>

#include <optional>

class ErrorBanner;
class QButtonGroup;
class QLabel;
class QPushButton;
class QTabBar;
class QuickKeyButton;
class Services;

/*!
 * A manager arranges the sale screen's quick keys: pages of twelve keys (as many as the
 * shortcuts Alt+1 ... Alt+=); choose a key, put a product's unit on it, move it to the
 * key before or after (onto the next page from the last key), or empty it. Every change
 * goes through CatalogueService, which checks the manager's permission and audits it; a
 * refusal shows in the dialog. The sale screen reads the keys again when it is next shown.
 */
class QuickKeysEditor : public QDialog
{
    Q_OBJECT

public:
    explicit QuickKeysEditor(Services &services, QWidget *parent = nullptr);
    ~QuickKeysEditor() override;

    //! The chosen key's position (page * 12 + slot).
    int selectedPosition() const;
    void selectPosition(int position);
    //! Puts unit on the chosen key; false when refused (the reason is shown).
    bool putOnSelectedKey(const Product &product, const ProductUnit &unit);
    int pageCount() const;

Q_SIGNALS:
    //! After a change was saved.
    void keysChanged();

private:
    void reload();
    void showPage();
    void chooseProduct();
    void moveSelected(int step);
    void removeSelected();
    void addPage();
    void updateButtons();
    const QuickKey *keyAt(int position) const;
    bool apply(const ServiceStatus &status, int selectAfter);

    Services &m_services;
    QList<QuickKey> m_keys;
    QTabBar *m_pages = nullptr;
    QButtonGroup *m_group = nullptr;
    QList<QuickKeyButton *> m_buttons;
    QLabel *m_selectionLabel = nullptr;
    QPushButton *m_assignButton = nullptr;
    QPushButton *m_previousButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_addPageButton = nullptr;
    ErrorBanner *m_banner = nullptr;
    int m_selected = 0;
};
