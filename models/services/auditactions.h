#pragma once

#include <QString>

/*!
 * What the audit log's action keys mean to a person: "sign_in_failed" reads "Sign-in
 * failed". The keys stay stable in the database; only their names are translated. A key
 * this table does not know yet is shown as it is, so a new action is never hidden.
 */
namespace AuditActions {

QString displayName(const QString &key);

} // namespace AuditActions
