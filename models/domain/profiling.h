#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

//! One statement as the profiler saw it.
struct StatementRecord
{
    QString sql; //!< the statement text, whitespace folded
    qint64 nanoseconds = 0;
    bool ok = true;
};

//! One finished operation ("checkout.commit") with the statements it ran.
struct OperationRecord
{
    quint64 sequence = 0; //!< increases with every finished operation
    QString name;
    qint64 startedAtMs = 0; //!< milliseconds since the epoch
    qint64 nanoseconds = 0; //!< wall time of the whole operation
    int statementCount = 0;
    qint64 statementNanoseconds = 0;
    QList<StatementRecord> statements; //!< up to the profiler's kMaxStatementsKept
    QStringList repeatWarnings;        //!< statement shapes that repeated (the N+1 smell)
};

Q_DECLARE_METATYPE(OperationRecord)
