#pragma once

#include "models/db/dberror.h"

class Database;

/*!
 * A database transaction that rolls back unless commit() succeeded, so an early return
 * cannot leave half a sale behind. BEGIN, COMMIT and ROLLBACK go through the profiler:
 * they are round trips and count in an operation's budget.
 *
 *     Transaction tx(db);
 *     if (!tx.begin()) return tx.error();
 *     ... statements ...
 *     return tx.commit();
 */
class Transaction
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    [[nodiscard]] DbStatus begin();
    [[nodiscard]] DbStatus commit();
    void rollback();
    bool isActive() const { return m_active; }

private:
    const Database &m_db;
    bool m_active = false;
};
