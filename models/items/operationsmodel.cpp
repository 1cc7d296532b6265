#include "models/items/operationsmodel.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// Warm amber with dark text: readable in light and dark palettes alike.
const QColor kWarningBackground(0xff, 0xe8, 0xb0);
const QColor kWarningForeground(0x5c, 0x2b, 0x00);

double milliseconds(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}
} // namespace

OperationsModel::OperationsModel(QueryProfiler &profiler, QObject *parent)
    : QAbstractTableModel(parent)
    , m_profiler(profiler)
{
    // Operations finish on worker threads too, so updates are queued to this thread.
    // Connecting before the first snapshot means no operation can fall between the two.
    connect(&m_profiler, &QueryProfiler::operationFinished, this,
        &OperationsModel::handleOperationFinished, Qt::QueuedConnection);
    reload();
}

int OperationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OperationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OperationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const OperationRecord &op = m_rows.at(index.row());
    const bool warned = !op.repeatWarnings.isEmpty();
    const QLocale locale;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(op.startedAtMs)
                .time()
                .toString(u"HH:mm:ss.zzz"_s);
        case OperationColumn:
            return op.name;
        case StatementsColumn:
            return locale.toString(op.statementCount);
        case TotalMsColumn:
            return locale.toString(milliseconds(op.nanoseconds), 'f', 2);
        case StatementMsColumn:
            return locale.toString(milliseconds(op.statementNanoseconds), 'f', 2);
        case WarningsColumn:
            return warned ? locale.toString(op.repeatWarnings.size()) : QString();
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return op.sequence;
        case OperationColumn:
            return op.name;
        case StatementsColumn:
            return op.statementCount;
        case TotalMsColumn:
            return op.nanoseconds;
        case StatementMsColumn:
            return op.statementNanoseconds;
        case WarningsColumn:
            return int(op.repeatWarnings.size());
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn || index.column() == OperationColumn) {
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (warned) {
            return tr("These statements ran repeatedly inside one operation; one set-based "
                      "statement usually does the work of all of them:\n%1")
                .arg(op.repeatWarnings.join(u"\n"_s));
        }
        return {};
    case Qt::BackgroundRole:
        return warned ? QVariant(kWarningBackground) : QVariant();
    case Qt::ForegroundRole:
        return warned ? QVariant(kWarningForeground) : QVariant();
    case Qt::FontRole:
        if (warned && index.column() == WarningsColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case SequenceRole:
        return op.sequence;
    case HasRepeatWarningRole:
        return warned;
    case RepeatWarningsRole:
        return op.repeatWarnings;
    }
    return {};
}

QVariant OperationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return section == TimeColumn || section == OperationColumn
            ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter)
            : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time", "when the operation started");
    case OperationColumn:
        return tr("Operation", "a named unit of database work, e.g. checkout.commit");
    case StatementsColumn:
        return tr("Statements", "number of SQL statements");
    case TotalMsColumn:
        return tr("Total ms", "wall time of the operation in milliseconds");
    case StatementMsColumn:
        return tr("SQL ms", "time spent in SQL statements, in milliseconds");
    case WarningsColumn:
        return tr("N+1", "count of statements repeated in a loop (the N+1 query problem)");
    }
    return {};
}

void OperationsModel::reload()
{
    setRows(m_profiler.history());
}

void OperationsModel::clear()
{
    // Whatever finished before the clear is gone, even if its signal is still queued.
    const QList<OperationRecord> before = m_profiler.history();
    m_profiler.clearHistory();
    if (!before.isEmpty()) {
        m_snapshotSequence = std::max(m_snapshotSequence, before.constLast().sequence);
    }
    setRows({});
}

void OperationsModel::setRows(const QList<OperationRecord> &rows)
{
    beginResetModel();
    m_rows = rows;
    if (!m_rows.isEmpty()) {
        // The history is in sequence order and complete up to its last entry.
        m_snapshotSequence = std::max(m_snapshotSequence, m_rows.constLast().sequence);
    }
    endResetModel();
}

void OperationsModel::handleOperationFinished(const OperationRecord &operation)
{
    if (operation.sequence <= m_snapshotSequence) {
        return;
    }
    if (m_rows.size() >= QueryProfiler::kHistorySize) {
        beginRemoveRows({}, 0, 0);
        m_rows.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(operation);
    endInsertRows();
}
