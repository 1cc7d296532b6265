#pragma once

#include "models/domain/approval.h"
#include "models/domain/refund.h"
#include "models/services/refundservice.h"

#include <QDialog>

#include <memory>
#include <optional>

class QPushButton;
class RefundLinesModel;
class Services;
struct ServiceError;

namespace Ui {
class RefundDialog;
}

/*!
 * Takes goods of one bill back. The person types how many of each line come back (in the
 * unit sold, or in base units for a pack), whether they go back to stock, and why; the
 * dialog shows at once what the refund pays per line and where the money goes, from
 * RefundService::plan(), and commits with Refund (Ctrl+Enter).
 *
 * A cashier is asked for a manager's approval when the service says so, and only then:
 * a mistyped quantity costs no PIN. The dialog makes one uuid and keeps it for every try,
 * so a retry after a lost reply never refunds twice. A failure is shown in the dialog,
 * which stays open with what was typed; after a refusal because another till refunded
 * meanwhile, the bill's figures are read again.
 */
class RefundDialog : public QDialog
{
    Q_OBJECT

public:
    RefundDialog(Services &services, const RefundableBill &bill, QWidget *parent = nullptr);
    ~RefundDialog() override;

    //! The committed refund, once the dialog was accepted.
    const std::optional<RefundService::Outcome> &outcome() const { return m_outcome; }
    RefundLinesModel *linesModel() const { return m_lines; }
    const QString &uuid() const { return m_uuid; }

    /*!
     * Where the money goes, for people: "€4.00 in cash from the drawer", "€6.00 back to
     * the card and €4.00 in cash from the drawer".
     */
    static QString payoutText(const QList<RefundRecord::Payment> &payments,
                              const QString &currencySymbol);

private:
    void setUpLines();
    void setUpForm();
    void showBill();
    RefundService::Request request() const;
    void updatePlan();
    void refund();
    ServiceResult<RefundService::Outcome> commit(const RefundService::Request &request);
    void handleFailure(const ServiceError &error);
    void reloadBill();
    QString moneyText(Money amount) const;

    std::unique_ptr<Ui::RefundDialog> m_ui;
    Services &m_services;
    RefundLinesModel *m_lines = nullptr;
    QPushButton *m_refundButton = nullptr;
    QString m_currencySymbol;
    const QString m_uuid;
    //! A manager's approval not used yet (the refund failed before it was spent).
    std::optional<Approval> m_approval;
    std::optional<RefundService::Outcome> m_outcome;
};
