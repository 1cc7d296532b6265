#pragma once

#include "models/db/auditrepository.h"
#include "models/db/shiftrepository.h"
#include "models/domain/approval.h"
#include "models/domain/clock.h"
#include "models/services/serviceerror.h"

#include <QCoreApplication>

class Authorizer;
class Database;
class Session;

/*!
 * The drawer at this lane: open a shift with a float, put cash in or take it out, open
 * the drawer without a sale, read the X report, and close the shift by counting the cash
 * (which numbers and stores the Z report). A sale needs an open shift on its lane.
 */
class ShiftService
{
    Q_DECLARE_TR_FUNCTIONS(ShiftService)

public:
    ShiftService(const Database &db, const Session &session, const Authorizer &authorizer);

    ServiceResult<std::optional<Shift>> current() const;
    ServiceResult<Shift> open(Money openingFloat);

    enum class CashDirection { In, Out };
    ServiceStatus moveCash(CashDirection direction, Money amount, const QString &reason,
                           const Approval &approval = {});
    //! Opening the drawer without a sale is recorded; the caller then kicks the drawer.
    ServiceStatus openDrawer(const QString &reason, const Approval &approval = {});

    //! The open shift's figures, changing nothing.
    ServiceResult<ShiftReport> xReport() const;
    //! Counts the cash, closes the shift, numbers and stores the Z report, all or nothing.
    ServiceResult<ShiftReport> close(Money countedCash, const Approval &approval = {});
    //! A stored Z report, for reprinting (needs Permission::PrintZReport).
    ServiceResult<ShiftReport> zReport(const QString &lane, qint64 number,
                                       const Approval &approval = {}) const;
    /*!
     * The closed shifts with their Z numbers and totals, the latest first, a page at a
     * time (pass the last id shown as beforeId); an empty lane lists every lane. Needs
     * Permission::PrintZReport, as reprinting one does.
     */
    ServiceResult<QList<ClosedShift>> closedShifts(const QString &lane, qint64 beforeId,
                                                   int limit) const;

    void setClock(Clock clock) { m_clock = std::move(clock); }

private:
    ServiceError failed(const DbError &error) const;
    ServiceResult<Shift> requireOpenShift() const;

    const Database &m_db;
    const Session &m_session;
    const Authorizer &m_authorizer;
    ShiftRepository m_shifts;
    AuditRepository m_audit;
    Clock m_clock = systemClock();
};
