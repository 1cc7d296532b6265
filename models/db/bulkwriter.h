#pragma once

#include "models/db/dberror.h"
#include "models/db/dialect.h"
#include "models/db/jsonrows.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <limits>

class Database;

/*!
 * Writes many rows with one statement per chunk: an INSERT ... SELECT (or an UPDATE) over
 * source(), which unpacks the rows from one bound JSON array. Each statement binds one
 * parameter whatever its rows, so SQLite's limit on bound parameters never applies, and
 * QPSQL, which emulates execBatch() with a round trip per row, sends one EXECUTE per chunk.
 * A writer that needs a second chunk keeps its statement prepared for the rest (QPSQL
 * prepares with a round trip of its own); a single chunk prepares and drops it.
 *
 *     BulkWriter writer(db, u"INSERT INTO t (a, b) SELECT j.a, j.b FROM "_s
 *                               + BulkWriter::source(db, {{u"a"_s, Type::Integer}, ...})
 *                               + u" AS j"_s);
 *     for (const Row &r : rows) {
 *         JsonRows &row = writer.row();
 *         row.add(u"a", r.a);
 *     }
 *     if (DbStatus status = writer.finish(); !status) ...
 *
 * Rows are written in the order they were added; a statement whose rows join rows of
 * another writer runs only after that writer has finished.
 */
class BulkWriter
{
public:
    //! Rows per statement: a few hundred kilobytes of JSON, a statement of some milliseconds.
    static constexpr int kRowsPerStatement = 2000;
    //! Every row in one statement: the caller hands over a batch it has sized itself.
    static constexpr int kOneStatement = std::numeric_limits<int>::max();

    BulkWriter(const Database &db, QString sql, int rowsPerStatement = kRowsPerStatement);

    //! The row source for the statement: Dialect::jsonRows() over the bound :rows.
    static QString source(const Database &db, const QList<Dialect::JsonColumn> &columns);

    //! Binds a value every chunk shares (given without the colon).
    BulkWriter &bind(const QString &name, const QVariant &value);
    //! Begins a row; when the chunk is full, the rows so far are written first.
    JsonRows &row();
    //! Writes the pending rows. After a failure nothing more is written.
    DbStatus finish();

    //! Rows the statements reported as written.
    qint64 written() const { return m_written; }
    //! Statements run so far.
    int statements() const { return m_statements; }

private:
    bool flush();

    const Database &m_db;
    QString m_sql;
    int m_rowsPerStatement;
    QHash<QString, QVariant> m_bound;
    JsonRows m_rows;
    bool m_keep = false;
    bool m_failed = false;
    DbError m_error;
    qint64 m_written = 0;
    int m_statements = 0;
};
