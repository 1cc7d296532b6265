#include "models/services/services.h"

Services::Services(const Database &database, const QString &lane)
    : db(database)
    , session(lane)
    , auth(database, lane, AuthService::Policy::fromSettings(database))
    , authorizer(database, auth)
    , cache(database)
    , catalogue(database, session, authorizer, &cache)
    , catalogueCsv(database, session, authorizer, &cache)
    , inventory(database, session, authorizer, cache)
    , users(database, session, authorizer)
    , audit(database, session, authorizer)
{
}
