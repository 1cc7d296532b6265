#pragma once

#include "models/db/dberror.h"
#include "models/domain/billhistory.h"
#include "models/domain/money.h"
#include "models/domain/product.h"
#include "models/domain/refund.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class Database;

/*!
 * Refunds. Loading a bill is one query for the bill, its lines, its payments and its
 * refunds so far, for 1 line or 50. Writing a refund, its audit row included, is one
 * statement on PostgreSQL and ten on SQLite, and writes nothing if the bill was refunded
 * since the refund was planned (isStale()). The database refuses over-refunds
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
    /*!
     * Whether commit() wrote nothing because the bill had another refund since the one the
     * record was planned from (RefundRecord::refundsBefore): plan again from a fresh load().
     */
    static bool isStale(const DbError &error);
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
