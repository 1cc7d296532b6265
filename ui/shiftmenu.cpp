#include "ui/shiftmenu.h"

#include "models/domain/denominations.h"
#include "models/services/services.h"
#include "ui/amountdialog.h"
#include "ui/approvalflow.h"
#include "ui/closeshiftdialog.h"
#include "ui/shiftreportdialog.h"

#include <QInputDialog>
#include <QLocale>

using namespace Qt::StringLiterals;

ShiftMenu::ShiftMenu(Services &services, QWidget *parent)
    : QMenu(parent)
    , m_services(services)
{
    setObjectName(u"shiftMenu"_s);
    m_openShiftAction = addAction(tr("&Open shift…"), this, &ShiftMenu::openShift);
    m_openShiftAction->setObjectName(u"openShiftAction"_s);
    addSeparator();
    const auto add = [this](const QString &text, const QString &name, void (ShiftMenu::*slot)()) {
        QAction *action = addAction(text, this, slot);
        action->setObjectName(name);
        m_openShiftActions << action;
    };
    add(tr("Cash &in…"), u"cashInAction"_s, &ShiftMenu::cashIn);
    add(tr("Cash o&ut…"), u"cashOutAction"_s, &ShiftMenu::cashOut);
    add(tr("Open the &drawer…"), u"openDrawerAction"_s, &ShiftMenu::openDrawer);
    addSeparator();
    add(tr("&X report"), u"xReportAction"_s, &ShiftMenu::showXReport);
    add(tr("&Close shift…"), u"closeShiftAction"_s, &ShiftMenu::closeShift);
}

void ShiftMenu::setShiftOpen(bool open)
{
    m_openShiftAction->setEnabled(!open);
    for (QAction *action : std::as_const(m_openShiftActions)) {
        action->setEnabled(open);
    }
}

QString ShiftMenu::currencySymbol() const
{
    return m_services.checkout.rules().currencySymbol;
}

QString ShiftMenu::money(Money amount) const
{
    return amount.toString(QLocale(), currencySymbol());
}

void ShiftMenu::openShift()
{
    AmountDialog::Options options;
    options.title = tr("Open the shift");
    options.prompt = tr("Count the cash float into the drawer of lane %1 and type it here.")
                             .arg(m_services.session.lane());
    options.currencySymbol = currencySymbol();
    const auto answer = AmountDialog::ask(dialogParent(), options);
    if (answer) {
        const auto shift = m_services.shifts.open(answer->amount);
        if (!shift) {
            Q_EMIT failed(shift.error());
        } else {
            m_services.printer.kickDrawer();
            Q_EMIT shiftChanged();
            Q_EMIT done(tr("The shift is open with a float of %1.").arg(money(answer->amount)));
        }
    }
    Q_EMIT finished();
}

void ShiftMenu::cashIn()
{
    moveCash(true);
}

void ShiftMenu::cashOut()
{
    moveCash(false);
}

void ShiftMenu::moveCash(bool in)
{
    AmountDialog::Options options;
    options.title = in ? tr("Cash in") : tr("Cash out");
    options.prompt
            = in ? tr("Cash put into the drawer, and why (change from the bank, …).")
                 : tr("Cash taken out of the drawer, and why (to the safe, a supplier paid, …).");
    options.currencySymbol = currencySymbol();
    options.askReason = true;
    options.allowZero = false;
    const auto answer = AmountDialog::ask(dialogParent(), options);
    if (!answer) {
        Q_EMIT finished();
        return;
    }
    const auto direction = in ? ShiftService::CashDirection::In : ShiftService::CashDirection::Out;
    const QString symbol = currencySymbol();
    const auto request = in ? ApprovalRequest::cashIn(answer->amount, answer->reason, symbol)
                            : ApprovalRequest::cashOut(answer->amount, answer->reason, symbol);
    const auto moved = withApproval(dialogParent(), m_services.authorizer, m_services.session,
                                    request, [&](const Approval &approval) {
                                        return m_services.shifts.moveCash(direction, answer->amount,
                                                                          answer->reason, approval);
                                    });
    if (moved && !*moved) {
        Q_EMIT failed(moved->error());
    } else if (moved) {
        m_services.printer.kickDrawer();
        Q_EMIT done(in ? tr("%1 put into the drawer.").arg(money(answer->amount))
                       : tr("%1 taken out of the drawer.").arg(money(answer->amount)));
    }
    Q_EMIT finished();
}

void ShiftMenu::openDrawer()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(dialogParent(), tr("Open the drawer"),
                                                 tr("Why does the drawer open without a sale?"),
                                                 QLineEdit::Normal, QString(), &ok)
                                   .trimmed();
    if (!ok) {
        Q_EMIT finished();
        return;
    }
    if (reason.isEmpty()) {
        Q_EMIT failed({ServiceError::Code::InvalidInput,
                       tr("The drawer opens without a sale only with a reason."),
                       {}});
        Q_EMIT finished();
        return;
    }
    const auto opened
            = withApproval(dialogParent(), m_services.authorizer, m_services.session,
                           ApprovalRequest::openDrawer(reason), [&](const Approval &approval) {
                               return m_services.shifts.openDrawer(reason, approval);
                           });
    if (opened && !*opened) {
        Q_EMIT failed(opened->error());
    } else if (opened) {
        m_services.printer.kickDrawer();
        Q_EMIT done(tr("The drawer was opened: %1").arg(reason));
    }
    Q_EMIT finished();
}

void ShiftMenu::showXReport()
{
    const auto report = m_services.shifts.xReport();
    if (!report) {
        Q_EMIT failed(report.error());
    } else {
        ShiftReportDialog dialog(*report, currencySymbol(), dialogParent(), &m_services.printer);
        dialog.exec();
    }
    Q_EMIT finished();
}

void ShiftMenu::closeShift()
{
    if (m_saleInProgress) {
        Q_EMIT failed({ServiceError::Code::InvalidInput,
                       tr("Finish or park the sale on screen before closing the shift."),
                       {}});
        Q_EMIT finished();
        return;
    }
    const auto x = m_services.shifts.xReport();
    if (!x) {
        Q_EMIT failed(x.error());
        Q_EMIT finished();
        return;
    }
    const SaleRules &rules = m_services.checkout.rules();
    CloseShiftDialog dialog(x->expectedCash, Denominations::of(rules.currencyCode),
                            rules.currencySymbol, dialogParent(),
                            m_services.settings.blindCounts() ? CloseShiftDialog::CountMode::Blind
                                                              : CloseShiftDialog::CountMode::Open);
    if (dialog.exec() != QDialog::Accepted || !dialog.counted()) {
        Q_EMIT finished();
        return;
    }
    const Money cash = *dialog.counted();
    const auto z = withApproval(
            dialogParent(), m_services.authorizer, m_services.session,
            ApprovalRequest::closeShift(cash, rules.currencySymbol),
            [&](const Approval &approval) { return m_services.shifts.close(cash, approval); });
    if (z && !*z) {
        Q_EMIT failed(z->error());
    } else if (z) {
        ShiftReportDialog report(z->value(), rules.currencySymbol, dialogParent(),
                                 &m_services.printer);
        report.exec();
        Q_EMIT shiftChanged();
        Q_EMIT done(tr("The shift is closed: Z report %1.").arg(z->value().shift.zNumber));
    }
    Q_EMIT finished();
}
