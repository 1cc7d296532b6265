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

    //! Who posts a goods receipt, and where, for the document and the audit log.
    struct ReceiptHeader
    {
        qint64 userId = 0;
        QString supplier;
        QString note;
        QString lane;
    };
    //! A goods receipt written whole, or refused whole at a line (nothing written).
    struct PostedReceipt
    {
        StockDocument document; //!< id 0 when refused
        int refusedLine = 0;    //!< 1-based; 0 when posted
        int productsChanged = 0;
    };
    /*!
     * A whole goods receipt: the document, its lines, each product's stock and one ledger
     * row per product, and the audit row; one statement on PostgreSQL, one transaction on
     * SQLite, whatever the number of lines. The statements check each line themselves, so
     * no foreign key has to: its unit is one of its product's, its product still exists
     * (locked until commit on PostgreSQL, so it cannot be deleted meanwhile) and its base
     * quantity is its quantity times the unit's size now (a rate read before the unit was
     * changed is refused). The first line that fails refuses the whole receipt.
     */
    DbResult<PostedReceipt> postReceipt(const QList<StockDelta> &lines,
                                        const ReceiptHeader &header) const;

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
    enum class LineNumbers { Omit, Include };
    QString linesJson(const QList<StockDelta> &lines,
                      LineNumbers numbers = LineNumbers::Omit) const;
    QString linesSource(LineNumbers numbers = LineNumbers::Omit) const;
    DbResult<PostedReceipt> postReceiptPostgres(const QList<StockDelta> &lines,
                                                const ReceiptHeader &header) const;
    //! After a refusal: the first line that refused the receipt.
    DbResult<PostedReceipt> refusedLine(const QString &source, const QString &json) const;
    DbResult<PostedReceipt> postReceiptSteps(const QList<StockDelta> &lines,
                                             const ReceiptHeader &header) const;

    const Database &m_db;
};
