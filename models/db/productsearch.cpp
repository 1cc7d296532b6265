#include "models/db/productsearch.h"

#include "models/db/dialect.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

ProductSearch::ProductSearch(const Dialect &dialect, const QString &text)
    : m_dialect(dialect)
    , m_text(text.trimmed())
{}

QString ProductSearch::condition() const
{
    if (m_text.isEmpty()) {
        return {};
    }
    return u"(p.name %1 :pattern ESCAPE '\\' OR p.sku %1 :prefix ESCAPE '\\' OR %2)"_s.arg(
            m_dialect.likeIgnoringCase(),
            m_dialect.inSubquery(
                    u"p.id"_s,
                    u"SELECT b.product_id FROM product_units b WHERE b.barcode = :code"_s));
}

bool ProductSearch::usesCandidates() const
{
    // The trigram tokenizer counts characters, not UTF-16 units.
    return !m_dialect.isPostgres() && m_text.toUcs4().size() >= 3;
}

QString ProductSearch::candidateQuery(const QString &term)
{
    // A quoted FTS5 phrase takes every character literally but '"', which is doubled; `^`
    // anchors the phrase at the column's start. Trigrams fold case (Unicode-wide, wider than
    // LIKE), so these are candidates: the condition still decides.
    QString phrase = term.trimmed();
    phrase.replace(u'"', u"\"\""_s);
    return u"name : \"%1\" OR sku : ^ \"%1\""_s.arg(phrase);
}

QString ProductSearch::pageSource(const QStringList &where, const QString &order) const
{
    const QString conditions = where.join(u" AND "_s);
    if (!usesCandidates()) {
        return u"(SELECT * FROM products p %1 %2 LIMIT :limit)"_s.arg(
                where.isEmpty() ? QString() : u"WHERE "_s + conditions, order);
    }
    // Both halves are written, one of them reads nothing: each LIMIT is evaluated once,
    // before its rows, from the number of candidates found (capped, so counting is cheap).
    return u"(WITH found(id) AS (SELECT id FROM ("
           "SELECT rowid AS id FROM products_search WHERE products_search MATCH :fts "
           "UNION ALL SELECT b.product_id FROM product_units b WHERE b.barcode = :code) "
           "LIMIT :cap) "
           "SELECT * FROM (SELECT * FROM products p WHERE p.id IN (SELECT id FROM found) "
           "AND %1 %2 LIMIT CASE WHEN (SELECT COUNT(*) FROM found) < :cap THEN :limit ELSE 0 END) "
           "UNION ALL "
           "SELECT * FROM (SELECT * FROM products p WHERE %1 %2 "
           "LIMIT CASE WHEN (SELECT COUNT(*) FROM found) < :cap THEN 0 ELSE :limit END))"_s.arg(
                   conditions, order);
}

void ProductSearch::bindPage(SqlQuery &query) const
{
    if (usesCandidates()) {
        query.bind(u"fts"_s, candidateQuery(m_text)).bind(u"cap"_s, kCandidateCap);
    }
}
