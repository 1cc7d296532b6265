#include "models/services/startupservice.h"

#include "models/db/migrator.h"
#include "models/db/userrepository.h"

DbResult<StartupService::SchemaUpdate> StartupService::migrateSchema() const
{
    const Migrator migrator(m_db);
    const auto migrated = migrator.migrate();
    if (!migrated) {
        return migrated.error();
    }
    return SchemaUpdate{*migrated == Migrator::Outcome::Migrated, migrator.latestVersion()};
}

DbResult<qint64> StartupService::userCount() const
{
    return UserRepository(m_db).count();
}
