#include "ui/pricechangedialog.h"
#include "ui_pricechangedialog.h"

#include "models/domain/percent.h"
#include "models/items/pricechangemodel.h"
#include "models/services/catalogueservice.h"
#include "ui/errorbanner.h"

#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

PriceChangeDialog::PriceChangeDialog(CatalogueService &catalogue, const ProductFilter &filter,
                                     const QString &filterDescription, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PriceChangeDialog>())
    , m_catalogue(catalogue)
    , m_filter(filter)
    , m_model(new PriceChangeModel(this))
    , m_currencySymbol(catalogue.currencySymbol())
{
    m_ui->setupUi(this);
    m_ui->scopeLabel->setText(filterDescription);
    m_ui->modeCombo->addItem(tr("Raise or lower by a percentage"), int(PriceChange::Mode::Percent));
    m_ui->modeCombo->addItem(tr("Raise or lower by an amount"), int(PriceChange::Mode::Amount));
    m_ui->modeCombo->addItem(tr("Set every price to"), int(PriceChange::Mode::Set));

    m_model->setCurrencySymbol(m_currencySymbol);
    m_ui->previewView->setModel(m_model);
    QHeaderView *header = m_ui->previewView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PriceChangeModel::ProductColumn, QHeaderView::Stretch);

    m_applyButton = m_ui->buttonBox->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(u"applyButton"_s);
    m_applyButton->setAutoDefault(false);
    connect(m_applyButton, &QPushButton::clicked, this, &PriceChangeDialog::apply);
    connect(m_ui->previewButton, &QPushButton::clicked, this, &PriceChangeDialog::preview);
    connect(m_ui->valueEdit, &QLineEdit::returnPressed, this, &PriceChangeDialog::preview);
    connect(m_ui->modeCombo, &QComboBox::currentIndexChanged, this, &PriceChangeDialog::updateMode);
    connect(m_ui->valueEdit, &QLineEdit::textChanged, this, &PriceChangeDialog::invalidatePreview);
    connect(m_ui->singleUnitsCheck, &QCheckBox::toggled, this,
            &PriceChangeDialog::invalidatePreview);
    updateMode();
    m_ui->valueEdit->setFocus();
}

PriceChangeDialog::~PriceChangeDialog() = default;

void PriceChangeDialog::updateMode()
{
    const auto mode = PriceChange::Mode(m_ui->modeCombo->currentData().toInt());
    const QLocale locale;
    switch (mode) {
    case PriceChange::Mode::Percent:
        m_ui->valueLabel->setText(tr("&By:"));
        m_ui->valueUnitLabel->setText(tr("%", "percent sign after the value"));
        m_ui->valueEdit->setPlaceholderText(tr("e.g. %1 or %2")
                                                    .arg(Percent::toPlainString(500, locale),
                                                         Percent::toPlainString(-1000, locale)));
        break;
    case PriceChange::Mode::Amount:
        m_ui->valueLabel->setText(tr("&By:"));
        m_ui->valueUnitLabel->setText(m_currencySymbol);
        m_ui->valueEdit->setPlaceholderText(
                tr("e.g. %1 or %2")
                        .arg(Money::fromMinor(10).toPlainString(locale),
                             Money::fromMinor(-50).toPlainString(locale)));
        break;
    case PriceChange::Mode::Set:
        m_ui->valueLabel->setText(tr("&To:"));
        m_ui->valueUnitLabel->setText(m_currencySymbol);
        m_ui->valueEdit->setPlaceholderText(
                tr("e.g. %1").arg(Money::fromMinor(199).toPlainString(locale)));
        break;
    }
    invalidatePreview();
}

void PriceChangeDialog::invalidatePreview()
{
    // Apply does exactly what was previewed, so any change of the settings takes it away.
    m_previewed.reset();
    m_units = 0;
    m_model->clear();
    m_applyButton->setEnabled(false);
    m_ui->errorBanner->clear();
    m_ui->previewNoteLabel->setText(tr("Preview to see the new prices before applying them."));
}

std::optional<PriceChange> PriceChangeDialog::changeFromForm(QString *problem) const
{
    PriceChange change;
    change.mode = PriceChange::Mode(m_ui->modeCombo->currentData().toInt());
    change.baseUnitsOnly = m_ui->singleUnitsCheck->isChecked();
    const QString typed = m_ui->valueEdit->text().trimmed();
    const QLocale locale;
    if (typed.isEmpty()) {
        *problem = change.mode == PriceChange::Mode::Set
                           ? tr("Please enter the new price.")
                           : tr("Please enter by how much prices change.");
        return std::nullopt;
    }
    if (change.mode == PriceChange::Mode::Percent) {
        const auto basisPoints = Percent::fromString(typed, locale);
        if (!basisPoints) {
            *problem = tr("\"%1\" is not a percentage like %2 or %3.")
                               .arg(typed, Percent::toPlainString(500, locale),
                                    Percent::toPlainString(-1000, locale));
            return std::nullopt;
        }
        if (*basisPoints <= -10000) {
            *problem = tr("A price can be lowered by less than 100 %.");
            return std::nullopt;
        }
        change.value = *basisPoints;
    } else {
        const auto amount = Money::fromString(typed, locale);
        if (!amount) {
            *problem = tr("\"%1\" is not an amount like %2.")
                               .arg(typed, Money::fromMinor(249).toPlainString(locale));
            return std::nullopt;
        }
        if (change.mode == PriceChange::Mode::Set && amount->isNegative()) {
            *problem = tr("A price cannot be negative.");
            return std::nullopt;
        }
        change.value = amount->minor();
    }
    if (change.mode != PriceChange::Mode::Set && change.value == 0) {
        *problem = tr("A change of zero changes nothing.");
        return std::nullopt;
    }
    return change;
}

void PriceChangeDialog::preview()
{
    invalidatePreview();
    QString problem;
    const auto change = changeFromForm(&problem);
    if (!change) {
        m_ui->errorBanner->showMessage(problem);
        m_ui->valueEdit->setFocus();
        m_ui->valueEdit->selectAll();
        return;
    }
    const auto count = m_catalogue.countPriceChange(m_filter, *change);
    if (!count) {
        m_ui->errorBanner->showError(count.error());
        return;
    }
    const auto rows = m_catalogue.previewPriceChange(m_filter, *change, kPreviewRows);
    if (!rows) {
        m_ui->errorBanner->showError(rows.error());
        return;
    }
    m_model->setRows(*rows);
    m_units = *count;
    const bool negative = std::any_of(rows->cbegin(), rows->cend(), [](const PriceChangeRow &row) {
        return row.newPrice.isNegative();
    });
    if (m_units == 0) {
        m_ui->previewNoteLabel->setText(tr("No unit is sold at a price this change would touch."));
        return;
    }
    if (negative) {
        m_ui->errorBanner->showMessage(tr("Some prices would become negative. Lower them by less, "
                                          "or choose fewer products."));
    }
    m_ui->previewNoteLabel->setText(
            m_units > rows->size()
                    ? tr("The first %L1 of %Ln unit(s) are shown.", "", m_units).arg(rows->size())
                    : tr("%Ln unit(s) change price.", "", m_units));
    m_previewed = change;
    m_applyButton->setEnabled(!negative);
}

void PriceChangeDialog::apply()
{
    if (!m_previewed || m_units == 0) {
        return;
    }
    const auto answer = QMessageBox::question(
            this, tr("Change Prices"),
            tr("Change the price of %Ln unit(s) as previewed? The old prices are not kept.", "",
               m_units),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) {
        return;
    }
    const auto changed = m_catalogue.applyPriceChange(m_filter, *m_previewed);
    if (!changed) {
        m_ui->errorBanner->showError(changed.error());
        return;
    }
    m_changed = *changed;
    QMessageBox::information(this, tr("Change Prices"),
                             tr("The prices of %Ln unit(s) were changed.", "", m_changed));
    QDialog::accept();
}
