#pragma once

#include "models/domain/money.h"

#include <QDateTime>
#include <QString>

#include <optional>

//! A posted goods receipt, stocktake or adjustment.
struct StockDocument
{
    qint64 id = 0;
    QString kind; //!< "receipt", "stocktake", "adjustment"
    qint64 number = 0;
    int lines = 0;
    int productsChanged = 0;
};

//! One row of a product's stock ledger, with the stock it left behind.
struct LedgerRow
{
    qint64 id = 0;
    QDateTime at;
    QString reason; //!< the stored key: "sale", "receipt", "damaged", ...
    qint64 deltaBase = 0;
    qint64 balanceBase = 0;
    QString userName;
    QString source; //!< "Bill 1/123", "Receipt 7", ... untranslated kind + number
    QString sourceKind;
    qint64 sourceNumber = 0;
    QString note;
};

//! A line of stock moving: base units of a product, for the set-based writes below.
struct StockDelta
{
    qint64 productId = 0;
    qint64 unitId = 0;    //!< 0 when counted in base units
    qint64 quantity = 0;  //!< in that unit
    qint64 deltaBase = 0; //!< the change of stock, or the counted stock for a stocktake
    std::optional<Money> unitCost;
};
