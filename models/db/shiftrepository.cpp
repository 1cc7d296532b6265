#include "models/db/shiftrepository.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

namespace {

const QString kShiftSelect = u"SELECT s.id, s.lane, s.cashier_id, u.name, s.opened_at, s.closed_at, "
                             "s.opening_float_minor, COALESCE(s.z_number, 0) FROM shifts s "
                             "JOIN users u ON u.id = s.cashier_id "_s;

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
    ShiftReport r;
    r.shift = shift;
    r.generatedAt = QDateTime::currentDateTimeUtc();
    const Money zero = Money::fromMinor(0);
    {
        SqlQuery q(m_db, u"SELECT COUNT(*), COALESCE(SUM(total_minor), 0), COALESCE(SUM(discount_minor), 0), "
                         "COALESCE(SUM(tax_minor), 0), COALESCE(SUM(rounding_minor), 0) "
                         "FROM bills WHERE shift_id = :shift"_s);
        q.bind(u"shift"_s, shift.id);
        if (!q.execOne()) {
            return q.error();
        }
        r.bills = q.int64(0);
        r.sales = Money::fromMinor(q.int64(1));
        r.discounts = Money::fromMinor(q.int64(2));
        r.tax = Money::fromMinor(q.int64(3));
        r.rounding = Money::fromMinor(q.int64(4));
    }
    {
        SqlQuery q(m_db, u"SELECT CASE WHEN bill_id IS NULL THEN 1 ELSE 0 END AS is_refund, method, COUNT(*), "
                         "SUM(amount_minor) FROM payments WHERE shift_id = :shift "
                         "GROUP BY CASE WHEN bill_id IS NULL THEN 1 ELSE 0 END, method ORDER BY 1, 2"_s);
        q.bind(u"shift"_s, shift.id);
        if (!q.exec()) {
            return q.error();
        }
        while (q.next()) {
            const ShiftReport::MethodTotal total{q.text(1), q.int64(2), Money::fromMinor(q.int64(3))};
            (q.int64(0) == 1 ? r.refundsByMethod : r.salesByMethod).append(total);
        }
    }
    {
        SqlQuery q(m_db, u"SELECT COUNT(*), COALESCE(SUM(total_minor), 0) FROM refunds WHERE shift_id = :shift"_s);
        q.bind(u"shift"_s, shift.id);
        if (!q.execOne()) {
            return q.error();
        }
        r.refunds = q.int64(0);
        r.refunded = Money::fromMinor(q.int64(1));
    }
    r.cashIn = zero;
    r.cashOut = zero;
    {
        SqlQuery q(m_db, u"SELECT kind, COUNT(*), COALESCE(SUM(amount_minor), 0) FROM cash_movements "
                         "WHERE shift_id = :shift GROUP BY kind"_s);
        q.bind(u"shift"_s, shift.id);
        if (!q.exec()) {
            return q.error();
        }
        while (q.next()) {
            const QString kind = q.text(0);
            if (kind == u"in"_s) {
                r.cashIns = q.int64(1);
                r.cashIn = Money::fromMinor(q.int64(2));
            } else if (kind == u"out"_s) {
                r.cashOuts = q.int64(1);
                r.cashOut = Money::fromMinor(q.int64(2));
            } else {
                r.drawerOpens = q.int64(1);
            }
        }
    }
    {
        SqlQuery q(m_db, u"SELECT i.tax_rate_bp, SUM(i.total_minor), SUM(i.tax_minor) FROM bill_items i "
                         "JOIN bills b ON b.id = i.bill_id WHERE b.shift_id = :shift "
                         "GROUP BY i.tax_rate_bp ORDER BY i.tax_rate_bp DESC"_s);
        q.bind(u"shift"_s, shift.id);
        if (!q.exec()) {
            return q.error();
        }
        while (q.next()) {
            r.taxes.append({static_cast<int>(q.int64(0)), Money::fromMinor(q.int64(1)),
                            Money::fromMinor(q.int64(2))});
        }
    }
    r.expectedCash = shift.openingFloat + r.salesBy(u"cash"_s) - r.refundedBy(u"cash"_s) + r.cashIn - r.cashOut;
    return r;
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
        SqlQuery q(m_db, u"UPDATE shifts SET closed_at = :at, closed_by = :by, expected_cash_minor = :expected, "
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

DbResult<std::optional<ShiftReport>> ShiftRepository::zReport(const QString &lane, qint64 number) const
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

DbResult<QList<Shift>> ShiftRepository::closedShifts(const QString &lane, int limit) const
{
    SqlQuery q(m_db, kShiftSelect + u"WHERE s.lane = :lane AND s.closed_at IS NOT NULL "
                                    "ORDER BY s.id DESC LIMIT :limit"_s);
    q.bind(u"lane"_s, lane).bind(u"limit"_s, limit);
    if (!q.exec()) {
        return q.error();
    }
    QList<Shift> shifts;
    while (q.next()) {
        shifts.append(readShift(q));
    }
    return shifts;
}
