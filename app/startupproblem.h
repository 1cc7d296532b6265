#pragma once

#include <QString>

//! Why Till cannot start: a sentence for the person at the till, and the technical text
//! for "Show Details...".
struct StartupProblem
{
    enum class Kind {
        Fatal,               //!< Till cannot start; say why and quit
        MissingDatabaseFile, //!< the SQLite file that held the store is gone: ask before a new one
    };
    QString text;
    QString details;
    Kind kind = Kind::Fatal;
};
