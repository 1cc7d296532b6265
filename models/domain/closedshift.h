#pragma once

#include "models/domain/money.h"
#include "models/domain/shiftreport.h"

//! A closed shift as the list of Z reports shows it: who, when, and its main totals.
struct ClosedShift
{
    Shift shift;
    qint64 bills = 0;
    Money sales; //!< sum of its bill totals, as its Z report says
    qint64 refunds = 0;
    Money refunded;
    Money expectedCash;
    Money countedCash;
    Money difference() const { return countedCash - expectedCash; }
};
