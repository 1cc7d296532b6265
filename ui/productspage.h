#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class CatalogueService;
class ProductListModel;
class QAction;
class CatalogueFiles;
class EmptyCataloguePanel;
class QTimer;
class Services;
struct Product;
struct ProductFilter;
struct ServiceError;

namespace Ui {
class ProductsPage;
}

/*!
 * The Products area: the catalogue as one long list that loads as it scrolls, narrowed by
 * a search (name, SKU or barcode, as typed), a category, active or archived, and low
 * stock. Managers add, edit, archive and reprice products here, keep categories and tax
 * rates, and move the catalogue in and out as CSV; cashiers look products up and open
 * them read-only. What a user may not do is disabled, and the services refuse it anyway.
 */
class ProductsPage : public QWidget
{
    Q_OBJECT

public:
    //! How long typing may pause before the list follows the search.
    static constexpr int kSearchDelayMs = 250;

    explicit ProductsPage(Services &services, QWidget *parent = nullptr);
    ~ProductsPage() override;

    //! The filter the list shows now, as the bulk price change takes it.
    ProductFilter currentFilter() const;
    //! A sentence describing currentFilter() for people.
    QString filterDescription() const;

    /*!
     * Starts another Till with these arguments (the demo store in its own file); true when
     * it started. By default the running program, detached; tests put a stand-in here.
     */
    using TillStarter = std::function<bool(const QStringList &arguments)>;
    void setTillStarter(TillStarter starter);

    /*!
     * Whether the store has no product at all, active or archived (one small query): a new
     * store, whose Products area offers the next steps.
     */
    static bool hasNoProducts(const CatalogueService &catalogue);

    //! Saves the template CSV (header and example rows the import accepts) as fileName.
    bool saveTemplate(const QString &fileName);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createToolBar();
    void setUpView();
    void refresh();
    void reloadCategories();
    void applyFilter();
    void handleListReset();
    void fitColumns();
    void updateActions();
    void updateCount();
    //! With nothing typed or chosen and no product shown: is the catalogue empty?
    bool catalogueIsEmpty() const;
    void handleSignedIn();
    void handleSignedOut();
    void handleLoadFailed(const ServiceError &error);
    void handleSortIndicatorChanged(int column, Qt::SortOrder order);
    void selectProduct(qint64 productId);
    std::optional<Product> currentProduct() const;

    void newProduct();
    void openProduct();
    void archiveProduct();
    void reactivateProduct();
    void editCategories();
    void editTaxRates();
    void editQuickKeys();
    void changePrices();
    void importCsv();

    std::unique_ptr<Ui::ProductsPage> m_ui;
    Services &m_services;
    ProductListModel *m_model = nullptr;
    QTimer *m_searchTimer = nullptr;
    bool m_stale = true; //!< the list must be read again before it is shown
    bool m_columnsFitted = false;
    qint64 m_selectAfterLoad = 0; //!< a product to select when the list has been read

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_archiveAction = nullptr;
    QAction *m_reactivateAction = nullptr;
    QAction *m_categoriesAction = nullptr;
    QAction *m_taxRatesAction = nullptr;
    QAction *m_quickKeysAction = nullptr;
    QAction *m_priceChangeAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;

    CatalogueFiles *m_files = nullptr;
    EmptyCataloguePanel *m_emptyPanel = nullptr;
    bool m_catalogueEmpty = false; //!< the list was read with no product at all
};
