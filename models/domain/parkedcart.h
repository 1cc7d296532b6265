#pragma once

#include "models/domain/cart.h"

#include <QDateTime>
#include <QString>

//! A sale put aside, as the recall list shows it.
struct ParkedCart
{
    qint64 id = 0;
    QString lane;
    QString cashierName;
    QString label;
    QDateTime parkedAt;
    Cart cart;
};
