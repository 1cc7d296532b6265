#pragma once

#include "app/startupproblem.h"
#include "models/db/databaseurl.h"
#include "models/db/dberror.h"
#include "models/services/demostore.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

class Database;
class QLockFile;

/*!
 * Gets the database ready for the main window, one step at a time: open it, bring its
 * schema up to date, fill the demo store when asked, and find out whether somebody can
 * sign in or the store still needs setting up.
 * Each step succeeds or returns the problem to show; it never shows anything itself, so
 * the steps can be tested and the caller picks how to report.
 */
class Startup
{
    Q_DECLARE_TR_FUNCTIONS(Startup)

public:
    explicit Startup(DatabaseUrl url);
    ~Startup();

    //! What openDatabase() does when the SQLite file does not exist.
    enum class MissingFile {
        Create, //!< a new store: create the file
        Refuse, //!< the file held a store before: a new empty one would hide that it is gone
    };
    /*!
     * Opens the database. An SQLite file is claimed for this Till alone: a second Till on
     * the same file is refused with the process that has it, so two windows never sell
     * into one file unaware of each other.
     */
    std::optional<StartupProblem> openDatabase(MissingFile missing = MissingFile::Create);
    //! Nothing is changed when the database belongs to a newer Till or a migration fails.
    std::optional<StartupProblem> migrate();
    /*!
     * Fills the demo store when the database is empty; a database with data is left as it
     * is. progress(0, 0) comes first, when the fill is about to start.
     */
    std::optional<StartupProblem> fillDemo(const DemoStore::Options &options,
                                           const DemoStore::Progress &progress = {});
    enum class Readiness {
        Ready,      //!< somebody can sign in
        NeedsSetup, //!< no users yet: the first start of a store, for the setup wizard
    };
    /*!
     * Whether somebody can sign in. A database without users needs setting up, except
     * when the demo was asked for: --demo only fills an empty database, so one without
     * users but with other data is a problem to report.
     */
    Result<Readiness, StartupProblem> checkUsers(bool demoRequested) const;
    //! The store's name from the store settings; empty when it has none.
    QString storeName() const;

    bool hasFilledDemo() const { return m_filledDemo; }
    //! Valid after openDatabase() succeeded.
    Database &database() { return *m_db; }

private:
    std::optional<StartupProblem> claimFile();

    DatabaseUrl m_url;
    std::unique_ptr<QLockFile> m_fileClaim;
    std::unique_ptr<Database> m_db;
    bool m_filledDemo = false;
};
