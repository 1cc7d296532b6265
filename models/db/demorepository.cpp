#include "models/db/demorepository.h"

#include "models/db/bulkwriter.h"
#include "models/db/database.h"
#include "models/db/shiftrepository.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

namespace {

using Type = Dialect::ColumnType;

// Bills' and refunds' payments alike: a row names its bill or its refund by uuid.
QString paymentInsert(const Database &db)
{
    return u"INSERT INTO payments (bill_id, refund_id, shift_id, method, amount_minor, "
           "tendered_minor, change_minor, reference, created_at) "
           "SELECT b.id, r.id, COALESCE(b.shift_id, r.shift_id), j.method, j.amount, j.tendered, "
           "j.change, j.reference, j.at FROM "_s
           + BulkWriter::source(db, {{u"bill"_s, Type::Text},
                                     {u"refund"_s, Type::Text},
                                     {u"method"_s, Type::Text},
                                     {u"amount"_s, Type::Integer},
                                     {u"tendered"_s, Type::Integer},
                                     {u"change"_s, Type::Integer},
                                     {u"reference"_s, Type::Text},
                                     {u"at"_s, Type::Timestamp}})
           + u" AS j LEFT JOIN bills b ON b.uuid = j.bill LEFT JOIN refunds r ON r.uuid = j.refund"_s;
}

DbStatus finishAll(std::initializer_list<BulkWriter *> writers)
{
    for (BulkWriter *writer : writers) {
        if (DbStatus status = writer->finish(); !status) {
            return status;
        }
    }
    return Done{};
}

} // namespace

DbResult<bool> DemoRepository::isEmpty() const
{
    SqlQuery q(m_db, u"SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM products)"_s);
    if (!q.execOne()) {
        return q.error();
    }
    return q.int64(0) == 0;
}

DbStatus DemoRepository::writeLanes(const QStringList &lanes) const
{
    BulkWriter writer(m_db, u"INSERT INTO lanes (name) SELECT j.name FROM "_s
                                    + BulkWriter::source(m_db, {{u"name"_s, Type::Text}})
                                    + u" AS j"_s);
    for (const QString &lane : lanes) {
        writer.row().add(u"name", lane);
    }
    return writer.finish();
}

DbStatus DemoRepository::writeShifts(const QList<DemoShift> &shifts) const
{
    BulkWriter writer(m_db,
                      u"INSERT INTO shifts (lane, cashier_id, opened_at, closed_at, closed_by, "
                      "opening_float_minor, expected_cash_minor, counted_cash_minor, z_number) "
                      "SELECT j.lane, u.id, j.opened_at, j.closed_at, u.id, j.float, j.expected, "
                      "j.counted, j.z FROM "_s
                              + BulkWriter::source(m_db, {{u"lane"_s, Type::Text},
                                                          {u"cashier"_s, Type::Text},
                                                          {u"opened_at"_s, Type::Timestamp},
                                                          {u"closed_at"_s, Type::Timestamp},
                                                          {u"float"_s, Type::Integer},
                                                          {u"expected"_s, Type::Integer},
                                                          {u"counted"_s, Type::Integer},
                                                          {u"z"_s, Type::Integer}})
                              + u" AS j JOIN users u ON u.login = j.cashier"_s);
    for (const DemoShift &s : shifts) {
        JsonRows &row = writer.row();
        row.add(u"lane", s.lane);
        row.add(u"cashier", s.cashier);
        row.add(u"opened_at", s.openedAt);
        row.add(u"closed_at", s.closedAt);
        row.add(u"float", s.openingFloat);
        row.add(u"expected", s.expectedCash());
        row.add(u"counted", s.expectedCash() + s.countedDifference);
        row.add(u"z", s.zNumber);
    }
    return writer.finish();
}

DbStatus DemoRepository::writeBills(const DemoHistory &history,
                                    const QList<DemoProduct> &catalogue) const
{
    BulkWriter bills(m_db,
                     u"INSERT INTO bills (uuid, number, lane, cashier_id, shift_id, created_at, "
                     "subtotal_minor, discount_minor, tax_minor, rounding_minor, total_minor) "
                     "SELECT j.uuid, j.number, j.lane, u.id, s.id, j.at, j.subtotal, j.discount, "
                     "j.tax, 0, j.total FROM "_s
                             + BulkWriter::source(m_db, {{u"uuid"_s, Type::Text},
                                                         {u"number"_s, Type::Integer},
                                                         {u"lane"_s, Type::Text},
                                                         {u"cashier"_s, Type::Text},
                                                         {u"z"_s, Type::Integer},
                                                         {u"at"_s, Type::Timestamp},
                                                         {u"subtotal"_s, Type::Integer},
                                                         {u"discount"_s, Type::Integer},
                                                         {u"tax"_s, Type::Integer},
                                                         {u"total"_s, Type::Integer}})
                             + u" AS j JOIN users u ON u.login = j.cashier "
                               "JOIN shifts s ON s.lane = j.lane AND s.z_number = j.z"_s);
    for (const DemoBill &b : history.bills) {
        JsonRows &row = bills.row();
        row.add(u"uuid", b.uuid);
        row.add(u"number", b.number);
        row.add(u"lane", b.lane);
        row.add(u"cashier", b.cashier);
        row.add(u"z", b.zNumber);
        row.add(u"at", b.at);
        row.add(u"subtotal", b.total + b.discount);
        row.add(u"discount", b.discount);
        row.add(u"tax", b.tax);
        row.add(u"total", b.total);
    }
    if (DbStatus status = bills.finish(); !status) {
        return status;
    }
    BulkWriter lines(
            m_db,
            u"INSERT INTO bill_items (bill_id, line_no, product_id, unit_id, quantity, "
            "base_quantity, unit_price_minor, discount_minor, tax_rate_bp, tax_minor, "
            "total_minor, refunded_base_quantity) "
            "SELECT b.id, j.line_no, pu.product_id, pu.id, j.quantity, j.base_quantity, j.price, "
            "j.discount, j.rate, j.tax, j.total, j.refunded FROM "_s
                    + BulkWriter::source(m_db, {{u"bill"_s, Type::Text},
                                                {u"line_no"_s, Type::Integer},
                                                {u"barcode"_s, Type::Text},
                                                {u"quantity"_s, Type::Integer},
                                                {u"base_quantity"_s, Type::Integer},
                                                {u"price"_s, Type::Integer},
                                                {u"discount"_s, Type::Integer},
                                                {u"rate"_s, Type::Integer},
                                                {u"tax"_s, Type::Integer},
                                                {u"total"_s, Type::Integer},
                                                {u"refunded"_s, Type::Integer}})
                    + u" AS j JOIN bills b ON b.uuid = j.bill "
                      "JOIN product_units pu ON pu.barcode = j.barcode"_s);
    BulkWriter payments(m_db, paymentInsert(m_db));
    for (const DemoBill &b : history.bills) {
        for (qsizetype i = 0; i < b.lines.size(); ++i) {
            const DemoLine &l = b.lines.at(i);
            JsonRows &row = lines.row();
            row.add(u"bill", b.uuid);
            row.add(u"line_no", static_cast<qint64>(i + 1));
            row.add(u"barcode", catalogue.at(l.product).units.at(l.unit).barcode);
            row.add(u"quantity", l.quantity);
            row.add(u"base_quantity", l.baseQuantity);
            row.add(u"price", l.unitPrice);
            row.add(u"discount", l.discount);
            row.add(u"rate", l.taxRateBp);
            row.add(u"tax", l.tax);
            row.add(u"total", l.total);
            row.add(u"refunded", l.refundedBase);
        }
        for (const DemoPayment &p : b.payments) {
            JsonRows &row = payments.row();
            row.add(u"bill", b.uuid);
            row.addNull(u"refund");
            row.add(u"method", Tender::toString(p.method));
            row.add(u"amount", p.amount);
            p.tendered >= 0 ? row.add(u"tendered", p.tendered) : row.addNull(u"tendered");
            row.add(u"change", p.change);
            row.add(u"reference", p.reference);
            row.add(u"at", b.at);
        }
    }
    return finishAll({&lines, &payments});
}

DbStatus DemoRepository::writeRefunds(const DemoHistory &history) const
{
    BulkWriter refunds(
            m_db,
            u"INSERT INTO refunds (uuid, number, lane, bill_id, cashier_id, shift_id, reason, "
            "created_at, total_minor) "
            "SELECT j.uuid, j.number, j.lane, b.id, u.id, s.id, j.reason, j.at, j.total FROM "_s
                    + BulkWriter::source(m_db, {{u"uuid"_s, Type::Text},
                                                {u"number"_s, Type::Integer},
                                                {u"lane"_s, Type::Text},
                                                {u"bill"_s, Type::Text},
                                                {u"z"_s, Type::Integer},
                                                {u"reason"_s, Type::Text},
                                                {u"at"_s, Type::Timestamp},
                                                {u"total"_s, Type::Integer}})
                    + u" AS j JOIN bills b ON b.uuid = j.bill JOIN users u ON u.login = 'maria' "
                      "JOIN shifts s ON s.lane = j.lane AND s.z_number = j.z"_s);
    for (const DemoRefund &r : history.refunds) {
        JsonRows &row = refunds.row();
        row.add(u"uuid", r.uuid);
        row.add(u"number", r.number);
        row.add(u"lane", r.lane);
        row.add(u"bill", history.bills.at(r.bill).uuid);
        row.add(u"z", r.zNumber);
        row.add(u"reason", r.reason);
        row.add(u"at", r.at);
        row.add(u"total", r.amount);
    }
    if (DbStatus status = refunds.finish(); !status) {
        return status;
    }
    BulkWriter items(
            m_db,
            u"INSERT INTO refund_items (refund_id, bill_item_id, base_quantity, "
            "refunded_amount_minor, restock) "
            "SELECT r.id, bi.id, j.base_quantity, j.amount, j.restock FROM "_s
                    + BulkWriter::source(m_db, {{u"refund"_s, Type::Text},
                                                {u"bill"_s, Type::Text},
                                                {u"line_no"_s, Type::Integer},
                                                {u"base_quantity"_s, Type::Integer},
                                                {u"amount"_s, Type::Integer},
                                                {u"restock"_s, Type::Boolean}})
                    + u" AS j JOIN refunds r ON r.uuid = j.refund JOIN bills b ON b.uuid = j.bill "
                      "JOIN bill_items bi ON bi.bill_id = b.id AND bi.line_no = j.line_no"_s);
    BulkWriter payments(m_db, paymentInsert(m_db));
    for (const DemoRefund &r : history.refunds) {
        JsonRows &item = items.row();
        item.add(u"refund", r.uuid);
        item.add(u"bill", history.bills.at(r.bill).uuid);
        item.add(u"line_no", static_cast<qint64>(r.line + 1));
        item.add(u"base_quantity", r.baseQuantity);
        item.add(u"amount", r.amount);
        item.add(u"restock", r.restock);

        JsonRows &pay = payments.row();
        pay.addNull(u"bill");
        pay.add(u"refund", r.uuid);
        pay.add(u"method", Tender::toString(r.method));
        pay.add(u"amount", r.amount);
        pay.addNull(u"tendered");
        pay.add(u"change", qint64(0));
        pay.add(u"reference", QString());
        pay.add(u"at", r.at);
    }
    return finishAll({&items, &payments});
}

DbStatus DemoRepository::writeLedger(const DemoHistory &history,
                                     const QList<DemoProduct> &catalogue) const
{
    BulkWriter ledger(
            m_db,
            u"INSERT INTO stock_movements (product_id, delta_base, reason, bill_id, refund_id, "
            "user_id, created_at) "
            "SELECT p.id, j.delta, j.reason, b.id, r.id, COALESCE(b.cashier_id, r.cashier_id), "
            "j.at FROM "_s
                    + BulkWriter::source(m_db, {{u"sku"_s, Type::Text},
                                                {u"delta"_s, Type::Integer},
                                                {u"reason"_s, Type::Text},
                                                {u"bill"_s, Type::Text},
                                                {u"refund"_s, Type::Text},
                                                {u"at"_s, Type::Timestamp}})
                    + u" AS j JOIN products p ON p.sku = j.sku "
                      "LEFT JOIN bills b ON b.uuid = j.bill "
                      "LEFT JOIN refunds r ON r.uuid = j.refund"_s);
    for (const DemoMovement &m : history.ledger) {
        JsonRows &row = ledger.row();
        row.add(u"sku", catalogue.at(m.product).sku);
        row.add(u"delta", m.delta);
        row.add(u"reason", m.reason);
        m.bill >= 0 ? row.add(u"bill", history.bills.at(m.bill).uuid) : row.addNull(u"bill");
        m.refund >= 0 ? row.add(u"refund", history.refunds.at(m.refund).uuid)
                      : row.addNull(u"refund");
        row.add(u"at", m.at);
    }
    return ledger.finish();
}

DbStatus DemoRepository::writeZReports() const
{
    // The figures come from the rows just written, read as reading a shift alone reads them.
    const auto reports = ShiftRepository(m_db).closedReports();
    if (!reports) {
        return reports.error();
    }
    BulkWriter writer(m_db, u"INSERT INTO z_reports (shift_id, lane, number, created_at, content) "
                            "SELECT j.shift, j.lane, j.number, j.at, j.content FROM "_s
                                    + BulkWriter::source(m_db, {{u"shift"_s, Type::Integer},
                                                                {u"lane"_s, Type::Text},
                                                                {u"number"_s, Type::Integer},
                                                                {u"at"_s, Type::Timestamp},
                                                                {u"content"_s, Type::Text}})
                                    + u" AS j"_s);
    for (const ShiftReport &report : *reports) {
        JsonRows &row = writer.row();
        row.add(u"shift", report.shift.id);
        row.add(u"lane", report.shift.lane);
        row.add(u"number", report.shift.zNumber);
        row.add(u"at", report.shift.closedAt);
        row.add(u"content", QString::fromUtf8(report.toJson()));
    }
    return writer.finish();
}

DbStatus DemoRepository::settle() const
{
    // Stock follows from the ledger in one statement, so the invariant holds by construction.
    for (const QString &sql :
         {u"UPDATE products SET stock_base = (SELECT COALESCE(SUM(m.delta_base), 0) "
          "FROM stock_movements m WHERE m.product_id = products.id)"_s,
          u"UPDATE lanes SET "
          "next_bill_number = (SELECT COALESCE(MAX(number), 0) + 1 FROM bills "
          "WHERE bills.lane = lanes.name), "
          "next_refund_number = (SELECT COALESCE(MAX(number), 0) + 1 FROM refunds "
          "WHERE refunds.lane = lanes.name), "
          "next_z_number = (SELECT COALESCE(MAX(z_number), 0) + 1 FROM shifts "
          "WHERE shifts.lane = lanes.name)"_s}) {
        if (DbStatus status = SqlQuery::run(m_db, sql); !status) {
            return status;
        }
    }
    return Done{};
}

DbStatus DemoRepository::writeQuickKeys() const
{
    SqlQuery q(m_db,
               u"INSERT INTO quick_keys (position, unit_id) "
               "SELECT ROW_NUMBER() OVER (ORDER BY sold DESC, unit_id) - 1, unit_id FROM ("
               "  SELECT pu.id AS unit_id, SUM(bi.base_quantity) AS sold FROM bill_items bi "
               "  JOIN product_units pu ON pu.product_id = bi.product_id AND pu.base_per_unit = 1 "
               "  GROUP BY pu.id ORDER BY sold DESC, pu.id LIMIT 12) best"_s);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbResult<DemoRepository::Counts> DemoRepository::counts() const
{
    SqlQuery q(m_db,
               u"SELECT (SELECT COUNT(*) FROM products), (SELECT COUNT(*) FROM product_units), "
               "(SELECT COUNT(*) FROM categories), (SELECT COUNT(*) FROM bills), "
               "(SELECT COUNT(*) FROM bill_items), (SELECT COUNT(*) FROM refunds), "
               "(SELECT COUNT(*) FROM users)"_s);
    if (!q.execOne()) {
        return q.error();
    }
    return Counts{q.int64(0), q.int64(1), q.int64(2), q.int64(3),
                  q.int64(4), q.int64(5), q.int64(6)};
}
