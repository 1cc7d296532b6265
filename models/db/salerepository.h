#pragma once

#include "models/db/dberror.h"
#include "models/domain/money.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class Database;

//! A sale ready to be written, every amount already worked out by Pricing.
struct SaleRecord
{
    struct Line
    {
        qint64 productId = 0;
        qint64 unitId = 0;
        qint64 quantity = 0;
        qint64 baseQuantity = 0;
        Money unitPrice;
        Money discount;
        int taxRateBp = 0;
        Money tax;
        Money total;
        //! The price was overridden with approval; otherwise it must be the catalogue's.
        bool priceOverridden = false;
    };
    //! What needed a manager, for the audit log; written by the sale's own statement.
    struct Audit
    {
        QString action;        //!< "price_override", "discount_above_limit"
        qint64 approvedBy = 0; //!< 0: the cashier's own role allowed it
        QString details;       //!< "bill=LANE/NUMBER " is put in front
    };
    struct Payment
    {
        QString method; //!< "cash" or "card"
        Money amount;   //!< what this payment covers of the bill
        Money tendered; //!< cash handed over (cash only)
        Money change;
        QString reference; //!< card slip reference
    };

    QString uuid; //!< made by the till before the first attempt
    QString lane; //!< the sale goes to this lane's open shift; none open: refused
    qint64 cashierId = 0;
    qint64 approvedBy = 0;
    QDateTime at;
    Money subtotal;
    Money discount;
    Money tax;
    Money rounding;
    Money total;
    QList<Line> lines;
    QList<Payment> payments;
    QList<Audit> audits;
    bool allowNegativeStock = false;
};

//! A sellable unit as the catalogue has it now, to check a cart against.
struct CatalogueUnit
{
    qint64 unitId = 0;
    qint64 productId = 0;
    QString sku;
    QString productName;
    QString unitName;
    qint64 basePerUnit = 1;
    Money price;
    int taxRateBp = 0;
    bool active = false; //!< the product and the unit are both still sold
};

struct CommittedBill
{
    qint64 id = 0;
    qint64 number = 0;
    QString lane;
    bool alreadyExisted = false; //!< the uuid was committed before (a retried commit)
};

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
    QString paymentsJson(const SaleRecord &sale) const;
    QString auditsJson(const SaleRecord &sale) const;
    DbError stockShortError(const SaleRecord &sale) const;

    const Database &m_db;
};
