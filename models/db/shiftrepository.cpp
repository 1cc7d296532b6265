#include "models/db/shiftrepository.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"
#include "models/domain/settlement.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

const QString kShiftColumns = u"SELECT s.id, s.lane, s.cashier_id, u.name, s.opened_at, "
                              "s.closed_at, s.opening_float_minor, COALESCE(s.z_number, 0)"_s;
const QString kShiftFrom = u" FROM shifts s JOIN users u ON u.id = s.cashier_id "_s;
const QString kShiftSelect = kShiftColumns + kShiftFrom;

Shift readShift(const SqlQuery &q)
{
    Shift s;
    s.id = q.int64(0);
    s.lane = q.text(1);
    s.cashierId = q.int64(2);
    s.cashierName = q.text(3);
    s.openedAt = Dialect::toDateTime(q.value(4));
    s.closedAt = Dialect::toDateTime(q.value(5));
    s.openingFloat = Money::fromMinor(q.int64(6));
    s.zNumber = q.int64(7);
    return s;
}

//! The shifts one figures() call reads, and the report each row of its queries adds to.
class FigureShifts
{
public:
    FigureShifts(bool oneShift, QList<ShiftReport> &reports)
        : m_oneShift(oneShift)
        , m_reports(reports)
    {
        for (qsizetype i = 0; i < reports.size(); ++i) {
            m_indexOf.insert(reports.at(i).shift.id, i);
        }
    }
    QString where(const QString &column) const
    {
        return m_oneShift
                       ? u"%1 = :shift"_s.arg(column)
                       : u"%1 IN (SELECT id FROM shifts WHERE closed_at IS NOT NULL)"_s.arg(column);
    }
    void bind(SqlQuery &q) const
    {
        if (m_oneShift) {
            q.bind(u"shift"_s, m_reports.constFirst().shift.id);
        }
    }
    ShiftReport *reportOf(qint64 shiftId) const
    {
        const auto found = m_indexOf.constFind(shiftId);
        return found == m_indexOf.constEnd() ? nullptr : &m_reports[*found];
    }

private:
    bool m_oneShift;
    QList<ShiftReport> &m_reports;
    QHash<qint64, qsizetype> m_indexOf;
};

DbStatus addBillFigures(const Database &db, const FigureShifts &shifts)
{
    // Grouped by cashier too: whoever sold in the shift is on its report, and the
    // shift's totals are the sum of theirs, still in one statement.
    SqlQuery q(db, u"SELECT b.shift_id, b.cashier_id, u.name, COUNT(*), "
                   "COALESCE(SUM(b.total_minor), 0), COALESCE(SUM(b.discount_minor), 0), "
                   "COALESCE(SUM(b.tax_minor), 0), COALESCE(SUM(b.rounding_minor), 0) "
                   "FROM bills b JOIN users u ON u.id = b.cashier_id WHERE "_s
                           + shifts.where(u"b.shift_id"_s)
                           + u" GROUP BY b.shift_id, b.cashier_id, u.name "
                             "ORDER BY b.shift_id, 5 DESC, b.cashier_id"_s);
    shifts.bind(q);
    if (!q.exec()) {
        return q.error();
    }
    while (q.next()) {
        if (ShiftReport *r = shifts.reportOf(q.int64(0))) {
            const Money sales = Money::fromMinor(q.int64(4));
            r->salesByCashier.append({q.int64(1), q.text(2), q.int64(3), sales});
            r->bills += q.int64(3);
            r->sales += sales;
            r->discounts += Money::fromMinor(q.int64(5));
            r->tax += Money::fromMinor(q.int64(6));
            r->rounding += Money::fromMinor(q.int64(7));
        }
    }
    return Done{};
}

DbStatus addPaymentFigures(const Database &db, const FigureShifts &shifts)
{
    const QString isRefund = u"CASE WHEN bill_id IS NULL THEN 1 ELSE 0 END"_s;
    SqlQuery q(db, u"SELECT shift_id, %1 AS is_refund, method, COUNT(*), SUM(amount_minor) "
                   "FROM payments WHERE "_s.arg(isRefund)
                           + shifts.where(u"shift_id"_s)
                           + u" GROUP BY shift_id, %1, method ORDER BY 1, 2, 3"_s.arg(isRefund));
    shifts.bind(q);
    if (!q.exec()) {
        return q.error();
    }
    while (q.next()) {
        if (ShiftReport *r = shifts.reportOf(q.int64(0))) {
            const ShiftReport::MethodTotal total{q.text(2), q.int64(3),
                                                 Money::fromMinor(q.int64(4))};
            (q.int64(1) == 1 ? r->refundsByMethod : r->salesByMethod).append(total);
        }
    }
    return Done{};
}

DbStatus addRefundFigures(const Database &db, const FigureShifts &shifts)
{
    SqlQuery q(db, u"SELECT shift_id, COUNT(*), COALESCE(SUM(total_minor), 0) "
                   "FROM refunds WHERE "_s
                           + shifts.where(u"shift_id"_s) + u" GROUP BY shift_id"_s);
    shifts.bind(q);
    if (!q.exec()) {
        return q.error();
    }
    while (q.next()) {
        if (ShiftReport *r = shifts.reportOf(q.int64(0))) {
            r->refunds = q.int64(1);
            r->refunded = Money::fromMinor(q.int64(2));
        }
    }
    return Done{};
}

DbStatus addCashMovementFigures(const Database &db, const FigureShifts &shifts)
{
    SqlQuery q(db, u"SELECT shift_id, kind, COUNT(*), COALESCE(SUM(amount_minor), 0) "
                   "FROM cash_movements WHERE "_s
                           + shifts.where(u"shift_id"_s) + u" GROUP BY shift_id, kind"_s);
    shifts.bind(q);
    if (!q.exec()) {
        return q.error();
    }
    while (q.next()) {
        ShiftReport *r = shifts.reportOf(q.int64(0));
        if (!r) {
            continue;
        }
        const QString kind = q.text(1);
        if (kind == u"in"_s) {
            r->cashIns = q.int64(2);
            r->cashIn = Money::fromMinor(q.int64(3));
        } else if (kind == u"out"_s) {
            r->cashOuts = q.int64(2);
            r->cashOut = Money::fromMinor(q.int64(3));
        } else {
            r->drawerOpens = q.int64(2);
        }
    }
    return Done{};
}

DbStatus addTaxFigures(const Database &db, const FigureShifts &shifts)
{
    SqlQuery q(db, u"SELECT b.shift_id, i.tax_rate_bp, SUM(i.total_minor), SUM(i.tax_minor) "
                   "FROM bill_items i JOIN bills b ON b.id = i.bill_id WHERE "_s
                           + shifts.where(u"b.shift_id"_s)
                           + u" GROUP BY b.shift_id, i.tax_rate_bp "
                             "ORDER BY b.shift_id, i.tax_rate_bp DESC"_s);
    shifts.bind(q);
    if (!q.exec()) {
        return q.error();
    }
    while (q.next()) {
        if (ShiftReport *r = shifts.reportOf(q.int64(0))) {
            r->taxes.append({static_cast<int>(q.int64(1)), Money::fromMinor(q.int64(2)),
                             Money::fromMinor(q.int64(3))});
        }
    }
    return Done{};
}

} // namespace

DbStatus ShiftRepository::ensureLane(const QString &lane) const
{
    SqlQuery q(m_db, u"INSERT INTO lanes (name) VALUES (:lane) ON CONFLICT (name) DO NOTHING"_s);
    q.bind(u"lane"_s, lane);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbResult<std::optional<Shift>> ShiftRepository::openShift(const QString &lane) const
{
    SqlQuery q(m_db, kShiftSelect + u"WHERE s.lane = :lane AND s.closed_at IS NULL"_s,
               SqlQuery::Prepared::Keep);
    q.bind(u"lane"_s, lane);
    if (!q.exec()) {
        return q.error();
    }
    if (!q.next()) {
        return std::optional<Shift>();
    }
    return std::optional<Shift>(readShift(q));
}

DbResult<std::optional<Shift>> ShiftRepository::shift(qint64 id) const
{
    SqlQuery q(m_db, kShiftSelect + u"WHERE s.id = :id"_s);
    q.bind(u"id"_s, id);
    if (!q.exec()) {
        return q.error();
    }
    if (!q.next()) {
        return std::optional<Shift>();
    }
    return std::optional<Shift>(readShift(q));
}

DbResult<qint64> ShiftRepository::open(const QString &lane, qint64 cashierId, Money openingFloat,
                                       const QDateTime &at) const
{
    SqlQuery q(m_db, u"INSERT INTO shifts (lane, cashier_id, opened_at, opening_float_minor) "
                     "VALUES (:lane, :cashier, :at, :float) RETURNING id"_s);
    q.bind(u"lane"_s, lane)
            .bind(u"cashier"_s, cashierId)
            .bind(u"at"_s, Dialect::timestampText(at))
            .bind(u"float"_s, openingFloat.minor());
    if (!q.execOne()) {
        return q.error();
    }
    return q.int64(0);
}

DbStatus ShiftRepository::addCashMovement(qint64 shiftId, qint64 userId, const QString &kind,
                                          Money amount, const QString &reason,
                                          const QDateTime &at) const
{
    SqlQuery q(m_db, u"INSERT INTO cash_movements (shift_id, user_id, kind, amount_minor, reason, "
                     "created_at) VALUES (:shift, :user, :kind, :amount, :reason, :at)"_s);
    q.bind(u"shift"_s, shiftId)
            .bind(u"user"_s, userId)
            .bind(u"kind"_s, kind)
            .bind(u"amount"_s, amount.minor())
            .bind(u"reason"_s, reason)
            .bind(u"at"_s, Dialect::timestampText(at));
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbResult<ShiftReport> ShiftRepository::report(const Shift &shift) const
{
    auto reports = figures({shift}, Scope::One);
    if (!reports) {
        return reports.error();
    }
    return reports->constFirst();
}

DbResult<QList<ShiftReport>> ShiftRepository::closedReports() const
{
    SqlQuery q(m_db, kShiftColumns + u", COALESCE(s.counted_cash_minor, 0)"_s + kShiftFrom
                             + u"WHERE s.closed_at IS NOT NULL ORDER BY s.id"_s);
    if (!q.exec()) {
        return q.error();
    }
    QList<Shift> shifts;
    QList<Money> counted;
    while (q.next()) {
        shifts.append(readShift(q));
        counted.append(Money::fromMinor(q.int64(8)));
    }
    if (shifts.isEmpty()) {
        return QList<ShiftReport>();
    }
    auto reports = figures(shifts, Scope::AllClosed);
    if (!reports) {
        return reports.error();
    }
    for (qsizetype i = 0; i < reports->size(); ++i) {
        ShiftReport &r = (*reports)[i];
        r.countedCash = counted.at(i);
        r.generatedAt = r.shift.closedAt;
    }
    return *reports;
}

DbResult<QList<ShiftReport>> ShiftRepository::figures(const QList<Shift> &shifts, Scope scope) const
{
    // The same five aggregates for one shift or for many, grouped by shift: a shift's
    // figures never depend on how many shifts were asked for at once.
    QList<ShiftReport> reports;
    const Money zero = Money::fromMinor(0);
    for (const Shift &shift : shifts) {
        ShiftReport r;
        r.shift = shift;
        r.generatedAt = QDateTime::currentDateTimeUtc();
        r.cashIn = zero;
        r.cashOut = zero;
        r.sales = zero;
        r.discounts = zero;
        r.tax = zero;
        r.rounding = zero;
        reports.append(r);
    }
    const FigureShifts figureShifts(scope == Scope::One, reports);
    for (const auto add : {addBillFigures, addPaymentFigures, addRefundFigures,
                           addCashMovementFigures, addTaxFigures}) {
        if (DbStatus status = add(m_db, figureShifts); !status) {
            return status.error();
        }
    }
    for (ShiftReport &r : reports) {
        r.expectedCash = r.shift.openingFloat + r.salesBy(Tender::Method::Cash)
                         - r.refundedBy(Tender::Method::Cash) + r.cashIn - r.cashOut;
    }
    return reports;
}

DbResult<qint64> ShiftRepository::close(const ShiftReport &report, qint64 closedBy) const
{
    qint64 number = 0;
    {
        SqlQuery q(m_db, u"UPDATE lanes SET next_z_number = next_z_number + 1 WHERE name = :lane "
                         "RETURNING next_z_number - 1"_s);
        q.bind(u"lane"_s, report.shift.lane);
        if (!q.execOne()) {
            return q.hasError() ? q.error() : DbError{DbError::Kind::NotFound, u"no lane"_s};
        }
        number = q.int64(0);
    }
    {
        SqlQuery q(
                m_db,
                u"UPDATE shifts SET closed_at = :at, closed_by = :by, expected_cash_minor = "
                u":expected, "
                "counted_cash_minor = :counted, z_number = :z WHERE id = :id AND closed_at IS NULL"_s);
        q.bind(u"at"_s, Dialect::timestampText(report.shift.closedAt))
                .bind(u"by"_s, closedBy)
                .bind(u"expected"_s, report.expectedCash.minor())
                .bind(u"counted"_s, report.countedCash.value_or(Money::fromMinor(0)).minor())
                .bind(u"z"_s, number)
                .bind(u"id"_s, report.shift.id);
        if (!q.exec()) {
            return q.error();
        }
        if (q.numRowsAffected() != 1) {
            return DbError{DbError::Kind::NotFound, u"shift %1 is not open"_s.arg(report.shift.id)};
        }
    }
    ShiftReport stored = report;
    stored.shift.zNumber = number;
    SqlQuery q(m_db, u"INSERT INTO z_reports (shift_id, lane, number, created_at, content) "
                     "VALUES (:shift, :lane, :number, :at, :content)"_s);
    q.bind(u"shift"_s, report.shift.id)
            .bind(u"lane"_s, report.shift.lane)
            .bind(u"number"_s, number)
            .bind(u"at"_s, Dialect::timestampText(report.shift.closedAt))
            .bind(u"content"_s, QString::fromUtf8(stored.toJson()));
    if (!q.exec()) {
        return q.error();
    }
    return number;
}

DbResult<std::optional<ShiftReport>> ShiftRepository::zReport(const QString &lane,
                                                              qint64 number) const
{
    SqlQuery q(m_db, u"SELECT content FROM z_reports WHERE lane = :lane AND number = :number"_s);
    q.bind(u"lane"_s, lane).bind(u"number"_s, number);
    if (!q.exec()) {
        return q.error();
    }
    if (!q.next()) {
        return std::optional<ShiftReport>();
    }
    return ShiftReport::fromJson(q.text(0).toUtf8());
}

DbResult<QList<ClosedShift>> ShiftRepository::closedShifts(const QString &lane, qint64 beforeId,
                                                           int limit) const
{
    // The totals are subqueries over the indexed shift_id columns: a page costs the same
    // whatever the number of bills in the store.
    QString sql = kShiftColumns
                  + u", COALESCE(s.expected_cash_minor, 0), COALESCE(s.counted_cash_minor, 0), "
                    "(SELECT COUNT(*) FROM bills b WHERE b.shift_id = s.id), "
                    "(SELECT COALESCE(SUM(b.total_minor), 0) FROM bills b "
                    "WHERE b.shift_id = s.id), "
                    "(SELECT COUNT(*) FROM refunds r WHERE r.shift_id = s.id), "
                    "(SELECT COALESCE(SUM(r.total_minor), 0) FROM refunds r "
                    "WHERE r.shift_id = s.id)"_s
                  + kShiftFrom + u"WHERE s.closed_at IS NOT NULL"_s;
    if (!lane.isEmpty()) {
        sql += u" AND s.lane = :lane"_s;
    }
    if (beforeId > 0) {
        sql += u" AND s.id < :before"_s;
    }
    sql += u" ORDER BY s.id DESC LIMIT :limit"_s;
    SqlQuery q(m_db, sql);
    if (!lane.isEmpty()) {
        q.bind(u"lane"_s, lane);
    }
    if (beforeId > 0) {
        q.bind(u"before"_s, beforeId);
    }
    q.bind(u"limit"_s, limit);
    if (!q.exec()) {
        return q.error();
    }
    QList<ClosedShift> shifts;
    while (q.next()) {
        ClosedShift closed;
        closed.shift = readShift(q);
        closed.expectedCash = Money::fromMinor(q.int64(8));
        closed.countedCash = Money::fromMinor(q.int64(9));
        closed.bills = q.int64(10);
        closed.sales = Money::fromMinor(q.int64(11));
        closed.refunds = q.int64(12);
        closed.refunded = Money::fromMinor(q.int64(13));
        shifts.append(closed);
    }
    return shifts;
}
