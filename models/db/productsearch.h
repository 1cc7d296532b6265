#pragma once

#include <QString>
#include <QStringList>

class Dialect;
class SqlQuery;

/*!
 * The product list's search for a typed term: a product matches when its name holds the
 * term, its SKU starts with it (both ignoring case as each engine's LIKE does: ILIKE on
 * PostgreSQL, ASCII case-blind LIKE on SQLite) or one of its units' barcodes is the term;
 * %, _ and \ in the term are literal. Migration 0004 gives each engine a trigram index, and
 * this writes the SQL that reads through it while selecting exactly what the condition does.
 *
 * PostgreSQL's pg_trgm GIN indexes answer the ILIKEs themselves; the barcode arm goes
 * through Dialect::inSubquery, so the planner can OR the three index scans.
 * SQLite's LIKE cannot use the FTS5 table, so a page first asks products_search for
 * candidates (a term of three characters or more: a trigram's length) and applies the
 * condition to those. A term that kCandidateCap or more products hold is read in the list's
 * own order instead, where a page of such common matches fills after a few rows.
 */
class ProductSearch
{
public:
    ProductSearch(const Dialect &dialect, const QString &text);

    //! The condition on products aliased p, empty without a term; ProductRepository binds
    //! its :pattern, :prefix and :code.
    QString condition() const;
    /*!
     * A page of products as a parenthesised row source: in effect
     * `SELECT * FROM products p WHERE <where> <order> LIMIT :limit`, where `where` holds
     * condition() among the list's other conditions. Bind with bindPage().
     */
    QString pageSource(const QStringList &where, const QString &order) const;
    //! Binds what pageSource() adds to the conditions (:limit excepted).
    void bindPage(SqlQuery &query) const;

    //! Whether pageSource() asks SQLite's trigram index for candidates.
    bool usesCandidates() const;
    //! The FTS5 query for the term's candidates: the name holds it, or the SKU starts with it.
    static QString candidateQuery(const QString &term);

    //! From this many candidates on, a page is read in the list's order instead.
    static constexpr int kCandidateCap = 1000;

private:
    const Dialect &m_dialect;
    QString m_text;
};
