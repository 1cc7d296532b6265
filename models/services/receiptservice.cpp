#include "models/services/receiptservice.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"
#include "models/db/settingsrepository.h"
#include "models/domain/billcode.h"
#include "models/services/authorizer.h"
#include "models/services/session.h"

using namespace Qt::StringLiterals;

ReceiptService::ReceiptService(const Database &db, const Session &session,
                               const Authorizer &authorizer)
    : m_db(db)
    , m_session(session)
    , m_authorizer(authorizer)
    , m_bills(db)
{}

ServiceError ReceiptService::failed(const DbError &error) const
{
    return ServiceError::fromDb(error, tr("The bill cannot be read right now."));
}

ServiceResult<ReceiptData> ReceiptService::forBill(qint64 billId, bool reprint) const
{
    ProfileScope scope(u"receipt.load"_s);
    if (const auto grant = m_authorizer.authorize(m_session, Permission::Sell); !grant) {
        return grant.error();
    }
    auto receipt = m_bills.receipt(billId);
    if (!receipt) {
        return failed(receipt.error());
    }
    if (!receipt->has_value()) {
        return ServiceError{ServiceError::Code::NotFound, tr("There is no such bill."), {}};
    }
    const auto store = SettingsRepository(m_db).storeHeader();
    if (!store) {
        return failed(store.error());
    }
    ReceiptData r = **receipt;
    store->applyTo(r);
    r.reprint = reprint;
    return r;
}

ServiceResult<ReceiptData> ReceiptService::lastOfLane() const
{
    const auto id = m_bills.lastBillId(m_session.lane());
    if (!id) {
        return failed(id.error());
    }
    if (*id == 0) {
        return ServiceError{
                ServiceError::Code::NotFound, tr("No bill has been made at this lane yet."), {}};
    }
    return forBill(*id, true);
}

ServiceResult<ReceiptData> ReceiptService::byCode(const QString &code) const
{
    // Only bills are found by their code; a refund's code names none.
    const std::optional<BillCode> bill = BillCode::fromString(code, m_session.lane());
    if (!bill || bill->kind != BillCode::Kind::Bill) {
        return ServiceError{
                ServiceError::Code::InvalidInput,
                tr("\"%1\" is not a bill number. Scan the receipt or type its number.").arg(code),
                {}};
    }
    const auto id = m_bills.findByNumber(bill->lane, bill->number);
    if (!id) {
        return failed(id.error());
    }
    if (*id == 0) {
        return ServiceError{ServiceError::Code::NotFound,
                            tr("There is no bill %1 at lane %2.").arg(bill->number).arg(bill->lane),
                            {}};
    }
    return forBill(*id, true);
}
