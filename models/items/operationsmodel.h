#pragma once

#include "models/domain/profiling.h"

#include <QAbstractTableModel>
#include <QList>

class DiagnosticsService;

/*!
 * The operations the QueryProfiler has seen, oldest first, one row each: when it started,
 * its name, how many statements it ran, how long it took, and how many statement shapes
 * repeated inside it (the N+1 smell; such rows are highlighted). New operations are
 * appended as they finish, on any thread, and the oldest rows drop out beyond
 * DiagnosticsService::historySize(), just as in the profiler's own history.
 */
class OperationsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        OperationColumn,
        StatementsColumn,
        TotalMsColumn,
        StatementMsColumn,
        WarningsColumn,
        ColumnCount
    };

    enum Role {
        //! The operation's QueryProfiler sequence number (quint64).
        SequenceRole = Qt::UserRole,
        //! True when a statement shape repeated inside the operation.
        HasRepeatWarningRole,
        //! The repeated statement shapes (QStringList).
        RepeatWarningsRole,
        //! The column's raw value for sorting: numbers as numbers, time as the sequence.
        SortRole,
    };

    explicit OperationsModel(DiagnosticsService &diagnostics, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    //! The whole record behind a row, statements included.
    const OperationRecord &operation(int row) const { return m_rows.at(row); }

    //! Slower than this, work at the till is said to be slow; reports, imports and exports
    //! read much more and get kSlowLongMs.
    static constexpr qint64 kSlowMs = 200;
    static constexpr qint64 kSlowLongMs = 2000;

    /*!
     * One operation as a store manager reads it: "Last sale: 1 database statement, 2 ms —
     * fast", or slow with the plain reason (the database took long, a statement repeated
     * once per item, or Till itself took the time).
     */
    static QString plainSummary(const OperationRecord &operation);
    //! "sale", "sales report": what an operation's name means to a person.
    static QString plainName(const QString &operation);
    //! The plainSummary() of the newest operations, newest first, at most count of them.
    QStringList recentSummaries(int count) const;

    //! Reads the profiler's history again.
    void reload();
    //! Empties the profiler's history and this model.
    void clear();

private:
    void handleOperationFinished(const OperationRecord &operation);
    void setRows(const QList<OperationRecord> &rows);

    DiagnosticsService &m_diagnostics;
    QList<OperationRecord> m_rows;
    //! Operations up to this sequence were in the last snapshot (or cleared): live updates
    //! for them are ignored, so nothing shows twice.
    quint64 m_snapshotSequence = 0;
};
