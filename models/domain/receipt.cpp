#include "models/domain/receipt.h"

using namespace Qt::StringLiterals;

QString ReceiptData::billCode(const QString &lane, qint64 number)
{
    return u"%1-%2"_s.arg(lane).arg(number, 6, 10, QChar(u'0'));
}

QString ReceiptData::refundCode(const QString &lane, qint64 number)
{
    return u"R"_s + billCode(lane, number);
}

QString ReceiptData::code() const
{
    return isRefund ? refundCode(lane, number) : billCode(lane, number);
}

QString ReceiptData::originalCode() const
{
    return isRefund ? billCode(originalLane, originalNumber) : QString();
}

QString ReceiptData::fileName() const
{
    return (isRefund ? u"refund-%1.pdf"_s : u"bill-%1.pdf"_s).arg(code());
}
