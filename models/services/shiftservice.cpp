#include "models/services/shiftservice.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/transaction.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"

using namespace Qt::StringLiterals;

ShiftService::ShiftService(const Database &db, const Session &session, const Authorizer &authorizer)
    : m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
    , m_shifts(db)
    , m_audit(db)
{}

ServiceError ShiftService::failed(const DbError &error) const
{
    return ServiceError::fromDb(error,
                                tr("The shift could not be read or saved. Nothing was changed."));
}

ServiceResult<std::optional<Shift>> ShiftService::current() const
{
    auto shift = m_shifts.openShift(m_session.lane());
    if (!shift) {
        return failed(shift.error());
    }
    return *shift;
}

ServiceResult<Shift> ShiftService::requireOpenShift() const
{
    auto shift = m_shifts.openShift(m_session.lane());
    if (!shift) {
        return failed(shift.error());
    }
    if (!shift->has_value()) {
        return ServiceError{
                ServiceError::Code::InvalidInput,
                tr("No shift is open at lane %1. Open a shift first.").arg(m_session.lane()),
                {}};
    }
    return **shift;
}

ServiceResult<Shift> ShiftService::open(Money openingFloat)
{
    ProfileScope scope(u"shift.open"_s);
    const auto grant = m_authorizer.authorize(m_session, Permission::Sell);
    if (!grant) {
        return grant.error();
    }
    if (!openingFloat.isValid() || openingFloat.isNegative()) {
        return ServiceError{
                ServiceError::Code::InvalidInput, tr("The opening float cannot be negative."), {}};
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    if (DbStatus status = m_shifts.ensureLane(m_session.lane()); !status) {
        return failed(status.error());
    }
    const QDateTime now = m_clock();
    const auto id = m_shifts.open(m_session.lane(), grant->userId, openingFloat, now);
    if (!id) {
        if (id.error().kind == DbError::Kind::Constraint) {
            return ServiceError{ServiceError::Code::Conflict,
                                tr("A shift is already open at lane %1.").arg(m_session.lane()),
                                id.error().details};
        }
        return failed(id.error());
    }
    if (DbStatus status = m_audit.record({grant->userId, 0, m_session.lane(), u"shift_opened"_s,
                                          u"float=%1"_s.arg(openingFloat.minor())});
        !status) {
        return failed(status.error());
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    return Shift{
            *id, m_session.lane(), grant->userId, m_session.user()->name, now, {}, openingFloat, 0};
}

ServiceStatus ShiftService::moveCash(CashDirection direction, Money amount, const QString &reason,
                                     const Approval &approval)
{
    ProfileScope scope(u"shift.cash"_s);
    // Checked before the approval is spent, so a typo does not cost the manager's PIN.
    if (!amount.isValid() || amount.minor() <= 0) {
        return ServiceError{
                ServiceError::Code::InvalidInput, tr("Enter an amount above zero."), {}};
    }
    if (reason.trimmed().isEmpty()) {
        return ServiceError{ServiceError::Code::InvalidInput,
                            tr("Please say why the cash goes in or out."),
                            {}};
    }
    const auto grant = m_authorizer.authorize(m_session, Permission::CashInOut, approval);
    if (!grant) {
        return grant.error();
    }
    const auto shift = requireOpenShift();
    if (!shift) {
        return shift.error();
    }
    const QString kind = direction == CashDirection::In ? u"in"_s : u"out"_s;
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    if (DbStatus status = m_shifts.addCashMovement(shift->id, grant->userId, kind, amount,
                                                   reason.trimmed(), m_clock());
        !status) {
        return failed(status.error());
    }
    if (DbStatus status = m_audit.record(
                {grant->userId, grant->approvedBy, m_session.lane(), u"cash_%1"_s.arg(kind),
                 u"amount=%1 reason=%2"_s.arg(amount.minor()).arg(reason.trimmed())});
        !status) {
        return failed(status.error());
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    return Done{};
}

ServiceStatus ShiftService::openDrawer(const QString &reason, const Approval &approval)
{
    ProfileScope scope(u"shift.open_drawer"_s);
    const auto grant = m_authorizer.authorize(m_session, Permission::OpenDrawer, approval);
    if (!grant) {
        return grant.error();
    }
    const auto shift = requireOpenShift();
    if (!shift) {
        return shift.error();
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    if (DbStatus status
        = m_shifts.addCashMovement(shift->id, grant->userId, u"drawer_open"_s, Money::fromMinor(0),
                                   reason.trimmed(), m_clock());
        !status) {
        return failed(status.error());
    }
    if (DbStatus status = m_audit.record({grant->userId, grant->approvedBy, m_session.lane(),
                                          u"drawer_opened"_s, reason.trimmed()});
        !status) {
        return failed(status.error());
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    return Done{};
}

ServiceResult<ShiftReport> ShiftService::xReport() const
{
    ProfileScope scope(u"shift.x_report"_s);
    if (const auto grant = m_authorizer.authorize(m_session, Permission::CloseShift); !grant) {
        return grant.error();
    }
    const auto shift = requireOpenShift();
    if (!shift) {
        return shift.error();
    }
    auto report = m_shifts.report(*shift);
    if (!report) {
        return failed(report.error());
    }
    return *report;
}

ServiceResult<ShiftReport> ShiftService::close(Money countedCash, const Approval &approval)
{
    ProfileScope scope(u"shift.close"_s);
    if (!countedCash.isValid() || countedCash.isNegative()) {
        return ServiceError{
                ServiceError::Code::InvalidInput, tr("The counted cash cannot be negative."), {}};
    }
    const auto grant = m_authorizer.authorize(m_session, Permission::CloseShift, approval);
    if (!grant) {
        return grant.error();
    }
    Transaction tx(m_db);
    if (DbStatus status = tx.begin(); !status) {
        return failed(status.error());
    }
    const auto shift = requireOpenShift();
    if (!shift) {
        return shift.error();
    }
    auto report = m_shifts.report(*shift);
    if (!report) {
        return failed(report.error());
    }
    report->countedCash = countedCash;
    report->shift.closedAt = m_clock();
    const auto number = m_shifts.close(*report, grant->userId);
    if (!number) {
        if (number.error().kind == DbError::Kind::NotFound) {
            return ServiceError{ServiceError::Code::Conflict,
                                tr("This shift was closed at another till in the meantime."),
                                {}};
        }
        return failed(number.error());
    }
    report->shift.zNumber = *number;
    if (DbStatus status
        = m_audit.record({grant->userId, grant->approvedBy, m_session.lane(), u"shift_closed"_s,
                          u"z=%1 expected=%2 counted=%3"_s.arg(*number)
                                  .arg(report->expectedCash.minor())
                                  .arg(countedCash.minor())});
        !status) {
        return failed(status.error());
    }
    if (DbStatus status = tx.commit(); !status) {
        return failed(status.error());
    }
    return *report;
}

ServiceResult<ShiftReport> ShiftService::zReport(const QString &lane, qint64 number,
                                                 const Approval &approval) const
{
    if (const auto grant = m_authorizer.authorize(m_session, Permission::PrintZReport, approval);
        !grant) {
        return grant.error();
    }
    auto report = m_shifts.zReport(lane, number);
    if (!report) {
        return failed(report.error());
    }
    if (!report->has_value()) {
        return ServiceError{ServiceError::Code::NotFound,
                            tr("There is no Z report %1 for lane %2.").arg(number).arg(lane),
                            {}};
    }
    return **report;
}

ServiceResult<QList<ClosedShift>> ShiftService::closedShifts(const QString &lane, qint64 beforeId,
                                                             int limit) const
{
    ProfileScope scope(u"shift.z_list"_s);
    if (const auto grant = m_authorizer.authorize(m_session, Permission::PrintZReport); !grant) {
        return grant.error();
    }
    auto shifts = m_shifts.closedShifts(lane, beforeId, limit);
    if (!shifts) {
        return failed(shifts.error());
    }
    return *shifts;
}
