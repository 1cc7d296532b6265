#pragma once

#include "models/db/dberror.h"

#include <QString>

class Database;

//! The tills of a store by name: each has its own bill, refund and Z numbers.
class LaneRepository
{
public:
    explicit LaneRepository(const Database &db)
        : m_db(db)
    {}

    //! Adds the lane unless it exists; one statement, safe when two tills start at once.
    DbStatus ensure(const QString &name) const;

    enum class Counter { Bill, Refund };
    /*!
     * Inside the caller's transaction: takes the lane's next bill or refund number for the
     * document with this uuid. 0 when nothing may be written: the uuid was committed
     * before (a retry), the lane is unknown, or it has no open shift.
     */
    DbResult<qint64> takeNumber(Counter counter, const QString &lane, const QString &uuid) const;

private:
    const Database &m_db;
};
