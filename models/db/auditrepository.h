#pragma once

#include "models/db/dberror.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class Database;

//! The insert-only audit log. Nothing here updates or deletes a row.
class AuditRepository
{
public:
    explicit AuditRepository(const Database &db)
        : m_db(db)
    {}

    struct Entry
    {
        qint64 userId = 0;     //!< 0 when nobody is signed in (a failed sign-in)
        qint64 approvedBy = 0; //!< the manager who approved, or 0
        QString lane;
        QString action; //!< a stable key: "sign_in", "sign_in_failed", "user_locked"
        QString details;
    };
    DbStatus record(const Entry &entry) const;

    struct Filter
    {
        qint64 userId = 0; //!< 0: everybody
        QString action;    //!< empty: every action
        QDateTime from;    //!< inclusive; invalid: no lower bound
        QDateTime to;      //!< exclusive; invalid: no upper bound
    };
    struct Row
    {
        qint64 id = 0;
        QDateTime at;
        QString userName;
        QString approverName;
        QString lane;
        QString action;
        QString details;
    };
    /*!
     * One page, newest first, with the names joined in: rows older than beforeId (0 for
     * the newest page). Keyset paging, so the 500th page costs what the first does.
     */
    DbResult<QList<Row>> page(const Filter &filter, qint64 beforeId, int limit) const;
    //! The actions that occur, for a filter list.
    DbResult<QStringList> actions() const;

private:
    const Database &m_db;
};
