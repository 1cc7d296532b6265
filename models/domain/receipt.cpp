#include "models/domain/receipt.h"

#include "models/domain/billcode.h"

using namespace Qt::StringLiterals;

QString ReceiptData::code() const
{
    return (isRefund ? BillCode::refund(lane, number) : BillCode::bill(lane, number)).toString();
}

QString ReceiptData::originalCode() const
{
    return isRefund ? BillCode::bill(originalLane, originalNumber).toString() : QString();
}

QString ReceiptData::fileName() const
{
    return (isRefund ? u"refund-%1.pdf"_s : u"bill-%1.pdf"_s).arg(code());
}
