#include "models/db/salerepository.h"

#include "models/db/database.h"
#include "models/db/jsonrows.h"
#include "models/db/lanerepository.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"
#include "models/domain/settlement.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

using Type = Dialect::ColumnType;

const QList<Dialect::JsonColumn> kLineColumns{
        {u"line_no"_s, Type::Integer},       {u"product_id"_s, Type::Integer},
        {u"unit_id"_s, Type::Integer},       {u"quantity"_s, Type::Integer},
        {u"base_quantity"_s, Type::Integer}, {u"unit_price"_s, Type::Integer},
        {u"discount"_s, Type::Integer},      {u"tax_rate_bp"_s, Type::Integer},
        {u"tax"_s, Type::Integer},           {u"total"_s, Type::Integer},
        {u"overridden"_s, Type::Integer},
};

const QList<Dialect::JsonColumn> kAuditColumns{
        {u"action"_s, Type::Text},
        {u"approved_by"_s, Type::Integer},
        {u"details"_s, Type::Text},
};

// Raised from inside the PostgreSQL statement when a line does not match the catalogue.
const QString kCatalogueChangedMarker = u"till:catalogue_changed"_s;

// The first line (j) that the catalogue does not sell as it is: a unit of another product,
// an archived product or unit, another pack size, tax rate or (not overridden) price. The
// products come from the sale's own locked rows (locked), read once for the stock as well.
const QString kFirstCatalogueMismatch
        = u"SELECT MIN(j.line_no) FROM j LEFT JOIN product_units pu ON pu.id = j.unit_id "
          "LEFT JOIN locked l ON l.id = j.product_id "
          "WHERE pu.id IS NULL OR pu.product_id <> j.product_id OR NOT pu.active OR l.id IS NULL "
          "OR NOT l.active OR j.base_quantity <> j.quantity * pu.base_per_unit "
          "OR l.rate_bp <> j.tax_rate_bp OR (j.overridden = 0 AND pu.price_minor <> j.unit_price) "
          "HAVING COUNT(*) > 0"_s;

const QList<Dialect::JsonColumn> kPaymentColumns{
        {u"method"_s, Type::Text},    {u"amount"_s, Type::Integer}, {u"tendered"_s, Type::Integer},
        {u"change"_s, Type::Integer}, {u"reference"_s, Type::Text},
};

// Raised from inside the PostgreSQL statement when blocked stock would go negative: a cast
// that fails at run time (the sub-select keeps the planner from folding it early).
const QString kStockShortMarker = u"till:stock_short"_s;

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

int distinctProducts(const SaleRecord &sale)
{
    QSet<qint64> ids;
    for (const SaleRecord::Line &line : sale.lines) {
        ids.insert(line.productId);
    }
    return static_cast<int>(ids.size());
}

void bindBill(SqlQuery &q, const SaleRecord &sale)
{
    q.bind(u"uuid"_s, sale.uuid)
            .bind(u"lane"_s, sale.lane)
            .bind(u"cashier"_s, sale.cashierId)
            .bind(u"approved"_s, nullableId(sale.approvedBy))
            .bind(u"at"_s, Dialect::timestampText(sale.at))
            .bind(u"subtotal"_s, sale.subtotal.minor())
            .bind(u"discount"_s, sale.discount.minor())
            .bind(u"tax"_s, sale.tax.minor())
            .bind(u"rounding"_s, sale.rounding.minor())
            .bind(u"total"_s, sale.total.minor());
}

} // namespace

QString SaleRepository::linesJson(const SaleRecord &sale) const
{
    if (!m_db.dialect().isPostgres()) {
        // SQLite reads each line once per statement, parsing its text again for every column
        // it extracts: a row as an array of numbers in kLineColumns' order is a third of the
        // text of an object and costs that much less (see linesSource()).
        QString rows = u"["_s;
        for (qsizetype i = 0; i < sale.lines.size(); ++i) {
            const SaleRecord::Line &line = sale.lines.at(i);
            const QList<qint64> values{i + 1,
                                       line.productId,
                                       line.unitId,
                                       line.quantity,
                                       line.baseQuantity,
                                       line.unitPrice.minor(),
                                       line.discount.minor(),
                                       line.taxRateBp,
                                       line.tax.minor(),
                                       line.total.minor(),
                                       line.priceOverridden ? 1 : 0};
            rows += (i > 0 ? u",["_s : u"["_s);
            for (qsizetype c = 0; c < values.size(); ++c) {
                rows += (c > 0 ? u","_s : QString()) + QString::number(values.at(c));
            }
            rows += u']';
        }
        return rows + u']';
    }
    JsonRows rows;
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const SaleRecord::Line &line = sale.lines.at(i);
        rows.beginRow();
        rows.add(u"line_no", static_cast<qint64>(i + 1));
        rows.add(u"product_id", line.productId);
        rows.add(u"unit_id", line.unitId);
        rows.add(u"quantity", line.quantity);
        rows.add(u"base_quantity", line.baseQuantity);
        rows.add(u"unit_price", line.unitPrice.minor());
        rows.add(u"discount", line.discount.minor());
        rows.add(u"tax_rate_bp", static_cast<qint64>(line.taxRateBp));
        rows.add(u"tax", line.tax.minor());
        rows.add(u"total", line.total.minor());
        rows.add(u"overridden", static_cast<qint64>(line.priceOverridden ? 1 : 0));
    }
    return rows.toString();
}

QString SaleRepository::linesSource() const
{
    const Dialect &dialect = m_db.dialect();
    if (dialect.isPostgres()) {
        return dialect.jsonRows(u"lines"_s, kLineColumns);
    }
    QStringList columns;
    for (qsizetype c = 0; c < kLineColumns.size(); ++c) {
        columns << u"value ->> %1 AS %2"_s.arg(c).arg(kLineColumns.at(c).name);
    }
    return u"(SELECT %1 FROM json_each(:lines))"_s.arg(columns.join(u", "_s));
}

QString SaleRepository::auditsJson(const SaleRecord &sale) const
{
    JsonRows rows;
    for (const SaleRecord::Audit &audit : sale.audits) {
        rows.beginRow();
        rows.add(u"action", audit.action);
        audit.approvedBy > 0 ? rows.add(u"approved_by", audit.approvedBy)
                             : rows.addNull(u"approved_by");
        rows.add(u"details", audit.details);
    }
    return rows.toString();
}

QString SaleRepository::paymentsJson(const SaleRecord &sale) const
{
    JsonRows rows;
    for (const SaleRecord::Payment &payment : sale.payments) {
        rows.beginRow();
        rows.add(u"method", payment.method);
        rows.add(u"amount", payment.amount.minor());
        if (Tender::fromString(payment.method) == Tender::Method::Cash) {
            rows.add(u"tendered", payment.tendered.minor());
        } else {
            rows.addNull(u"tendered");
        }
        rows.add(u"change", payment.change.minor());
        payment.reference.isEmpty() ? rows.addNull(u"reference")
                                    : rows.add(u"reference", payment.reference);
    }
    return rows.toString();
}

DbResult<CommittedBill> SaleRepository::commit(const SaleRecord &sale) const
{
    if (sale.lines.isEmpty()) {
        return DbError{DbError::Kind::Invalid, u"a sale without lines"_s};
    }
    return m_db.dialect().isPostgres() ? commitPostgres(sale) : commitSteps(sale);
}

DbResult<CommittedBill> SaleRepository::existing(const QString &uuid) const
{
    SqlQuery q(m_db, u"SELECT id, number, lane FROM bills WHERE uuid = :uuid"_s,
               SqlQuery::Prepared::Keep);
    q.bind(u"uuid"_s, uuid);
    if (!q.exec()) {
        return q.error();
    }
    if (!q.next()) {
        return DbError{DbError::Kind::NotFound, u"no bill %1"_s.arg(uuid)};
    }
    return CommittedBill{q.int64(0), q.int64(1), q.text(2), true};
}

DbResult<CommittedBill> SaleRepository::nothingWritten(const SaleRecord &sale) const
{
    if (auto found = existing(sale.uuid)) {
        return found;
    }
    SqlQuery q(m_db, u"SELECT (SELECT COUNT(*) FROM lanes WHERE name = :lane), "
                     "(SELECT COUNT(*) FROM shifts WHERE lane = :lane AND closed_at IS NULL)"_s);
    q.bind(u"lane"_s, sale.lane);
    if (!q.execOne()) {
        return q.error();
    }
    return DbError{DbError::Kind::NotFound, q.int64(0) == 0 ? kNoLane : kNoOpenShift};
}

DbResult<QStringList> SaleRepository::shortProducts(const SaleRecord &sale) const
{
    SqlQuery q(m_db,
               u"SELECT p.name, p.stock_base, d.delta FROM (SELECT product_id, SUM(base_quantity) "
               u"AS delta "
               "FROM "_s
                       + linesSource()
                       + u" AS j GROUP BY product_id) d JOIN products p ON p.id = d.product_id "
                         "WHERE p.stock_base < d.delta ORDER BY p.name"_s);
    q.bind(u"lines"_s, linesJson(sale));
    if (!q.exec()) {
        return q.error();
    }
    QStringList names;
    while (q.next()) {
        names << q.text(0);
    }
    return names;
}

DbError SaleRepository::stockShortError(const SaleRecord &sale) const
{
    const auto names = shortProducts(sale);
    // The marker stands where a server's text would: isStockShort() reads it back.
    return DbError{DbError::Kind::Conflict, names ? names->join(u'\n') : u"stock too low"_s,
                   kStockShortMarker};
}

bool SaleRepository::isCatalogueChanged(const DbError &error)
{
    return error.kind == DbError::Kind::Conflict && error.driverText == kCatalogueChangedMarker;
}

DbResult<QHash<qint64, CatalogueUnit>> SaleRepository::catalogueUnits(
        const QList<qint64> &unitIds) const
{
    QHash<qint64, CatalogueUnit> units;
    if (unitIds.isEmpty()) {
        return units;
    }
    JsonRows ids;
    for (qint64 id : unitIds) {
        ids.beginRow();
        ids.add(u"id", id);
    }
    SqlQuery q(m_db,
               u"SELECT pu.id, pu.product_id, pr.sku, pr.name, pu.name, pu.base_per_unit, "
               "pu.price_minor, t.rate_bp, CASE WHEN pu.active AND pr.active THEN 1 ELSE 0 END "
               "FROM "_s
                       + m_db.dialect().jsonRows(u"ids"_s, {{u"id"_s, Type::Integer}})
                       + u" AS wanted JOIN product_units pu ON pu.id = wanted.id "
                         "JOIN products pr ON pr.id = pu.product_id "
                         "JOIN tax_rates t ON t.id = pr.tax_rate_id"_s);
    q.bind(u"ids"_s, ids.toString());
    if (!q.exec()) {
        return q.error();
    }
    while (q.next()) {
        CatalogueUnit unit;
        unit.unitId = q.int64(0);
        unit.productId = q.int64(1);
        unit.sku = q.text(2);
        unit.productName = q.text(3);
        unit.unitName = q.text(4);
        unit.basePerUnit = q.int64(5);
        unit.price = Money::fromMinor(q.int64(6));
        unit.taxRateBp = static_cast<int>(q.int64(7));
        unit.active = q.int64(8) != 0;
        units.insert(unit.unitId, unit);
    }
    return units;
}

bool SaleRepository::isStockShort(const DbError &error)
{
    return error.kind == DbError::Kind::Conflict && error.driverText == kStockShortMarker;
}

namespace {

// The one PostgreSQL statement of a sale: the bill, its lines, stock, ledger, payments and
// audits, with the checks that refuse it, in a single round trip. The lines are parsed once
// (j), the products read once: `locked` takes their rows in id order (two lanes selling the
// same products in another order would otherwise deadlock, and the loser waits
// deadlock_timeout, 1 s, before it is told; NO KEY UPDATE is what the UPDATE takes anyway,
// so other sales' reference checks still pass) and returns what the stock check and the
// catalogue check read, so the UPDATE finds each row already locked and needs no condition.
// A retried uuid (no bill) locks and writes nothing. The checks raise from the final SELECT
// with a cast that fails at run time (the sub-select keeps the planner from folding it),
// which rolls the whole statement back.
QString postgresCommitSql(const Dialect &dialect)
{
    const QString sql
            = u"WITH existing AS (SELECT id, number FROM bills WHERE uuid = :uuid), "
              "shift AS (SELECT id FROM shifts WHERE lane = :lane AND closed_at IS NULL), "
              "num AS (UPDATE lanes SET next_bill_number = next_bill_number + 1 "
              "  WHERE name = :lane AND NOT EXISTS (SELECT 1 FROM existing) "
              "  AND EXISTS (SELECT 1 FROM shift) RETURNING next_bill_number - 1 AS number), "
              "bill AS (INSERT INTO bills (uuid, number, lane, cashier_id, shift_id, created_at, "
              "  subtotal_minor, discount_minor, tax_minor, rounding_minor, total_minor, "
              "  approved_by) SELECT :uuid, num.number, :lane, :cashier, shift.id, :at, :subtotal, "
              "  :discount, :tax, :rounding, :total, :approved FROM num, shift "
              "  RETURNING id, number, shift_id), "
              // A range no line number fails tells the planner that a sale has a few lines:
              // it guesses 100 rows for any JSON, and then hashes the whole products and units
              // tables of a small catalogue where a few index lookups do (a till with 2,000
              // products spent most of a sale's time in those scans).
              "j AS MATERIALIZED (SELECT * FROM "_s
              + dialect.jsonRows(u"lines"_s, kLineColumns)
              + u" AS r WHERE r.line_no BETWEEN 1 AND 1000000), items AS (INSERT INTO bill_items "
                u"(bill_id, line_no, product_id, unit_id, "
                "  quantity, base_quantity, unit_price_minor, discount_minor, tax_rate_bp, "
                "  tax_minor, total_minor) SELECT bill.id, j.line_no, j.product_id, j.unit_id, "
                "  j.quantity, j.base_quantity, j.unit_price, j.discount, j.tax_rate_bp, j.tax, "
                "  j.total FROM bill, j), "
                "d AS MATERIALIZED (SELECT product_id, SUM(base_quantity) AS delta FROM j "
                "  GROUP BY product_id), "
                "locked AS MATERIALIZED (SELECT p.id, p.stock_base, p.active, t.rate_bp, "
                "  d.delta FROM d JOIN products p ON p.id = d.product_id "
                "  JOIN tax_rates t ON t.id = p.tax_rate_id "
                "  WHERE EXISTS (SELECT 1 FROM bill) ORDER BY p.id FOR NO KEY UPDATE OF p), "
                "stock AS (UPDATE products p SET stock_base = p.stock_base - l.delta, "
                "  updated_at = :at FROM locked l WHERE p.id = l.id), "
                "ledger AS (INSERT INTO stock_movements (product_id, delta_base, reason, bill_id, "
                "  user_id, created_at) SELECT l.id, -l.delta, 'sale', bill.id, :cashier, :at "
                "  FROM locked l, bill), "
                "pay AS (INSERT INTO payments (bill_id, shift_id, method, amount_minor, "
                "  tendered_minor, change_minor, reference, created_at) SELECT bill.id, "
                "  bill.shift_id, p.method, p.amount, p.tendered, p.change, p.reference, :at "
                "  FROM bill, "_s
              + dialect.jsonRows(u"payments"_s, kPaymentColumns)
              + u" AS p), "
                "audited AS (INSERT INTO audit_log (at, user_id, approved_by, lane, action, "
                "  details) SELECT :at, :cashier, a.approved_by, :lane, a.action, "
                "  'bill=' || CAST(:lane AS text) || '/' || bill.number || ' ' || a.details "
                "  FROM bill, "_s
              + dialect.jsonRows(u"audits"_s, kAuditColumns)
              + u" AS a), "
                "note AS (SELECT pg_notify('%1', CAST(:lane AS text) || ':' || bill.number) "
                "  FROM bill) "
                "SELECT b.id, b.number, e.id, e.number, "
                "CASE WHEN b.id IS NOT NULL AND ((SELECT COUNT(*) FROM locked) < "
                "  (SELECT COUNT(*) FROM d) OR (NOT :allow_negative AND EXISTS (SELECT 1 "
                "  FROM locked WHERE stock_base < delta))) "
                "  THEN CAST(CONCAT('%2:', (SELECT COUNT(*) FROM locked)) AS INTEGER) ELSE 0 END, "
                "CASE WHEN b.id IS NOT NULL THEN COALESCE((SELECT CAST(CONCAT('%3:', m.line_no) "
                "  AS INTEGER) FROM ("_s
              + kFirstCatalogueMismatch
              + u") AS m(line_no)), 0) ELSE 0 END, "
                "(SELECT COUNT(*) FROM note) "
                "FROM (SELECT 1) AS one LEFT JOIN bill b ON true LEFT JOIN existing e ON true"_s;
    return sql.arg(SaleRepository::kSalesChannel, kStockShortMarker, kCatalogueChangedMarker);
}

// The steps of a sale on SQLite, one statement each, inside the caller's transaction.

DbResult<qint64> insertBill(const Database &db, const SaleRecord &sale, qint64 number)
{
    SqlQuery q(db,
               u"INSERT INTO bills (uuid, number, lane, cashier_id, shift_id, created_at, "
               "subtotal_minor, discount_minor, tax_minor, rounding_minor, total_minor, "
               "approved_by) "
               "VALUES (:uuid, :number, :lane, :cashier, (SELECT id FROM shifts WHERE lane = "
               ":lane "
               "AND closed_at IS NULL), :at, :subtotal, :discount, :tax, :rounding, :total, "
               ":approved) RETURNING id"_s,
               SqlQuery::Prepared::Keep);
    bindBill(q, sale);
    q.bind(u"number"_s, number);
    if (!q.execOne()) {
        return q.error();
    }
    return q.int64(0);
}

//! How many lines went in: only lines the catalogue sells as they are do.
DbResult<int> insertLines(const Database &db, qint64 billId, const QString &source,
                          const QString &lines)
{
    SqlQuery q(db,
               u"INSERT INTO bill_items (bill_id, line_no, product_id, unit_id, quantity, "
               "base_quantity, unit_price_minor, discount_minor, tax_rate_bp, tax_minor, "
               "total_minor) "
               "SELECT :bill, j.line_no, j.product_id, j.unit_id, j.quantity, j.base_quantity, "
               "j.unit_price, j.discount, j.tax_rate_bp, j.tax, j.total FROM "_s
                       + source
                       + u" AS j JOIN product_units pu ON pu.id = j.unit_id AND pu.product_id = "
                         u"j.product_id "
                         "AND pu.active JOIN products pr ON pr.id = j.product_id AND pr.active "
                         "JOIN tax_rates t ON t.id = pr.tax_rate_id AND t.rate_bp = j.tax_rate_bp "
                         "WHERE j.base_quantity = j.quantity * pu.base_per_unit "
                         "AND (j.overridden <> 0 OR pu.price_minor = j.unit_price)"_s,
               SqlQuery::Prepared::Keep);
    q.bind(u"bill"_s, billId).bind(u"lines"_s, lines);
    if (!q.exec()) {
        return q.error();
    }
    return q.numRowsAffected();
}

//! How many products' stock went down: fewer than the sale's products means one was short.
DbResult<int> takeStock(const Database &db, const SaleRecord &sale, const QString &source,
                        const QString &lines)
{
    SqlQuery q(db,
               u"WITH d AS (SELECT product_id, SUM(base_quantity) AS delta FROM "_s + source
                       + u" AS j GROUP BY product_id) UPDATE products SET stock_base = "
                         u"stock_base - d.delta, "
                         "updated_at = :at FROM d WHERE products.id = d.product_id "
                         "AND (:allow_negative OR products.stock_base >= d.delta)"_s,
               SqlQuery::Prepared::Keep);
    q.bind(u"lines"_s, lines)
            .bind(u"at"_s, Dialect::timestampText(sale.at))
            .bind(u"allow_negative"_s, sale.allowNegativeStock);
    if (!q.exec()) {
        return q.error();
    }
    return q.numRowsAffected();
}

DbStatus insertLedger(const Database &db, const SaleRecord &sale, qint64 billId,
                      const QString &source, const QString &lines)
{
    SqlQuery q(
            db,
            u"INSERT INTO stock_movements (product_id, delta_base, reason, bill_id, user_id, "
            "created_at) SELECT product_id, -SUM(base_quantity), 'sale', :bill, :cashier, :at FROM "_s
                    + source + u" AS j GROUP BY product_id"_s,
            SqlQuery::Prepared::Keep);
    q.bind(u"lines"_s, lines)
            .bind(u"bill"_s, billId)
            .bind(u"cashier"_s, sale.cashierId)
            .bind(u"at"_s, Dialect::timestampText(sale.at));
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbStatus insertPayments(const Database &db, const SaleRecord &sale, qint64 billId,
                        const QString &payments)
{
    SqlQuery q(db,
               u"INSERT INTO payments (bill_id, shift_id, method, amount_minor, tendered_minor, "
               "change_minor, reference, created_at) SELECT :bill, (SELECT shift_id FROM bills "
               "WHERE id = :bill), method, amount, tendered, change, reference, :at FROM "_s
                       + db.dialect().jsonRows(u"payments"_s, kPaymentColumns) + u" AS p"_s,
               SqlQuery::Prepared::Keep);
    q.bind(u"bill"_s, billId)
            .bind(u"payments"_s, payments)
            .bind(u"at"_s, Dialect::timestampText(sale.at));
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbStatus insertAudits(const Database &db, const SaleRecord &sale, qint64 number,
                      const QString &audits)
{
    SqlQuery q(db,
               u"INSERT INTO audit_log (at, user_id, approved_by, lane, action, details) "
               "SELECT :at, :cashier, a.approved_by, :lane, a.action, 'bill=' || :lane || '/' "
               "|| :number || ' ' || a.details FROM "_s
                       + db.dialect().jsonRows(u"audits"_s, kAuditColumns) + u" AS a"_s,
               SqlQuery::Prepared::Keep);
    q.bind(u"at"_s, Dialect::timestampText(sale.at))
            .bind(u"cashier"_s, sale.cashierId)
            .bind(u"lane"_s, sale.lane)
            .bind(u"number"_s, number)
            .bind(u"audits"_s, audits);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

} // namespace

DbResult<CommittedBill> SaleRepository::commitPostgres(const SaleRecord &sale) const
{
    static const QString sql = postgresCommitSql(m_db.dialect());
    SqlQuery q(m_db, sql, SqlQuery::Prepared::Keep);
    bindBill(q, sale);
    q.bind(u"lines"_s, linesJson(sale))
            .bind(u"payments"_s, paymentsJson(sale))
            .bind(u"audits"_s, auditsJson(sale))
            .bind(u"allow_negative"_s, sale.allowNegativeStock);
    if (!q.exec()) {
        if (q.error().driverText.contains(kStockShortMarker)) {
            return stockShortError(sale);
        }
        if (q.error().driverText.contains(kCatalogueChangedMarker)) {
            return DbError{DbError::Kind::Conflict, q.error().details, kCatalogueChangedMarker};
        }
        if (q.error().kind == DbError::Kind::Constraint) {
            // Two attempts with the same uuid at once: the other one wrote the bill.
            if (auto found = existing(sale.uuid)) {
                return found;
            }
        }
        return q.error();
    }
    if (!q.next()) {
        return DbError{DbError::Kind::Statement, u"the sale statement returned nothing"_s};
    }
    if (!q.value(0).isNull()) {
        return CommittedBill{q.int64(0), q.int64(1), sale.lane, false};
    }
    if (!q.value(2).isNull()) {
        return CommittedBill{q.int64(2), q.int64(3), sale.lane, true};
    }
    return nothingWritten(sale);
}

DbResult<CommittedBill> SaleRepository::commitSteps(const SaleRecord &sale) const
{
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return status.error();
    }
    const auto taken
            = LaneRepository(m_db).takeNumber(LaneRepository::Counter::Bill, sale.lane, sale.uuid);
    if (!taken) {
        return taken.error();
    }
    const qint64 number = *taken;
    if (number == 0) {
        // Committed before (a retry), an unknown lane, or no open shift.
        tx.rollback();
        return nothingWritten(sale);
    }
    const auto billId = insertBill(m_db, sale, number);
    if (!billId) {
        return billId.error();
    }
    const QString lines = linesJson(sale);
    const QString source = linesSource();
    const auto inserted = insertLines(m_db, *billId, source, lines);
    if (!inserted) {
        return inserted.error();
    }
    if (*inserted < sale.lines.size()) {
        tx.rollback();
        return DbError{DbError::Kind::Conflict, u"a line does not match the catalogue"_s,
                       kCatalogueChangedMarker};
    }
    const auto lowered = takeStock(m_db, sale, source, lines);
    if (!lowered) {
        return lowered.error();
    }
    if (*lowered < distinctProducts(sale)) {
        tx.rollback();
        return stockShortError(sale);
    }
    if (DbStatus status = insertLedger(m_db, sale, *billId, source, lines); !status) {
        return status.error();
    }
    if (DbStatus status = insertPayments(m_db, sale, *billId, paymentsJson(sale)); !status) {
        return status.error();
    }
    if (!sale.audits.isEmpty()) {
        if (DbStatus status = insertAudits(m_db, sale, number, auditsJson(sale)); !status) {
            return status.error();
        }
    }
    if (DbStatus status = tx.commit(); !status) {
        return status.error();
    }
    return CommittedBill{*billId, number, sale.lane, false};
}
