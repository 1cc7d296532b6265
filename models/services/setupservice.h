#pragma once

#include "models/domain/user.h"
#include "models/services/serviceerror.h"

#include <QCoreApplication>
#include <QString>

class Database;

/*!
 * The first start of a store: its settings, this till's lane, a standard and a reduced
 * tax rate and the first administrator, all in one transaction, so a failure leaves the
 * database as empty as it was and the wizard can simply be run again. It works only
 * while the database has no users: once somebody can sign in, the store belongs to
 * them and is changed in the Settings and Users areas instead.
 */
class SetupService
{
    Q_DECLARE_TR_FUNCTIONS(SetupService)

public:
    struct StoreSetup
    {
        QString storeName;
        QString address;
        QString taxId;
        QString currencyCode;   //!< ISO 4217: "EUR"
        QString currencySymbol; //!< "€"
        bool pricesIncludeTax = true;
        int standardRateBp = 1900; //!< basis points: 1900 = 19 %
        int reducedRateBp = 700;
        QString adminLogin;
        QString adminName;
        QString adminSecret; //!< a 4-8 digit PIN or a passphrase of at least 8 characters
    };

    SetupService(const Database &db, QString lane);

    //! True while nobody could sign in: the store still needs setting up.
    ServiceResult<bool> isNeeded() const;
    //! Sets the store up and returns its first administrator.
    ServiceResult<User> initializeStore(const StoreSetup &setup);

    //! Test hook: fewer PBKDF2 iterations keep a suite fast. 0 is the production count.
    void setPinIterations(int iterations) { m_pinIterations = iterations; }

private:
    ServiceError unavailable(const DbError &error) const;

    const Database &m_db;
    QString m_lane;
    int m_pinIterations = 0;
};
