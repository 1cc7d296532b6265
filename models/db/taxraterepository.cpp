#include "models/db/taxraterepository.h"

#include "models/db/bulkwriter.h"
#include "models/db/database.h"
#include "models/db/jsonrows.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

DbResult<QList<TaxRate>> TaxRateRepository::all() const
{
    SqlQuery q(m_db, u"SELECT id, name, rate_bp FROM tax_rates ORDER BY rate_bp DESC, name"_s);
    if (!q.exec()) {
        return q.error();
    }
    QList<TaxRate> result;
    while (q.next()) {
        result.append({q.int64(0), q.text(1), static_cast<int>(q.int64(2))});
    }
    return result;
}

DbResult<qint64> TaxRateRepository::save(const TaxRate &rate) const
{
    SqlQuery q(m_db,
               rate.id == 0
                       ? u"INSERT INTO tax_rates (name, rate_bp) VALUES (:name, :bp) RETURNING id"_s
                       : u"UPDATE tax_rates SET name = :name, rate_bp = :bp "
                         "WHERE id = :id RETURNING id"_s);
    q.bind(u"name"_s, rate.name.trimmed()).bind(u"bp"_s, rate.rateBp);
    if (rate.id != 0) {
        q.bind(u"id"_s, rate.id);
    }
    if (!q.exec()) {
        return q.error();
    }
    if (!q.next()) {
        return DbError{DbError::Kind::NotFound, u"no tax rate %1"_s.arg(rate.id)};
    }
    return q.int64(0);
}

DbStatus TaxRateRepository::remove(qint64 id) const
{
    // A rate in use is refused by the foreign key; the service turns that into a sentence.
    SqlQuery q(m_db, u"DELETE FROM tax_rates WHERE id = :id"_s);
    q.bind(u"id"_s, id);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbResult<QList<TaxRate>> TaxRateRepository::insertAll(const QList<TaxRate> &rates) const
{
    using Type = Dialect::ColumnType;
    JsonRows rows;
    for (const TaxRate &rate : rates) {
        rows.beginRow();
        rows.add(u"name", rate.name.trimmed());
        rows.add(u"rate_bp", rate.rateBp);
    }
    SqlQuery q(m_db, u"INSERT INTO tax_rates (name, rate_bp) SELECT j.name, j.rate_bp FROM "_s
                             + BulkWriter::source(
                                     m_db, {{u"name"_s, Type::Text}, {u"rate_bp"_s, Type::Integer}})
                             + u" AS j RETURNING id, name, rate_bp"_s);
    q.bind(u"rows"_s, rows.toString());
    if (!q.exec()) {
        return q.error();
    }
    QList<TaxRate> result;
    while (q.next()) {
        result.append({q.int64(0), q.text(1), static_cast<int>(q.int64(2))});
    }
    return result;
}
