#pragma once

#include "models/db/dberror.h"
#include "models/domain/demohistory.h"

#include <QList>
#include <QStringList>

class Database;

/*!
 * Writes the demo store's made-up history, one method per step, each with a few bulk
 * statements (see BulkWriter): the documents go in by the keys the history gives them
 * (uuids, SKUs, barcodes, logins, lane and Z number) and find their ids by joins. The
 * catalogue, the people and the settings go through their own repositories. Call inside
 * one transaction, in the order the methods are declared.
 */
class DemoRepository
{
public:
    explicit DemoRepository(const Database &db)
        : m_db(db)
    {}

    //! True when the database has no users and no products (a fresh database).
    DbResult<bool> isEmpty() const;

    DbStatus writeLanes(const QStringList &lanes) const;
    //! The closed shifts; their cashiers by login, who must exist.
    DbStatus writeShifts(const QList<DemoShift> &shifts) const;
    //! The bills with their lines (units by barcode) and payments.
    DbStatus writeBills(const DemoHistory &history, const QList<DemoProduct> &catalogue) const;
    //! The refunds with their lines and payments, booked by the manager "maria".
    DbStatus writeRefunds(const DemoHistory &history) const;
    //! The stock ledger (products by SKU), once the documents it names are written.
    DbStatus writeLedger(const DemoHistory &history, const QList<DemoProduct> &catalogue) const;
    //! Each closed shift's Z report, as closing it at the till would have stored it.
    DbStatus writeZReports() const;
    //! Stock from the ledger and each lane's next numbers from its documents.
    DbStatus settle() const;
    //! The favourites grid: the best sellers' single units.
    DbStatus writeQuickKeys() const;

    struct Counts
    {
        qint64 products = 0;
        qint64 units = 0;
        qint64 categories = 0;
        qint64 bills = 0;
        qint64 billItems = 0;
        qint64 refunds = 0;
        qint64 users = 0;
    };
    DbResult<Counts> counts() const;

private:
    const Database &m_db;
};
