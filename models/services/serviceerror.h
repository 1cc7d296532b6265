#pragma once

#include "models/db/dberror.h"

#include <QMetaType>
#include <QString>

/*!
 * Why a service refused or failed, with the sentence for the person at the till already
 * in their language. The technical part (driver text, statement) stays in details for
 * the "Show details" pane and the log.
 */
struct ServiceError
{
    enum class Code {
        PermissionDenied, //!< the signed-in user may not do this, and no valid approval was given
        InvalidInput,     //!< the request itself is wrong (empty name, bad PIN, too much refunded)
        Conflict,         //!< someone else changed it first, or it would break a rule of the data
        NotFound,
        Unavailable,      //!< the database cannot be reached or failed
    };

    Code code = Code::Unavailable;
    QString message;
    QString details;

    //! A database failure, with message as the sentence to show.
    static ServiceError fromDb(const DbError &error, const QString &message)
    {
        Code code = Code::Unavailable;
        switch (error.kind) {
        case DbError::Kind::Constraint:
        case DbError::Kind::Conflict:
            code = Code::Conflict;
            break;
        case DbError::Kind::NotFound:
            code = Code::NotFound;
            break;
        case DbError::Kind::Invalid:
            code = Code::InvalidInput;
            break;
        default:
            break;
        }
        return {code, message, error.details};
    }
};

Q_DECLARE_METATYPE(ServiceError)

template<typename T>
using ServiceResult = Result<T, ServiceError>;
using ServiceStatus = ServiceResult<Done>;
