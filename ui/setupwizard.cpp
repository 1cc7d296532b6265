#include "ui/setupwizard.h"
#include "ui_setupwizard.h"

#include "models/domain/storesettings.h"
#include "models/services/authservice.h"
#include "models/services/settingsservice.h"
#include "models/services/setupservice.h"
#include "models/services/userservice.h"

#include <QGuiApplication>
#include <QLocale>
#include <QRegularExpressionValidator>

using namespace Qt::StringLiterals;

namespace {
constexpr double kBasisPointsPerPercent = 100.0;
} // namespace

SetupWizard::SetupWizard(SetupService &setup, QWidget *parent)
    : QWizard(parent)
    , m_ui(std::make_unique<Ui::SetupWizard>())
    , m_setup(setup)
{
    m_ui->setupUi(this);
    // setupUi() added the pages in order, so their ids are StorePage and AdminPage.
    setButtonText(QWizard::FinishButton, tr("&Create the store"));

    // The till's own locale is the best guess for the currency; C falls back to the euro.
    const QLocale locale;
    const QString code = locale.currencySymbol(QLocale::CurrencyIsoCode);
    const bool known = code.size() == 3;
    m_ui->currencyCodeEdit->setText(known ? code : u"EUR"_s);
    m_ui->currencySymbolEdit->setText(known ? locale.currencySymbol(QLocale::CurrencySymbol)
                                            : u"€"_s);
    m_ui->currencyCodeEdit->setValidator(
            new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z]{0,3}"_s), this));
    m_ui->loginEdit->setToolTip(UserService::loginRule());
    m_ui->ruleLabel->setText(AuthService::pinRule(Role::Admin));
    // The user name comes filled in, so the admin page starts where typing is needed.
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == AdminPage) {
            m_ui->nameEdit->setFocus(Qt::OtherFocusReason);
        }
    });
    for (QLineEdit *edit :
         {m_ui->storeNameEdit, m_ui->taxIdEdit, m_ui->currencyCodeEdit, m_ui->currencySymbolEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &SetupWizard::recheckStore);
    }
    connect(m_ui->addressEdit, &QPlainTextEdit::textChanged, this, &SetupWizard::recheckStore);
    for (QLineEdit *edit : {m_ui->loginEdit, m_ui->nameEdit, m_ui->secretEdit, m_ui->repeatEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &SetupWizard::recheckAdmin);
    }
    for (QLineEdit *secret : {m_ui->secretEdit, m_ui->repeatEdit}) {
        secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData
                                    | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    }
}

SetupWizard::~SetupWizard() = default;

bool SetupWizard::validateCurrentPage()
{
    switch (currentId()) {
    case StorePage:
        return validateStore();
    case AdminPage:
        return createStore();
    }
    return true;
}

std::optional<SetupWizard::Problem> SetupWizard::storeProblem() const
{
    // The same rules the service applies on Finish, checked here so that a mistake on the
    // first page is shown on the first page.
    const QList<std::pair<QString, QLineEdit *>> fields{
            {Setting::StoreName.key, m_ui->storeNameEdit},
            {Setting::StoreTaxId.key, m_ui->taxIdEdit},
            {Setting::Currency.key, m_ui->currencyCodeEdit},
            {Setting::CurrencySymbol.key, m_ui->currencySymbolEdit},
    };
    for (const auto &[key, edit] : fields) {
        const QString value = SettingsService::normalized(key, edit->text());
        if (const auto problem = SettingsService::problemWith(key, value)) {
            return Problem{*problem, edit};
        }
    }
    const QString address = m_ui->addressEdit->toPlainText();
    if (const auto problem
        = SettingsService::problemWith(Setting::StoreAddress.key, address.trimmed())) {
        return Problem{*problem, m_ui->addressEdit};
    }
    return std::nullopt;
}

std::optional<SetupWizard::Problem> SetupWizard::adminProblem() const
{
    // What can be told without the database; the service checks all of it again.
    if (!UserService::isAcceptableLogin(m_ui->loginEdit->text().trimmed().toLower())) {
        return Problem{UserService::loginRule(), m_ui->loginEdit};
    }
    if (m_ui->nameEdit->text().trimmed().isEmpty()) {
        return Problem{SetupService::tr("Please enter the administrator's name."), m_ui->nameEdit};
    }
    if (!AuthService::isAcceptablePin(m_ui->secretEdit->text(), Role::Admin)) {
        return Problem{AuthService::pinRule(Role::Admin), m_ui->secretEdit};
    }
    if (m_ui->secretEdit->text() != m_ui->repeatEdit->text()) {
        return Problem{tr("The two passphrases differ. Please type the same one twice."),
                       m_ui->repeatEdit};
    }
    return std::nullopt;
}

void SetupWizard::recheckStore()
{
    if (m_ui->storeErrorBanner->text().isEmpty()) {
        return;
    }
    if (const auto problem = storeProblem()) {
        m_ui->storeErrorBanner->showMessage(problem->message);
    } else {
        m_ui->storeErrorBanner->clear();
    }
}

void SetupWizard::recheckAdmin()
{
    if (m_ui->adminErrorBanner->text().isEmpty()) {
        return;
    }
    if (const auto problem = adminProblem()) {
        m_ui->adminErrorBanner->showMessage(problem->message);
    } else {
        m_ui->adminErrorBanner->clear();
    }
}

bool SetupWizard::validateStore()
{
    if (const auto problem = storeProblem()) {
        m_ui->storeErrorBanner->showMessage(problem->message);
        problem->field->setFocus(Qt::OtherFocusReason);
        return false;
    }
    m_ui->storeErrorBanner->clear();
    return true;
}

bool SetupWizard::createStore()
{
    if (const auto problem = adminProblem()) {
        m_ui->adminErrorBanner->showMessage(problem->message);
        if (problem->field == m_ui->repeatEdit) {
            m_ui->repeatEdit->clear();
        }
        problem->field->setFocus(Qt::OtherFocusReason);
        return false;
    }
    SetupService::StoreSetup setup;
    setup.storeName = m_ui->storeNameEdit->text();
    setup.address = m_ui->addressEdit->toPlainText();
    setup.taxId = m_ui->taxIdEdit->text();
    setup.currencyCode = m_ui->currencyCodeEdit->text();
    setup.currencySymbol = m_ui->currencySymbolEdit->text();
    setup.pricesIncludeTax = m_ui->pricesIncludeTaxCheck->isChecked();
    setup.standardRateBp = qRound(m_ui->standardRateSpin->value() * kBasisPointsPerPercent);
    setup.reducedRateBp = qRound(m_ui->reducedRateSpin->value() * kBasisPointsPerPercent);
    setup.adminLogin = m_ui->loginEdit->text();
    setup.adminName = m_ui->nameEdit->text();
    setup.adminSecret = m_ui->secretEdit->text();

    // Hashing the passphrase is deliberately slow (PBKDF2).
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto admin = m_setup.initializeStore(setup);
    QGuiApplication::restoreOverrideCursor();
    if (!admin) {
        m_ui->adminErrorBanner->showError(admin.error());
        return false;
    }
    m_ui->adminErrorBanner->clear();
    m_admin = *admin;
    return true;
}
