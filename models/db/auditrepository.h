#pragma once

#include "models/db/dberror.h"

#include <QString>

class Database;

//! The insert-only audit log. Nothing here updates or deletes a row.
class AuditRepository
{
public:
    explicit AuditRepository(const Database &db) : m_db(db) {}

    struct Entry
    {
        qint64 userId = 0;      //!< 0 when nobody is signed in (a failed sign-in)
        qint64 approvedBy = 0;  //!< the manager who approved, or 0
        QString lane;
        QString action;         //!< a stable key: "sign_in", "sign_in_failed", "user_locked"
        QString details;
    };
    DbStatus record(const Entry &entry) const;

private:
    const Database &m_db;
};
