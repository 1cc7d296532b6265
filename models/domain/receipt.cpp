#include "models/domain/receipt.h"

using namespace Qt::StringLiterals;

QString ReceiptData::code() const
{
    return u"%1-%2"_s.arg(lane).arg(number, 6, 10, QChar(u'0'));
}
