#include "models/services/refundservice.h"

#include "models/db/billrepository.h"
#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/domain/billcode.h"
#include "models/domain/settlement.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"

#include <QHash>
#include <QLocale>

#include <utility>

using namespace Qt::StringLiterals;

namespace {
ServiceError invalid(const QString &message)
{
    return {ServiceError::Code::InvalidInput, message, {}};
}
} // namespace

RefundService::RefundService(const Database &db, const Session &session,
                             const Authorizer &authorizer, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
    , m_refunds(db)
    , m_audit(db)
{}

ServiceError RefundService::failed(const DbError &error) const
{
    return ServiceError::fromDb(error,
                                tr("The till cannot reach its database. Nothing was refunded; "
                                   "please try again."));
}

ServiceResult<qint64> RefundService::findBill(const QString &code) const
{
    ProfileScope scope(u"refund.find"_s);
    // A refund's own code names no bill to refund.
    const std::optional<BillCode> bill = BillCode::fromString(code, m_session.lane());
    if (!bill || bill->kind != BillCode::Kind::Bill) {
        return invalid(tr("\"%1\" is not a bill number. Scan the receipt or type its number.")
                               .arg(code.trimmed()));
    }
    const QString &lane = bill->lane;
    const qint64 n = bill->number;
    const auto id = BillRepository(m_db).findByNumber(lane, n);
    if (!id) {
        return failed(id.error());
    }
    if (*id == 0) {
        return ServiceError{ServiceError::Code::NotFound,
                            tr("There is no bill %1 at lane %2 in this store.").arg(n).arg(lane),
                            {}};
    }
    return *id;
}

ServiceResult<RefundableBill> RefundService::load(qint64 billId) const
{
    ProfileScope scope(u"refund.load"_s);
    if (const auto grant = m_authorizer.authorize(m_session, Permission::Sell); !grant) {
        return grant.error();
    }
    auto bill = m_refunds.load(billId);
    if (!bill) {
        return failed(bill.error());
    }
    if (!bill->has_value()) {
        return ServiceError{ServiceError::Code::NotFound, tr("There is no such bill."), {}};
    }
    m_loaded = **bill;
    return **bill;
}

ServiceResult<RefundableBill> RefundService::billToPlan(qint64 billId) const
{
    if (m_loaded && m_loaded->id == billId) {
        return *std::exchange(m_loaded, std::nullopt);
    }
    return load(billId);
}

ServiceResult<RefundRecord> RefundService::plan(const RefundableBill &bill,
                                                const Request &request) const
{
    if (request.lines.isEmpty()) {
        return invalid(tr("Choose at least one item to refund."));
    }
    if (request.reason.trimmed().isEmpty()) {
        return invalid(tr("Please give a reason for the refund."));
    }
    QHash<qint64, const RefundableBill::Line *> lineById;
    for (const RefundableBill::Line &line : bill.lines) {
        lineById.insert(line.billItemId, &line);
    }
    RefundRecord record;
    record.billId = bill.id;
    record.refundsBefore = bill.refundCount;
    record.reason = request.reason.trimmed();
    record.total = Money::fromMinor(0);
    QHash<qint64, qint64> asked;
    for (const LineRequest &wanted : request.lines) {
        const RefundableBill::Line *line = lineById.value(wanted.billItemId);
        if (!line) {
            return invalid(tr("An item to refund is not on bill %1.").arg(bill.number));
        }
        if (wanted.quantity <= 0) {
            return invalid(
                    tr("Enter how many of %1 come back (at least 1).").arg(line->productName));
        }
        const auto base = wanted.inBaseUnits ? std::optional<qint64>(wanted.quantity)
                                             : roundedDiv(wanted.quantity, line->basePerUnit, 1);
        if (!base) {
            return invalid(tr("The quantity of %1 is too large.").arg(line->productName));
        }
        const qint64 before = line->refundedBase + asked.value(line->billItemId);
        if (*base > line->baseQuantity - before) {
            return invalid(tr("Only %1 of %2 can still be refunded.")
                                   .arg(line->baseQuantity - before)
                                   .arg(line->productName));
        }
        asked[line->billItemId] += *base;
        // Cumulative shares of what was paid, so several partial refunds add up to the line.
        const qint64 upTo
                = roundedDiv(line->total.minor(), before + *base, line->baseQuantity).value_or(0);
        const qint64 sofar
                = roundedDiv(line->total.minor(), before, line->baseQuantity).value_or(0);
        const Money amount = Money::fromMinor(upTo - sofar);
        record.lines.append({line->billItemId, line->productId, *base, amount, wanted.restock});
        record.total += amount;
    }
    // Back the way it was paid: cards first, up to what they paid less what went back to them.
    Money toCard = Money::fromMinor(0);
    if (!request.allToCash) {
        Money cardPaid = Money::fromMinor(0);
        for (const RefundableBill::Payment &p : bill.payments) {
            if (Tender::fromString(p.method) == Tender::Method::Card) {
                cardPaid += p.amount;
            }
        }
        toCard = std::clamp(cardPaid - bill.refundedToCard, Money::fromMinor(0), record.total);
    }
    if (!toCard.isZero()) {
        QString reference = request.cardReference.trimmed();
        if (reference.isEmpty()) {
            for (const RefundableBill::Payment &p : bill.payments) {
                if (Tender::fromString(p.method) == Tender::Method::Card
                    && !p.reference.isEmpty()) {
                    reference = p.reference;
                }
            }
        }
        record.payments.append({Tender::toString(Tender::Method::Card), toCard, reference});
    }
    if (record.total - toCard > Money::fromMinor(0)) {
        record.payments.append({Tender::toString(Tender::Method::Cash), record.total - toCard, {}});
    }
    return record;
}

ServiceResult<RefundService::Outcome> RefundService::commit(const Request &request,
                                                            const QString &uuid,
                                                            const Approval &approval)
{
    ProfileScope scope(u"refund.commit"_s);
    auto bill = billToPlan(request.billId);
    if (!bill) {
        return bill.error();
    }
    auto planned = plan(*bill, request);
    if (!planned) {
        return planned.error();
    }
    // Only now is the approval spent: a mistyped quantity does not cost the manager's PIN.
    const auto grant = m_authorizer.authorize(m_session, Permission::Refund, approval);
    if (!grant) {
        return grant.error();
    }
    RefundRecord record;
    DbResult<CommittedRefund> committed = DbError{DbError::Kind::Statement, {}};
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (attempt > 0) {
            // Another refund of this bill since it was read: plan again from what is now.
            bill = load(request.billId);
            if (!bill) {
                return bill.error();
            }
            planned = plan(*bill, request);
            if (!planned) {
                return planned.error();
            }
        }
        record = *planned;
        record.uuid = uuid;
        record.lane = m_session.lane();
        record.cashierId = grant->userId;
        record.approvedBy = grant->approvedBy;
        record.at = m_clock();
        record.auditDetails = u"bill=%1/%2 total=%3 reason=%4"_s.arg(bill->lane)
                                      .arg(bill->number)
                                      .arg(record.total.minor())
                                      .arg(record.reason);
        committed = write(record);
        if (committed || !RefundRepository::isStale(committed.error())) {
            break;
        }
    }
    m_loaded.reset();
    if (!committed) {
        return commitFailed(committed.error(), record.lane);
    }
    Outcome outcome{*committed, record, receiptFor(*bill, record, committed->number)};
    Q_EMIT refundCommitted(outcome);
    return outcome;
}

DbResult<CommittedRefund> RefundService::write(const RefundRecord &record)
{
    auto committed = m_refunds.commit(record);
    if (!committed && committed.error().kind == DbError::Kind::ConnectionFailed) {
        // The same uuid makes the retry find a refund whose reply was lost.
        if (DbStatus reopened = m_db.reconnect(); reopened) {
            committed = m_refunds.commit(record);
        } else {
            committed = reopened.error();
        }
    }
    return committed;
}

ServiceError RefundService::commitFailed(const DbError &error, const QString &lane) const
{
    if (error.kind == DbError::Kind::Constraint || RefundRepository::isStale(error)) {
        return ServiceError{ServiceError::Code::Conflict,
                            tr("Some of these items were refunded at another till just now. "
                               "Nothing was refunded; load the bill again."),
                            error.details};
    }
    if (error.kind == DbError::Kind::NotFound) {
        return ServiceError{
                ServiceError::Code::InvalidInput,
                tr("No shift is open at lane %1. Open a shift to give money back.").arg(lane),
                error.details};
    }
    if (error.kind == DbError::Kind::Invalid) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("An item to refund is not on this bill."), error.details};
    }
    return failed(error);
}

ReceiptData RefundService::receiptFor(const RefundableBill &bill, const RefundRecord &record,
                                      qint64 number) const
{
    ReceiptData r;
    if (const auto store = SettingsRepository(m_db).storeHeader()) {
        store->applyTo(r);
    }
    r.isRefund = true;
    r.lane = record.lane;
    r.number = number;
    r.originalLane = bill.lane;
    r.originalNumber = bill.number;
    r.cashier = m_session.user() ? m_session.user()->name : QString();
    r.at = record.at;
    QHash<qint64, const RefundableBill::Line *> lineById;
    for (const RefundableBill::Line &line : bill.lines) {
        lineById.insert(line.billItemId, &line);
    }
    QMap<int, ReceiptData::Tax> taxes;
    for (const RefundRecord::Line &refunded : record.lines) {
        const RefundableBill::Line *line = lineById.value(refunded.billItemId);
        const qint64 units = line->basePerUnit > 0 ? refunded.baseQuantity / line->basePerUnit
                                                   : refunded.baseQuantity;
        const bool whole = line->basePerUnit > 0 && refunded.baseQuantity % line->basePerUnit == 0;
        r.lines.append({line->productName, whole ? line->unitName : tr("base units"),
                        whole ? units : refunded.baseQuantity, line->unitPrice, Money::fromMinor(0),
                        refunded.amount, line->taxRateBp});
        ReceiptData::Tax &tax = taxes[line->taxRateBp];
        tax.rateBp = line->taxRateBp;
        tax.gross += refunded.amount;
    }
    for (ReceiptData::Tax tax : std::as_const(taxes)) {
        tax.tax = Money::fromMinor(
                roundedDiv(tax.gross.minor(), tax.rateBp, 10000 + tax.rateBp).value_or(0));
        tax.net = tax.gross - tax.tax;
        r.tax += tax.tax;
        r.taxes.prepend(tax);
    }
    r.subtotal = record.total;
    r.total = record.total;
    for (const RefundRecord::Payment &p : record.payments) {
        r.payments.append(
                {p.method, p.amount, Money::fromMinor(0), Money::fromMinor(0), p.reference});
    }
    return r;
}

ServiceResult<QList<BillSummary>> RefundService::history(const BillFilter &filter,
                                                         const QDateTime &beforeAt, qint64 beforeId,
                                                         int limit) const
{
    ProfileScope scope(u"refund.history"_s);
    if (const auto grant = m_authorizer.authorize(m_session, Permission::Sell); !grant) {
        return grant.error();
    }
    auto rows = m_refunds.history(filter, beforeAt, beforeId, limit);
    if (!rows) {
        return failed(rows.error());
    }
    return *rows;
}
