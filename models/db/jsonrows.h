#pragma once

#include <QString>

class QDateTime;

/*!
 * Writes rows as one JSON array of objects, the parameter that Dialect::jsonRows()
 * unpacks in SQL. Integers are written digit for digit from qint64 (never through a
 * double, unlike QJsonValue), strings are escaped, instants are Dialect::timestampText().
 *
 *     JsonRows rows;
 *     for (const Line &line : lines) {
 *         rows.beginRow();
 *         rows.add(u"product_id", line.productId);
 *         rows.add(u"name", line.name);
 *     }
 *     query.bind(u"rows"_s, rows.toString());
 */
class JsonRows
{
public:
    void beginRow();
    void add(QStringView key, qint64 value);
    void add(QStringView key, int value) { add(key, static_cast<qint64>(value)); }
    void add(QStringView key, const QString &value);
    void add(QStringView key, bool value);
    void add(QStringView key, const QDateTime &instant);
    void addNull(QStringView key);

    qsizetype rowCount() const { return m_rows; }
    bool isEmpty() const { return m_rows == 0; }
    QString toString() const;
    void clear();

private:
    void key(QStringView key);

    QString m_text;
    qsizetype m_rows = 0;
    bool m_firstInRow = true;
};
