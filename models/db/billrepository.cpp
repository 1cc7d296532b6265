#include "models/db/billrepository.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"

#include <QMap>

using namespace Qt::StringLiterals;

DbResult<std::optional<ReceiptData>> BillRepository::receipt(qint64 billId) const
{
    SqlQuery q(
            m_db,
            u"SELECT b.lane, b.number, u.name, b.created_at, b.subtotal_minor, b.discount_minor, "
            "b.tax_minor, b.rounding_minor, b.total_minor, p.name, pu.name, i.quantity, "
            "i.unit_price_minor, i.discount_minor, i.total_minor, i.tax_rate_bp, i.tax_minor "
            "FROM bills b JOIN users u ON u.id = b.cashier_id "
            "JOIN bill_items i ON i.bill_id = b.id JOIN products p ON p.id = i.product_id "
            "JOIN product_units pu ON pu.id = i.unit_id WHERE b.id = :bill ORDER BY i.line_no"_s);
    q.bind(u"bill"_s, billId);
    if (!q.exec()) {
        return q.error();
    }
    ReceiptData r;
    bool found = false;
    QMap<int, ReceiptData::Tax> taxes;
    while (q.next()) {
        if (!found) {
            found = true;
            r.lane = q.text(0);
            r.number = q.int64(1);
            r.cashier = q.text(2);
            r.at = Dialect::toDateTime(q.value(3));
            r.subtotal = Money::fromMinor(q.int64(4));
            r.discount = Money::fromMinor(q.int64(5));
            r.tax = Money::fromMinor(q.int64(6));
            r.rounding = Money::fromMinor(q.int64(7));
            r.total = Money::fromMinor(q.int64(8));
        }
        ReceiptData::Line line{q.text(9),
                               q.text(10),
                               q.int64(11),
                               Money::fromMinor(q.int64(12)),
                               Money::fromMinor(q.int64(13)),
                               Money::fromMinor(q.int64(14)),
                               static_cast<int>(q.int64(15))};
        r.lines.append(line);
        ReceiptData::Tax &tax = taxes[line.taxRateBp];
        tax.rateBp = line.taxRateBp;
        tax.gross += line.total;
        tax.tax += Money::fromMinor(q.int64(16));
    }
    if (!found) {
        return std::optional<ReceiptData>();
    }
    // Highest rate first, as the sale screen lists them.
    for (ReceiptData::Tax tax : std::as_const(taxes)) {
        tax.net = tax.gross - tax.tax;
        r.taxes.prepend(tax);
    }
    SqlQuery pay(m_db, u"SELECT method, amount_minor, COALESCE(tendered_minor, 0), change_minor, "
                       "COALESCE(reference, '') FROM payments WHERE bill_id = :bill ORDER BY id"_s);
    pay.bind(u"bill"_s, billId);
    if (!pay.exec()) {
        return pay.error();
    }
    r.change = Money::fromMinor(0);
    while (pay.next()) {
        const ReceiptData::Payment p{pay.text(0), Money::fromMinor(pay.int64(1)),
                                     Money::fromMinor(pay.int64(2)), Money::fromMinor(pay.int64(3)),
                                     pay.text(4)};
        r.change += p.change;
        r.payments.append(p);
    }
    return std::optional<ReceiptData>(r);
}

DbResult<qint64> BillRepository::lastBillId(const QString &lane) const
{
    SqlQuery q(m_db, u"SELECT COALESCE(MAX(id), 0) FROM bills WHERE lane = :lane"_s);
    q.bind(u"lane"_s, lane);
    if (!q.execOne()) {
        return q.error();
    }
    return q.int64(0);
}

DbResult<qint64> BillRepository::findByNumber(const QString &lane, qint64 number) const
{
    SqlQuery q(m_db, u"SELECT id FROM bills WHERE lane = :lane AND number = :number"_s);
    q.bind(u"lane"_s, lane).bind(u"number"_s, number);
    if (!q.exec()) {
        return q.error();
    }
    return q.next() ? q.int64(0) : qint64(0);
}
