#pragma once

#include "models/domain/money.h"

#include <QDateTime>
#include <QString>

#include <optional>

//! One row of the bill history.
struct BillSummary
{
    qint64 id = 0;
    QString lane;
    qint64 number = 0;
    QDateTime at;
    QString cashierName;
    int lines = 0;
    Money total;
    Money refunded;
};

struct BillFilter
{
    QDateTime from; //!< inclusive; invalid: no bound
    QDateTime to;   //!< exclusive
    QString lane;
    qint64 cashierId = 0;
    std::optional<Money> minTotal;
    std::optional<Money> maxTotal;
    qint64 productId = 0;
};
