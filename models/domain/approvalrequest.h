#pragma once

#include "models/domain/money.h"
#include "models/domain/permissions.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

struct Discount;

/*!
 * What a cashier asks a manager to approve and why the till asks at all, built where the
 * approval is asked for (the screen knows the product, the amount and the rule), so the
 * manager reads "Discount 50 % (5.20 €) on Cola: above the cashier limit of 10 %" instead of
 * the bare name of a permission.
 *
 *     const auto request = ApprovalRequest::priceOverride(line.productName, price,
 *                                                        line.catalogPrice, symbol);
 *     withApproval(this, authorizer, session, request, call);
 */
struct ApprovalRequest
{
    Q_DECLARE_TR_FUNCTIONS(ApprovalRequest)

public:
    Permission permission = Permission::Sell;
    QString what; //!< "Discount 50 % (5.20 €) on Cola"
    QString why;  //!< "above the cashier limit of 10 %"

    //! The one sentence shown: "what: why".
    QString text() const;

    //! Only the permission is known: its name, and the rule of who may do it.
    static ApprovalRequest generic(Permission permission);
    //! Why a cashier's role is not enough: "cashiers may not change prices".
    static QString roleReason(Permission permission);

    //! subject: "Cola" for a line, or the bill ("the bill") for a bill discount.
    static ApprovalRequest discount(const Discount &discount, Money gross, const QString &subject,
                                    qint64 cashierLimitBp, const QString &currencySymbol);
    static ApprovalRequest priceOverride(const QString &productName, Money price, Money catalogue,
                                         const QString &currencySymbol);
    static ApprovalRequest voidLine(qint64 quantity, const QString &productName, Money amount,
                                    const QString &currencySymbol);
    static ApprovalRequest clearSale(qint64 items, Money total, const QString &currencySymbol);
    static ApprovalRequest cashIn(Money amount, const QString &reason,
                                  const QString &currencySymbol);
    static ApprovalRequest cashOut(Money amount, const QString &reason,
                                   const QString &currencySymbol);
    static ApprovalRequest openDrawer(const QString &reason);
    static ApprovalRequest closeShift(Money counted, const QString &currencySymbol);
    static ApprovalRequest refund(Money amount, const QString &billCode,
                                  const QString &currencySymbol);
    static ApprovalRequest printerSettings();
};

Q_DECLARE_METATYPE(ApprovalRequest)
