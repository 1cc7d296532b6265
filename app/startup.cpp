#include "app/startup.h"

#include "models/db/database.h"
#include "models/domain/storesettings.h"
#include "models/services/settingsservice.h"
#include "models/services/startupservice.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStartup, "till.startup")

namespace {
StartupProblem problem(const QString &text, const QString &details = {})
{
    return StartupProblem{text, details};
}
} // namespace

Startup::Startup(DatabaseUrl url)
    : m_url(std::move(url))
{}

Startup::~Startup() = default;

std::optional<StartupProblem> Startup::claimFile()
{
    // The claim sits beside the database; QLockFile removes one left by a process that died.
    auto claim = std::make_unique<QLockFile>(m_url.path + u".lock"_s);
    claim->setStaleLockTime(0);
    if (claim->tryLock(0)) {
        m_fileClaim = std::move(claim);
        return std::nullopt;
    }
    if (claim->error() != QLockFile::LockFailedError) {
        // A folder that cannot take the claim cannot take the database either; opening
        // it says why in the user's words.
        return std::nullopt;
    }
    qint64 pid = 0;
    QString host;
    QString application;
    claim->getLockInfo(&pid, &host, &application);
    return problem(
            tr("Till is already running on this database (process %1 on %2). Please use "
               "that window, or close it and start Till again. Two tills on one "
               "database file would not see each other's sales.")
                    .arg(pid)
                    .arg(host.isEmpty() ? tr("this computer") : host),
            u"%1 is locked by %2 (pid %3, host %4)"_s.arg(m_url.path + u".lock"_s, application)
                    .arg(pid)
                    .arg(host));
}

std::optional<StartupProblem> Startup::openDatabase(MissingFile missing)
{
    if (m_url.engine == DatabaseUrl::Engine::SQLite) {
        if (missing == MissingFile::Refuse && !QFileInfo::exists(m_url.path)) {
            StartupProblem gone = problem(
                    tr("The database file %1 is missing. It held this till's store and sales "
                       "when Till last ran here. If it was moved, start Till with --database "
                       "and its new place; if it was lost, restore it from a backup before "
                       "you sell. Start with a new, empty database instead?")
                            .arg(QDir::toNativeSeparators(m_url.path)),
                    u"%1 does not exist"_s.arg(m_url.path));
            gone.kind = StartupProblem::Kind::MissingDatabaseFile;
            return gone;
        }
        if (QDir().mkpath(QFileInfo(m_url.path).absolutePath())) {
            if (auto taken = claimFile()) {
                return taken;
            }
        }
    }
    auto opened = Database::open(m_url);
    if (!opened) {
        const QString where = m_url.toDisplayString();
        if (m_url.engine == DatabaseUrl::Engine::SQLite) {
            return problem(tr("Till cannot open its database file %1. Please check that the folder "
                              "exists and that this user may write there.")
                                   .arg(m_url.path),
                           opened.error().details);
        }
        return problem(tr("Till cannot connect to the database server at %1. Please "
                          "check that the server is running and that this till can "
                          "reach it, then start Till again.")
                               .arg(where),
                       opened.error().details);
    }
    m_db = std::move(*opened);
    qCInfo(lcStartup) << "database:" << m_db->description();
    return std::nullopt;
}

std::optional<StartupProblem> Startup::migrate()
{
    const auto migrated = StartupService(*m_db).migrateSchema();
    if (migrated) {
        if (migrated->migrated) {
            qCInfo(lcStartup) << "database schema brought to version" << migrated->version;
        }
        return std::nullopt;
    }
    const DbError &error = migrated.error();
    switch (error.kind) {
    case DbError::Kind::SchemaTooNew:
        return problem(tr("This database was set up by a newer version of Till. Please "
                          "install that version on this till too. Nothing in the "
                          "database has been changed."),
                       error.details);
    case DbError::Kind::Migration:
        return problem(tr("Till could not bring the database up to date for this "
                          "version. The database was left as it was before; please "
                          "show the details to whoever looks after your tills."),
                       error.details);
    default:
        return problem(tr("Till cannot read the database. Please check the connection "
                          "and start Till again."),
                       error.details);
    }
}

std::optional<StartupProblem> Startup::fillDemo(const DemoStore::Options &options,
                                                const DemoStore::Progress &progress)
{
    const auto empty = DemoStore::isEmpty(*m_db);
    if (!empty) {
        return problem(tr("Till cannot read the database. Please check the connection "
                          "and start Till again."),
                       empty.error().details);
    }
    if (!*empty) {
        qCInfo(lcStartup) << "--demo: the database already holds data; it is left as it is";
        return std::nullopt;
    }
    if (progress) {
        progress(0, 0);
    }
    const auto filled = DemoStore::fill(*m_db, options, progress);
    if (!filled) {
        return problem(tr("Till could not fill the demo store. The database was left "
                          "empty."),
                       filled.error().details);
    }
    m_filledDemo = true;
    qCInfo(lcStartup) << "demo store filled:" << filled->products << "products," << filled->bills
                      << "bills," << filled->users << "users";
    return std::nullopt;
}

Result<Startup::Readiness, StartupProblem> Startup::checkUsers(bool demoRequested) const
{
    const auto users = StartupService(*m_db).userCount();
    if (!users) {
        return problem(tr("Till cannot read the database. Please check the connection "
                          "and start Till again."),
                       users.error().details);
    }
    if (*users > 0) {
        return Readiness::Ready;
    }
    if (demoRequested) {
        return problem(tr("This database has no users, so nobody can sign in. The demo "
                          "store was not added because the database already holds "
                          "other data; --demo only fills an empty database."));
    }
    return Readiness::NeedsSetup;
}

QString Startup::storeName() const
{
    const auto name = SettingsService::value(*m_db, Setting::StoreName);
    if (!name) {
        qCWarning(lcStartup) << "cannot read the store name:" << name.error().details;
        return {};
    }
    return name->trimmed();
}
