#include "models/domain/billcode.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int kDigits = 6;
} // namespace

QString BillCode::toString() const
{
    const QString code = u"%1-%2"_s.arg(lane).arg(number, kDigits, 10, QChar(u'0'));
    return kind == Kind::Refund ? u"R"_s + code : code;
}

std::optional<BillCode> BillCode::fromString(QStringView text, const QString &lane)
{
    QStringView rest = text.trimmed();
    BillCode code = bill(lane, 0);
    const qsizetype dash = rest.lastIndexOf(u'-');
    // "R" marks a refund only before a lane: "R5" alone is no number at all.
    if (dash > 1 && rest.startsWith(u'R')) {
        code.kind = Kind::Refund;
        rest = rest.mid(1);
    }
    if (const qsizetype at = rest.lastIndexOf(u'-'); at > 0) {
        code.lane = rest.left(at).toString();
        rest = rest.mid(at + 1);
    }
    bool ok = false;
    code.number = rest.toLongLong(&ok);
    if (!ok || code.number <= 0) {
        return std::nullopt;
    }
    return code;
}
