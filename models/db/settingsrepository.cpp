#include "models/db/settingsrepository.h"

#include "models/db/database.h"
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
