#include "ui/stocktakewidget.h"
#include "ui_stocktakewidget.h"

#include "models/domain/storesettings.h"
#include "models/items/stocktakemodel.h"
#include "models/services/services.h"
#include "ui/errorbanner.h"
#include "ui/productspage.h"
#include "ui/viewediting.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QTimer>

using namespace Qt::StringLiterals;

StocktakeWidget::StocktakeWidget(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::StocktakeWidget>())
    , m_services(services)
    , m_model(new StocktakeModel(services.catalogue, this))
    , m_searchTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->introLabel->setText(tr("Count each product in full packs and loose units. Counts are "
                                 "kept while you search for the next shelf; posting sets the stock "
                                 "of every counted product and books the differences."));

    QTableView *view = m_ui->countsView;
    view->setModel(m_model);
    QHeaderView *header = view->horizontalHeader();
    // Names take the room that is left; codes and quantities are as wide as they read.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(StocktakeModel::NameCountColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(60);
    // The stock in words can run long ("18 × 2 kg bag + 1 × 1 kg bag + 900 g"): it gets a
    // fair share and its whole text in the tool tip, so the name and the counts stay in view.
    header->setSectionResizeMode(StocktakeModel::StockCountColumn, QHeaderView::Interactive);
    header->resizeSection(StocktakeModel::StockCountColumn, 170);
    header->setSortIndicator(m_model->sortedColumn(), m_model->sortOrder());
    view->setSortingEnabled(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column) {
        if (!StocktakeModel::isSortableColumn(column)) {
            const QSignalBlocker blocker(header);
            header->setSortIndicator(m_model->sortedColumn(), m_model->sortOrder());
        }
    });

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(ProductsPage::kSearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &StocktakeWidget::applyFilter);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, &StocktakeWidget::applyFilter);
    connect(m_ui->categoryCombo, &QComboBox::currentIndexChanged, this,
            &StocktakeWidget::applyFilter);
    connect(m_model, &StocktakeModel::countsChanged, this, &StocktakeWidget::updateCounted);
    m_model->loadInBackground(services.db);
    connect(m_model, &ProductListModel::loadFailed, m_ui->errorBanner, &ErrorBanner::showError);
    connect(m_model, &QAbstractItemModel::modelReset, m_ui->errorBanner, &ErrorBanner::clear);
    connect(m_ui->clearCountsButton, &QPushButton::clicked, this, &StocktakeWidget::clearCounts);
    connect(m_ui->postButton, &QPushButton::clicked, this, &StocktakeWidget::post);
    connect(&services.settings, &SettingsService::saved, this, [this](const QStringList &keys) {
        if (keys.contains(Setting::BlindCounts.key)) {
            m_model->setBlind(m_services.settings.blindCounts());
        }
    });
    connect(&services.session, &Session::signedIn, this, [this] {
        m_stale = true;
        if (isVisible()) {
            refresh();
        }
    });
    connect(&services.session, &Session::signedOut, this, [this] {
        m_stale = true;
        m_model->clearCounts();
        m_model->clear();
    });
    setFocusProxy(m_ui->searchEdit);
    updateCounted();
}

StocktakeWidget::~StocktakeWidget() = default;

void StocktakeWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && m_services.session.isSignedIn()) {
        refresh();
    }
}

void StocktakeWidget::markStale()
{
    m_stale = true;
    if (isVisible()) {
        refresh();
    }
}

void StocktakeWidget::refresh()
{
    m_stale = false;
    m_model->setBlind(m_services.settings.blindCounts());
    const qint64 current = m_ui->categoryCombo->currentData().toLongLong();
    {
        const QSignalBlocker blocker(m_ui->categoryCombo);
        m_ui->categoryCombo->clear();
        m_ui->categoryCombo->addItem(tr("All categories"), qint64(0));
        if (const auto categories = m_services.catalogue.categories()) {
            for (const Category &category : *categories) {
                m_ui->categoryCombo->addItem(category.name, category.id);
            }
        } else {
            m_ui->errorBanner->showError(categories.error());
        }
        m_ui->categoryCombo->setCurrentIndex(qMax(0, m_ui->categoryCombo->findData(current)));
    }
    applyFilter();
}

void StocktakeWidget::applyFilter()
{
    m_searchTimer->stop();
    if (!m_services.session.isSignedIn()) {
        return;
    }
    ProductFilter filter = m_model->filter();
    filter.text = m_ui->searchEdit->text().trimmed();
    filter.categoryId = m_ui->categoryCombo->currentData().toLongLong();
    filter.active = ProductFilter::Active::Yes;
    m_model->setFilter(filter);
}

void StocktakeWidget::updateCounted()
{
    const int counted = m_model->countedProducts();
    m_ui->countedLabel->setText(counted == 0 ? tr("Nothing counted yet.")
                                             : tr("%Ln product(s) counted.", "", counted));
    m_ui->postButton->setEnabled(counted > 0);
    m_ui->clearCountsButton->setEnabled(counted > 0);
}

void StocktakeWidget::clearCounts()
{
    const auto answer = QMessageBox::question(
            this, tr("Clear Counts"),
            tr("Forget the counts of %Ln product(s)?", "", m_model->countedProducts()),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes) {
        m_model->clearCounts();
    }
}

void StocktakeWidget::post()
{
    commitEditing(m_ui->countsView);
    const auto lines = m_model->countLines();
    if (lines.isEmpty()) {
        return;
    }
    const auto document = m_services.inventory.postStocktake(lines, m_ui->noteEdit->text());
    if (!document) {
        m_ui->errorBanner->showError(document.error());
        return;
    }
    m_ui->errorBanner->clear();
    m_ui->noteEdit->clear();
    m_model->clearCounts();
    m_model->reload();
    m_ui->countedLabel->setText(tr("Stocktake %1 was posted: %2 counted, %3 changed.")
                                        .arg(document->number)
                                        .arg(tr("%Ln product(s)", "", document->lines),
                                             tr("%Ln product(s)", "", document->productsChanged)));
    Q_EMIT posted();
}
