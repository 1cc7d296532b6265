#pragma once

#include "models/db/dberror.h"
#include "models/domain/storeheader.h"
#include "models/domain/storesettings.h"

#include <QHash>
#include <QString>

class Database;

/*!
 * Store-wide settings kept in the database (every lane sees the same): the store's name,
 * currency, tax mode, cash rounding and limits. The keys and their defaults are in
 * models/domain/storesettings.h; this class only reads and writes them.
 */
class SettingsRepository
{
public:
    explicit SettingsRepository(const Database &db)
        : m_db(db)
    {}

    DbResult<QHash<QString, QString>> all() const;
    //! The store's name, address, tax number and currency symbol, for receipts and reports.
    DbResult<StoreHeader> storeHeader() const;
    DbResult<QString> value(const QString &key, const QString &fallback = {}) const;
    //! The stored value, or the setting's default when the store never saved one.
    DbResult<QString> value(const SettingKey &setting) const
    {
        return value(setting.key, setting.defaultValue);
    }
    //! Inserts or replaces, in one statement.
    DbStatus setValue(const QString &key, const QString &value) const;
    //! Inserts or replaces all of them in one statement, whatever their number.
    DbStatus setValues(const QHash<QString, QString> &values) const;

private:
    const Database &m_db;
};
