#pragma once

#include "models/domain/product.h"

#include <QDialog>

#include <memory>
#include <optional>

class CatalogueService;
class Database;
class ProductListModel;
class QTimer;

namespace Ui {
class ProductChooserDialog;
}

/*!
 * Finds one active product by name, SKU or barcode, for the stock screens: the list
 * follows the search as it is typed, Up and Down move through it without leaving the
 * search, and Enter takes the highlighted product.
 */
class ProductChooserDialog : public QDialog
{
    Q_OBJECT

public:
    //! Reads the list on a thread of its own, with its own connection to db.
    ProductChooserDialog(const CatalogueService &catalogue, const Database &db,
                         const QString &search, QWidget *parent = nullptr);
    ~ProductChooserDialog() override;

    //! The product chosen, with all its units; std::nullopt before accept().
    std::optional<Product> chosenProduct() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();
    void updateButtons();

    std::unique_ptr<Ui::ProductChooserDialog> m_ui;
    ProductListModel *m_model = nullptr;
    QTimer *m_searchTimer = nullptr;
    bool m_acceptWhenRead = false;
};
