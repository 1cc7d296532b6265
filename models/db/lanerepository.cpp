#include "models/db/lanerepository.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

DbStatus LaneRepository::ensure(const QString &name) const
{
    SqlQuery q(m_db, u"INSERT INTO lanes (name) VALUES (:name) ON CONFLICT (name) DO NOTHING"_s);
    q.bind(u"name"_s, name);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbResult<qint64> LaneRepository::takeNumber(Counter counter, const QString &lane,
                                            const QString &uuid) const
{
    static const QString kBill
            = u"UPDATE lanes SET next_bill_number = next_bill_number + 1 "
              "WHERE name = :lane AND NOT EXISTS (SELECT 1 FROM bills WHERE uuid = :uuid) "
              "AND EXISTS (SELECT 1 FROM shifts WHERE lane = :lane AND closed_at IS NULL) "
              "RETURNING next_bill_number - 1"_s;
    static const QString kRefund
            = u"UPDATE lanes SET next_refund_number = next_refund_number + 1 "
              "WHERE name = :lane AND NOT EXISTS (SELECT 1 FROM refunds WHERE uuid = :uuid) "
              "AND EXISTS (SELECT 1 FROM shifts WHERE lane = :lane AND closed_at IS NULL) "
              "RETURNING next_refund_number - 1"_s;
    SqlQuery q(m_db, counter == Counter::Bill ? kBill : kRefund, SqlQuery::Prepared::Keep);
    q.bind(u"lane"_s, lane).bind(u"uuid"_s, uuid);
    if (!q.exec()) {
        return q.error();
    }
    return q.next() ? q.int64(0) : qint64(0);
}
