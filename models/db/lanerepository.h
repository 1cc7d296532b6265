#pragma once

#include "models/db/dberror.h"

#include <QString>

class Database;

//! The tills of a store by name: each has its own bill, refund and Z numbers.
class LaneRepository
{
public:
    explicit LaneRepository(const Database &db) : m_db(db) {}

    //! Adds the lane unless it exists; one statement, safe when two tills start at once.
    DbStatus ensure(const QString &name) const;

private:
    const Database &m_db;
};
