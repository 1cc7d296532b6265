#include "models/services/services.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"

Services::Services(const Database &database, const QString &lane)
    : db(database)
    , session(lane)
    , auth(database, lane, AuthService::Policy::fromSettings(database))
    , authorizer(database, auth)
    , cache(database)
    , catalogue(database, session, authorizer, &cache)
    , catalogueCsv(database, session, authorizer, &cache)
    , inventory(database, session, authorizer, cache)
    , shifts(database, session, authorizer)
    , checkout(database, session, authorizer, cache)
    , receipts(database, session, authorizer)
    , refunds(database, session, authorizer)
    , reports(database, session, authorizer)
    , users(database, session, authorizer)
    , audit(database, session, authorizer)
    , settings(database, session, authorizer)
    , diagnostics(QueryProfiler::instance(), &cache)
{
    // Where receipts go is this till's own setting, read once here for every screen that prints.
    printer.setConfig(ReceiptPrinter::Config::fromSettings());
    // A new lock policy holds from the next wrong PIN on, without a restart.
    QObject::connect(&settings, &SettingsService::saved, &settings,
                     [this](const QStringList &keys) {
                         if (keys.contains(Setting::MaxSignInAttempts.key)
                             || keys.contains(Setting::SignInLockSeconds.key)) {
                             auth.setPolicy(AuthService::Policy::fromSettings(db));
                         }
                     });
}

QString Services::databaseDescription() const
{
    return db.description();
}

QString Services::databaseLocation() const
{
    return db.url().toDisplayString();
}
