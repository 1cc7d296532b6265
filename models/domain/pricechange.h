#pragma once

#include "models/domain/money.h"

#include <QString>

//! A price change over many products at once.
struct PriceChange
{
    enum class Mode { Percent, Amount, Set };
    Mode mode = Mode::Percent;
    qint64 value = 0;           //!< basis points for Percent (-1000 = -10 %), minor units otherwise
    bool baseUnitsOnly = false; //!< leave packs' prices alone
};

struct PriceChangeRow
{
    qint64 unitId = 0;
    QString sku;
    QString productName;
    QString unitName;
    Money oldPrice;
    Money newPrice;
};
