#pragma once

#include "models/db/dberror.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

/*!
 * Why a service refused or failed, with the sentence for the person at the till already
 * in their language. The technical part (driver text, statement) stays in details for
 * the "Show details" pane and the log.
 */
struct ServiceError
{
    Q_DECLARE_TR_FUNCTIONS(ServiceError)

public:
    enum class Code {
        PermissionDenied, //!< the signed-in user may not do this, and no valid approval was given
        InvalidInput,     //!< the request itself is wrong (empty name, bad PIN, too much refunded)
        Conflict,         //!< someone else changed it first, or it would break a rule of the data
        NotFound,
        Unavailable, //!< the database cannot be reached or failed
    };

    Code code = Code::Unavailable;
    QString message;
    QString details;

    /*!
     * A database failure, with message as the sentence to show. A full disk, a lost SQLite
     * file and a server that did not answer in time get their own sentence instead, so the
     * person at the till reads what really happened.
     */
    static ServiceError fromDb(const DbError &error, const QString &message);
    //! The sentence for a failure whose cause the person can act on; empty for the others.
    static QString messageFor(DbError::Kind kind);
};

Q_DECLARE_METATYPE(ServiceError)

template<typename T>
using ServiceResult = Result<T, ServiceError>;
using ServiceStatus = ServiceResult<Done>;
