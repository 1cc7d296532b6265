#include "models/services/setupservice.h"

#include "models/db/auditrepository.h"
#include "models/db/database.h"
#include "models/db/lanerepository.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/db/taxraterepository.h"
#include "models/db/transaction.h"
#include "models/db/userrepository.h"
#include "models/services/authservice.h"
#include "models/services/settingsservice.h"
#include "models/services/userservice.h"

using namespace Qt::StringLiterals;

namespace {
ServiceError invalid(const QString &message)
{
    return {ServiceError::Code::InvalidInput, message, {}};
}
} // namespace

SetupService::SetupService(const Database &db, QString lane)
    : m_db(db)
    , m_lane(std::move(lane))
{}

ServiceError SetupService::unavailable(const DbError &error) const
{
    return ServiceError::fromDb(error, tr("The store could not be set up. Nothing was saved; "
                                          "please try again."));
}

ServiceResult<bool> SetupService::isNeeded() const
{
    const auto users = UserRepository(m_db).count();
    if (!users) {
        return unavailable(users.error());
    }
    return *users == 0;
}

ServiceResult<User> SetupService::initializeStore(const StoreSetup &setup)
{
    ProfileScope scope(u"setup.initialize_store"_s);
    QHash<QString, QString> settings = SettingsService::defaults();
    settings.insert(Setting::StoreName.key, setup.storeName);
    settings.insert(Setting::StoreAddress.key, setup.address);
    settings.insert(Setting::StoreTaxId.key, setup.taxId);
    settings.insert(Setting::Currency.key, setup.currencyCode);
    settings.insert(Setting::CurrencySymbol.key, setup.currencySymbol);
    settings.insert(Setting::PricesIncludeTax.key, setup.pricesIncludeTax ? u"1"_s : u"0"_s);
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        it.value() = SettingsService::normalized(it.key(), it.value());
        if (const auto problem = SettingsService::problemWith(it.key(), it.value())) {
            return invalid(*problem);
        }
    }
    for (const int rate : {setup.standardRateBp, setup.reducedRateBp}) {
        if (rate < 0 || rate > 10000) {
            return invalid(tr("A tax rate lies between 0 % and 100 %."));
        }
    }
    const QString login = setup.adminLogin.trimmed().toLower();
    if (!UserService::isAcceptableLogin(login)) {
        return invalid(UserService::loginRule());
    }
    if (setup.adminName.trimmed().isEmpty()) {
        return invalid(tr("Please enter the administrator's name."));
    }
    if (!AuthService::isAcceptablePin(setup.adminSecret, Role::Admin)) {
        return invalid(AuthService::pinRule(Role::Admin));
    }

    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return unavailable(status.error());
    }
    // Counted inside the transaction: a second till running the wizard at the same time
    // either sees the first one's administrator here or, on PostgreSQL, collides with its
    // tax rates' unique names and rolls back.
    const auto users = UserRepository(m_db).count();
    if (!users) {
        return unavailable(users.error());
    }
    if (*users > 0) {
        return ServiceError{ServiceError::Code::Conflict,
                            tr("This store has already been set up: it has users. Please sign "
                               "in, or ask an administrator to add you."),
                            u"users=%1"_s.arg(*users)};
    }
    if (DbStatus status = SettingsRepository(m_db).setValues(settings); !status) {
        return unavailable(status.error());
    }
    if (DbStatus status = LaneRepository(m_db).ensure(m_lane); !status) {
        return unavailable(status.error());
    }
    const TaxRateRepository taxRates(m_db);
    const QList<TaxRate> rates{
            {0, tr("Standard rate"), setup.standardRateBp},
            {0, tr("Reduced rate"), setup.reducedRateBp},
    };
    for (const TaxRate &rate : rates) {
        if (const auto id = taxRates.save(rate); !id) {
            if (id.error().kind == DbError::Kind::Constraint) {
                return ServiceError{ServiceError::Code::Conflict,
                                    tr("The database already holds tax rates, so it is not a new "
                                       "store. Nothing was saved."),
                                    id.error().details};
            }
            return unavailable(id.error());
        }
    }
    User admin{0, login, setup.adminName.trimmed(), Role::Admin, true};
    const auto id = UserRepository(m_db).insert(
            admin, m_pinIterations > 0 ? PinHasher::hash(setup.adminSecret, m_pinIterations)
                                       : PinHasher::hash(setup.adminSecret));
    if (!id) {
        return unavailable(id.error());
    }
    admin.id = *id;
    if (DbStatus status
        = AuditRepository(m_db).record({admin.id, 0, m_lane, u"store_setup"_s,
                                        u"store=%1 currency=%2 admin=%3"_s.arg(
                                                settings.value(Setting::StoreName.key),
                                                settings.value(Setting::Currency.key), login)});
        !status) {
        return unavailable(status.error());
    }
    if (DbStatus status = tx.commit(); !status) {
        return unavailable(status.error());
    }
    return admin;
}
