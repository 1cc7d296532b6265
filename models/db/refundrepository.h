#pragma once

#include "models/db/dberror.h"
#include "models/domain/money.h"
#include "models/domain/product.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class Database;

//! A sold bill as the refund dialog shows it: what was sold and what may still come back.
struct RefundableBill
{
    struct Line
    {
        qint64 billItemId = 0;
        int lineNo = 0;
        qint64 productId = 0;
        QString sku;
        QString productName;
        qint64 unitId = 0;
        QString unitName;
        qint64 basePerUnit = 1;
        BaseUnit baseUnit = BaseUnit::Piece; //!< what a pack counts in, for "3 × Box + 5 × Piece"
        qint64 quantity = 0;
        qint64 baseQuantity = 0;
        qint64 refundedBase = 0;
        Money unitPrice;
        Money discount;
        Money total; //!< what was paid for the line, after discounts
        int taxRateBp = 0;
        qint64 refundableBase() const { return baseQuantity - refundedBase; }
    };
    struct Payment
    {
        QString method;
        Money amount;
        QString reference;
    };

    qint64 id = 0;
    QString lane;
    qint64 number = 0;
    QDateTime at;
    QString cashierName;
    Money total;
    Money refunded;       //!< refunded so far, from SQL SUM
    Money refundedToCard; //!< of which back to cards
    QList<Line> lines;
    QList<Payment> payments;
};

//! A refund ready to be written; amounts already worked out.
struct RefundRecord
{
    struct Line
    {
        qint64 billItemId = 0;
        qint64 productId = 0;
        qint64 baseQuantity = 0;
        Money amount;
        bool restock = true;
    };
    struct Payment
    {
        QString method;
        Money amount;
        QString reference;
    };

    QString uuid;
    QString lane; //!< the refunding till's lane; its open shift takes the cash
    qint64 billId = 0;
    qint64 cashierId = 0;
    qint64 approvedBy = 0;
    QString reason;
    QDateTime at;
    Money total;
    QList<Line> lines;
    QList<Payment> payments;
    //! Written to the audit log in the same transaction, after "refund=<lane>/<number> ".
    QString auditDetails;
};

struct CommittedRefund
{
    qint64 id = 0;
    qint64 number = 0;
    bool alreadyExisted = false;
};

//! One row of the bill history.
struct BillSummary
{
    qint64 id = 0;
    QString lane;
    qint64 number = 0;
    QDateTime at;
    QString cashierName;
    int lines = 0;
    Money total;
    Money refunded;
};

struct BillFilter
{
    QDateTime from; //!< inclusive; invalid: no bound
    QDateTime to;   //!< exclusive
    QString lane;
    qint64 cashierId = 0;
    std::optional<Money> minTotal;
    std::optional<Money> maxTotal;
    qint64 productId = 0;
};

/*!
 * Refunds. Loading a bill is one joined query for the bill and its lines plus one for
 * its payments and refunds so far, for 1 line or 50. Writing a refund, its audit row
 * included, is one statement on PostgreSQL and ten on SQLite. The database refuses over-refunds
 * itself: the CHECK on bill_items.refunded_base_quantity fails the whole refund, so two lanes
 * refunding the last item at once cannot both succeed.
 */
class RefundRepository
{
public:
    explicit RefundRepository(const Database &db)
        : m_db(db)
    {}

    static inline const QString kNoOpenShift = QStringLiteral("no open shift");

    DbResult<std::optional<RefundableBill>> load(qint64 billId) const;
    DbResult<CommittedRefund> commit(const RefundRecord &refund) const;
    //! Bills newest first, older than (beforeAt, beforeId); one query per page.
    DbResult<QList<BillSummary>> history(const BillFilter &filter, const QDateTime &beforeAt,
                                         qint64 beforeId, int limit) const;
    //! Total refunded of one refund and of one bill (SQL SUM over refund_items).
    DbResult<Money> refundTotal(qint64 refundId) const;
    DbResult<Money> billRefundTotal(qint64 billId) const;

private:
    DbResult<CommittedRefund> commitPostgres(const RefundRecord &refund) const;
    DbResult<CommittedRefund> commitSteps(const RefundRecord &refund) const;
    DbResult<CommittedRefund> nothingWritten(const RefundRecord &refund) const;
    QString linesJson(const RefundRecord &refund) const;
    QString paymentsJson(const RefundRecord &refund) const;

    const Database &m_db;
};
