#include "ui/productchooserdialog.h"
#include "ui_productchooserdialog.h"

#include "models/items/productlistmodel.h"
#include "models/services/catalogueservice.h"
#include "ui/errorbanner.h"
#include "ui/productspage.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;

ProductChooserDialog::ProductChooserDialog(const CatalogueService &catalogue, const Database &db,
                                           const QString &search, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProductChooserDialog>())
    , m_model(new ProductListModel(catalogue, this))
    , m_searchTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_model->setCurrencySymbol(catalogue.currencySymbol());
    m_model->loadInBackground(db);
    QTableView *view = m_ui->productsView;
    view->setModel(m_model);
    for (int column : {ProductListModel::TaxRateColumn, ProductListModel::ReorderLevelColumn,
                       ProductListModel::ActiveColumn}) {
        view->hideColumn(column);
    }
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ProductListModel::NameColumn, QHeaderView::Stretch);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(ProductsPage::kSearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &ProductChooserDialog::search);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(view, &QAbstractItemView::activated, this, &QDialog::accept);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProductChooserDialog::updateButtons);
    connect(m_model, &ProductListModel::loadFailed, m_ui->errorBanner, &ErrorBanner::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_ui->errorBanner->clear();
        if (m_model->rowCount() > 0) {
            m_ui->productsView->setCurrentIndex(m_model->index(0, ProductListModel::NameColumn));
        }
        updateButtons();
        if (m_acceptWhenRead) {
            m_acceptWhenRead = false;
            if (m_ui->productsView->currentIndex().isValid()) {
                accept();
            }
        }
    });
    m_ui->searchEdit->installEventFilter(this);

    m_ui->searchEdit->setText(search);
    this->search();
    m_ui->searchEdit->setFocus();
}

ProductChooserDialog::~ProductChooserDialog() = default;

void ProductChooserDialog::search()
{
    m_searchTimer->stop();
    ProductFilter filter;
    filter.text = m_ui->searchEdit->text().trimmed();
    m_model->setFilter(filter);
}

bool ProductChooserDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->searchEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            // Move through the list while the cursor stays in the search.
            QCoreApplication::sendEvent(m_ui->productsView, event);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_searchTimer->isActive() || m_model->isLoading()) {
                // Enter typed before the list caught up takes the first match when it does.
                if (m_searchTimer->isActive()) {
                    search();
                }
                m_acceptWhenRead = true;
            } else if (m_ui->productsView->currentIndex().isValid()) {
                accept();
            }
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ProductChooserDialog::updateButtons()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
            ->setEnabled(m_ui->productsView->currentIndex().isValid());
}

std::optional<Product> ProductChooserDialog::chosenProduct() const
{
    if (result() != QDialog::Accepted) {
        return std::nullopt;
    }
    const QModelIndex current = m_ui->productsView->currentIndex();
    if (!current.isValid()) {
        return std::nullopt;
    }
    return m_model->product(current.row());
}
