#include "models/services/serviceerror.h"

ServiceError ServiceError::fromDb(const DbError &error, const QString &message)
{
    Code code = Code::Unavailable;
    switch (error.kind) {
    case DbError::Kind::Constraint:
    case DbError::Kind::Conflict:
        code = Code::Conflict;
        break;
    case DbError::Kind::NotFound:
        code = Code::NotFound;
        break;
    case DbError::Kind::Invalid:
        code = Code::InvalidInput;
        break;
    default:
        break;
    }
    const QString own = messageFor(error.kind);
    return {code, own.isEmpty() ? message : own, error.details};
}

QString ServiceError::messageFor(DbError::Kind kind)
{
    switch (kind) {
    case DbError::Kind::DiskFull:
        return tr("The disk that holds the database is full, so nothing was saved. Everything is "
                  "still on screen: free some space, or call whoever looks after your tills, "
                  "then try again.");
    case DbError::Kind::FileLost:
        return tr("The database file was deleted or replaced while Till was running, so Till "
                  "saves nothing more into it and nothing on screen was saved. Close Till, put "
                  "the store's database file back or restore it from a backup, and start Till "
                  "again.");
    case DbError::Kind::Timeout:
        return tr("The database did not answer in time, so nothing was saved. Everything is "
                  "still on screen; please try again in a moment.");
    default:
        return {};
    }
}
