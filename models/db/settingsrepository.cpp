#include "models/db/settingsrepository.h"

#include "models/db/database.h"
#include "models/db/jsonrows.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

DbResult<QHash<QString, QString>> SettingsRepository::all() const
{
    SqlQuery q(m_db, u"SELECT key, value FROM settings"_s);
    if (!q.exec()) {
        return q.error();
    }
    QHash<QString, QString> values;
    while (q.next()) {
        values.insert(q.text(0), q.text(1));
    }
    return values;
}

DbResult<StoreHeader> SettingsRepository::storeHeader() const
{
    const auto values = all();
    if (!values) {
        return values.error();
    }
    return StoreHeader::from(*values);
}

DbResult<QString> SettingsRepository::value(const QString &key, const QString &fallback) const
{
    SqlQuery q(m_db, u"SELECT value FROM settings WHERE key = :key"_s);
    q.bind(u"key"_s, key);
    if (!q.exec()) {
        return q.error();
    }
    return q.next() ? q.text(0) : fallback;
}

DbStatus SettingsRepository::setValue(const QString &key, const QString &value) const
{
    SqlQuery q(m_db, u"INSERT INTO settings (key, value) VALUES (:key, :value) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.bind(u"key"_s, key).bind(u"value"_s, value);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}

DbStatus SettingsRepository::setValues(const QHash<QString, QString> &values) const
{
    if (values.isEmpty()) {
        return Done{};
    }
    // "WHERE true": SQLite cannot tell an upsert's ON CONFLICT from a join's ON without it.
    // A null QString travels as JSON null; the column holds an empty text instead.
    SqlQuery q(
            m_db,
            u"INSERT INTO settings (key, value) "
            "SELECT j.key, COALESCE(j.value, '') FROM "_s
                    + m_db.dialect().jsonRows(u"rows"_s, {{u"key"_s, Dialect::ColumnType::Text},
                                                          {u"value"_s, Dialect::ColumnType::Text}})
                    + u" AS j WHERE true ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    JsonRows rows;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        rows.beginRow();
        rows.add(u"key", it.key());
        rows.add(u"value", it.value());
    }
    q.bind(u"rows"_s, rows.toString());
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}
