#pragma once

#include "models/db/dberror.h"
#include "models/domain/product.h"

#include <QList>

class Database;

//! The store's rates of tax; every product names one.
class TaxRateRepository
{
public:
    explicit TaxRateRepository(const Database &db)
        : m_db(db)
    {}

    //! Highest rate first.
    DbResult<QList<TaxRate>> all() const;
    //! Inserts a new rate (id 0) or changes it; returns its id.
    DbResult<qint64> save(const TaxRate &rate) const;
    //! A rate in use is refused by the foreign key (DbError::Kind::Constraint).
    DbStatus remove(qint64 id) const;
    //! Inserts new rates in one statement; returns them with their ids, in any order.
    DbResult<QList<TaxRate>> insertAll(const QList<TaxRate> &rates) const;

private:
    const Database &m_db;
};
