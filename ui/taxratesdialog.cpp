#include "ui/taxratesdialog.h"
#include "ui_taxratesdialog.h"

#include "models/domain/percent.h"
#include "models/services/catalogueservice.h"
#include "ui/errorbanner.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

TaxRatesDialog::TaxRatesDialog(CatalogueService &catalogue, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TaxRatesDialog>())
    , m_catalogue(catalogue)
{
    m_ui->setupUi(this);
    m_ui->rateEdit->setPlaceholderText(tr("e.g. %1 or %2")
                                               .arg(Percent::toPlainString(1900, QLocale()),
                                                    Percent::toPlainString(750, QLocale())));
    connect(m_ui->ratesList, &QListWidget::currentRowChanged, this,
            &TaxRatesDialog::handleCurrentRowChanged);
    connect(m_ui->newButton, &QPushButton::clicked, this, &TaxRatesDialog::startNew);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &TaxRatesDialog::save);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &TaxRatesDialog::remove);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &TaxRatesDialog::updateButtons);
    connect(m_ui->rateEdit, &QLineEdit::textChanged, this, &TaxRatesDialog::updateButtons);
    connect(m_ui->rateEdit, &QLineEdit::returnPressed, this, &TaxRatesDialog::save);
    reload(0);
    startNew();
}

TaxRatesDialog::~TaxRatesDialog() = default;

void TaxRatesDialog::reload(qint64 selectId)
{
    const auto rates = m_catalogue.taxRates();
    if (!rates) {
        m_ui->errorBanner->showError(rates.error());
        return;
    }
    m_rates = *rates;
    const QLocale locale;
    const QSignalBlocker blocker(m_ui->ratesList);
    m_ui->ratesList->clear();
    int select = -1;
    for (qsizetype i = 0; i < m_rates.size(); ++i) {
        const TaxRate &rate = m_rates.at(i);
        m_ui->ratesList->addItem(tr("%1 — %2", "tax rate name — percentage")
                                         .arg(rate.name, Percent::toString(rate.rateBp, locale)));
        if (rate.id == selectId) {
            select = static_cast<int>(i);
        }
    }
    m_ui->ratesList->setCurrentRow(select);
    updateButtons();
}

const TaxRate *TaxRatesDialog::current() const
{
    const int row = m_ui->ratesList->currentRow();
    return row >= 0 && row < m_rates.size() ? &m_rates.at(row) : nullptr;
}

void TaxRatesDialog::handleCurrentRowChanged(int row)
{
    Q_UNUSED(row);
    m_ui->errorBanner->clear();
    if (const TaxRate *rate = current()) {
        m_ui->nameEdit->setText(rate->name);
        m_ui->rateEdit->setText(Percent::toPlainString(rate->rateBp, QLocale()));
    }
    updateButtons();
}

void TaxRatesDialog::startNew()
{
    m_ui->ratesList->setCurrentRow(-1);
    m_ui->nameEdit->clear();
    m_ui->rateEdit->clear();
    m_ui->nameEdit->setFocus();
    m_ui->errorBanner->clear();
    updateButtons();
}

void TaxRatesDialog::save()
{
    TaxRate rate;
    if (const TaxRate *selected = current()) {
        rate = *selected;
    }
    rate.name = m_ui->nameEdit->text().trimmed();
    const QString typed = m_ui->rateEdit->text().trimmed();
    const auto basisPoints = Percent::fromString(typed, QLocale());
    if (!basisPoints || *basisPoints < 0 || *basisPoints > 10000) {
        m_ui->errorBanner->showMessage(tr("The rate \"%1\" is not a percentage between 0 and 100 "
                                          "with at most two decimals, "
                                          "such as %2 or %3.")
                                               .arg(typed, Percent::toPlainString(1900, QLocale()),
                                                    Percent::toPlainString(750, QLocale())));
        m_ui->rateEdit->setFocus();
        m_ui->rateEdit->selectAll();
        return;
    }
    rate.rateBp = static_cast<int>(*basisPoints);
    const auto id = m_catalogue.saveTaxRate(rate);
    if (!id) {
        m_ui->errorBanner->showError(id.error());
        m_ui->nameEdit->setFocus();
        return;
    }
    m_ui->errorBanner->clear();
    reload(*id);
}

void TaxRatesDialog::remove()
{
    const TaxRate *rate = current();
    if (!rate) {
        return;
    }
    const qint64 id = rate->id;
    const auto answer = QMessageBox::question(
            this, tr("Remove Tax Rate"), tr("Remove the tax rate \"%1\"?").arg(rate->name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) {
        return;
    }
    if (const auto removed = m_catalogue.removeTaxRate(id); !removed) {
        m_ui->errorBanner->showError(removed.error());
        return;
    }
    reload(0);
    startNew();
}

void TaxRatesDialog::updateButtons()
{
    const bool selected = current() != nullptr;
    m_ui->saveButton->setText(selected ? tr("&Save Changes") : tr("&Add"));
    m_ui->saveButton->setEnabled(!m_ui->nameEdit->text().trimmed().isEmpty()
                                 && !m_ui->rateEdit->text().trimmed().isEmpty());
    m_ui->removeButton->setEnabled(selected);
}
