#pragma once

#include "models/db/billrepository.h"
#include "models/services/serviceerror.h"

#include <QCoreApplication>

class Authorizer;
class Database;
class Session;

//! Receipts of committed bills, with the store's header, for printing and reprinting.
class ReceiptService
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptService)

public:
    ReceiptService(const Database &db, const Session &session, const Authorizer &authorizer);

    //! Two queries for the bill and one for the store's texts.
    ServiceResult<ReceiptData> forBill(qint64 billId, bool reprint = false) const;
    //! The last bill of this lane, marked as a copy.
    ServiceResult<ReceiptData> lastOfLane() const;
    //! A bill by its code ("1-000042" or "42" for this lane), marked as a copy.
    ServiceResult<ReceiptData> byCode(const QString &code) const;

private:
    ServiceError failed(const DbError &error) const;

    const Database &m_db;
    const Session &m_session;
    const Authorizer &m_authorizer;
    BillRepository m_bills;
};
