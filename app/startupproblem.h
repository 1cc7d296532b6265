#pragma once

#include <QString>

//! Why Till cannot start: a sentence for the person at the till, and the technical text
//! for "Show Details...".
struct StartupProblem
{
    QString text;
    QString details;
};
