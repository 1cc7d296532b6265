#include "ui/producteditor.h"
#include "ui_producteditor.h"

#include "models/domain/percent.h"
#include "models/items/productunitsmodel.h"
#include "models/services/services.h"
#include "ui/errorbanner.h"
#include "ui/viewediting.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

ProductEditor::ProductEditor(Services &services, qint64 productId, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProductEditor>())
    , m_services(services)
    , m_units(new ProductUnitsModel(this))
{
    m_ui->setupUi(this);
    m_ui->fieldsLayout->setColumnStretch(1, 1);
    m_ui->fieldsLayout->setColumnStretch(3, 1);
    m_ui->costEdit->setPlaceholderText(tr("Not known"));
    // The limits the service checks, so the fields cannot even hold more.
    m_ui->skuEdit->setMaxLength(ProductLimits::kMaxSkuLength);
    m_ui->nameEdit->setMaxLength(ProductLimits::kMaxNameLength);
    m_ui->reorderSpin->setMaximum(static_cast<int>(ProductLimits::kMaxReorderLevel));
    m_ui->costPerBaseSpin->setMaximum(static_cast<int>(ProductLimits::kMaxCostPerBase));
    m_ui->openingSpin->setMaximum(static_cast<int>(std::min<qint64>(Quantity::kMaxBase, 999999)));

    m_units->setCurrencySymbol(services.catalogue.currencySymbol());
    QTableView *view = m_ui->unitsView;
    view->setModel(m_units);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ProductUnitsModel::NameColumn, QHeaderView::Stretch);
    view->setColumnWidth(ProductUnitsModel::BasePerUnitColumn, 110);
    view->setColumnWidth(ProductUnitsModel::PriceColumn, 110);
    view->setColumnWidth(ProductUnitsModel::BarcodeColumn, 170);
    view->setColumnWidth(ProductUnitsModel::ActiveColumn, 60);

    loadChoices();
    if (productId > 0) {
        const auto loaded = services.catalogue.product(productId);
        if (!loaded) {
            // Nothing to edit; the reason stays on screen and Save stays off.
            showProblem(loaded.error().message, loaded.error().details);
            setReadOnly(true);
            return;
        }
        showProduct(*loaded);
    } else {
        Product fresh;
        ProductUnit base;
        base.name = BaseUnits::displayName(fresh.baseUnit);
        fresh.units = {base};
        showProduct(fresh);
        // A new unit has no price until somebody types one; 0 would be a gift.
        m_units->setData(m_units->index(0, ProductUnitsModel::PriceColumn), QString());
    }
    setReadOnly(!services.authorizer.can(services.session, Permission::EditCatalogue));
    // A new product starts with what is on the shelf; later changes are stock documents.
    const bool opening = productId == 0 && !m_readOnly
                         && services.authorizer.can(services.session, Permission::AdjustStock);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_ui->openingLabel, m_ui->openingSpin,
                                                            m_ui->openingUnitCombo}) {
        widget->setVisible(opening);
    }

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProductEditor::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ProductEditor::reject);
    connect(m_ui->addUnitButton, &QPushButton::clicked, this, &ProductEditor::addUnit);
    connect(m_ui->removeUnitButton, &QPushButton::clicked, this, &ProductEditor::removeUnit);
    connect(m_ui->baseUnitCombo, &QComboBox::currentIndexChanged, this,
            &ProductEditor::updateUnitNames);
    for (QLineEdit *edit : {m_ui->skuEdit, m_ui->nameEdit, m_ui->costEdit}) {
        connect(edit, &QLineEdit::textEdited, this, &ProductEditor::handleEdited);
    }
    for (QComboBox *combo : {m_ui->categoryCombo, m_ui->taxRateCombo}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &ProductEditor::handleEdited);
    }
    for (QSpinBox *spin : {m_ui->reorderSpin, m_ui->costPerBaseSpin}) {
        connect(spin, &QSpinBox::valueChanged, this, &ProductEditor::handleEdited);
    }
    connect(m_ui->openingSpin, &QSpinBox::valueChanged, this, &ProductEditor::handleEdited);
    connect(m_units, &QAbstractItemModel::dataChanged, this, &ProductEditor::handleEdited);
    connect(m_units, &QAbstractItemModel::rowsInserted, this, &ProductEditor::handleEdited);
    connect(m_units, &QAbstractItemModel::rowsRemoved, this, &ProductEditor::handleEdited);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ProductEditor::updateButtons);
    updateButtons();
    updateHints();
    m_ui->skuEdit->setFocus();
}

ProductEditor::~ProductEditor() = default;

void ProductEditor::loadChoices()
{
    m_ui->categoryCombo->addItem(tr("No category"), qint64(0));
    if (const auto categories = m_services.catalogue.categories()) {
        for (const Category &category : *categories) {
            m_ui->categoryCombo->addItem(category.name, category.id);
        }
    } else {
        showProblem(categories.error().message, categories.error().details);
    }
    if (const auto rates = m_services.catalogue.taxRates()) {
        const QLocale locale;
        for (const TaxRate &rate : *rates) {
            m_ui->taxRateCombo->addItem(
                    tr("%1 (%2)", "tax rate: name (percentage)")
                            .arg(rate.name, Percent::toString(rate.rateBp, locale)),
                    rate.id);
        }
    } else {
        showProblem(rates.error().message, rates.error().details);
    }
    for (BaseUnit unit : BaseUnits::all()) {
        m_ui->baseUnitCombo->addItem(BaseUnits::displayName(unit), BaseUnits::key(unit));
    }
}

void ProductEditor::showProduct(const Product &product)
{
    m_product = product;
    const QLocale locale;
    m_ui->skuEdit->setText(product.sku);
    m_ui->nameEdit->setText(product.name);
    m_ui->categoryCombo->setCurrentIndex(
            qMax(0, m_ui->categoryCombo->findData(product.categoryId)));
    if (product.taxRateId > 0) {
        m_ui->taxRateCombo->setCurrentIndex(m_ui->taxRateCombo->findData(product.taxRateId));
    }
    m_ui->baseUnitCombo->setCurrentIndex(
            m_ui->baseUnitCombo->findData(BaseUnits::key(product.baseUnit)));
    m_baseUnitName = BaseUnits::displayName(product.baseUnit);
    m_ui->reorderSpin->setValue(static_cast<int>(
            std::clamp<qint64>(product.reorderLevelBase, 0, m_ui->reorderSpin->maximum())));
    m_ui->costEdit->setText(product.cost ? product.cost->toPlainString(locale) : QString());
    m_ui->costPerBaseSpin->setValue(static_cast<int>(
            std::clamp<qint64>(product.costPerBase, 1, m_ui->costPerBaseSpin->maximum())));
    m_ui->activeCheck->setChecked(product.active);
    m_units->setUnits(product.units);

    const bool saved = product.id > 0;
    m_ui->stockLabel->setVisible(saved);
    m_ui->stockEdit->setVisible(saved);
    m_ui->stockEdit->setText(product.stockText());
    setWindowTitle(saved ? tr("%1 — Product").arg(product.name) : tr("New Product"));
}

void ProductEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QLineEdit *edit : {m_ui->skuEdit, m_ui->nameEdit, m_ui->costEdit}) {
        edit->setReadOnly(readOnly);
    }
    for (QWidget *widget : std::initializer_list<QWidget *>{
                 m_ui->categoryCombo, m_ui->taxRateCombo, m_ui->baseUnitCombo, m_ui->reorderSpin,
                 m_ui->costPerBaseSpin, m_ui->activeCheck}) {
        widget->setEnabled(!readOnly);
    }
    m_units->setReadOnly(readOnly);
    m_ui->unitsView->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                              : QAbstractItemView::AnyKeyPressed
                                                        | QAbstractItemView::DoubleClicked
                                                        | QAbstractItemView::EditKeyPressed
                                                        | QAbstractItemView::SelectedClicked);
    m_ui->addUnitButton->setVisible(!readOnly);
    m_ui->removeUnitButton->setVisible(!readOnly);
    m_ui->buttonBox->setStandardButtons(
            readOnly ? QDialogButtonBox::Close : QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    if (readOnly && m_product.id > 0) {
        setWindowTitle(tr("%1 — Product (read only)").arg(m_product.name));
    }
}

void ProductEditor::updateUnitNames()
{
    const auto unit = BaseUnits::fromKey(m_ui->baseUnitCombo->currentData().toString());
    const QString name = BaseUnits::displayName(unit.value_or(BaseUnit::Piece));
    // The unit that is the base unit itself follows its name, unless somebody named it.
    m_units->renameUnits(m_baseUnitName, name);
    m_baseUnitName = name;
    updateHints();
}

void ProductEditor::updateHints()
{
    const QString suffix = tr(" × %1", "spin box suffix: × base unit").arg(m_baseUnitName);
    m_ui->reorderSpin->setSuffix(suffix);
    m_ui->costPerBaseSpin->setSuffix(suffix);
    QList<PackSize> packs;
    bool hasPack = false;
    for (const ProductUnit &unit : m_units->units()) {
        if (unit.active && unit.basePerUnit >= 1) {
            packs.append({unit.name, unit.basePerUnit});
            hasPack = hasPack || unit.basePerUnit > 1;
        }
    }
    // In the units the stock is shown in, so the level reads like the stock beside it.
    const int reorder = m_ui->reorderSpin->value();
    m_ui->reorderHintLabel->setText(reorder > 0 && hasPack ? tr("= %1").arg(
                                            Quantity::format(reorder, packs, m_baseUnitName))
                                                           : QString());
    updateOpeningUnits();
}

void ProductEditor::updateOpeningUnits()
{
    QComboBox *combo = m_ui->openingUnitCombo;
    const QString current = combo->currentText();
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const ProductUnit &unit : m_units->units()) {
        if (unit.active && unit.basePerUnit >= 1 && !unit.name.trimmed().isEmpty()) {
            combo->addItem(unit.name, unit.basePerUnit);
        }
    }
    combo->setCurrentIndex(qMax(0, combo->findText(current)));
}

qint64 ProductEditor::openingStockBase() const
{
    if (!m_ui->openingSpin->isVisibleTo(this) || m_ui->openingUnitCombo->currentIndex() < 0) {
        return 0;
    }
    return qint64(m_ui->openingSpin->value()) * m_ui->openingUnitCombo->currentData().toLongLong();
}

void ProductEditor::updateButtons()
{
    m_ui->removeUnitButton->setEnabled(!m_readOnly && m_ui->unitsView->currentIndex().isValid());
}

void ProductEditor::addUnit()
{
    const int row = m_units->addUnit(QString());
    const QModelIndex name = m_units->index(row, ProductUnitsModel::NameColumn);
    m_ui->unitsView->setCurrentIndex(name);
    m_ui->unitsView->setFocus();
    m_ui->unitsView->edit(name);
}

void ProductEditor::removeUnit()
{
    const QModelIndex current = m_ui->unitsView->currentIndex();
    if (current.isValid()) {
        m_units->removeUnit(current.row());
    }
    updateButtons();
}

std::optional<Product> ProductEditor::productFromForm(QString *problem, QWidget **culprit,
                                                      FormPart part) const
{
    Product p = m_product;
    p.sku = m_ui->skuEdit->text().trimmed();
    p.name = m_ui->nameEdit->text().trimmed();
    p.categoryId = m_ui->categoryCombo->currentData().toLongLong();
    p.taxRateId = m_ui->taxRateCombo->currentData().toLongLong();
    p.baseUnit = BaseUnits::fromKey(m_ui->baseUnitCombo->currentData().toString())
                         .value_or(BaseUnit::Piece);
    p.reorderLevelBase = m_ui->reorderSpin->value();
    p.costPerBase = m_ui->costPerBaseSpin->value();
    p.active = m_ui->activeCheck->isChecked();
    const QString cost = m_ui->costEdit->text().trimmed();
    if (cost.isEmpty()) {
        p.cost.reset();
    } else if (const auto amount = Money::fromString(cost, QLocale())) {
        p.cost = *amount;
    } else {
        *problem = tr("The cost \"%1\" is not an amount like %2.")
                           .arg(cost, Money::fromMinor(249).toPlainString(QLocale()));
        *culprit = m_ui->costEdit;
        return std::nullopt;
    }
    if (part == FormPart::FieldsOnly) {
        return p;
    }
    if (const auto unitProblem = m_units->problem()) {
        *problem = unitProblem->message;
        *culprit = m_ui->unitsView;
        return std::nullopt;
    }
    p.units = m_units->units();
    return p;
}

void ProductEditor::showProblem(const QString &message, const QString &details)
{
    m_ui->errorBanner->showMessage(message, details);
}

void ProductEditor::focusUnitCell(int row, int column)
{
    const QModelIndex index = m_units->index(row, column);
    m_ui->unitsView->setCurrentIndex(index);
    m_ui->unitsView->scrollTo(index);
    m_ui->unitsView->setFocus();
}

void ProductEditor::focusProblem(const Product &product, const QString &message)
{
    // The service says what is wrong in a sentence, not where. Repair one field at a time
    // in a copy: the field whose repair silences the sentence is the one at fault. That
    // holds in every language and for every rule the service has or will have.
    const auto stillSays = [&message](const Product &candidate) {
        const auto problem = CatalogueService::validate(candidate);
        return problem && problem->message == message;
    };
    if (stillSays(product)) {
        using Repair = std::function<void(Product &)>;
        // Names come last: sentences quote them, so renaming changes any sentence.
        const QList<std::pair<QWidget *, Repair>> fields{
                {m_ui->skuEdit,
                 [](Product &p) {
                     p.sku = u"SKU"_s;
                 }},
                {m_ui->taxRateCombo,
                 [](Product &p) {
                     p.taxRateId = 1;
                 }},
                {m_ui->reorderSpin,
                 [](Product &p) {
                     p.reorderLevelBase = 0;
                 }},
                {m_ui->costEdit,
                 [](Product &p) {
                     p.cost.reset();
                 }},
                {m_ui->costPerBaseSpin,
                 [](Product &p) {
                     p.costPerBase = 1;
                 }},
        };
        for (const auto &[widget, repair] : fields) {
            Product candidate = product;
            repair(candidate);
            if (!stillSays(candidate)) {
                widget->setFocus();
                return;
            }
        }
        for (qsizetype row = 0; row < product.units.size(); ++row) {
            const QList<std::pair<int, Repair>> cells{
                    {ProductUnitsModel::BarcodeColumn,
                     [row](Product &p) {
                         p.units[row].barcode.clear();
                     }},
                    {ProductUnitsModel::PriceColumn,
                     [row](Product &p) {
                         p.units[row].price = Money();
                     }},
                    {ProductUnitsModel::BasePerUnitColumn,
                     [row](Product &p) {
                         p.units[row].basePerUnit = Quantity::kMaxBasePerUnit - row;
                     }},
                    {ProductUnitsModel::NameColumn,
                     [row](Product &p) {
                         p.units[row].name = u"\u0001%1"_s.arg(row);
                     }},
            };
            for (const auto &[column, repair] : cells) {
                Product candidate = product;
                repair(candidate);
                if (!stillSays(candidate)) {
                    focusUnitCell(static_cast<int>(row), column);
                    return;
                }
            }
        }
        Product renamed = product;
        renamed.name = u"Name"_s;
        if (!stillSays(renamed)) {
            m_ui->nameEdit->setFocus();
            return;
        }
        m_ui->unitsView->setFocus();
        return;
    }
    // What only the database can tell: a SKU or barcode another product has.
    if (!product.sku.isEmpty() && message.contains(product.sku)) {
        m_ui->skuEdit->setFocus();
        m_ui->skuEdit->selectAll();
        return;
    }
    for (qsizetype row = 0; row < product.units.size(); ++row) {
        const QString barcode = product.units.at(row).barcode.trimmed();
        if (!barcode.isEmpty() && message.contains(barcode)) {
            focusUnitCell(static_cast<int>(row), ProductUnitsModel::BarcodeColumn);
            return;
        }
    }
}

Product ProductEditor::fieldsProduct() const
{
    QString ignored;
    QWidget *culprit = nullptr;
    // One unit that is surely valid stands in for the table, so only the fields can fail.
    ProductUnit unit;
    unit.name = u"-"_s;
    unit.basePerUnit = 1;
    const auto product = productFromForm(&ignored, &culprit, FormPart::FieldsOnly);
    Product fields = product.value_or(m_product);
    fields.units = {unit};
    return fields;
}

std::optional<ServiceError> ProductEditor::fieldsProblem() const
{
    QString problem;
    QWidget *culprit = nullptr;
    if (!productFromForm(&problem, &culprit, FormPart::FieldsOnly)) {
        return ServiceError{ServiceError::Code::InvalidInput, problem, {}};
    }
    return CatalogueService::validate(fieldsProduct());
}

void ProductEditor::handleEdited()
{
    updateHints();
    if (!m_triedToSave || m_readOnly) {
        return;
    }
    // After the first attempt the message follows the typing, so it goes away when fixed.
    if (const auto fields = fieldsProblem()) {
        showProblem(fields->message);
        return;
    }
    QString problem;
    QWidget *culprit = nullptr;
    const auto product = productFromForm(&problem, &culprit);
    if (!product) {
        showProblem(problem);
    } else if (const auto invalid = CatalogueService::validate(*product)) {
        showProblem(invalid->message);
    } else {
        m_ui->errorBanner->clear();
    }
}

void ProductEditor::accept()
{
    if (m_readOnly) {
        QDialog::reject();
        return;
    }
    commitEditing(m_ui->unitsView);
    m_triedToSave = true;
    QString problem;
    QWidget *culprit = nullptr;
    // The fields at the top are checked before the units table, as they are read.
    if (!productFromForm(&problem, &culprit, FormPart::FieldsOnly)) {
        showProblem(problem);
        culprit->setFocus();
        return;
    }
    if (const auto fields = CatalogueService::validate(fieldsProduct())) {
        showProblem(fields->message);
        focusProblem(fieldsProduct(), fields->message);
        return;
    }
    const auto product = productFromForm(&problem, &culprit);
    if (!product) {
        showProblem(problem);
        if (culprit == m_ui->unitsView) {
            const auto cell = m_units->problem();
            focusUnitCell(cell->row, cell->column);
        } else if (culprit) {
            culprit->setFocus();
        }
        return;
    }
    if (const auto invalid = CatalogueService::validate(*product)) {
        showProblem(invalid->message, invalid->details);
        focusProblem(*product, invalid->message);
        return;
    }
    const qint64 opening = openingStockBase();
    if (const auto problem = InventoryService::openingStockProblem(opening)) {
        showProblem(*problem);
        m_ui->openingSpin->setFocus();
        return;
    }
    // The product and its opening stock on the ledger are saved together, or neither is.
    const auto saved = opening > 0 ? m_services.catalogue.save(
                               *product, m_services.inventory.openingStock(opening))
                                   : m_services.catalogue.save(*product);
    if (!saved) {
        showProblem(saved.error().message, saved.error().details);
        focusProblem(*product, saved.error().message);
        return;
    }
    m_product = *saved;
    QDialog::accept();
}
