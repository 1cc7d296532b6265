#pragma once

#include "models/db/dberror.h"

class Database;

/*!
 * What start-up asks of a database it has just opened, before any window: bring the
 * schema up to date, and find out whether the store has users yet. The errors keep the
 * data layer's kind (SchemaTooNew, Migration, ...), because start-up explains each kind
 * in its own words.
 */
class StartupService
{
public:
    explicit StartupService(const Database &db)
        : m_db(db)
    {}

    struct SchemaUpdate
    {
        bool migrated = false; //!< false: the schema was already up to date
        int version = 0;       //!< the version this build brings the schema to
    };
    /*!
     * Applies the migrations the database lacks. SchemaTooNew when it belongs to a newer
     * Till, Migration when a file fails; nothing is changed then.
     */
    DbResult<SchemaUpdate> migrateSchema() const;
    //! Users of the store, active or not; none means the store still needs setting up.
    DbResult<qint64> userCount() const;

private:
    const Database &m_db;
};
