#pragma once

#include "models/domain/profiling.h"

#include <QAbstractTableModel>
#include <QList>

/*!
 * The statements of one operation the QueryProfiler recorded, in the order they ran.
 * A statement whose shape the profiler flagged as repeated (N+1) is highlighted.
 * Only the first QueryProfiler::kMaxStatementsKept statements of an operation are kept;
 * statementCount() says how many ran.
 */
class StatementsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NumberColumn, MsColumn, OkColumn, SqlColumn, ColumnCount };

    enum Role {
        //! True when the statement ran without error.
        OkRole = Qt::UserRole,
        //! True when the statement's shape repeated inside the operation.
        RepeatedRole,
        //! The column's raw value for sorting.
        SortRole,
    };

    explicit StatementsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setOperation(const OperationRecord &operation);
    void clear();

    //! How many statements the operation ran; more than rowCount() when some were not kept.
    int statementCount() const { return m_statementCount; }

private:
    struct Row
    {
        StatementRecord statement;
        bool repeated = false;
    };

    QList<Row> m_rows;
    int m_statementCount = 0;
};
