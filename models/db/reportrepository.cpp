#include "models/db/reportrepository.h"

#include "models/db/database.h"
#include "models/db/jsonrows.h"
#include "models/db/sqlquery.h"
#include "models/domain/billcode.h"

#include <QHash>
#include <QTime>

using namespace Qt::StringLiterals;

namespace {

// The cost of a line: its base quantity at the product's cost, rounded half up in cents.
const QString kLineCost
        = u"(i.base_quantity * p.cost_minor + p.cost_per_base / 2) / p.cost_per_base"_s;

// A bill's own columns are the sums of its lines: subtotal = Σ price × quantity, discount =
// Σ discounts, tax = Σ tax and total - rounding = Σ line totals. Figures that need no product
// read the bills alone, a row per bill instead of a row per line.
const QString kBillNet = u"b.total_minor - b.rounding_minor"_s;

} // namespace

DbResult<ReportRange> ReportRepository::bounded(const ReportRange &range) const
{
    // "id + 0" keeps PostgreSQL on the created_at index: MIN(id) alone tempts it to walk the
    // primary key from the oldest bill until one falls in the range. The strays are bills of
    // any lane numbered inside the range but timed outside it; without them the id range
    // alone is the period, and the other queries need not test each bill's time.
    ReportRange plain = range;
    plain.billIds.reset();
    SqlQuery q(m_db,
               u"SELECT t.f, t.l, (SELECT COUNT(*) FROM bills x WHERE x.id BETWEEN t.f "
               "AND t.l AND (x.created_at < :from OR x.created_at >= :to)) FROM (SELECT "
               "MIN(b.id + 0) AS f, MAX(b.id + 0) AS l FROM bills b WHERE "_s
                       + billFilter(plain, u"b"_s) + u") t"_s,
               SqlQuery::Prepared::Keep);
    bind(q, plain, false);
    if (!q.execOne()) {
        return q.error();
    }
    ReportRange narrowed = range;
    // No bill at all: an empty id range, so every bill query is empty without reading.
    narrowed.billIds = q.value(0).isNull() ? std::pair<qint64, qint64>(1, 0)
                                           : std::pair<qint64, qint64>(q.int64(0), q.int64(1));
    narrowed.billIdsExact = q.value(0).isNull() || q.int64(2) == 0;
    return narrowed;
}

bool ReportRepository::byIdsAlone(const ReportRange &range)
{
    return range.billIds && range.billIdsExact;
}

QString ReportRepository::billFilter(const ReportRange &range, const QString &alias) const
{
    QString where = alias == u"b"_s && byIdsAlone(range)
                            ? u"b.id BETWEEN :first_bill AND :last_bill"_s
                            : u"%1.created_at >= :from AND %1.created_at < :to"_s.arg(alias);
    if (range.billIds && alias == u"b"_s && !range.billIdsExact) {
        where += u" AND b.id BETWEEN :first_bill AND :last_bill"_s;
    }
    if (!range.lane.isEmpty()) {
        where += u" AND %1.lane = :lane"_s.arg(alias);
    }
    if (range.cashierId > 0) {
        where += u" AND %1.cashier_id = :cashier"_s.arg(alias);
    }
    return where;
}

bool ReportRepository::linesNeedBills(const ReportRange &range)
{
    return !byIdsAlone(range) || !range.lane.isEmpty() || range.cashierId > 0;
}

QString ReportRepository::lineFilter(const ReportRange &range, bool withBills) const
{
    const QString category = range.categoryId > 0 ? u" AND p.category_id = :category"_s : QString();
    if (!withBills && !linesNeedBills(range)) {
        return u"WHERE i.bill_id BETWEEN :first_bill AND :last_bill"_s + category;
    }
    return u"WHERE "_s + billFilter(range, u"b"_s)
           + (range.billIds ? u" AND i.bill_id BETWEEN :first_bill AND :last_bill"_s : QString())
           + category;
}

QString ReportRepository::lineSource(const ReportRange &range, bool withProducts,
                                     bool withBills) const
{
    // With an exact id range the lines are read alone: one stretch of their (bill_id,
    // line_no) index, and PostgreSQL estimates it right (a time range and an id range
    // together look 12 times narrower than they are, which led it to nested loops).
    const QString products = withProducts || range.categoryId > 0
                                     ? u"JOIN products p ON p.id = i.product_id "_s
                                     : QString();
    if (!withBills && !linesNeedBills(range)) {
        return u"FROM bill_items i "_s + products;
    }
    return u"FROM bills b JOIN bill_items i ON i.bill_id = b.id "_s + products;
}

void ReportRepository::bind(SqlQuery &q, const ReportRange &range, bool billIds) const
{
    if (!(billIds && byIdsAlone(range))) {
        q.bind(u"from"_s, Dialect::timestampText(range.from))
                .bind(u"to"_s, Dialect::timestampText(range.to));
    }
    if (billIds && range.billIds) {
        q.bind(u"first_bill"_s, range.billIds->first).bind(u"last_bill"_s, range.billIds->second);
    }
    if (!range.lane.isEmpty()) {
        q.bind(u"lane"_s, range.lane);
    }
    if (range.cashierId > 0) {
        q.bind(u"cashier"_s, range.cashierId);
    }
    if (range.categoryId > 0) {
        q.bind(u"category"_s, range.categoryId);
    }
}

DbResult<SalesSummary> ReportRepository::summary(const ReportRange &range) const
{
    SalesSummary s;
    if (range.categoryId > 0) {
        // Only the lines of the category count, so every figure comes from the lines.
        SqlQuery q(m_db,
                   u"SELECT COUNT(DISTINCT i.bill_id), COALESCE(SUM(i.unit_price_minor * "
                   "i.quantity), 0), COALESCE(SUM(i.discount_minor), 0), "
                   "COALESCE(SUM(i.total_minor), 0), COALESCE(SUM(i.tax_minor), 0) "_s
                           + lineSource(range, true) + lineFilter(range),
                   SqlQuery::Prepared::Keep);
        bind(q, range);
        if (!q.execOne()) {
            return q.error();
        }
        s.bills = q.int64(0);
        s.gross = Money::fromMinor(q.int64(1));
        s.discounts = Money::fromMinor(q.int64(2));
        s.net = Money::fromMinor(q.int64(3));
        s.tax = Money::fromMinor(q.int64(4));
    } else {
        SqlQuery bills(m_db,
                       u"SELECT COUNT(*), COALESCE(SUM(b.subtotal_minor), 0), "
                       "COALESCE(SUM(b.discount_minor), 0), COALESCE(SUM("_s
                               + kBillNet
                               + u"), 0), COALESCE(SUM(b.tax_minor), 0) FROM bills b WHERE "_s
                               + billFilter(range, u"b"_s),
                       SqlQuery::Prepared::Keep);
        bind(bills, range);
        if (!bills.execOne()) {
            return bills.error();
        }
        s.bills = bills.int64(0);
        s.gross = Money::fromMinor(bills.int64(1));
        s.discounts = Money::fromMinor(bills.int64(2));
        s.net = Money::fromMinor(bills.int64(3));
        s.tax = Money::fromMinor(bills.int64(4));
    }
    {
        // Refunds made in the range, item by item so a category narrows them too.
        SqlQuery q(
                m_db,
                u"SELECT COUNT(DISTINCT r.id), COALESCE(SUM(ri.refunded_amount_minor), 0) "
                "FROM refunds r JOIN refund_items ri ON ri.refund_id = r.id "
                "JOIN bill_items i ON i.id = ri.bill_item_id JOIN products p ON p.id = "
                "i.product_id "
                "WHERE "_s
                        + billFilter(range, u"r"_s)
                        + (range.categoryId > 0 ? u" AND p.category_id = :category"_s : QString()),
                SqlQuery::Prepared::Keep);
        bind(q, range, false);
        if (!q.execOne()) {
            return q.error();
        }
        s.refunds = q.int64(0);
        s.refunded = Money::fromMinor(q.int64(1));
    }
    return s;
}

DbResult<QList<TaxLine>> ReportRepository::taxes(const ReportRange &range,
                                                 SalesSummary *costs) const
{
    // The summary's units and costs are sums over the same lines: window sums over the rates'
    // groups bring them in the same pass, instead of a second read of every line.
    const QString costed = u"CASE WHEN p.cost_minor IS NOT NULL THEN "_s;
    SqlQuery q(m_db,
               u"SELECT i.tax_rate_bp, SUM(i.total_minor), SUM(i.tax_minor), "
               "SUM(SUM(i.quantity)) OVER (), SUM(SUM("_s
                       + costed + kLineCost + u" END)) OVER (), SUM(SUM("_s + costed
                       + u"i.total_minor - i.tax_minor END)) OVER (), "
                         "SUM(COUNT(p.cost_minor)) OVER () "_s
                       + lineSource(range, true) + lineFilter(range)
                       + u" GROUP BY i.tax_rate_bp ORDER BY i.tax_rate_bp DESC"_s,
               SqlQuery::Prepared::Keep);
    bind(q, range);
    if (!q.exec()) {
        return q.error();
    }
    QList<TaxLine> lines;
    while (q.next()) {
        lines.append({static_cast<int>(q.int64(0)), Money::fromMinor(q.int64(1)),
                      Money::fromMinor(q.int64(2))});
        if (costs != nullptr && lines.size() == 1) {
            costs->itemsSold = q.int64(3);
            costs->cost = Money::fromMinor(q.int64(4));
            costs->netOfTaxWithCost = Money::fromMinor(q.int64(5));
            costs->hasCost = q.int64(6) > 0;
        }
    }
    return lines;
}

DbResult<QList<BucketLine>> ReportRepository::buckets(const QString &sql,
                                                      const ReportRange &range) const
{
    SqlQuery q(m_db, sql, SqlQuery::Prepared::Keep);
    bind(q, range);
    return bucketLines(q);
}

DbResult<QList<BucketLine>> ReportRepository::bucketLines(SqlQuery &q)
{
    if (!q.exec()) {
        return q.error();
    }
    QList<BucketLine> lines;
    while (q.next()) {
        lines.append({q.text(0), q.int64(1), Money::fromMinor(q.int64(2))});
    }
    return lines;
}

QString ReportRepository::billsOrLines(const ReportRange &range, const QString &key,
                                       const QString &join, const QString &order) const
{
    const auto orderBy = [&order](const QString &amount) {
        return order.contains(u"%1"_s) ? order.arg(amount) : order;
    };
    // Without a category every bill counts whole, and the bills alone hold the figures.
    if (range.categoryId == 0) {
        return u"SELECT %1, COUNT(*), SUM(%2) FROM bills b %3WHERE "_s.arg(key, kBillNet, join)
               + billFilter(range, u"b"_s) + u" GROUP BY %1"_s.arg(key)
               + (order.isEmpty() ? QString() : u" ORDER BY "_s + orderBy(kBillNet));
    }
    return u"SELECT %1, COUNT(DISTINCT b.id), SUM(i.total_minor) "_s.arg(key)
           + lineSource(range, true, true) + join + lineFilter(range, true)
           + u" GROUP BY %1"_s.arg(key)
           + (order.isEmpty() ? QString() : u" ORDER BY "_s + orderBy(u"i.total_minor"_s));
}

DbResult<QList<BucketLine>> ReportRepository::byHour(const ReportRange &range) const
{
    const QString hour = m_db.dialect().localHour(u"b.created_at"_s);
    if (range.lane.isEmpty() && range.cashierId == 0 && range.categoryId == 0) {
        return buckets(billsOrLines(range, hour, {}, hour), range);
    }
    // Narrowed to a lane, a cashier or a category, the hours still span the store's trading
    // day: its hours come in at zero beside the narrowed figures, in the same statement.
    const QString storeHour = m_db.dialect().localHour(u"s.created_at"_s);
    SqlQuery q(m_db, u"SELECT h, SUM(n), SUM(a) FROM (SELECT %1 AS h, 0 AS n, 0 AS a FROM bills s "
                     "WHERE s.created_at >= :store_from AND s.created_at < :store_to GROUP BY %1 "
                     "UNION ALL "_s.arg(storeHour)
                             + billsOrLines(range, hour, {}, {}) + u") t GROUP BY h ORDER BY h"_s);
    bind(q, range);
    q.bind(u"store_from"_s, Dialect::timestampText(range.from))
            .bind(u"store_to"_s, Dialect::timestampText(range.to));
    return bucketLines(q);
}

DbResult<QList<BucketLine>> ReportRepository::byDay(const ReportRange &range) const
{
    const QString day = m_db.dialect().localDay(u"b.created_at"_s);
    return buckets(billsOrLines(range, day, {}, day), range);
}

DbResult<QList<BucketLine>> ReportRepository::byCashier(const ReportRange &range) const
{
    return buckets(billsOrLines(range, u"u.name"_s, u"JOIN users u ON u.id = b.cashier_id "_s,
                                u"SUM(%1) DESC, u.name"_s),
                   range);
}

DbResult<QList<BucketLine>> ReportRepository::byPaymentMethod(const ReportRange &narrowed) const
{
    // Payments belong to whole bills: a category does not narrow them.
    ReportRange range = narrowed;
    range.categoryId = 0;
    return buckets(u"SELECT pm.method, COUNT(*), SUM(pm.amount_minor) FROM bills b "
                   "JOIN payments pm ON pm.bill_id = b.id WHERE "_s
                           + billFilter(range, u"b"_s)
                           + u" GROUP BY pm.method ORDER BY pm.method"_s,
                   range);
}

DbResult<QList<BucketLine>> ReportRepository::byCategory(const ReportRange &range) const
{
    // Bills per category in two hashed steps (each bill's lines per category, then those
    // per category): COUNT(DISTINCT) sorted every line of the period by category and bill.
    return buckets(u"SELECT cb.name, COUNT(*), SUM(cb.total) FROM (SELECT COALESCE(c.name, '') "
                   "AS name, i.bill_id, SUM(i.total_minor) AS total "_s
                           + lineSource(range, true)
                           + u"LEFT JOIN categories c ON c.id = p.category_id "_s
                           + lineFilter(range)
                           + u" GROUP BY c.name, i.bill_id) AS cb GROUP BY cb.name "
                             "ORDER BY SUM(cb.total) DESC"_s,
                   range);
}

DbResult<QList<ProductLine>> ReportRepository::byProduct(const ReportRange &range, int limit) const
{
    SqlQuery q(
            m_db,
            u"SELECT p.id, p.sku, p.name, COALESCE(c.name, ''), SUM(i.base_quantity), "
            u"SUM(i.total_minor), "
            "SUM(i.total_minor - i.tax_minor) - COALESCE(SUM(CASE WHEN p.cost_minor IS NOT NULL THEN "_s
                    + kLineCost + u" END), 0), COUNT(p.cost_minor), p.base_unit "_s
                    + lineSource(range, true) + u"LEFT JOIN categories c ON c.id = p.category_id "_s
                    + lineFilter(range)
                    + u" GROUP BY p.id, p.sku, p.name, c.name, p.base_unit "
                      "ORDER BY SUM(i.total_minor) DESC, p.id"_s
                    + (limit > 0 ? u" LIMIT :limit"_s : QString()),
            SqlQuery::Prepared::Keep);
    bind(q, range);
    if (limit > 0) {
        q.bind(u"limit"_s, limit);
    }
    if (!q.exec()) {
        return q.error();
    }
    QList<ProductLine> lines;
    while (q.next()) {
        lines.append({q.int64(0),
                      q.text(1),
                      q.text(2),
                      q.text(3),
                      q.int64(4),
                      Money::fromMinor(q.int64(5)),
                      Money::fromMinor(q.int64(6)),
                      q.int64(7) > 0,
                      BaseUnits::fromKey(q.text(8)).value_or(BaseUnit::Piece),
                      {}});
    }
    return lines;
}

DbStatus ReportRepository::addPackSizes(const ReportRange &range, QList<ProductLine> &lines) const
{
    if (lines.isEmpty()) {
        return Done{};
    }
    QHash<qint64, qsizetype> rowOf;
    for (qsizetype row = 0; row < lines.size(); ++row) {
        rowOf.insert(lines.at(row).productId, row);
    }
    // The products are those sold in the range: named by the range itself, not by a list of
    // every product id sent back to the server (80,000 of them in a busy month).
    SqlQuery q(m_db,
               u"SELECT u.product_id, u.name, u.base_per_unit FROM product_units u "
               "WHERE u.active = :active AND u.product_id IN (SELECT i.product_id "_s
                       + lineSource(range, false) + lineFilter(range)
                       + u") ORDER BY u.product_id, u.base_per_unit DESC"_s,
               SqlQuery::Prepared::Keep);
    bind(q, range);
    q.bind(u"active"_s, true);
    if (!q.exec()) {
        return q.error();
    }
    while (q.next()) {
        const auto row = rowOf.constFind(q.int64(0));
        if (row != rowOf.constEnd()) {
            lines[*row].packs.append({q.text(1), q.int64(2)});
        }
    }
    return Done{};
}

DbResult<QStringList> ReportRepository::lanes() const
{
    SqlQuery q(m_db, u"SELECT name FROM lanes ORDER BY name"_s);
    if (!q.exec()) {
        return q.error();
    }
    QStringList names;
    while (q.next()) {
        names.append(q.text(0));
    }
    return names;
}

DbResult<QList<RefundLine>> ReportRepository::refunds(const ReportRange &narrowed, int limit) const
{
    // The refunds list is by refund; a category narrows the summary's refunded amount only.
    ReportRange range = narrowed;
    range.categoryId = 0;
    SqlQuery q(m_db, u"SELECT r.id, r.lane, r.number, r.created_at, b.lane, b.number, u.name, "
                     "COALESCE(a.name, ''), r.reason, r.total_minor FROM refunds r "
                     "JOIN bills b ON b.id = r.bill_id JOIN users u ON u.id = r.cashier_id "
                     "LEFT JOIN users a ON a.id = r.approved_by WHERE "_s
                             + billFilter(range, u"r"_s)
                             + u" ORDER BY r.created_at DESC, r.id DESC"_s
                             + (limit > 0 ? u" LIMIT :limit"_s : QString()));
    bind(q, range, false);
    if (limit > 0) {
        q.bind(u"limit"_s, limit);
    }
    if (!q.exec()) {
        return q.error();
    }
    QList<RefundLine> lines;
    while (q.next()) {
        lines.append({q.int64(0), q.text(1), q.int64(2), Dialect::toDateTime(q.value(3)),
                      BillCode::bill(q.text(4), q.int64(5)).toString(), q.text(6), q.text(7),
                      q.text(8), Money::fromMinor(q.int64(9))});
    }
    return lines;
}
