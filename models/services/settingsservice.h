#pragma once

#include "models/db/auditrepository.h"
#include "models/db/settingsrepository.h"
#include "models/services/serviceerror.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <optional>

class Authorizer;
class Database;
class Session;

/*!
 * The store-wide settings an administrator edits: the store's name and address, the
 * currency, tax mode, cash rounding, the cashiers' discount limit, negative stock and the
 * sign-in and lock policy. Reading is open to everybody (receipts and screens need the
 * store's name and currency); saving needs Permission::ChangeSettings, is validated as a
 * whole, written in one transaction and audited with the keys that changed.
 */
class SettingsService : public QObject
{
    Q_OBJECT

public:
    SettingsService(const Database &db, const Session &session, const Authorizer &authorizer,
                    QObject *parent = nullptr);

    //! The keys save() accepts, in the order a form shows them.
    static QStringList keys();
    //! What a store that never saved a key gets.
    static QHash<QString, QString> defaults();
    //! A key's name as a person reads it: "Cash rounding step".
    static QString label(const QString &key);
    /*!
     * Why value cannot be stored under key, as a sentence; std::nullopt when it can.
     * Unknown keys are refused too. value is taken as normalized() returns it.
     */
    static std::optional<QString> problemWith(const QString &key, const QString &value);
    //! The value as it is stored: trimmed, currency codes in capitals.
    static QString normalized(const QString &key, const QString &value);

    //! Every key of keys(), from the database or its default.
    ServiceResult<QHash<QString, QString>> values() const;
    //! One setting from the database or its default, before anybody has signed in.
    static ServiceResult<QString> value(const Database &db, const SettingKey &setting);
    //! Minutes without input before the till locks; 0 never. The default if unreadable.
    int idleLockMinutes() const;
    //! Whether counts are blind (stocktake, drawer at closing); off if unreadable.
    bool blindCounts() const;
    /*!
     * Writes the changed keys. Nothing is written unless every value is valid; a value
     * equal to the stored one is no change and is not audited.
     */
    ServiceStatus save(const QHash<QString, QString> &changes);

Q_SIGNALS:
    //! After a save committed, with the keys whose values changed.
    void saved(const QStringList &keys);

private:
    ServiceError unavailable(const DbError &error) const;

    const Database &m_db;
    const Session &m_session;
    const Authorizer &m_authorizer;
    SettingsRepository m_settings;
    AuditRepository m_audit;
};
