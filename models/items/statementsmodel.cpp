#include "models/items/statementsmodel.h"

#include "models/db/queryprofiler.h"
#include "models/items/palette.h"

#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

StatementsModel::StatementsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int StatementsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatementsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatementsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const StatementRecord &statement = row.statement;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return QLocale().toString(index.row() + 1);
        case MsColumn:
            return QLocale().toString(double(statement.nanoseconds) / 1e6, 'f', 3);
        case OkColumn:
            return statement.ok ? tr("OK", "the SQL statement succeeded")
                                : tr("Failed", "the SQL statement failed");
        case SqlColumn:
            return statement.sql;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case NumberColumn:
            return index.row();
        case MsColumn:
            return statement.nanoseconds;
        case OkColumn:
            return statement.ok;
        case SqlColumn:
            return statement.sql;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SqlColumn) {
            return statement.sql;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == MsColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        return row.repeated ? QVariant(Palette::WarningBackground) : QVariant();
    case Qt::ForegroundRole:
        if (!statement.ok) {
            return Palette::Negative;
        }
        return row.repeated ? QVariant(Palette::WarningText) : QVariant();
    case OkRole:
        return statement.ok;
    case RepeatedRole:
        return row.repeated;
    }
    return {};
}

QVariant StatementsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NumberColumn:
        return tr("#", "position of the statement within its operation");
    case MsColumn:
        return tr("ms", "milliseconds the statement took");
    case OkColumn:
        return tr("Result", "whether the SQL statement succeeded");
    case SqlColumn:
        return tr("SQL", "the statement text");
    }
    return {};
}

void StatementsModel::setOperation(const OperationRecord &operation)
{
    // Shapes are worked out once here, so data() stays a lookup.
    const QSet<QString> repeatedShapes(operation.repeatWarnings.cbegin(),
                                       operation.repeatWarnings.cend());
    QList<Row> rows;
    rows.reserve(operation.statements.size());
    for (const StatementRecord &statement : operation.statements) {
        const bool repeated = !repeatedShapes.isEmpty()
                              && repeatedShapes.contains(QueryProfiler::shapeOf(statement.sql));
        rows.append({statement, repeated});
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_statementCount = operation.statementCount;
    endResetModel();
}

void StatementsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_statementCount = 0;
    endResetModel();
}
