#include "models/db/stockrepository.h"

#include "models/db/database.h"
#include "models/db/jsonrows.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"

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

QString StockRepository::linesJson(const QList<StockDelta> &lines, LineNumbers numbers) const
{
    JsonRows rows;
    int number = 0;
    for (const StockDelta &line : lines) {
        rows.beginRow();
        if (numbers == LineNumbers::Include) {
            rows.add(u"line", ++number);
        }
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

QString StockRepository::linesSource(LineNumbers numbers) const
{
    using Type = Dialect::ColumnType;
    QList<Dialect::JsonColumn> columns{{u"product_id"_s, Type::Integer},
                                       {u"unit_id"_s, Type::Integer},
                                       {u"quantity"_s, Type::Integer},
                                       {u"delta"_s, Type::Integer},
                                       {u"cost"_s, Type::Integer}};
    if (numbers == LineNumbers::Include) {
        columns.prepend({u"line"_s, Type::Integer});
    }
    return m_db.dialect().jsonRows(u"lines"_s, columns);
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
                         "WHERE EXISTS (SELECT 1 FROM products p WHERE p.id = j.product_id) "
                         "AND (j.unit_id IS NULL OR EXISTS (SELECT 1 FROM product_units u "
                         "WHERE u.id = j.unit_id AND u.product_id = j.product_id))"_s);
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

namespace {

// A line is refused when its unit is not its product's, its base quantity is not its
// quantity in the unit's size today, or (PostgreSQL) its product could not be locked.
const QString kRefusedLine = u"u.id IS NULL OR j.delta <> j.quantity * u.base_per_unit"_s;

QString auditDetails(qint64 documentNumber, qsizetype lines)
{
    return u"document=%1 lines=%2"_s.arg(documentNumber).arg(lines);
}

} // namespace

DbResult<StockRepository::PostedReceipt> StockRepository::postReceipt(
        const QList<StockDelta> &lines, const ReceiptHeader &header) const
{
    return m_db.dialect().isPostgres() ? postReceiptPostgres(lines, header)
                                       : postReceiptSteps(lines, header);
}

DbResult<StockRepository::PostedReceipt> StockRepository::postReceiptPostgres(
        const QList<StockDelta> &lines, const ReceiptHeader &header) const
{
    // One round trip and its own transaction. The products are locked in id order (as a
    // sale locks them, so the two cannot deadlock) before anything is written; a product
    // deleted meanwhile is not locked and refuses its line. Every write hangs off `doc`,
    // which is written only when no line is refused, so a refusal writes nothing.
    SqlQuery q(
            m_db,
            u"WITH j AS MATERIALIZED "_s + linesSource(LineNumbers::Include)
                    + u", d AS MATERIALIZED (SELECT product_id, SUM(delta) AS delta FROM j "
                      "GROUP BY product_id), "
                      "locked AS MATERIALIZED (SELECT id FROM products WHERE id IN (SELECT "
                      "product_id FROM d) ORDER BY id FOR NO KEY UPDATE), "
                      "refused AS MATERIALIZED (SELECT MIN(j.line) AS line FROM j "
                      "LEFT JOIN locked l ON l.id = j.product_id "
                      "LEFT JOIN product_units u ON u.id = j.unit_id AND u.product_id = "
                      "j.product_id WHERE l.id IS NULL OR "_s
                    + kRefusedLine
                    + u"), "
                      "doc AS (INSERT INTO stock_documents (kind, number, status, supplier, "
                      "note, user_id, created_at, posted_at) SELECT 'receipt', "
                      "COALESCE(MAX(number), 0) + 1, 'posted', CAST(:supplier AS TEXT), CAST(:note "
                      "AS TEXT), "
                      "CAST(:user AS BIGINT), CAST(:now AS TIMESTAMPTZ), CAST(:now AS TIMESTAMPTZ) "
                      "FROM stock_documents WHERE kind = "
                      "'receipt' HAVING (SELECT line FROM refused) IS NULL RETURNING id, number), "
                      "written AS (INSERT INTO stock_document_lines (document_id, product_id, "
                      "unit_id, quantity, base_quantity, cost_minor) SELECT doc.id, j.product_id, "
                      "j.unit_id, j.quantity, j.delta, j.cost FROM doc, j ORDER BY j.line "
                      "RETURNING 1), "
                      "stock AS (UPDATE products p SET stock_base = p.stock_base + d.delta, "
                      "updated_at = CAST(:now AS TIMESTAMPTZ) FROM d, locked, doc WHERE p.id = "
                      "d.product_id "
                      "AND locked.id = d.product_id RETURNING p.id), "
                      "ledger AS (INSERT INTO stock_movements (product_id, delta_base, reason, "
                      "document_id, user_id, created_at) SELECT d.product_id, d.delta, 'receipt', "
                      "doc.id, CAST(:user AS BIGINT), CAST(:now AS TIMESTAMPTZ) FROM d, doc ORDER "
                      "BY d.product_id "
                      "RETURNING 1), "
                      "audited AS (INSERT INTO audit_log (at, user_id, lane, action, details) "
                      "SELECT CAST(:now AS TIMESTAMPTZ), CAST(:user AS BIGINT), CAST(:lane AS "
                      "TEXT), 'goods_receipt', "
                      "'document=' || doc.number || CAST(:details AS TEXT) FROM doc RETURNING 1) "
                      "SELECT (SELECT id FROM doc), (SELECT number FROM doc), "
                      "(SELECT line FROM refused), (SELECT COUNT(*) FROM stock), "
                      "(SELECT COUNT(*) FROM written), (SELECT COUNT(*) FROM ledger), "
                      "(SELECT COUNT(*) FROM audited)"_s,
            SqlQuery::Prepared::Keep);
    q.bind(u"lines"_s, linesJson(lines, LineNumbers::Include))
            .bind(u"supplier"_s, header.supplier)
            .bind(u"note"_s, header.note)
            .bind(u"user"_s, nullableId(header.userId))
            .bind(u"now"_s, now())
            .bind(u"lane"_s, header.lane)
            .bind(u"details"_s, u" lines=%1"_s.arg(lines.size()));
    if (!q.execOne()) {
        return q.error();
    }
    PostedReceipt posted;
    if (!q.value(2).isNull()) {
        posted.refusedLine = static_cast<int>(q.int64(2));
        return posted;
    }
    posted.document.id = q.int64(0);
    posted.document.number = q.int64(1);
    posted.document.kind = u"receipt"_s;
    posted.document.lines = static_cast<int>(q.int64(4));
    posted.productsChanged = static_cast<int>(q.int64(3));
    return posted;
}

DbResult<StockRepository::PostedReceipt> StockRepository::postReceiptSteps(
        const QList<StockDelta> &lines, const ReceiptHeader &header) const
{
    // SQLite: one writer holds the whole file for the transaction, so a product that is
    // here when the lines are checked is here at commit.
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return status.error();
    }
    auto document = createDocument(u"receipt"_s, header.userId, header.supplier, header.note);
    if (!document) {
        return document.error();
    }
    const QString json = linesJson(lines, LineNumbers::Include);
    const QString source = linesSource(LineNumbers::Include);
    SqlQuery written(m_db,
                     u"INSERT INTO stock_document_lines (document_id, product_id, unit_id, "
                     "quantity, base_quantity, cost_minor) SELECT :document, j.product_id, "
                     "j.unit_id, j.quantity, j.delta, j.cost FROM "_s
                             + source
                             + u" AS j JOIN product_units u ON u.id = j.unit_id AND "
                               "u.product_id = j.product_id WHERE NOT ("_s
                             + kRefusedLine + u")"_s,
                     SqlQuery::Prepared::Keep);
    written.bind(u"document"_s, document->id).bind(u"lines"_s, json);
    if (!written.exec()) {
        return written.error();
    }
    if (written.numRowsAffected() < lines.size()) {
        tx.rollback();
        return refusedLine(source, json);
    }
    const auto changed = applyDeltas(lines, u"receipt"_s, document->id, header.userId, {});
    if (!changed) {
        return changed.error();
    }
    SqlQuery audited(m_db,
                     u"INSERT INTO audit_log (at, user_id, lane, action, details) VALUES (:now, "
                     ":user, :lane, 'goods_receipt', :details)"_s,
                     SqlQuery::Prepared::Keep);
    audited.bind(u"now"_s, now())
            .bind(u"user"_s, nullableId(header.userId))
            .bind(u"lane"_s, header.lane)
            .bind(u"details"_s, auditDetails(document->number, lines.size()));
    if (!audited.exec()) {
        return audited.error();
    }
    if (DbStatus status = tx.commit(); !status) {
        return status.error();
    }
    PostedReceipt posted;
    posted.document = *document;
    posted.document.lines = static_cast<int>(lines.size());
    posted.productsChanged = *changed;
    return posted;
}

DbResult<StockRepository::PostedReceipt> StockRepository::refusedLine(const QString &source,
                                                                      const QString &json) const
{
    SqlQuery q(m_db, u"SELECT MIN(j.line) FROM "_s + source
                             + u" AS j LEFT JOIN product_units u ON u.id = j.unit_id AND "
                               "u.product_id = j.product_id WHERE "_s
                             + kRefusedLine);
    q.bind(u"lines"_s, json);
    if (!q.execOne()) {
        return q.error();
    }
    PostedReceipt refused;
    refused.refusedLine = static_cast<int>(q.int64(0));
    return refused;
}
