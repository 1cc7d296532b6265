#include "models/services/auditactions.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace AuditActions {

QString displayName(const QString &key)
{
    // Translated in the "AuditActions" context.
    static const QHash<QString, const char *> names{
            {u"sign_in"_s, QT_TRANSLATE_NOOP("AuditActions", "Signed in")},
            {u"sign_out"_s, QT_TRANSLATE_NOOP("AuditActions", "Signed out")},
            {u"sign_in_failed"_s, QT_TRANSLATE_NOOP("AuditActions", "Sign-in failed")},
            {u"user_locked"_s, QT_TRANSLATE_NOOP("AuditActions", "User locked")},
            {u"approval_granted"_s, QT_TRANSLATE_NOOP("AuditActions", "Approval given")},
            {u"approval_failed"_s, QT_TRANSLATE_NOOP("AuditActions", "Approval refused")},
            {u"user_created"_s, QT_TRANSLATE_NOOP("AuditActions", "User created")},
            {u"user_updated"_s, QT_TRANSLATE_NOOP("AuditActions", "User changed")},
            {u"user_activated"_s, QT_TRANSLATE_NOOP("AuditActions", "User reactivated")},
            {u"user_deactivated"_s, QT_TRANSLATE_NOOP("AuditActions", "User deactivated")},
            {u"pin_reset"_s, QT_TRANSLATE_NOOP("AuditActions", "PIN reset")},
            {u"settings_changed"_s, QT_TRANSLATE_NOOP("AuditActions", "Settings changed")},
            {u"store_setup"_s, QT_TRANSLATE_NOOP("AuditActions", "Store set up")},
            {u"demo_fill"_s, QT_TRANSLATE_NOOP("AuditActions", "Demo store filled")},
            {u"product_created"_s, QT_TRANSLATE_NOOP("AuditActions", "Product created")},
            {u"product_updated"_s, QT_TRANSLATE_NOOP("AuditActions", "Product changed")},
            {u"product_archived"_s, QT_TRANSLATE_NOOP("AuditActions", "Product archived")},
            {u"product_deleted"_s, QT_TRANSLATE_NOOP("AuditActions", "Product deleted")},
            {u"product_reactivated"_s, QT_TRANSLATE_NOOP("AuditActions", "Product reactivated")},
            {u"category_saved"_s, QT_TRANSLATE_NOOP("AuditActions", "Category saved")},
            {u"category_removed"_s, QT_TRANSLATE_NOOP("AuditActions", "Category removed")},
            {u"tax_rate_saved"_s, QT_TRANSLATE_NOOP("AuditActions", "Tax rate saved")},
            {u"tax_rate_removed"_s, QT_TRANSLATE_NOOP("AuditActions", "Tax rate removed")},
            {u"price_change"_s, QT_TRANSLATE_NOOP("AuditActions", "Prices changed")},
            {u"catalogue_import"_s, QT_TRANSLATE_NOOP("AuditActions", "Catalogue imported")},
            {u"goods_receipt"_s, QT_TRANSLATE_NOOP("AuditActions", "Goods received")},
            {u"stocktake"_s, QT_TRANSLATE_NOOP("AuditActions", "Stocktake")},
            {u"stock_adjusted"_s, QT_TRANSLATE_NOOP("AuditActions", "Stock adjusted")},
    };
    const auto it = names.constFind(key);
    return it == names.cend() ? key : QCoreApplication::translate("AuditActions", *it);
}

} // namespace AuditActions
