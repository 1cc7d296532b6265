#pragma once

#include <QWidget>

class QPushButton;

/*!
 * A new store's first visit to Products: what to do next, where the list would be. It
 * offers the import, the template CSV, a first product and the demo store; the page does
 * them.
 */
class EmptyCataloguePanel : public QWidget
{
    Q_OBJECT

public:
    //! Which of the offers the user may take now.
    struct Allowed
    {
        bool import = false;
        bool saveTemplate = false;
        bool newProduct = false;
        bool demo = false;
    };

    explicit EmptyCataloguePanel(QWidget *parent = nullptr);

    void setAllowed(const Allowed &allowed);

Q_SIGNALS:
    void importRequested();
    void templateRequested();
    void newProductRequested();
    void demoRequested();

private:
    QPushButton *m_importButton = nullptr;
    QPushButton *m_templateButton = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_demoButton = nullptr;
};
