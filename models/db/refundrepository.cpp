#include "models/db/refundrepository.h"

#include "models/db/database.h"
#include "models/db/jsonrows.h"
#include "models/db/lanerepository.h"
#include "models/db/salerepository.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"
#include "models/domain/settlement.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

using Type = Dialect::ColumnType;

const QList<Dialect::JsonColumn> kLineColumns{
        {u"bill_item_id"_s, Type::Integer},  {u"product_id"_s, Type::Integer},
        {u"base_quantity"_s, Type::Integer}, {u"amount"_s, Type::Integer},
        {u"restock"_s, Type::Boolean},
};
const QList<Dialect::JsonColumn> kPaymentColumns{
        {u"method"_s, Type::Text},
        {u"amount"_s, Type::Integer},
        {u"reference"_s, Type::Text},
};

// The ledger rows of a refund, from its lines as "j": per product, everything that came back,
// then what left stock again at once because it is damaged. Both rows keep the books honest:
// the return is seen even when stock_base does not move.
const QString kLedgerRows
        = u"SELECT product_id, SUM(base_quantity) AS delta, 'refund' AS reason, 0 AS step FROM j "
          "GROUP BY product_id UNION ALL SELECT product_id, -SUM(base_quantity), 'damaged', 1 FROM "
          "j "
          "WHERE NOT restock GROUP BY product_id"_s;

// Raised inside the PostgreSQL statement when a line is not one of the bill's.
const QString kWrongBillMarker = u"till:wrong_bill"_s;
// Raised inside the PostgreSQL statement (and stood for on SQLite) when the bill had another
// refund since the one the refund was planned from.
const QString kStaleMarker = u"till:refund_stale"_s;

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

void bindRefund(SqlQuery &q, const RefundRecord &r)
{
    q.bind(u"uuid"_s, r.uuid)
            .bind(u"lane"_s, r.lane)
            .bind(u"bill"_s, r.billId)
            .bind(u"cashier"_s, r.cashierId)
            .bind(u"approved"_s, nullableId(r.approvedBy))
            .bind(u"reason"_s, r.reason)
            .bind(u"at"_s, Dialect::timestampText(r.at))
            .bind(u"total"_s, r.total.minor())
            .bind(u"audit"_s, r.auditDetails)
            .bind(u"refunds_before"_s, r.refundsBefore);
}

int distinctItems(const RefundRecord &r)
{
    QSet<qint64> ids;
    for (const auto &line : r.lines) {
        ids.insert(line.billItemId);
    }
    return static_cast<int>(ids.size());
}

RefundableBill::Line loadedLine(const SqlQuery &q)
{
    RefundableBill::Line line;
    line.billItemId = q.int64(6);
    line.lineNo = static_cast<int>(q.int64(7));
    line.productId = q.int64(8);
    line.sku = q.text(9);
    line.productName = q.text(10);
    line.unitId = q.int64(11);
    line.unitName = q.text(12);
    line.quantity = q.int64(13);
    line.baseQuantity = q.int64(14);
    // The rate as sold, even if the unit was changed since.
    line.basePerUnit = line.quantity > 0 ? line.baseQuantity / line.quantity : 1;
    line.refundedBase = q.int64(15);
    line.unitPrice = Money::fromMinor(q.int64(16));
    line.discount = Money::fromMinor(q.int64(17));
    line.total = Money::fromMinor(q.int64(18));
    line.taxRateBp = static_cast<int>(q.int64(19));
    line.baseUnit = BaseUnits::fromKey(q.text(20)).value_or(BaseUnit::Piece);
    return line;
}

} // namespace

QString RefundRepository::linesJson(const RefundRecord &refund) const
{
    JsonRows rows;
    for (const RefundRecord::Line &line : refund.lines) {
        rows.beginRow();
        rows.add(u"bill_item_id", line.billItemId);
        rows.add(u"product_id", line.productId);
        rows.add(u"base_quantity", line.baseQuantity);
        rows.add(u"amount", line.amount.minor());
        rows.add(u"restock", line.restock);
    }
    return rows.toString();
}

QString RefundRepository::paymentsJson(const RefundRecord &refund) const
{
    JsonRows rows;
    for (const RefundRecord::Payment &p : refund.payments) {
        rows.beginRow();
        rows.add(u"method", p.method);
        rows.add(u"amount", p.amount.minor());
        p.reference.isEmpty() ? rows.addNull(u"reference") : rows.add(u"reference", p.reference);
    }
    return rows.toString();
}

DbResult<std::optional<RefundableBill>> RefundRepository::load(qint64 billId) const
{
    // One round trip: the bill's lines (kind 0, with the bill and its count of refunds so
    // far), then its payments (kind 1: method, amount, reference in the lane, total and
    // cashier columns) and what went back so far per method (kind 2).
    SqlQuery q(m_db,
               u"SELECT b.id, b.lane, b.number, b.created_at, u.name, b.total_minor, "
               "i.id, i.line_no, i.product_id, p.sku, p.name, i.unit_id, pu.name, i.quantity, "
               "i.base_quantity, i.refunded_base_quantity, i.unit_price_minor, i.discount_minor, "
               "i.total_minor, i.tax_rate_bp, p.base_unit, 0 AS kind, "
               "(SELECT COUNT(*) FROM refunds r WHERE r.bill_id = b.id) "
               "FROM bills b JOIN users u ON u.id = b.cashier_id "
               "JOIN bill_items i ON i.bill_id = b.id JOIN products p ON p.id = i.product_id "
               "JOIN product_units pu ON pu.id = i.unit_id WHERE b.id = :bill "
               "UNION ALL SELECT NULL, method, NULL, NULL, COALESCE(reference, ''), amount_minor, "
               "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
               "NULL, NULL, 1, NULL FROM payments WHERE bill_id = :bill "
               "UNION ALL SELECT NULL, p.method, NULL, NULL, '', SUM(p.amount_minor), "
               "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
               "NULL, NULL, 2, NULL FROM payments p JOIN refunds r ON r.id = p.refund_id "
               "WHERE r.bill_id = :bill GROUP BY p.method ORDER BY 22, 8"_s,
               SqlQuery::Prepared::Keep);
    q.bind(u"bill"_s, billId);
    if (!q.exec()) {
        return q.error();
    }
    RefundableBill bill;
    while (q.next()) {
        if (q.int64(21) == 1) {
            bill.payments.append({q.text(1), Money::fromMinor(q.int64(5)), q.text(4)});
            continue;
        }
        if (q.int64(21) == 2) {
            const Money amount = Money::fromMinor(q.int64(5));
            bill.refunded += amount;
            if (Tender::fromString(q.text(1)) == Tender::Method::Card) {
                bill.refundedToCard += amount;
            }
            continue;
        }
        if (bill.id == 0) {
            bill.id = q.int64(0);
            bill.lane = q.text(1);
            bill.number = q.int64(2);
            bill.at = Dialect::toDateTime(q.value(3));
            bill.cashierName = q.text(4);
            bill.total = Money::fromMinor(q.int64(5));
            bill.refundCount = q.int64(22);
        }
        bill.lines.append(loadedLine(q));
    }
    if (bill.id == 0) {
        return std::optional<RefundableBill>();
    }
    return std::optional<RefundableBill>(bill);
}

DbResult<CommittedRefund> RefundRepository::commit(const RefundRecord &refund) const
{
    if (refund.lines.isEmpty()) {
        return DbError{DbError::Kind::Invalid, u"a refund without lines"_s};
    }
    return m_db.dialect().isPostgres() ? commitPostgres(refund) : commitSteps(refund);
}

bool RefundRepository::isStale(const DbError &error)
{
    return error.kind == DbError::Kind::Conflict && error.driverText == kStaleMarker;
}

DbResult<CommittedRefund> RefundRepository::nothingWritten(const RefundRecord &refund) const
{
    SqlQuery q(m_db, u"SELECT id, number FROM refunds WHERE uuid = :uuid"_s);
    q.bind(u"uuid"_s, refund.uuid);
    if (!q.exec()) {
        return q.error();
    }
    if (q.next()) {
        return CommittedRefund{q.int64(0), q.int64(1), true};
    }
    return DbError{DbError::Kind::NotFound, kNoOpenShift};
}

DbResult<CommittedRefund> RefundRepository::commitPostgres(const RefundRecord &refund) const
{
    const Dialect &dialect = m_db.dialect();
    static const QString sql
            = u"WITH existing AS (SELECT id, number FROM refunds WHERE uuid = :uuid), "
              "shift AS (SELECT id FROM shifts WHERE lane = :lane AND closed_at IS NULL), "
              "num AS (UPDATE lanes SET next_refund_number = next_refund_number + 1 WHERE name = "
              ":lane "
              "  AND NOT EXISTS (SELECT 1 FROM existing) AND EXISTS (SELECT 1 FROM shift) "
              "  RETURNING next_refund_number - 1 AS number), "
              "refund AS (INSERT INTO refunds (uuid, number, lane, bill_id, cashier_id, "
              "approved_by, shift_id, "
              "  reason, created_at, total_minor) SELECT :uuid, num.number, :lane, :bill, "
              ":cashier, :approved, "
              "  shift.id, :reason, :at, :total FROM num, shift RETURNING id, number, shift_id), "
              "j AS "_s
              + dialect.jsonRows(u"lines"_s, kLineColumns)
              + u", items AS (INSERT INTO refund_items (refund_id, bill_item_id, base_quantity, "
                u"refunded_amount_minor, "
                "  restock) SELECT refund.id, j.bill_item_id, j.base_quantity, j.amount, j.restock "
                "FROM refund, j "
                "  RETURNING 1), "
                "d AS (SELECT bill_item_id, SUM(base_quantity) AS q FROM j GROUP BY bill_item_id), "
                "raised AS (UPDATE bill_items bi SET refunded_base_quantity = "
                "bi.refunded_base_quantity + d.q "
                "  FROM d, refund WHERE bi.id = d.bill_item_id AND bi.bill_id = :bill RETURNING "
                "bi.id), "
                "back AS (SELECT product_id, SUM(base_quantity) AS delta FROM j WHERE restock "
                "GROUP BY product_id), "
                "stock AS (UPDATE products p SET stock_base = p.stock_base + back.delta, "
                "updated_at = :at "
                "  FROM back, refund WHERE p.id = back.product_id RETURNING p.id), "
                "ledger AS (INSERT INTO stock_movements (product_id, delta_base, reason, "
                "refund_id, "
                "  user_id, created_at) SELECT moved.product_id, moved.delta, moved.reason, "
                "refund.id, "
                "  :cashier, :at FROM ("_s
              + kLedgerRows
              + u") AS moved, refund ORDER BY moved.product_id, moved.step RETURNING 1), "
                "pay AS (INSERT INTO payments (refund_id, shift_id, method, amount_minor, "
                "change_minor, reference, "
                "  created_at) SELECT refund.id, refund.shift_id, p.method, p.amount, 0, "
                "p.reference, :at "
                "  FROM refund, "_s
              + dialect.jsonRows(u"payments"_s, kPaymentColumns)
              + u" AS p RETURNING 1), "
                "audit AS (INSERT INTO audit_log (at, user_id, approved_by, lane, action, details) "
                "  SELECT :at, :cashier, :approved, :lane, 'refund', 'refund=' || CAST(:lane AS "
                "text) || '/' "
                "  || refund.number || ' ' || COALESCE(CAST(:audit AS text), '') FROM refund "
                "RETURNING 1), "
                "note AS (SELECT pg_notify('%1', 'refund:' || CAST(:lane AS text)) FROM refund) "
                "SELECT (SELECT id FROM refund), (SELECT number FROM refund), (SELECT id FROM "
                "existing), "
                "(SELECT number FROM existing), "
                "CASE WHEN EXISTS (SELECT 1 FROM refund) AND (SELECT COUNT(*) FROM refunds "
                "  WHERE bill_id = :bill) <> :refunds_before THEN CAST(CONCAT('%3:', "
                "  (SELECT COUNT(*) FROM refunds WHERE bill_id = :bill)) AS INTEGER) ELSE 0 END, "
                "CASE WHEN EXISTS (SELECT 1 FROM refund) AND (SELECT COUNT(*) FROM raised) < "
                "(SELECT COUNT(*) FROM d) "
                "  THEN CAST(CONCAT('%2:', (SELECT COUNT(*) FROM raised)) AS INTEGER) ELSE 0 END, "
                "(SELECT COUNT(*) FROM note)"_s.arg(SaleRepository::kSalesChannel, kWrongBillMarker,
                                                    kStaleMarker);
    SqlQuery q(m_db, sql, SqlQuery::Prepared::Keep);
    bindRefund(q, refund);
    q.bind(u"lines"_s, linesJson(refund)).bind(u"payments"_s, paymentsJson(refund));
    if (!q.exec()) {
        if (q.error().driverText.contains(kStaleMarker)) {
            return DbError{DbError::Kind::Conflict, u"the bill was refunded since"_s, kStaleMarker};
        }
        if (q.error().driverText.contains(kWrongBillMarker)) {
            return DbError{DbError::Kind::Invalid, u"a line is not on this bill"_s};
        }
        if (q.error().kind == DbError::Kind::Constraint) {
            // An over-refund (the CHECK), or the same uuid committed at the same moment.
            auto found = nothingWritten(refund);
            if (found && found->alreadyExisted) {
                return found;
            }
        }
        return q.error();
    }
    if (!q.next()) {
        return DbError{DbError::Kind::Statement, u"the refund statement returned nothing"_s};
    }
    if (!q.value(0).isNull()) {
        return CommittedRefund{q.int64(0), q.int64(1), false};
    }
    if (!q.value(2).isNull()) {
        return CommittedRefund{q.int64(2), q.int64(3), true};
    }
    return nothingWritten(refund);
}

namespace {

// The steps of a refund on SQLite, one statement each, inside the caller's transaction: what
// they all bind is taken once.
struct RefundSteps
{
    const Database &db;
    const RefundRecord &refund;
    QString lines;  //!< the refund's lines as JSON
    QString source; //!< those lines as rows
    QString at;
    qint64 number = 0;
    qint64 refundId = 0;

    DbResult<qint64> insertRefund() const
    {
        SqlQuery q(
                db,
                u"INSERT INTO refunds (uuid, number, lane, bill_id, cashier_id, approved_by, "
                "shift_id, reason, created_at, total_minor) SELECT :uuid, :number, :lane, :bill, "
                ":cashier, :approved, (SELECT id FROM shifts WHERE lane = :lane AND closed_at IS "
                "NULL), :reason, :at, :total WHERE (SELECT COUNT(*) FROM refunds WHERE bill_id = "
                ":bill) = :refunds_before RETURNING id"_s,
                SqlQuery::Prepared::Keep);
        bindRefund(q, refund);
        q.bind(u"number"_s, number);
        if (!q.execOne()) {
            return q.error();
        }
        return q.int64(0);
    }

    DbStatus insertItems() const
    {
        SqlQuery q(db,
                   u"INSERT INTO refund_items (refund_id, bill_item_id, base_quantity, "
                   "refunded_amount_minor, restock) SELECT :refund, bill_item_id, base_quantity, "
                   "amount, "
                   "restock FROM "_s
                           + source + u" AS j"_s,
                   SqlQuery::Prepared::Keep);
        q.bind(u"refund"_s, refundId).bind(u"lines"_s, lines);
        if (!q.exec()) {
            return q.error();
        }
        return Done{};
    }

    //! How many of the bill's items were marked: fewer than the refund's means one is not on it.
    DbResult<int> markRefunded() const
    {
        SqlQuery q(db,
                   u"WITH d AS (SELECT bill_item_id, SUM(base_quantity) AS q FROM "_s + source
                           + u" AS j GROUP BY bill_item_id) UPDATE bill_items SET "
                             u"refunded_base_quantity = "
                             "refunded_base_quantity + d.q FROM d WHERE bill_items.id = "
                             "d.bill_item_id "
                             "AND bill_items.bill_id = :bill"_s,
                   SqlQuery::Prepared::Keep);
        q.bind(u"lines"_s, lines).bind(u"bill"_s, refund.billId);
        if (!q.exec()) {
            return q.error();
        }
        return q.numRowsAffected();
    }

    DbStatus restock() const
    {
        SqlQuery q(
                db,
                u"WITH back AS (SELECT product_id, SUM(base_quantity) AS delta FROM "_s + source
                        + u" AS j WHERE restock GROUP BY product_id) UPDATE products SET "
                          u"stock_base = "
                          "stock_base + back.delta, updated_at = :at FROM back WHERE products.id = "
                          "back.product_id"_s,
                SqlQuery::Prepared::Keep);
        q.bind(u"lines"_s, lines).bind(u"at"_s, at);
        if (!q.exec()) {
            return q.error();
        }
        return Done{};
    }

    DbStatus insertLedger() const
    {
        SqlQuery q(db,
                   u"WITH j AS "_s + source
                           + u" INSERT INTO stock_movements (product_id, delta_base, reason, "
                             u"refund_id, "
                             "user_id, created_at) SELECT product_id, delta, reason, :refund, "
                             ":cashier, "
                             ":at FROM ("_s
                           + kLedgerRows + u") AS moved ORDER BY product_id, step"_s,
                   SqlQuery::Prepared::Keep);
        q.bind(u"lines"_s, lines)
                .bind(u"refund"_s, refundId)
                .bind(u"cashier"_s, refund.cashierId)
                .bind(u"at"_s, at);
        if (!q.exec()) {
            return q.error();
        }
        return Done{};
    }

    DbStatus insertPayments(const QString &payments) const
    {
        SqlQuery q(
                db,
                u"INSERT INTO payments (refund_id, shift_id, method, amount_minor, change_minor, "
                "reference, created_at) SELECT :refund, (SELECT shift_id FROM refunds WHERE id = "
                ":refund), "
                "method, amount, 0, reference, :at FROM "_s
                        + db.dialect().jsonRows(u"payments"_s, kPaymentColumns) + u" AS p"_s,
                SqlQuery::Prepared::Keep);
        q.bind(u"refund"_s, refundId).bind(u"payments"_s, payments).bind(u"at"_s, at);
        if (!q.exec()) {
            return q.error();
        }
        return Done{};
    }

    DbStatus insertAudit() const
    {
        SqlQuery q(db,
                   u"INSERT INTO audit_log (at, user_id, approved_by, lane, action, details) "
                   "VALUES (:at, :cashier, :approved, :lane, 'refund', :details)"_s,
                   SqlQuery::Prepared::Keep);
        q.bind(u"at"_s, at)
                .bind(u"cashier"_s, refund.cashierId)
                .bind(u"approved"_s, nullableId(refund.approvedBy))
                .bind(u"lane"_s, refund.lane)
                .bind(u"details"_s,
                      u"refund=%1/%2 %3"_s.arg(refund.lane).arg(number).arg(refund.auditDetails));
        if (!q.exec()) {
            return q.error();
        }
        return Done{};
    }
};

} // namespace

DbResult<CommittedRefund> RefundRepository::commitSteps(const RefundRecord &refund) const
{
    RefundSteps steps{m_db, refund, linesJson(refund),
                      m_db.dialect().jsonRows(u"lines"_s, kLineColumns),
                      Dialect::timestampText(refund.at)};
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return status.error();
    }
    const auto taken = LaneRepository(m_db).takeNumber(LaneRepository::Counter::Refund, refund.lane,
                                                       refund.uuid);
    if (!taken) {
        return taken.error();
    }
    steps.number = *taken;
    if (steps.number == 0) {
        tx.rollback();
        return nothingWritten(refund);
    }
    const auto refundId = steps.insertRefund();
    if (!refundId) {
        if (refundId.error().kind == DbError::Kind::NotFound) {
            // No row: the bill had another refund since this one was planned.
            tx.rollback();
            return DbError{DbError::Kind::Conflict, u"the bill was refunded since"_s, kStaleMarker};
        }
        return refundId.error();
    }
    steps.refundId = *refundId;
    if (DbStatus status = steps.insertItems(); !status) {
        return status.error();
    }
    const auto marked = steps.markRefunded();
    if (!marked) {
        return marked.error();
    }
    if (*marked < distinctItems(refund)) {
        tx.rollback();
        return DbError{DbError::Kind::Invalid, u"a line is not on this bill"_s};
    }
    if (DbStatus status = steps.restock(); !status) {
        return status.error();
    }
    if (DbStatus status = steps.insertLedger(); !status) {
        return status.error();
    }
    if (DbStatus status = steps.insertPayments(paymentsJson(refund)); !status) {
        return status.error();
    }
    if (DbStatus status = steps.insertAudit(); !status) {
        return status.error();
    }
    if (DbStatus status = tx.commit(); !status) {
        return status.error();
    }
    return CommittedRefund{steps.refundId, steps.number, false};
}

DbResult<QList<BillSummary>> RefundRepository::history(const BillFilter &filter,
                                                       const QDateTime &beforeAt, qint64 beforeId,
                                                       int limit) const
{
    QStringList where;
    if (beforeId > 0) {
        // "created_at <=" is the bound an index starts from: without it PostgreSQL reads every
        // newer bill to find where the page begins (the 501st page took 3 times the first).
        where << u"b.created_at <= :before_at AND (b.created_at < :before_at OR "
                 "(b.created_at = :before_at AND b.id < :before_id))"_s;
    }
    if (filter.from.isValid()) {
        where << u"b.created_at >= :from"_s;
    }
    if (filter.to.isValid()) {
        where << u"b.created_at < :to"_s;
    }
    if (!filter.lane.isEmpty()) {
        where << u"b.lane = :lane"_s;
    }
    if (filter.cashierId > 0) {
        where << u"b.cashier_id = :cashier"_s;
    }
    if (filter.minTotal) {
        where << u"b.total_minor >= :min_total"_s;
    }
    if (filter.maxTotal) {
        where << u"b.total_minor <= :max_total"_s;
    }
    if (filter.productId > 0) {
        where << u"b.id IN (SELECT bill_id FROM bill_items WHERE product_id = :product)"_s;
    }
    SqlQuery q(m_db,
               u"SELECT b.id, b.lane, b.number, b.created_at, u.name, b.total_minor, "
               "(SELECT COUNT(*) FROM bill_items i WHERE i.bill_id = b.id), "
               "(SELECT COALESCE(SUM(r.total_minor), 0) FROM refunds r WHERE r.bill_id = b.id) "
               "FROM bills b JOIN users u ON u.id = b.cashier_id "_s
                       + (where.isEmpty() ? QString() : u"WHERE "_s + where.join(u" AND "_s))
                       + u" ORDER BY b.created_at DESC, b.id DESC LIMIT :limit"_s);
    if (beforeId > 0) {
        q.bind(u"before_at"_s, Dialect::timestampText(beforeAt)).bind(u"before_id"_s, beforeId);
    }
    if (filter.from.isValid()) {
        q.bind(u"from"_s, Dialect::timestampText(filter.from));
    }
    if (filter.to.isValid()) {
        q.bind(u"to"_s, Dialect::timestampText(filter.to));
    }
    if (!filter.lane.isEmpty()) {
        q.bind(u"lane"_s, filter.lane);
    }
    if (filter.cashierId > 0) {
        q.bind(u"cashier"_s, filter.cashierId);
    }
    if (filter.minTotal) {
        q.bind(u"min_total"_s, filter.minTotal->minor());
    }
    if (filter.maxTotal) {
        q.bind(u"max_total"_s, filter.maxTotal->minor());
    }
    if (filter.productId > 0) {
        q.bind(u"product"_s, filter.productId);
    }
    q.bind(u"limit"_s, limit);
    if (!q.exec()) {
        return q.error();
    }
    QList<BillSummary> rows;
    while (q.next()) {
        rows.append({q.int64(0), q.text(1), q.int64(2), Dialect::toDateTime(q.value(3)), q.text(4),
                     static_cast<int>(q.int64(6)), Money::fromMinor(q.int64(5)),
                     Money::fromMinor(q.int64(7))});
    }
    return rows;
}

DbResult<Money> RefundRepository::refundTotal(qint64 refundId) const
{
    SqlQuery q(
            m_db,
            u"SELECT COALESCE(SUM(refunded_amount_minor), 0) FROM refund_items WHERE refund_id = :id"_s,
            SqlQuery::Prepared::Keep);
    q.bind(u"id"_s, refundId);
    if (!q.execOne()) {
        return q.error();
    }
    return Money::fromMinor(q.int64(0));
}

DbResult<Money> RefundRepository::billRefundTotal(qint64 billId) const
{
    SqlQuery q(m_db,
               u"SELECT COALESCE(SUM(ri.refunded_amount_minor), 0) FROM refund_items ri "
               "JOIN bill_items bi ON bi.id = ri.bill_item_id WHERE bi.bill_id = :bill"_s,
               SqlQuery::Prepared::Keep);
    q.bind(u"bill"_s, billId);
    if (!q.execOne()) {
        return q.error();
    }
    return Money::fromMinor(q.int64(0));
}
