#include "ui/adjustmentwidget.h"
#include "ui_adjustmentwidget.h"

#include "models/services/services.h"
#include "ui/errorbanner.h"
#include "ui/productpicker.h"

#include <QHBoxLayout>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace {
enum Direction { Remove, Add };
using Reason = InventoryService::AdjustmentReason;
} // namespace

AdjustmentWidget::AdjustmentWidget(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AdjustmentWidget>())
    , m_services(services)
    , m_picker(new ProductPicker(services.catalogue, services.db))
{
    m_ui->setupUi(this);
    m_picker->setObjectName(u"adjustPicker"_s);
    auto *holder = new QHBoxLayout(m_ui->pickerHolder);
    holder->setContentsMargins(0, 0, 0, 0);
    holder->addWidget(m_picker);
    m_ui->productLabel->setBuddy(m_picker);

    for (Reason reason : {Reason::Damaged, Reason::Lost, Reason::Found, Reason::Correction}) {
        m_ui->reasonCombo->addItem(InventoryService::reasonName(reason), int(reason));
    }
    m_ui->directionCombo->addItem(tr("Take away", "lower the stock by"), Remove);
    m_ui->directionCombo->addItem(tr("Add", "raise the stock by"), Add);

    connect(m_picker, &ProductPicker::productChosen, this, &AdjustmentWidget::setProduct);
    connect(m_picker, &ProductPicker::failed, m_ui->errorBanner, &ErrorBanner::showError);
    connect(m_ui->reasonCombo, &QComboBox::currentIndexChanged, this,
            &AdjustmentWidget::updateReason);
    connect(m_ui->directionCombo, &QComboBox::currentIndexChanged, this,
            &AdjustmentWidget::updatePreview);
    connect(m_ui->unitCombo, &QComboBox::currentIndexChanged, this,
            &AdjustmentWidget::updatePreview);
    connect(m_ui->quantitySpin, &QSpinBox::valueChanged, this, &AdjustmentWidget::updatePreview);
    connect(m_ui->adjustButton, &QPushButton::clicked, this, &AdjustmentWidget::adjust);
    connect(&services.session, &Session::signedOut, this, [this] {
        m_product.reset();
        m_ui->unitCombo->clear();
        m_ui->noteEdit->clear();
        updatePreview();
    });
    setFocusProxy(m_picker);
    updateReason();
}

AdjustmentWidget::~AdjustmentWidget() = default;

void AdjustmentWidget::setProduct(const Product &product)
{
    m_ui->errorBanner->clear();
    m_product = product;
    const QSignalBlocker blocker(m_ui->unitCombo);
    m_ui->unitCombo->clear();
    m_ui->unitCombo->addItem(BaseUnits::displayName(product.baseUnit), qint64(1));
    for (const ProductUnit &unit : product.units) {
        if (unit.active && unit.basePerUnit > 1) {
            m_ui->unitCombo->addItem(tr("%1 (%L2 × %3)", "unit (base units in it × base unit)")
                                             .arg(unit.name)
                                             .arg(unit.basePerUnit)
                                             .arg(BaseUnits::displayName(product.baseUnit)),
                                     unit.basePerUnit);
        }
    }
    updatePreview();
    m_ui->quantitySpin->setFocus();
    m_ui->quantitySpin->selectAll();
}

void AdjustmentWidget::updateReason()
{
    const auto reason = Reason(m_ui->reasonCombo->currentData().toInt());
    // Damaged and lost goods only go out, found goods only come in; a correction goes both ways.
    const QSignalBlocker blocker(m_ui->directionCombo);
    m_ui->directionCombo->setEnabled(reason == Reason::Correction);
    if (reason == Reason::Found) {
        m_ui->directionCombo->setCurrentIndex(m_ui->directionCombo->findData(Add));
    } else if (reason != Reason::Correction) {
        m_ui->directionCombo->setCurrentIndex(m_ui->directionCombo->findData(Remove));
    }
    updatePreview();
}

std::optional<qint64> AdjustmentWidget::deltaBase() const
{
    const auto base
            = Quantity::toBase(m_ui->quantitySpin->value(),
                               qMax<qint64>(1, m_ui->unitCombo->currentData().toLongLong()));
    if (!base) {
        return std::nullopt;
    }
    return m_ui->directionCombo->currentData().toInt() == Add ? *base : -*base;
}

void AdjustmentWidget::updatePreview()
{
    const bool chosen = m_product.has_value();
    m_ui->adjustButton->setEnabled(chosen);
    m_ui->unitCombo->setEnabled(chosen);
    if (!chosen) {
        m_ui->productInfoLabel->setText(tr("Scan or choose the product whose stock is wrong."));
        m_ui->stockAfterLabel->clear();
        return;
    }
    m_ui->productInfoLabel->setText(
            tr("%1 (%2), in stock: %3")
                    .arg(m_product->name, m_product->sku, m_product->stockText()));
    m_ui->productInfoLabel->setToolTip(m_product->stockToolTip());
    const auto delta = deltaBase();
    if (!delta) {
        m_ui->stockAfterLabel->setText(tr("The quantity is too large."));
        return;
    }
    Product after = *m_product;
    after.stockBase += *delta;
    m_ui->stockAfterLabel->setText(after.stockText());
    m_ui->stockAfterLabel->setToolTip(after.stockToolTip());
}

void AdjustmentWidget::adjust()
{
    if (!m_product) {
        return;
    }
    const auto delta = deltaBase();
    if (!delta) {
        m_ui->errorBanner->showMessage(tr("The quantity is too large."));
        return;
    }
    const auto reason = Reason(m_ui->reasonCombo->currentData().toInt());
    const auto status
            = m_services.inventory.adjust(m_product->id, *delta, reason, m_ui->noteEdit->text());
    if (!status) {
        m_ui->errorBanner->showError(status.error());
        return;
    }
    const auto reloaded = m_services.catalogue.product(m_product->id);
    const qint64 id = m_product->id;
    if (reloaded) {
        m_product = *reloaded;
    } else {
        m_product->stockBase += *delta;
    }
    m_ui->errorBanner->clear();
    m_ui->noteEdit->clear();
    m_ui->quantitySpin->setValue(1);
    updatePreview();
    m_ui->stockAfterLabel->setText(
            tr("Booked as \"%1\". The stock is now %2.")
                    .arg(InventoryService::reasonName(reason), m_product->stockText()));
    Q_EMIT adjusted(id);
}
