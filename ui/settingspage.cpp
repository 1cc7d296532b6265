#include "ui/settingspage.h"
#include "ui_settingspage.h"

#include "models/domain/storesettings.h"
#include "models/services/authservice.h"
#include "models/services/settingsservice.h"

#include <QRegularExpressionValidator>

using namespace Qt::StringLiterals;

namespace {
constexpr int kSecondsPerMinute = 60;
constexpr double kBasisPointsPerPercent = 100.0;
} // namespace

SettingsPage::SettingsPage(SettingsService &settings, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SettingsPage>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleLabel->font();
    if (titleFont.pointSizeF() > 0) {
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    }
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);

    m_ui->currencyCodeEdit->setValidator(
            new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z]{0,3}"_s), this));
    m_ui->negativeStockCombo->addItem(tr("Warn, then sell anyway"), u"1"_s);
    m_ui->negativeStockCombo->addItem(tr("Block the sale"), u"0"_s);
    m_ui->statusLabel->setForegroundRole(QPalette::PlaceholderText);

    connect(m_ui->saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &SettingsPage::reload);
    connect(m_ui->quickKeysButton, &QPushButton::clicked, this, &SettingsPage::quickKeysRequested);
    connectEdits();
    handleEdited();
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Only the first time: coming back to the area must not throw away unsaved edits.
    if (!m_loaded) {
        reload();
    }
}

void SettingsPage::connectEdits()
{
    for (QLineEdit *edit :
         {m_ui->storeNameEdit, m_ui->taxIdEdit, m_ui->currencyCodeEdit, m_ui->currencySymbolEdit}) {
        connect(edit, &QLineEdit::textEdited, this, &SettingsPage::handleEdited);
    }
    connect(m_ui->addressEdit, &QPlainTextEdit::textChanged, this, &SettingsPage::handleEdited);
    connect(m_ui->pricesIncludeTaxCheck, &QCheckBox::toggled, this, &SettingsPage::handleEdited);
    connect(m_ui->blindCountCheck, &QCheckBox::toggled, this, &SettingsPage::handleEdited);
    connect(m_ui->negativeStockCombo, &QComboBox::currentIndexChanged, this,
            &SettingsPage::handleEdited);
    for (QSpinBox *spin :
         {m_ui->roundingSpin, m_ui->idleLockSpin, m_ui->maxAttemptsSpin, m_ui->lockMinutesSpin}) {
        connect(spin, &QSpinBox::valueChanged, this, &SettingsPage::handleEdited);
    }
    connect(m_ui->discountLimitSpin, &QDoubleSpinBox::valueChanged, this,
            &SettingsPage::handleEdited);
}

void SettingsPage::reload()
{
    const auto values = m_settings.values();
    if (!values) {
        m_ui->errorBanner->showError(values.error());
        return;
    }
    m_loaded = true;
    m_stored = *values;
    showValues(m_stored);
    m_ui->errorBanner->clear();
    m_ui->statusLabel->clear();
    handleEdited();
}

void SettingsPage::showValues(const QHash<QString, QString> &values)
{
    m_ui->storeNameEdit->setText(values.value(Setting::StoreName.key));
    m_ui->addressEdit->setPlainText(values.value(Setting::StoreAddress.key));
    m_ui->taxIdEdit->setText(values.value(Setting::StoreTaxId.key));
    m_ui->currencyCodeEdit->setText(values.value(Setting::Currency.key));
    m_ui->currencySymbolEdit->setText(values.value(Setting::CurrencySymbol.key));
    m_ui->pricesIncludeTaxCheck->setChecked(values.value(Setting::PricesIncludeTax.key) == u"1"_s);
    m_ui->roundingSpin->setValue(values.value(Setting::CashRoundingMinor.key).toInt());
    m_ui->discountLimitSpin->setValue(values.value(Setting::CashierDiscountLimitBp.key).toInt()
                                      / kBasisPointsPerPercent);
    m_ui->negativeStockCombo->setCurrentIndex(
            m_ui->negativeStockCombo->findData(values.value(Setting::AllowNegativeStock.key)));
    m_ui->blindCountCheck->setChecked(values.value(Setting::BlindCounts.key) == u"1"_s);
    m_ui->idleLockSpin->setValue(values.value(Setting::IdleLockMinutes.key).toInt());
    m_ui->maxAttemptsSpin->setValue(values.value(Setting::MaxSignInAttempts.key).toInt());
    m_ui->lockMinutesSpin->setValue(values.value(Setting::SignInLockSeconds.key).toInt()
                                    / kSecondsPerMinute);
}

QHash<QString, QString> SettingsPage::formValues() const
{
    return {
            {Setting::StoreName.key, m_ui->storeNameEdit->text()},
            {Setting::StoreAddress.key, m_ui->addressEdit->toPlainText()},
            {Setting::StoreTaxId.key, m_ui->taxIdEdit->text()},
            {Setting::Currency.key, m_ui->currencyCodeEdit->text()},
            {Setting::CurrencySymbol.key, m_ui->currencySymbolEdit->text()},
            {Setting::PricesIncludeTax.key,
             m_ui->pricesIncludeTaxCheck->isChecked() ? u"1"_s : u"0"_s},
            {Setting::CashRoundingMinor.key, QString::number(m_ui->roundingSpin->value())},
            {Setting::CashierDiscountLimitBp.key,
             QString::number(qRound(m_ui->discountLimitSpin->value() * kBasisPointsPerPercent))},
            {Setting::AllowNegativeStock.key, m_ui->negativeStockCombo->currentData().toString()},
            {Setting::BlindCounts.key, m_ui->blindCountCheck->isChecked() ? u"1"_s : u"0"_s},
            {Setting::IdleLockMinutes.key, QString::number(m_ui->idleLockSpin->value())},
            {Setting::MaxSignInAttempts.key, QString::number(m_ui->maxAttemptsSpin->value())},
            {Setting::SignInLockSeconds.key,
             QString::number(m_ui->lockMinutesSpin->value() * kSecondsPerMinute)},
    };
}

QHash<QString, QString> SettingsPage::changes() const
{
    QHash<QString, QString> changed;
    const QHash<QString, QString> form = formValues();
    for (auto it = form.cbegin(); it != form.cend(); ++it) {
        if (SettingsService::normalized(it.key(), it.value())
            != SettingsService::normalized(it.key(), m_stored.value(it.key()))) {
            changed.insert(it.key(), it.value());
        }
    }
    return changed;
}

void SettingsPage::handleEdited()
{
    const bool dirty = m_loaded && !changes().isEmpty();
    m_ui->saveButton->setEnabled(dirty);
    m_ui->revertButton->setEnabled(dirty);
    if (dirty) {
        m_ui->statusLabel->clear();
    }
}

bool SettingsPage::save()
{
    const QHash<QString, QString> changed = changes();
    if (changed.isEmpty()) {
        return true;
    }
    if (const ServiceStatus saved = m_settings.save(changed); !saved) {
        m_ui->errorBanner->showError(saved.error());
        return false;
    }
    reload();
    m_ui->statusLabel->setText(tr("Saved. Other tills take up new sign-in and lock settings "
                                  "when they next start."));
    return true;
}
