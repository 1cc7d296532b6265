#include "ui/ledgerwidget.h"
#include "ui_ledgerwidget.h"

#include "models/items/ledgermodel.h"
#include "models/services/services.h"
#include "ui/errorbanner.h"
#include "ui/productpicker.h"

#include <QHBoxLayout>
#include <QHeaderView>

using namespace Qt::StringLiterals;

LedgerWidget::LedgerWidget(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LedgerWidget>())
    , m_services(services)
    , m_picker(new ProductPicker(services.catalogue, services.db))
    , m_model(new LedgerModel(services.inventory, this))
{
    m_ui->setupUi(this);
    m_picker->setObjectName(u"ledgerPicker"_s);
    auto *holder = new QHBoxLayout(m_ui->pickerHolder);
    holder->setContentsMargins(0, 0, 0, 0);
    holder->addWidget(m_picker);
    m_ui->productLabel->setBuddy(m_picker);

    QTableView *view = m_ui->ledgerView;
    view->setModel(m_model);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    view->setColumnWidth(LedgerModel::DateColumn, 170);
    view->setColumnWidth(LedgerModel::ReasonColumn, 130);
    view->setColumnWidth(LedgerModel::ChangeColumn, 280);
    view->setColumnWidth(LedgerModel::BalanceColumn, 280);
    view->setColumnWidth(LedgerModel::UserColumn, 130);
    view->setColumnWidth(LedgerModel::SourceColumn, 130);
    view->setTextElideMode(Qt::ElideMiddle);

    connect(m_picker, &ProductPicker::productChosen, this, &LedgerWidget::setProduct);
    connect(m_picker, &ProductPicker::failed, m_ui->errorBanner, &ErrorBanner::showError);
    connect(m_model, &LedgerModel::loadFailed, m_ui->errorBanner, &ErrorBanner::showError);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LedgerWidget::updateInfo);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LedgerWidget::updateInfo);
    connect(&services.session, &Session::signedOut, m_model, &LedgerModel::clear);
    setFocusProxy(m_picker);
    updateInfo();
}

LedgerWidget::~LedgerWidget() = default;

void LedgerWidget::setProduct(const Product &product)
{
    m_ui->errorBanner->clear();
    m_model->setProduct(product);
}

void LedgerWidget::refreshProduct(qint64 productId)
{
    if (m_model->product().id != productId || productId == 0) {
        return;
    }
    if (const auto product = m_services.catalogue.product(productId)) {
        m_model->setProduct(*product);
    }
}

void LedgerWidget::updateInfo()
{
    const Product &product = m_model->product();
    if (product.id == 0) {
        m_ui->productInfoLabel->setText(tr("Scan or choose a product to see its stock ledger."));
        m_ui->countLabel->clear();
        return;
    }
    m_ui->productInfoLabel->setText(
            tr("%1 (%2), in stock: %3").arg(product.name, product.sku, product.stockText()));
    m_ui->productInfoLabel->setToolTip(product.stockToolTip());
    const int rows = m_model->rowCount();
    m_ui->countLabel->setText(
            m_model->canFetchMore({})
                    ? tr("The newest %Ln movement(s); older ones load as you scroll.", "", rows)
                    : tr("%Ln movement(s).", "", rows));
}
