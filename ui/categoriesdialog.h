#pragma once

#include "models/domain/product.h"

#include <QDialog>

#include <memory>

class CatalogueService;

namespace Ui {
class CategoriesDialog;
}

/*!
 * The store's categories: pick one to rename or remove it, or start a new one. Every
 * change is saved at once through the CatalogueService; a refusal (a name already taken)
 * is shown under the list and the name stays as typed.
 */
class CategoriesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CategoriesDialog(CatalogueService &catalogue, QWidget *parent = nullptr);
    ~CategoriesDialog() override;

private:
    void reload(qint64 selectId);
    void handleCurrentRowChanged(int row);
    void startNew();
    void save();
    void remove();
    void updateButtons();
    const Category *current() const;

    std::unique_ptr<Ui::CategoriesDialog> m_ui;
    CatalogueService &m_catalogue;
    QList<Category> m_categories;
};
