#pragma once

#include "models/db/dberror.h"
#include "models/db/productrepository.h"

#include <QList>
#include <QString>

//! One key of the favourites grid: what it sells and where it sits.
struct QuickKey
{
    //! Keys on one page of the grid: as many as the shortcuts Alt+1 ... Alt+=.
    static constexpr int kKeysPerPage = 12;
    //! Pages a manager may fill; positions run from 0 to kPages * kKeysPerPage - 1.
    static constexpr int kPages = 9;
    static constexpr int kMaxPosition = kPages * kKeysPerPage - 1;

    int position = 0; //!< 0-based: page * kKeysPerPage + slot; gaps are empty keys
    QString label;    //!< the manager's text for the key; empty: the product's name
    ScannedUnit item; //!< the unit it sells, with its product and tax

    int page() const { return position / kKeysPerPage; }
    int slot() const { return position % kKeysPerPage; }
    //! What the key says: the label, or the product's name.
    QString text() const { return label.isEmpty() ? item.product.name : label; }
};

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
