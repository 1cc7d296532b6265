#include "models/db/parkedcartrepository.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"
#include "models/domain/cartcodec.h"

using namespace Qt::StringLiterals;

DbResult<qint64> ParkedCartRepository::park(const QString &uuid, const QString &lane,
                                            qint64 cashierId, const QString &label,
                                            const Cart &cart, const QDateTime &at) const
{
    SqlQuery q(m_db,
               u"INSERT INTO parked_carts (uuid, lane, cashier_id, label, payload, created_at) "
               "VALUES (:uuid, :lane, :cashier, :label, :payload, :at) RETURNING id"_s);
    q.bind(u"uuid"_s, uuid)
            .bind(u"lane"_s, lane)
            .bind(u"cashier"_s, cashierId)
            .bind(u"label"_s, label)
            .bind(u"payload"_s, QString::fromUtf8(CartCodec::toJson(cart)))
            .bind(u"at"_s, Dialect::timestampText(at));
    if (!q.execOne()) {
        return q.error();
    }
    return q.int64(0);
}

DbResult<QList<ParkedCart>> ParkedCartRepository::list() const
{
    SqlQuery q(m_db,
               u"SELECT c.id, c.lane, u.name, c.label, c.created_at, c.payload FROM parked_carts c "
               "JOIN users u ON u.id = c.cashier_id ORDER BY c.id DESC"_s);
    if (!q.exec()) {
        return q.error();
    }
    QList<ParkedCart> carts;
    while (q.next()) {
        ParkedCart parked{
                q.int64(0), q.text(1), q.text(2), q.text(3), Dialect::toDateTime(q.value(4)), {}};
        parked.cart = CartCodec::fromJson(q.text(5).toUtf8()).value_or(Cart{});
        carts.append(parked);
    }
    return carts;
}

DbResult<ParkedCart> ParkedCartRepository::take(qint64 id) const
{
    SqlQuery q(
            m_db,
            u"DELETE FROM parked_carts WHERE id = :id RETURNING id, lane, label, created_at, payload"_s);
    q.bind(u"id"_s, id);
    if (!q.exec()) {
        return q.error();
    }
    if (!q.next()) {
        return DbError{DbError::Kind::NotFound, u"parked cart %1 is gone"_s.arg(id)};
    }
    ParkedCart parked{q.int64(0), q.text(1), {}, q.text(2), Dialect::toDateTime(q.value(3)), {}};
    const auto cart = CartCodec::fromJson(q.text(4).toUtf8());
    if (!cart) {
        return DbError{DbError::Kind::Invalid, u"parked cart %1 cannot be read"_s.arg(id)};
    }
    parked.cart = *cart;
    return parked;
}
