#pragma once

#include "models/db/dberror.h"
#include "models/domain/money.h"
#include "models/domain/stock.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class Database;

/*!
 * The stock ledger and stock documents. Every write here is one statement whatever the
 * number of lines: lines go in as one JSON parameter and are summed per product in SQL.
 */
class StockRepository
{
public:
    explicit StockRepository(const Database &db)
        : m_db(db)
    {}

    //! A new posted document with the next number of its kind.
    DbResult<StockDocument> createDocument(const QString &kind, qint64 userId,
                                           const QString &supplier, const QString &note) const;
    //! Writes the lines whose unit belongs to their product; returns how many that were.
    DbResult<int> insertDocumentLines(qint64 documentId, const QList<StockDelta> &lines) const;
    //! Locks the products' rows until commit where the engine needs it (PostgreSQL).
    DbStatus lockProducts(const QList<StockDelta> &lines) const;
    /*!
     * Receipts and adjustments: raises each product's stock by the sum of its deltas and
     * writes one ledger row per product. Two statements. Returns products changed.
     */
    DbResult<int> applyDeltas(const QList<StockDelta> &lines, const QString &reason,
                              qint64 documentId, qint64 userId, const QString &note) const;
    /*!
     * Stocktake: for each product whose counted stock (deltaBase) differs from its stock,
     * a ledger row with the difference, then the stock set to the count. Two statements;
     * lock the products first so no sale slips in between. Returns products changed.
     */
    DbResult<int> applyCounts(const QList<StockDelta> &lines, qint64 documentId, qint64 userId,
                              const QString &note) const;

    //! Newest first, before beforeId (0: newest); balances computed in the same query.
    DbResult<QList<LedgerRow>> ledger(qint64 productId, qint64 beforeId, int limit) const;

private:
    QString linesJson(const QList<StockDelta> &lines) const;
    QString linesSource() const;

    const Database &m_db;
};
