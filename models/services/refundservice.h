#pragma once

#include "models/db/auditrepository.h"
#include "models/db/refundrepository.h"
#include "models/domain/approval.h"
#include "models/domain/clock.h"
#include "models/domain/receipt.h"
#include "models/services/serviceerror.h"

#include <QObject>

class Authorizer;
class Database;
class Session;

/*!
 * Taking goods back. Anybody at the till may find a bill and see what can still be
 * refunded; giving money back needs Permission::Refund (a manager, or a cashier with a
 * manager's approval). Amounts follow what was paid, after discounts, and add up to the
 * line's total when everything comes back in several steps. The database, not this
 * service, has the last word on over-refunds.
 */
class RefundService : public QObject
{
    Q_OBJECT

public:
    RefundService(const Database &db, const Session &session, const Authorizer &authorizer,
                  QObject *parent = nullptr);

    //! A bill by the code on its receipt ("1-000042") or its number at this lane ("42").
    ServiceResult<qint64> findBill(const QString &code) const;
    ServiceResult<RefundableBill> load(qint64 billId) const;

    struct LineRequest
    {
        qint64 billItemId = 0;
        qint64 quantity = 0;
        bool inBaseUnits = false; //!< quantity counts base units, not the unit sold
        bool restock = true;      //!< false: damaged, it does not go back on the shelf
    };
    struct Request
    {
        qint64 billId = 0;
        QList<LineRequest> lines;
        QString reason;
        bool allToCash = false; //!< a manager may pay a card sale back in cash
        QString cardReference;
    };
    //! What the refund would be: amounts and payments. Pure; nothing is read or written.
    ServiceResult<RefundRecord> plan(const RefundableBill &bill, const Request &request) const;

    struct Outcome
    {
        CommittedRefund refund;
        RefundRecord record;
        ReceiptData receipt;
    };
    /*!
     * Plans from the bill load() last returned (or loads it) and commits in one
     * transaction. If the bill had another refund since it was read, nothing is written and
     * the plan is made once more from a fresh read. uuid is made once per refund and reused
     * for a retry, so a lost reply never refunds twice.
     */
    ServiceResult<Outcome> commit(const Request &request, const QString &uuid,
                                  const Approval &approval = {});

    ServiceResult<QList<BillSummary>> history(const BillFilter &filter, const QDateTime &beforeAt,
                                              qint64 beforeId, int limit) const;

    void setClock(Clock clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    void refundCommitted(const RefundService::Outcome &outcome);

private:
    ServiceError failed(const DbError &error) const;
    ReceiptData receiptFor(const RefundableBill &bill, const RefundRecord &record,
                           qint64 number) const;
    //! The bill load() last returned if it is this one, else a fresh read.
    ServiceResult<RefundableBill> billToPlan(qint64 billId) const;
    //! Commits, once more after a lost connection (the uuid finds a refund already written).
    DbResult<CommittedRefund> write(const RefundRecord &record);
    ServiceError commitFailed(const DbError &error, const QString &lane) const;

    const Database &m_db;
    const Session &m_session;
    const Authorizer &m_authorizer;
    RefundRepository m_refunds;
    AuditRepository m_audit;
    Clock m_clock = systemClock();
    //! What load() returned last: the bill as the cashier saw it, which commit() plans from.
    mutable std::optional<RefundableBill> m_loaded;
};
