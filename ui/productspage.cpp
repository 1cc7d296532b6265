#include "ui/productspage.h"
#include "ui_productspage.h"

#include "models/items/productlistmodel.h"
#include "models/services/services.h"
#include "ui/cataloguefiles.h"
#include "ui/categoriesdialog.h"
#include "ui/emptycataloguepanel.h"
#include "ui/errorbanner.h"
#include "ui/importdialog.h"
#include "ui/pricechangedialog.h"
#include "ui/producteditor.h"
#include "ui/quickkeyseditor.h"
#include "ui/taxratesdialog.h"
#include "ui/themeicon.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
// Which products the status combo shows; its items carry these as data.
enum StatusChoice { ActiveOnly, ArchivedOnly, AllProducts };
} // namespace

ProductsPage::ProductsPage(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProductsPage>())
    , m_services(services)
    , m_model(new ProductListModel(services.catalogue, this))
    , m_searchTimer(new QTimer(this))
    , m_files(new CatalogueFiles(services, this, this))
{
    m_ui->setupUi(this);

    m_ui->statusCombo->addItem(tr("Active products"), ActiveOnly);
    m_ui->statusCombo->addItem(tr("Archived products"), ArchivedOnly);
    m_ui->statusCombo->addItem(tr("All products"), AllProducts);

    // A scanner types a whole barcode within milliseconds; a person pauses. Waiting for the
    // pause saves a query per keystroke, and Enter does not wait at all.
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &ProductsPage::applyFilter);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        applyFilter();
    });
    // Long category names or a longer language must not push the page past a 1024 px till.
    // (The status choices are few and short: that combo shows them whole.)
    m_ui->categoryCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ui->categoryCombo->setMinimumContentsLength(12);
    m_ui->searchEdit->setMinimumWidth(210);
    connect(m_ui->categoryCombo, &QComboBox::currentIndexChanged, this, &ProductsPage::applyFilter);
    connect(m_ui->statusCombo, &QComboBox::currentIndexChanged, this, &ProductsPage::applyFilter);
    connect(m_ui->lowStockCheck, &QCheckBox::toggled, this, &ProductsPage::applyFilter);
    connect(m_files, &CatalogueFiles::busyChanged, this, &ProductsPage::updateActions);
    connect(m_files, &CatalogueFiles::statusChanged, m_ui->countLabel, &QLabel::setText);
    connect(m_files, &CatalogueFiles::statusWithdrawn, this, &ProductsPage::updateCount);

    createActions();
    setUpView();
    m_emptyPanel = new EmptyCataloguePanel(this);
    connect(m_emptyPanel, &EmptyCataloguePanel::importRequested, this, &ProductsPage::importCsv);
    connect(m_emptyPanel, &EmptyCataloguePanel::templateRequested, m_files,
            &CatalogueFiles::chooseTemplateFile);
    connect(m_emptyPanel, &EmptyCataloguePanel::newProductRequested, this,
            &ProductsPage::newProduct);
    connect(m_emptyPanel, &EmptyCataloguePanel::demoRequested, m_files,
            &CatalogueFiles::openDemoStore);
    m_ui->pageLayout->insertWidget(m_ui->pageLayout->indexOf(m_ui->productsView), m_emptyPanel);
    m_emptyPanel->hide();

    // A search that scans the whole catalogue must not hold up the window.
    m_model->loadInBackground(services.db);
    connect(m_model, &ProductListModel::loadFailed, this, &ProductsPage::handleLoadFailed);
    connect(m_model, &ProductListModel::loadingChanged, this, &ProductsPage::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProductsPage::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProductsPage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProductsPage::handleListReset);
    connect(&m_services.session, &Session::signedIn, this, &ProductsPage::handleSignedIn);
    connect(&m_services.session, &Session::signedOut, this, &ProductsPage::handleSignedOut);

    setFocusProxy(m_ui->searchEdit);
    if (m_services.session.isSignedIn()) {
        handleSignedIn();
    } else {
        handleSignedOut();
    }
}

ProductsPage::~ProductsPage()
{
    // An export or a demo still being filled ends before the page's members go.
    delete m_files;
}

void ProductsPage::createActions()
{
    auto action = [this](const QStringList &icons, QStyle::StandardPixmap fallback,
                         const QString &text, const QString &tip, auto slot) {
        auto *a = new QAction(themeIcon(icons, fallback), text, this);
        a->setStatusTip(tip);
        a->setToolTip(tip);
        // Only while the products page has the focus: other areas use the same keys.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_newAction = action({u"document-new"_s, u"document-new-symbolic"_s}, QStyle::SP_FileIcon,
                         tr("&New…"), tr("Add a product with its units, prices and barcodes"),
                         &ProductsPage::newProduct);
    m_newAction->setObjectName(u"newProductAction"_s);
    m_newAction->setShortcut(QKeySequence::New);

    m_openAction
            = action({u"document-edit"_s, u"document-properties"_s, u"document-edit-symbolic"_s},
                     QStyle::SP_FileDialogDetailedView, tr("&Edit…"),
                     tr("Open the selected product"), &ProductsPage::openProduct);
    m_openAction->setObjectName(u"openProductAction"_s);

    m_archiveAction = action({u"edit-delete"_s, u"edit-delete-symbolic"_s}, QStyle::SP_TrashIcon,
                             tr("&Archive or Delete…"),
                             tr("Take the selected product out of sale: archived when it has "
                                "been sold, deleted when it never was"),
                             &ProductsPage::archiveProduct);
    m_archiveAction->setObjectName(u"archiveProductAction"_s);
    m_archiveAction->setShortcut(QKeySequence::Delete);

    m_reactivateAction
            = action({u"edit-undo"_s, u"edit-undo-symbolic"_s}, QStyle::SP_DialogResetButton,
                     tr("&Reactivate"), tr("Put the selected archived product back on sale"),
                     &ProductsPage::reactivateProduct);
    m_reactivateAction->setObjectName(u"reactivateProductAction"_s);

    m_categoriesAction
            = action({u"folder"_s, u"folder-symbolic"_s}, QStyle::SP_DirIcon, tr("&Categories…"),
                     tr("Add, rename and remove categories"), &ProductsPage::editCategories);
    m_categoriesAction->setObjectName(u"categoriesAction"_s);

    m_taxRatesAction = action({u"accessories-calculator"_s, u"accessories-calculator-symbolic"_s},
                              QStyle::SP_FileDialogInfoView, tr("&Tax Rates…"),
                              tr("Add and change tax rates"), &ProductsPage::editTaxRates);
    m_taxRatesAction->setObjectName(u"taxRatesAction"_s);
    m_quickKeysAction
            = action({u"input-keyboard"_s, u"input-keyboard-symbolic"_s},
                     QStyle::SP_FileDialogListView, tr("&Quick Keys…"),
                     tr("Arrange the sale screen's quick keys"), &ProductsPage::editQuickKeys);
    m_quickKeysAction->setObjectName(u"quickKeysAction"_s);

    m_priceChangeAction
            = action({u"view-sort-ascending"_s, u"view-sort-ascending-symbolic"_s},
                     QStyle::SP_ArrowUp, tr("Change &Prices…"),
                     tr("Raise, lower or set the prices of every product the list shows"),
                     &ProductsPage::changePrices);
    m_priceChangeAction->setObjectName(u"priceChangeAction"_s);

    m_importAction
            = action({u"document-import"_s, u"document-open"_s, u"document-open-symbolic"_s},
                     QStyle::SP_DialogOpenButton, tr("&Import CSV…"),
                     tr("Create and update products from a CSV file"), &ProductsPage::importCsv);
    m_importAction->setObjectName(u"importAction"_s);

    m_exportAction = action(
            {u"document-export"_s, u"document-save-as"_s, u"document-save-as-symbolic"_s},
            QStyle::SP_DialogSaveButton, tr("E&xport CSV…"),
            tr("Save the whole catalogue as a CSV file"), [this] { m_files->exportCsv(); });
    m_exportAction->setObjectName(u"exportAction"_s);

    createToolBar();
}

void ProductsPage::createToolBar()
{
    // What is done every day stays in sight; what is done now and then (categories, tax
    // rates, files) sits in one menu, so the bar fits the narrowest till screen.
    auto *catalogueMenu = new QMenu(this);
    catalogueMenu->addAction(m_categoriesAction);
    catalogueMenu->addAction(m_taxRatesAction);
    catalogueMenu->addAction(m_quickKeysAction);
    catalogueMenu->addSeparator();
    catalogueMenu->addAction(m_importAction);
    catalogueMenu->addAction(m_exportAction);
    auto *catalogueButton = new QToolButton(this);
    catalogueButton->setObjectName(u"catalogueButton"_s);
    catalogueButton->setText(tr("&Catalogue"));
    catalogueButton->setToolTip(tr("Categories, tax rates, and the catalogue as a CSV file"));
    catalogueButton->setIcon(themeIcon({u"folder"_s, u"folder-symbolic"_s}, QStyle::SP_DirIcon));
    catalogueButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    catalogueButton->setPopupMode(QToolButton::InstantPopup);
    catalogueButton->setMenu(catalogueMenu);

    auto *toolBar = new QToolBar(tr("Products"), this);
    toolBar->setObjectName(u"productsToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(20, 20));
    toolBar->addAction(m_newAction);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_archiveAction);
    toolBar->addAction(m_reactivateAction);
    toolBar->addSeparator();
    toolBar->addAction(m_priceChangeAction);
    toolBar->addWidget(catalogueButton);
    // On a narrow till the last actions fold into the tool bar's » menu instead of
    // widening the page past the screen.
    toolBar->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_ui->pageLayout->insertWidget(0, toolBar);
}

void ProductsPage::setUpView()
{
    QTableView *view = m_ui->productsView;
    view->setModel(m_model);
    QHeaderView *header = view->horizontalHeader();
    // Figures and stock are always shown whole; the name takes what is left (its whole
    // text is in the tool tip), SKU and category keep a width a manager may change.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ProductListModel::NameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ProductListModel::SkuColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ProductListModel::CategoryColumn, QHeaderView::Interactive);
    header->setMinimumSectionSize(60);
    // The name keeps a width that reads on a small till (the list scrolls sideways there);
    // a large screen's spare room goes to the last column.
    header->setStretchLastSection(true);
    view->setColumnWidth(ProductListModel::NameColumn, 240);
    view->setColumnWidth(ProductListModel::SkuColumn, 110);
    view->setColumnWidth(ProductListModel::CategoryColumn, 150);
    // Only name, SKU and stock sort (in the database); the indicator must not claim more.
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    view->setSortingEnabled(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            &ProductsPage::handleSortIndicatorChanged);

    view->addActions({m_openAction, m_archiveAction, m_reactivateAction});
    connect(view, &QAbstractItemView::activated, this, &ProductsPage::openProduct);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProductsPage::updateActions);
}

void ProductsPage::handleSortIndicatorChanged(int column, Qt::SortOrder order)
{
    Q_UNUSED(order);
    if (!ProductListModel::isSortable(column)) {
        QHeaderView *header = m_ui->productsView->horizontalHeader();
        const QSignalBlocker blocker(header);
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    }
}

void ProductsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && m_services.session.isSignedIn()) {
        refresh();
    }
}

void ProductsPage::handleSignedIn()
{
    m_stale = true;
    updateActions();
    if (isVisible()) {
        refresh();
    }
}

void ProductsPage::handleSignedOut()
{
    // The next person starts from a fresh list, not from what the last one searched.
    m_stale = true;
    m_searchTimer->stop();
    m_model->clear();
    m_ui->errorBanner->clear();
    updateActions();
}

void ProductsPage::refresh()
{
    m_stale = false;
    m_model->setCurrencySymbol(m_services.catalogue.currencySymbol());
    reloadCategories();
    applyFilter();
}

void ProductsPage::reloadCategories()
{
    const qint64 current = m_ui->categoryCombo->currentData().toLongLong();
    const auto categories = m_services.catalogue.categories();
    const QSignalBlocker blocker(m_ui->categoryCombo);
    m_ui->categoryCombo->clear();
    m_ui->categoryCombo->addItem(tr("All categories"), qint64(0));
    if (!categories) {
        m_ui->errorBanner->showError(categories.error());
        return;
    }
    for (const Category &category : *categories) {
        m_ui->categoryCombo->addItem(category.name, category.id);
    }
    const int index = m_ui->categoryCombo->findData(current);
    m_ui->categoryCombo->setCurrentIndex(index < 0 ? 0 : index);
}

ProductFilter ProductsPage::currentFilter() const
{
    ProductFilter filter = m_model->filter();
    filter.text = m_ui->searchEdit->text().trimmed();
    filter.categoryId = m_ui->categoryCombo->currentData().toLongLong();
    switch (m_ui->statusCombo->currentData().toInt()) {
    case ArchivedOnly:
        filter.active = ProductFilter::Active::No;
        break;
    case AllProducts:
        filter.active = ProductFilter::Active::Any;
        break;
    default:
        filter.active = ProductFilter::Active::Yes;
        break;
    }
    filter.lowStockOnly = m_ui->lowStockCheck->isChecked();
    return filter;
}

QString ProductsPage::filterDescription() const
{
    const ProductFilter filter = currentFilter();
    QStringList parts;
    switch (filter.active) {
    case ProductFilter::Active::Yes:
        parts << tr("active products");
        break;
    case ProductFilter::Active::No:
        parts << tr("archived products");
        break;
    case ProductFilter::Active::Any:
        parts << tr("active and archived products");
        break;
    }
    if (filter.categoryId > 0) {
        parts << tr("in the category \"%1\"").arg(m_ui->categoryCombo->currentText());
    } else {
        parts << tr("in every category");
    }
    if (!filter.text.isEmpty()) {
        parts << tr("matching \"%1\"").arg(filter.text);
    }
    if (filter.lowStockOnly) {
        parts << tr("low on stock");
    }
    return tr("All %1.", "all <active products in every category matching ...>")
            .arg(parts.join(u' '));
}

void ProductsPage::applyFilter()
{
    m_searchTimer->stop();
    if (!m_services.session.isSignedIn()) {
        return;
    }
    m_model->setFilter(currentFilter());
    updateCount();
}

void ProductsPage::handleListReset()
{
    // One more query, only when a list without search came back empty.
    m_catalogueEmpty = m_model->isLoaded() && m_model->rowCount() == 0
                       && m_model->filter().text.isEmpty() && m_services.session.isSignedIn()
                       && catalogueIsEmpty();
    if (m_model->isLoaded()) {
        m_ui->errorBanner->clear();
        fitColumns();
    }
    // Every row says "Active" when only active products are shown.
    m_ui->productsView->setColumnHidden(ProductListModel::ActiveColumn,
                                        m_model->filter().active == ProductFilter::Active::Yes);
    if (m_selectAfterLoad != 0) {
        selectProduct(m_selectAfterLoad);
        m_selectAfterLoad = 0;
    }
    updateCount();
    updateActions();
}

void ProductsPage::fitColumns()
{
    if (m_columnsFitted || m_model->rowCount() == 0) {
        return;
    }
    // Once, from the first page: short columns take the width their text needs, and the
    // name gets the rest. Measuring again on every page would cost more the longer the list.
    m_columnsFitted = true;
    QTableView *view = m_ui->productsView;
    for (int column : {ProductListModel::SkuColumn, ProductListModel::CategoryColumn,
                       ProductListModel::TaxRateColumn, ProductListModel::PriceColumn}) {
        view->resizeColumnToContents(column);
        view->setColumnWidth(column, qMin(view->columnWidth(column) + 12, 240));
    }
}

void ProductsPage::handleLoadFailed(const ServiceError &error)
{
    m_ui->errorBanner->showError(error);
    updateCount();
}

bool ProductsPage::hasNoProducts(const CatalogueService &catalogue)
{
    ProductFilter any;
    any.active = ProductFilter::Active::Any;
    const auto page = catalogue.page(any, {}, 1);
    return page && page->isEmpty();
}

bool ProductsPage::catalogueIsEmpty() const
{
    return hasNoProducts(m_services.catalogue);
}

void ProductsPage::updateCount()
{
    const int shown = m_model->rowCount();
    const bool empty = m_catalogueEmpty && shown == 0 && m_model->isLoaded()
                       && !m_model->isLoading() && m_services.session.isSignedIn();
    m_emptyPanel->setVisible(empty);
    m_ui->productsView->setVisible(!empty);
    if (m_model->isLoading()) {
        m_ui->countLabel->setText(tr("Searching the catalogue…"));
    } else if (!m_model->isLoaded()) {
        m_ui->countLabel->clear();
    } else if (shown == 0 && !m_model->filter().text.isEmpty()) {
        m_ui->countLabel->setText(tr("No product matches. Try fewer words, another category or "
                                     "\"All products\"."));
    } else if (shown == 0 && m_catalogueEmpty) {
        m_ui->countLabel->clear();
    } else if (shown == 0) {
        m_ui->countLabel->setText(tr("No product to show. Try another category, \"All products\" "
                                     "or without \"Low stock only\"."));
    } else if (m_model->hasMore()) {
        m_ui->countLabel->setText(
                tr("%Ln product(s) shown; more load as you scroll down.", "", shown));
    } else {
        m_ui->countLabel->setText(tr("%Ln product(s).", "", shown));
    }
}

std::optional<Product> ProductsPage::currentProduct() const
{
    const QModelIndex current = m_ui->productsView->currentIndex();
    if (!current.isValid()) {
        return std::nullopt;
    }
    return m_model->product(current.row());
}

void ProductsPage::updateActions()
{
    const bool signedIn = m_services.session.isSignedIn();
    const bool canEdit = m_services.authorizer.can(m_services.session, Permission::EditCatalogue);
    const bool canImport = m_services.authorizer.can(m_services.session, Permission::Import);
    const std::optional<Product> product = currentProduct();

    m_newAction->setEnabled(canEdit);
    m_openAction->setEnabled(product.has_value());
    m_openAction->setText(canEdit ? tr("&Edit…") : tr("&View…"));
    m_archiveAction->setEnabled(canEdit && product && product->active);
    m_reactivateAction->setEnabled(canEdit && product && !product->active);
    m_categoriesAction->setEnabled(canEdit);
    m_taxRatesAction->setEnabled(canEdit);
    m_quickKeysAction->setEnabled(canEdit);
    m_priceChangeAction->setEnabled(canEdit);
    m_importAction->setEnabled(canImport);
    m_exportAction->setEnabled(signedIn && !m_files->isExporting());
    if (m_emptyPanel) {
        m_emptyPanel->setAllowed(
                {canImport, signedIn, canEdit, canEdit && !m_files->isFillingDemo()});
    }
}

void ProductsPage::selectProduct(qint64 productId)
{
    const int row = m_model->rowOf(productId);
    if (row < 0) {
        return;
    }
    const QModelIndex index = m_model->index(row, ProductListModel::NameColumn);
    m_ui->productsView->setCurrentIndex(index);
    m_ui->productsView->scrollTo(index);
}

void ProductsPage::newProduct()
{
    if (!m_newAction->isEnabled()) {
        return;
    }
    ProductEditor editor(m_services, 0, this);
    if (editor.exec() != QDialog::Accepted) {
        return;
    }
    // The new product is shown selected once the list is read again.
    m_selectAfterLoad = editor.product().id;
    m_model->reload();
    m_ui->productsView->setFocus();
}

void ProductsPage::openProduct()
{
    const std::optional<Product> product = currentProduct();
    if (!product) {
        return;
    }
    ProductEditor editor(m_services, product->id, this);
    if (editor.exec() != QDialog::Accepted) {
        return;
    }
    m_model->updateProduct(editor.product());
    updateActions();
}

void ProductsPage::archiveProduct()
{
    const std::optional<Product> product = currentProduct();
    if (!product || !m_archiveAction->isEnabled()) {
        return;
    }
    const auto history = m_services.catalogue.hasHistory(product->id);
    if (!history) {
        ErrorBanner::report(this, tr("Archive or Delete"), history.error());
        return;
    }
    QMessageBox box(QMessageBox::Question, *history ? tr("Archive Product") : tr("Delete Product"),
                    *history ? tr("Archive \"%1\"?").arg(product->name)
                             : tr("Delete \"%1\" for good?").arg(product->name),
                    QMessageBox::Cancel, this);
    box.setInformativeText(
            *history ? tr(
                    "It has a history (sales, refunds or stock changes), so it is archived, "
                    "not deleted: it can no longer be sold or found at the counter, its records "
                    "stay as they are, and you can reactivate it.")
                     : tr("It has no history: it was never sold and its stock never changed. It is "
                          "deleted with its units and barcodes. This cannot be undone."));
    QPushButton *confirm = box.addButton(*history ? tr("&Archive") : tr("&Delete"),
                                         QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != confirm) {
        return;
    }
    const auto deleted = m_services.catalogue.archiveOrDelete(product->id);
    if (!deleted) {
        ErrorBanner::report(this, box.windowTitle(), deleted.error());
        return;
    }
    if (*deleted) {
        m_model->removeProduct(product->id);
    } else {
        Product archived = *product;
        archived.active = false;
        m_model->updateProduct(archived);
        if (!*history) {
            // A sale or a stock change came in while the question was open.
            m_ui->errorBanner->showMessage(
                    tr("\"%1\" was archived, not deleted: it got a history (a sale or a stock "
                       "change) while you were asked, and a product with a history is kept. You "
                       "can reactivate it.")
                            .arg(product->name));
        }
    }
    updateActions();
}

void ProductsPage::reactivateProduct()
{
    const std::optional<Product> product = currentProduct();
    if (!product || !m_reactivateAction->isEnabled()) {
        return;
    }
    if (const auto status = m_services.catalogue.reactivate(product->id); !status) {
        ErrorBanner::report(this, tr("Reactivate Product"), status.error());
        return;
    }
    Product active = *product;
    active.active = true;
    m_model->updateProduct(active);
    updateActions();
}

void ProductsPage::editCategories()
{
    CategoriesDialog dialog(m_services.catalogue, this);
    dialog.exec();
    reloadCategories();
    m_model->reload();
}

void ProductsPage::editTaxRates()
{
    TaxRatesDialog dialog(m_services.catalogue, this);
    dialog.exec();
    m_model->reload();
}

void ProductsPage::editQuickKeys()
{
    QuickKeysEditor editor(m_services, this);
    editor.exec();
}

void ProductsPage::changePrices()
{
    PriceChangeDialog dialog(m_services.catalogue, currentFilter(), filterDescription(), this);
    if (dialog.exec() == QDialog::Accepted) {
        m_model->reload();
    }
}

void ProductsPage::importCsv()
{
    ImportDialog dialog(m_services, this);
    dialog.exec();
    if (dialog.hasImported()) {
        reloadCategories();
        m_model->reload();
    }
}

void ProductsPage::setTillStarter(TillStarter starter)
{
    m_files->setTillStarter(std::move(starter));
}

bool ProductsPage::saveTemplate(const QString &fileName)
{
    return m_files->saveTemplate(fileName);
}
