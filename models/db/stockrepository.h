#pragma once

#include "models/db/dberror.h"
#include "models/domain/money.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class Database;

//! A posted goods receipt, stocktake or adjustment.
struct StockDocument
{
    qint64 id = 0;
    QString kind; //!< "receipt", "stocktake", "adjustment"
    qint64 number = 0;
    int lines = 0;
    int productsChanged = 0;
};

//! One row of a product's stock ledger, with the stock it left behind.
struct LedgerRow
{
    qint64 id = 0;
    QDateTime at;
    QString reason; //!< the stored key: "sale", "receipt", "damaged", ...
    qint64 deltaBase = 0;
    qint64 balanceBase = 0;
    QString userName;
    QString source; //!< "Bill 1/123", "Receipt 7", ... untranslated kind + number
    QString sourceKind;
    qint64 sourceNumber = 0;
    QString note;
};

//! A line of stock moving: base units of a product, for the set-based writes below.
struct StockDelta
{
    qint64 productId = 0;
    qint64 unitId = 0;    //!< 0 when counted in base units
    qint64 quantity = 0;  //!< in that unit
    qint64 deltaBase = 0; //!< the change of stock, or the counted stock for a stocktake
    std::optional<Money> unitCost;
};

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
