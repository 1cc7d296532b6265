#include "models/domain/report.h"

#include <QTime>

ReportRange ReportRange::days(const QDate &first, const QDate &last)
{
    ReportRange range;
    range.from = QDateTime(first, QTime(0, 0)).toUTC();
    range.to = QDateTime(last.addDays(1), QTime(0, 0)).toUTC();
    return range;
}

Money SalesSummary::averageBasket() const
{
    return bills > 0 ? net.scaled(1, bills) : Money::fromMinor(0);
}
