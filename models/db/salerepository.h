#pragma once

#include "models/db/dberror.h"
#include "models/domain/money.h"
#include "models/domain/sale.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class Database;

/*!
 * Writes sales. A sale of any number of lines is a fixed number of statements:
 *
 * - PostgreSQL: one statement. Data-modifying CTEs take the lane's next number, insert the
 *   bill, its lines, the stock decrements (summed per product), the ledger rows, the
 *   payments and the NOTIFY for live reports; running it in autocommit makes it its own
 *   transaction, one round trip in all.
 * - SQLite (no writable CTEs): BEGIN, number, bill, lines, stock, ledger, payments, COMMIT.
 *
 * Every line is checked against the catalogue inside the same statement: its unit belongs
 * to its product, both are still sold, the base quantity, the tax rate and (unless the
 * price was overridden with approval) the unit price are the catalogue's. Otherwise nothing
 * is written (DbError::Kind::Conflict, isCatalogueChanged()). The audit rows of what a
 * manager approved are written with the bill.
 *
 * The bill belongs to the lane's open shift, looked up inside the same statement; with no
 * open shift nothing is written (DbError::Kind::NotFound, details kNoOpenShift). A commit
 * retried with the same uuid finds the bill and writes nothing. With negative stock
 * blocked, a sale that would take any product below zero writes nothing and the error
 * names the products (DbError::Kind::Conflict, details = names, one per line).
 */
class SaleRepository
{
public:
    explicit SaleRepository(const Database &db)
        : m_db(db)
    {}

    static inline const QString kSalesChannel = QStringLiteral("till_sales");
    static inline const QString kNoOpenShift = QStringLiteral("no open shift");
    static inline const QString kNoLane = QStringLiteral("no such lane");

    DbResult<CommittedBill> commit(const SaleRecord &sale) const;
    /*!
     * Whether commit() refused because stock would fall below zero where that is blocked;
     * the products are then in the error's details, one per line. A deadlock or a busy
     * database is a Conflict too, but not this one.
     */
    static bool isStockShort(const DbError &error);
    //! Whether commit() refused because a line no longer matches the catalogue.
    static bool isCatalogueChanged(const DbError &error);
    //! The catalogue's units by id (one query), to show what changed under a cart.
    DbResult<QHash<qint64, CatalogueUnit>> catalogueUnits(const QList<qint64> &unitIds) const;
    //! The products of the sale whose stock is below what it takes (for the message).
    DbResult<QStringList> shortProducts(const SaleRecord &sale) const;

private:
    DbResult<CommittedBill> commitPostgres(const SaleRecord &sale) const;
    DbResult<CommittedBill> commitSteps(const SaleRecord &sale) const;
    DbResult<CommittedBill> existing(const QString &uuid) const;
    //! Why nothing was written: the bill existed, the lane is unknown or has no open shift.
    DbResult<CommittedBill> nothingWritten(const SaleRecord &sale) const;
    QString linesJson(const SaleRecord &sale) const;
    //! The lines bound as :lines, as rows with kLineColumns' names.
    QString linesSource() const;
    QString paymentsJson(const SaleRecord &sale) const;
    QString auditsJson(const SaleRecord &sale) const;
    DbError stockShortError(const SaleRecord &sale) const;

    const Database &m_db;
};
