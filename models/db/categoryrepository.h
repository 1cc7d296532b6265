#pragma once

#include "models/db/dberror.h"
#include "models/domain/product.h"

#include <QList>

class Database;

//! The catalogue's categories: a short list that every product list and filter names.
class CategoryRepository
{
public:
    explicit CategoryRepository(const Database &db)
        : m_db(db)
    {}

    //! In the order the shop arranged them.
    DbResult<QList<Category>> all() const;
    //! Inserts a new category (id 0) or renames and moves it; returns its id.
    DbResult<qint64> save(const Category &category) const;
    //! Products in the category keep existing without one.
    DbStatus remove(qint64 id) const;
    //! Inserts new categories in one statement; returns them with their ids, in any order.
    DbResult<QList<Category>> insertAll(const QList<Category> &categories) const;

private:
    const Database &m_db;
};
