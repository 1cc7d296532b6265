#pragma once

#include "models/db/dberror.h"
#include "models/domain/closedshift.h"
#include "models/domain/shiftreport.h"

#include <optional>

class Database;

/*!
 * Shifts, cash movements and Z reports. A shift's figures are a handful of aggregate
 * queries over indexed shift_id columns, whatever the number of bills.
 */
class ShiftRepository
{
public:
    explicit ShiftRepository(const Database &db)
        : m_db(db)
    {}

    //! Creates the lane on first use, so a new till needs no set-up.
    DbStatus ensureLane(const QString &lane) const;
    DbResult<std::optional<Shift>> openShift(const QString &lane) const;
    DbResult<std::optional<Shift>> shift(qint64 id) const;
    //! Refused (Constraint) when the lane already has an open shift.
    DbResult<qint64> open(const QString &lane, qint64 cashierId, Money openingFloat,
                          const QDateTime &at) const;
    DbStatus addCashMovement(qint64 shiftId, qint64 userId, const QString &kind, Money amount,
                             const QString &reason, const QDateTime &at) const;
    //! The figures of a shift, open or closed; five queries.
    DbResult<ShiftReport> report(const Shift &shift) const;
    /*!
     * The figures of every closed shift with its counted cash, as their Z reports say: six
     * queries whatever their number. For history written in bulk (the demo store), whose
     * shifts were never closed one by one.
     */
    DbResult<QList<ShiftReport>> closedReports() const;
    /*!
     * Closes the shift with its counted cash and stores the Z report: takes the lane's
     * next Z number, updates the shift (only if still open) and inserts the report.
     * Call inside a transaction. Returns the Z number; NotFound when it was closed already.
     */
    DbResult<qint64> close(const ShiftReport &report, qint64 closedBy) const;
    DbResult<std::optional<ShiftReport>> zReport(const QString &lane, qint64 number) const;
    /*!
     * Closed shifts, the latest first, with their totals, in one query: an empty lane lists
     * every lane. Pages by key: pass the id of the last shift shown as beforeId (0 first).
     */
    DbResult<QList<ClosedShift>> closedShifts(const QString &lane, qint64 beforeId,
                                              int limit) const;

private:
    enum class Scope { One, AllClosed };
    //! The figures of the given shifts: the one shift, or every closed shift.
    DbResult<QList<ShiftReport>> figures(const QList<Shift> &shifts, Scope scope) const;

    const Database &m_db;
};
