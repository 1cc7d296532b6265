#include "models/db/categoryrepository.h"

#include "models/db/bulkwriter.h"
#include "models/db/database.h"
#include "models/db/jsonrows.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

DbResult<QList<Category>> CategoryRepository::all() const
{
    SqlQuery q(m_db, u"SELECT id, name, sort_order FROM categories ORDER BY sort_order, name"_s);
    if (!q.exec()) {
        return q.error();
    }
    QList<Category> result;
    while (q.next()) {
        result.append({q.int64(0), q.text(1), static_cast<int>(q.int64(2))});
    }
    return result;
}

DbResult<qint64> CategoryRepository::save(const Category &category) const
{
    SqlQuery q(
            m_db,
            category.id == 0
                    ? u"INSERT INTO categories (name, sort_order) VALUES (:name, :sort) RETURNING id"_s
                    : u"UPDATE categories SET name = :name, sort_order = :sort WHERE id = :id "
                      "RETURNING id"_s);
    q.bind(u"name"_s, category.name.trimmed()).bind(u"sort"_s, category.sortOrder);
    if (category.id != 0) {
        q.bind(u"id"_s, category.id);
    }
    if (!q.exec()) {
        return q.error();
    }
    if (!q.next()) {
        return DbError{DbError::Kind::NotFound, u"no category %1"_s.arg(category.id)};
    }
    return q.int64(0);
}

DbStatus CategoryRepository::remove(qint64 id) const
{
    // Products keep existing without a category.
    for (const QString &sql : {u"UPDATE products SET category_id = NULL WHERE category_id = :id"_s,
                               u"DELETE FROM categories WHERE id = :id"_s}) {
        SqlQuery q(m_db, sql);
        q.bind(u"id"_s, id);
        if (!q.exec()) {
            return q.error();
        }
    }
    return Done{};
}

DbResult<QList<Category>> CategoryRepository::insertAll(const QList<Category> &categories) const
{
    using Type = Dialect::ColumnType;
    JsonRows rows;
    for (const Category &category : categories) {
        rows.beginRow();
        rows.add(u"name", category.name.trimmed());
        rows.add(u"sort_order", category.sortOrder);
    }
    // A shop has tens of categories: one statement, and RETURNING hands back their ids.
    SqlQuery q(m_db,
               u"INSERT INTO categories (name, sort_order) SELECT j.name, j.sort_order FROM "_s
                       + BulkWriter::source(
                               m_db, {{u"name"_s, Type::Text}, {u"sort_order"_s, Type::Integer}})
                       + u" AS j RETURNING id, name, sort_order"_s);
    q.bind(u"rows"_s, rows.toString());
    if (!q.exec()) {
        return q.error();
    }
    QList<Category> result;
    while (q.next()) {
        result.append({q.int64(0), q.text(1), static_cast<int>(q.int64(2))});
    }
    return result;
}
