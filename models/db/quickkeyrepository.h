#pragma once

#include "models/db/dberror.h"
#include "models/db/productrepository.h"

#include <QList>
#include <QString>

//! One key of the favourites grid: what it sells and where it sits.
struct QuickKey
{
    int position = 0; //!< 0-based, in the order a manager arranged them
    QString label;    //!< the manager's text for the key; empty: the product's name
    ScannedUnit item; //!< the unit it sells, with its product and tax
};

/*!
 * The favourites grid of the sale screen (table quick_keys), arranged by a manager. Read
 * in one query with unit, product and tax joined, so the grid costs one statement however
 * many keys it has. Keys whose unit or product was taken out of sale are left out.
 */
class QuickKeyRepository
{
public:
    explicit QuickKeyRepository(const Database &db) : m_db(db) {}

    //! By position.
    DbResult<QList<QuickKey>> list() const;

private:
    const Database &m_db;
};
