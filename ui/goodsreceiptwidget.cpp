#include "ui/goodsreceiptwidget.h"
#include "ui_goodsreceiptwidget.h"

#include "models/items/receiptlinesmodel.h"
#include "models/services/services.h"
#include "ui/errorbanner.h"
#include "ui/productpicker.h"
#include "ui/unitdelegate.h"
#include "ui/viewediting.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>

using namespace Qt::StringLiterals;

GoodsReceiptWidget::GoodsReceiptWidget(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::GoodsReceiptWidget>())
    , m_services(services)
    , m_picker(new ProductPicker(services.catalogue, services.db))
    , m_lines(new ReceiptLinesModel(this))
{
    m_ui->setupUi(this);
    m_picker->setObjectName(u"scanPicker"_s);
    // A scan is one query; the product's other units are read only if somebody asks.
    m_picker->setUnits(ProductPicker::Units::ScannedOnly);
    auto *holder = new QHBoxLayout(m_ui->pickerHolder);
    holder->setContentsMargins(0, 0, 0, 0);
    holder->addWidget(m_picker);
    m_ui->scanLabel->setBuddy(m_picker);

    QTableView *view = m_ui->linesView;
    view->setModel(m_lines);
    view->setItemDelegateForColumn(
            ReceiptLinesModel::UnitColumn,
            new UnitDelegate(
                    ReceiptLinesModel::UnitIdsRole, ReceiptLinesModel::UnitNamesRole,
                    [this](const QModelIndex &index) { completeUnits(index); }, view));
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ReceiptLinesModel::ProductColumn, QHeaderView::Stretch);
    view->setColumnWidth(ReceiptLinesModel::SkuColumn, 120);
    view->setColumnWidth(ReceiptLinesModel::UnitColumn, 200);
    view->setColumnWidth(ReceiptLinesModel::QuantityColumn, 100);
    view->setColumnWidth(ReceiptLinesModel::UnitCostColumn, 110);
    view->setColumnWidth(ReceiptLinesModel::TotalColumn, 120);

    auto *remove = new QAction(tr("Remove Line"), view);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &GoodsReceiptWidget::removeLine);
    view->addAction(remove);

    auto *postShortcut = new QAction(this);
    postShortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    postShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(postShortcut, &QAction::triggered, this, &GoodsReceiptWidget::post);
    addAction(postShortcut);

    connect(m_picker, &ProductPicker::productChosen, this, &GoodsReceiptWidget::addProduct);
    connect(m_picker, &ProductPicker::failed, m_ui->errorBanner, &ErrorBanner::showError);
    connect(m_ui->removeLineButton, &QPushButton::clicked, this, &GoodsReceiptWidget::removeLine);
    connect(m_ui->clearButton, &QPushButton::clicked, this, &GoodsReceiptWidget::clearAll);
    connect(m_ui->postButton, &QPushButton::clicked, this, &GoodsReceiptWidget::post);
    connect(m_lines, &ReceiptLinesModel::linesChanged, this, &GoodsReceiptWidget::updateTotals);
    connect(&services.session, &Session::signedIn, this,
            [this] { m_lines->setCurrencySymbol(m_services.catalogue.currencySymbol()); });
    if (services.session.isSignedIn()) {
        m_lines->setCurrencySymbol(services.catalogue.currencySymbol());
    }
    setFocusProxy(m_picker);
    updateTotals();
}

GoodsReceiptWidget::~GoodsReceiptWidget() = default;

void GoodsReceiptWidget::addProduct(const Product &product, qint64 unitId)
{
    m_ui->errorBanner->clear();
    qint64 unit = unitId;
    if (unit == 0) {
        // Chosen from the list: deliveries come in packs, so the largest unit is the guess.
        for (const ProductUnit &candidate : product.units) {
            if (candidate.active) {
                unit = candidate.id;
            }
        }
    }
    if (unit == 0) {
        m_ui->errorBanner->showMessage(
                tr("\"%1\" is not sold in any unit, so it cannot be received. "
                   "Give it a unit in the product editor first.")
                        .arg(product.name));
        return;
    }
    const int row = m_lines->addLine(product, unit, unitId == 0);
    const QModelIndex quantity = m_lines->index(row, ReceiptLinesModel::QuantityColumn);
    m_ui->linesView->setCurrentIndex(quantity);
    m_ui->linesView->scrollTo(quantity);
}

void GoodsReceiptWidget::receive(const Product &product)
{
    addProduct(product, 0);
}

void GoodsReceiptWidget::completeUnits(const QModelIndex &index)
{
    if (index.data(ReceiptLinesModel::UnitsCompleteRole).toBool()) {
        return;
    }
    const auto product = m_services.catalogue.product(
            index.data(ReceiptLinesModel::ProductIdRole).toLongLong());
    if (!product) {
        m_ui->errorBanner->showError(product.error());
        return;
    }
    m_lines->setUnits(index.row(), product->units);
}

void GoodsReceiptWidget::removeLine()
{
    const QModelIndex current = m_ui->linesView->currentIndex();
    if (current.isValid()) {
        m_lines->removeLine(current.row());
    }
}

void GoodsReceiptWidget::clearAll()
{
    if (m_lines->rowCount() == 0) {
        return;
    }
    const auto answer = QMessageBox::question(
            this, tr("Clear Goods Receipt"),
            tr("Remove all %Ln line(s) from this receipt?", "", m_lines->rowCount()),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes) {
        m_lines->clear();
        m_picker->setFocus();
    }
}

void GoodsReceiptWidget::updateTotals()
{
    const int lines = m_lines->rowCount();
    m_ui->totalLabel->setText(
            lines == 0 ? QString()
                       : tr("%Ln line(s), %1 at cost", "", lines)
                                 .arg(m_lines->total().toString(
                                         QLocale(), m_services.catalogue.currencySymbol())));
    m_ui->hintLabel->setText(
            lines == 0 ? tr("Scan the first item, or type its name and press Enter.") : QString());
    m_ui->postButton->setEnabled(lines > 0);
    m_ui->removeLineButton->setEnabled(lines > 0);
    m_ui->clearButton->setEnabled(lines > 0);
}

void GoodsReceiptWidget::post()
{
    commitEditing(m_ui->linesView);
    if (m_lines->rowCount() == 0) {
        return;
    }
    if (const auto problem = m_lines->problem()) {
        m_ui->errorBanner->showMessage(problem->message);
        const QModelIndex cell = m_lines->index(problem->row, problem->column);
        m_ui->linesView->setCurrentIndex(cell);
        m_ui->linesView->setFocus();
        return;
    }
    const auto document = m_services.inventory.postReceipt(
            m_lines->lines(), m_ui->supplierEdit->text(), m_ui->noteEdit->text());
    if (!document) {
        m_ui->errorBanner->showError(document.error());
        return;
    }
    m_ui->errorBanner->clear();
    m_lines->clear();
    m_ui->supplierEdit->clear();
    m_ui->noteEdit->clear();
    m_ui->hintLabel->setText(tr("Goods receipt %1 was posted: %Ln line(s), stock raised for %2.",
                                "", document->lines)
                                     .arg(document->number)
                                     .arg(tr("%Ln product(s)", "", document->productsChanged)));
    m_picker->setFocus();
    Q_EMIT posted();
}
