#pragma once

#include "models/domain/money.h"

#include <QMenu>

class Services;
struct ServiceError;

/*!
 * The Shift menu of the counter: open the shift with its float, cash in and out, open the
 * drawer without a sale, the X report, and closing with the drawer counted (which shows
 * the Z report). Each entry runs its dialogs, asks a manager where the service wants one,
 * kicks the drawer where cash moves, and says how it went through done() or failed().
 */
class ShiftMenu : public QMenu
{
    Q_OBJECT

public:
    ShiftMenu(Services &services, QWidget *parent);

    //! Which entries make sense: opening without a shift, everything else with one.
    void setShiftOpen(bool open);
    //! A sale on screen blocks closing the shift: it would belong to no shift.
    void setSaleInProgress(bool inProgress) { m_saleInProgress = inProgress; }

    void openShift();
    void cashIn();
    void cashOut();
    void openDrawer();
    void showXReport();
    void closeShift();

Q_SIGNALS:
    //! The shift was opened or closed.
    void shiftChanged();
    void done(const QString &message);
    void failed(const ServiceError &error);
    //! After every entry, whatever came of it: the focus goes back to the sale.
    void finished();

private:
    void moveCash(bool in);
    QString money(Money amount) const;
    QString currencySymbol() const;
    QWidget *dialogParent() const { return parentWidget(); }

    Services &m_services;
    QAction *m_openShiftAction = nullptr;
    QList<QAction *> m_openShiftActions;
    bool m_saleInProgress = false;
};
