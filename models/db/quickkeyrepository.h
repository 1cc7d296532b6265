#pragma once

#include "models/db/dberror.h"
#include "models/domain/quickkey.h"

#include <QList>
#include <QString>

class Database;

/*!
 * The favourites grid of the sale screen (table quick_keys), arranged by a manager. Read
 * in one query with unit, product and tax joined, so the grid costs one statement however
 * many keys it has. Keys whose unit or product was taken out of sale are left out.
 */
class QuickKeyRepository
{
public:
    explicit QuickKeyRepository(const Database &db)
        : m_db(db)
    {}

    //! By position.
    DbResult<QList<QuickKey>> list() const;
    //! Puts a unit on the key at position, replacing what was there; one statement.
    DbStatus place(int position, qint64 unitId, const QString &label) const;
    /*!
     * Moves the key at from to to; a key already at to takes from's place. Three
     * statements (the position is unique at every step); run it in a transaction.
     */
    DbStatus move(int from, int to) const;
    DbStatus remove(int position) const;

private:
    const Database &m_db;
};
