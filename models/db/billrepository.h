#pragma once

#include "models/db/dberror.h"
#include "models/domain/receipt.h"

#include <optional>

class Database;

//! Bills as they were sold: for reprints now, for refunds and history later.
class BillRepository
{
public:
    explicit BillRepository(const Database &db)
        : m_db(db)
    {}

    /*!
     * A bill as a receipt: the bill with its cashier, its lines with product and unit
     * names (one joined query) and its payments (one more). Store texts are not filled.
     */
    DbResult<std::optional<ReceiptData>> receipt(qint64 billId) const;
    //! The newest bill of a lane, or 0.
    DbResult<qint64> lastBillId(const QString &lane) const;
    //! The bill with this lane and number, or 0.
    DbResult<qint64> findByNumber(const QString &lane, qint64 number) const;

private:
    const Database &m_db;
};
