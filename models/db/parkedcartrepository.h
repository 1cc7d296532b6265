#pragma once

#include "models/db/dberror.h"
#include "models/domain/cart.h"
#include "models/domain/parkedcart.h"

#include <QDateTime>
#include <QList>

class Database;

//! Parked sales live in the database, so they survive a restart and any lane recalls them.
class ParkedCartRepository
{
public:
    explicit ParkedCartRepository(const Database &db)
        : m_db(db)
    {}

    DbResult<qint64> park(const QString &uuid, const QString &lane, qint64 cashierId,
                          const QString &label, const Cart &cart, const QDateTime &at) const;
    //! Newest first, with the cashier's name; one query.
    DbResult<QList<ParkedCart>> list() const;
    /*!
     * Takes a parked cart out (deletes it and returns it, one statement), so two lanes can
     * never both recall the same sale. NotFound when another lane took it first.
     */
    DbResult<ParkedCart> take(qint64 id) const;

private:
    const Database &m_db;
};
