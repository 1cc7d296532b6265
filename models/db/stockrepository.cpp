#include "models/db/stockrepository.h"

#include "models/db/database.h"
#include "models/db/jsonrows.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

namespace {
QString now()
{
    return Dialect::timestampText(QDateTime::currentDateTimeUtc());
}
QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}
} // namespace

QString StockRepository::linesJson(const QList<StockDelta> &lines) const
{
    JsonRows rows;
    for (const StockDelta &line : lines) {
        rows.beginRow();
        rows.add(u"product_id", line.productId);
        if (line.unitId > 0) {
            rows.add(u"unit_id", line.unitId);
        } else {
            rows.addNull(u"unit_id");
        }
        rows.add(u"quantity", line.quantity);
        rows.add(u"delta", line.deltaBase);
        if (line.unitCost) {
            rows.add(u"cost", line.unitCost->minor());
        } else {
            rows.addNull(u"cost");
        }
    }
    return rows.toString();
}

QString StockRepository::linesSource() const
{
    using Type = Dialect::ColumnType;
    return m_db.dialect().jsonRows(u"lines"_s, {{u"product_id"_s, Type::Integer},
                                                {u"unit_id"_s, Type::Integer},
                                                {u"quantity"_s, Type::Integer},
                                                {u"delta"_s, Type::Integer},
                                                {u"cost"_s, Type::Integer}});
}

DbResult<StockDocument> StockRepository::createDocument(const QString &kind, qint64 userId,
                                                        const QString &supplier,
                                                        const QString &note) const
{
    // The number follows the last of its kind; two lanes posting at once collide on the
    // unique (kind, number) and the later one fails whole rather than sharing a number.
    SqlQuery q(m_db, u"INSERT INTO stock_documents (kind, number, status, supplier, note, user_id, "
                     "created_at, posted_at) SELECT :kind, COALESCE(MAX(number), 0) + 1, 'posted', "
                     ":supplier, :note, :user, :now, :now FROM stock_documents WHERE kind = :kind "
                     "RETURNING id, number"_s);
    q.bind(u"kind"_s, kind)
            .bind(u"supplier"_s, supplier)
            .bind(u"note"_s, note)
            .bind(u"user"_s, nullableId(userId))
            .bind(u"now"_s, now());
    if (!q.execOne()) {
        return q.error();
    }
    StockDocument document;
    document.id = q.int64(0);
    document.number = q.int64(1);
    document.kind = kind;
    return document;
}

DbResult<int> StockRepository::insertDocumentLines(qint64 documentId,
                                                   const QList<StockDelta> &lines) const
{
    SqlQuery q(m_db,
               u"INSERT INTO stock_document_lines (document_id, product_id, unit_id, quantity, "
               "base_quantity, cost_minor, counted_base) "
               "SELECT :document, j.product_id, j.unit_id, j.quantity, j.delta, j.cost, "
               "CASE WHEN d.kind = 'stocktake' THEN j.delta END FROM "_s
                       + linesSource()
                       + u" AS j JOIN stock_documents d ON d.id = :document "
                         "WHERE j.unit_id IS NULL OR EXISTS (SELECT 1 FROM product_units u "
                         "WHERE u.id = j.unit_id AND u.product_id = j.product_id)"_s);
    q.bind(u"document"_s, documentId).bind(u"lines"_s, linesJson(lines));
    if (!q.exec()) {
        return q.error();
    }
    return q.numRowsAffected();
}

DbStatus StockRepository::lockProducts(const QList<StockDelta> &lines) const
{
    const QString lock = m_db.dialect().lockRowsStatement(
            u"products"_s, u"SELECT product_id FROM "_s + linesSource() + u" AS j"_s);
    if (lock.isEmpty()) {
        return Done{};
    }
    SqlQuery q(m_db, lock);
    q.bind(u"lines"_s, linesJson(lines));
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbResult<int> StockRepository::applyDeltas(const QList<StockDelta> &lines, const QString &reason,
                                           qint64 documentId, qint64 userId,
                                           const QString &note) const
{
    const QString json = linesJson(lines);
    SqlQuery update(
            m_db,
            u"WITH d AS (SELECT product_id, SUM(delta) AS delta FROM "_s + linesSource()
                    + u" AS j GROUP BY product_id) "
                      "UPDATE products SET stock_base = stock_base + d.delta, updated_at = :now "
                      "FROM d WHERE products.id = d.product_id AND d.delta <> 0"_s);
    update.bind(u"lines"_s, json).bind(u"now"_s, now());
    if (!update.exec()) {
        return update.error();
    }
    const int changed = update.numRowsAffected();
    SqlQuery ledger(m_db,
                    u"INSERT INTO stock_movements (product_id, delta_base, reason, document_id, "
                    "user_id, note, created_at) SELECT product_id, SUM(delta), :reason, :document, "
                    ":user, :note, :now FROM "_s
                            + linesSource()
                            + u" AS j WHERE j.product_id IN (SELECT id FROM products) "
                              "GROUP BY product_id HAVING SUM(delta) <> 0"_s);
    ledger.bind(u"lines"_s, json)
            .bind(u"reason"_s, reason)
            .bind(u"document"_s, nullableId(documentId))
            .bind(u"user"_s, nullableId(userId))
            .bind(u"note"_s,
                  note.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(note))
            .bind(u"now"_s, now());
    if (!ledger.exec()) {
        return ledger.error();
    }
    return changed;
}

DbResult<int> StockRepository::applyCounts(const QList<StockDelta> &lines, qint64 documentId,
                                           qint64 userId, const QString &note) const
{
    // A product counted on two shelves is the sum of both counts.
    const QString json = linesJson(lines);
    const QString counts = u"(SELECT product_id, SUM(delta) AS counted FROM "_s + linesSource()
                           + u" AS j GROUP BY product_id)"_s;
    SqlQuery ledger(
            m_db, u"INSERT INTO stock_movements (product_id, delta_base, reason, document_id, "
                  "user_id, note, created_at) SELECT p.id, c.counted - p.stock_base, 'stocktake', "
                  ":document, :user, :note, :now FROM "_s
                          + counts
                          + u" c JOIN products p ON p.id = c.product_id "
                            "WHERE c.counted <> p.stock_base"_s);
    ledger.bind(u"lines"_s, json)
            .bind(u"document"_s, nullableId(documentId))
            .bind(u"user"_s, nullableId(userId))
            .bind(u"note"_s,
                  note.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(note))
            .bind(u"now"_s, now());
    if (!ledger.exec()) {
        return ledger.error();
    }
    SqlQuery update(
            m_db,
            u"WITH c AS "_s + counts
                    + u" UPDATE products SET stock_base = c.counted, updated_at = :now "
                      "FROM c WHERE products.id = c.product_id AND products.stock_base <> c.counted"_s);
    update.bind(u"lines"_s, json).bind(u"now"_s, now());
    if (!update.exec()) {
        return update.error();
    }
    return update.numRowsAffected();
}

DbResult<QList<LedgerRow>> StockRepository::ledger(qint64 productId, qint64 beforeId,
                                                   int limit) const
{
    // The balance after the newest row of the page is today's stock less everything newer;
    // the rows below it subtract their way down with a window over the page alone.
    SqlQuery q(
            m_db,
            u"WITH page AS (SELECT m.id, m.created_at, m.reason, m.delta_base, m.user_id, "
            u"m.bill_id, "
            "m.refund_id, m.document_id, m.note FROM stock_movements m WHERE m.product_id = :product"_s
                    + (beforeId > 0 ? u" AND m.id < :before"_s : QString())
                    + u" ORDER BY m.id DESC LIMIT :limit), "
                      "top AS (SELECT p.stock_base - COALESCE((SELECT SUM(x.delta_base) FROM "
                      "stock_movements x "
                      "WHERE x.product_id = :product AND x.id > (SELECT MAX(id) FROM page)), 0) AS "
                      "balance "
                      "FROM products p WHERE p.id = :product) "
                      "SELECT page.id, page.created_at, page.reason, page.delta_base, "
                      "top.balance - COALESCE(SUM(page.delta_base) OVER (ORDER BY page.id DESC "
                      "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0), "
                      "u.name, b.lane, b.number, r.lane, r.number, d.kind, d.number, page.note "
                      "FROM page CROSS JOIN top LEFT JOIN users u ON u.id = page.user_id "
                      "LEFT JOIN bills b ON b.id = page.bill_id LEFT JOIN refunds r ON r.id = "
                      "page.refund_id "
                      "LEFT JOIN stock_documents d ON d.id = page.document_id ORDER BY page.id DESC"_s);
    q.bind(u"product"_s, productId).bind(u"limit"_s, limit);
    if (beforeId > 0) {
        q.bind(u"before"_s, beforeId);
    }
    if (!q.exec()) {
        return q.error();
    }
    QList<LedgerRow> rows;
    while (q.next()) {
        LedgerRow row;
        row.id = q.int64(0);
        row.at = Dialect::toDateTime(q.value(1));
        row.reason = q.text(2);
        row.deltaBase = q.int64(3);
        row.balanceBase = q.int64(4);
        row.userName = q.text(5);
        if (!q.value(7).isNull()) {
            row.sourceKind = u"bill"_s;
            row.sourceNumber = q.int64(7);
            row.source = q.text(6);
        } else if (!q.value(9).isNull()) {
            row.sourceKind = u"refund"_s;
            row.sourceNumber = q.int64(9);
            row.source = q.text(8);
        } else if (!q.value(11).isNull()) {
            row.sourceKind = q.text(10);
            row.sourceNumber = q.int64(11);
        }
        row.note = q.text(12);
        rows.append(row);
    }
    return rows;
}
