#include "models/items/operationsmodel.h"

#include "models/items/palette.h"
#include "models/services/diagnosticsservice.h"

#include <QDateTime>
#include <QFont>
#include <QHash>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
double milliseconds(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}
} // namespace

QString OperationsModel::plainName(const QString &operation)
{
    static const QHash<QString, const char *> names{
            {u"checkout.commit"_s, QT_TR_NOOP("sale")},
            {u"checkout.scan"_s, QT_TR_NOOP("scan")},
            {u"checkout.park"_s, QT_TR_NOOP("parked sale")},
            {u"checkout.recall"_s, QT_TR_NOOP("recalled sale")},
            {u"catalogue.find_barcode"_s, QT_TR_NOOP("barcode lookup")},
            {u"catalogue.page"_s, QT_TR_NOOP("product list")},
            {u"catalogue.save"_s, QT_TR_NOOP("product saved")},
            {u"catalogue.import"_s, QT_TR_NOOP("catalogue import")},
            {u"catalogue.export"_s, QT_TR_NOOP("catalogue export")},
            {u"refund.commit"_s, QT_TR_NOOP("refund")},
            {u"receipt.load"_s, QT_TR_NOOP("receipt")},
            {u"reports.sales"_s, QT_TR_NOOP("sales report")},
            {u"shift.open"_s, QT_TR_NOOP("shift opened")},
            {u"shift.close"_s, QT_TR_NOOP("shift closed")},
            {u"shift.x_report"_s, QT_TR_NOOP("X report")},
            {u"auth.sign_in"_s, QT_TR_NOOP("sign-in")},
            {u"stock.receipt"_s, QT_TR_NOOP("goods receipt")},
            {u"stock.low"_s, QT_TR_NOOP("low-stock list")},
    };
    const char *name = names.value(operation);
    return name ? tr(name) : tr("operation “%1”").arg(operation);
}

QString OperationsModel::plainSummary(const OperationRecord &operation)
{
    const qint64 totalMs = operation.nanoseconds / 1'000'000;
    const qint64 databaseMs = operation.statementNanoseconds / 1'000'000;
    // Reports, imports and exports read many rows by nature: they may take longer.
    static const QStringList kLong{u"reports."_s, u"catalogue.import"_s, u"catalogue.export"_s,
                                   u"demo."_s,    u"database."_s,        u"setup."_s};
    const bool isLong
            = std::any_of(kLong.cbegin(), kLong.cend(), [&operation](const QString &prefix) {
                  return operation.name.startsWith(prefix);
              });
    const qint64 limit = isLong ? kSlowLongMs : kSlowMs;
    QString verdict;
    if (!operation.repeatWarnings.isEmpty()) {
        // The repeat is what to fix, however quick it was this time.
        verdict = tr("slow: one statement ran again and again, once per item, where one "
                     "would do");
    } else if (totalMs <= limit) {
        verdict = tr("fast");
    } else if (databaseMs * 2 >= totalMs) {
        verdict = tr("slow: the database took %L1 ms to answer").arg(databaseMs);
    } else {
        verdict = tr("slow: Till itself took most of the time, not the database");
    }
    // One statement reads as one in English too, where no translation adds the plural.
    const QString line = operation.statementCount == 1
                                 ? tr("Last %1: 1 database statement, %2 ms — %3")
                                 : tr("Last %1: %Ln database statements, %2 ms — %3", "",
                                      operation.statementCount);
    return line.arg(plainName(operation.name), QLocale().toString(totalMs), verdict);
}

QStringList OperationsModel::recentSummaries(int count) const
{
    QStringList lines;
    for (qsizetype row = m_rows.size() - 1; row >= 0 && lines.size() < count; --row) {
        lines.append(plainSummary(m_rows.at(row)));
    }
    return lines;
}

OperationsModel::OperationsModel(DiagnosticsService &diagnostics, QObject *parent)
    : QAbstractTableModel(parent)
    , m_diagnostics(diagnostics)
{
    // Operations finish on worker threads too, so updates are queued to this thread.
    // Connecting before the first snapshot means no operation can fall between the two.
    connect(&m_diagnostics, &DiagnosticsService::operationFinished, this,
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
        return warned ? QVariant(Palette::WarningBackground) : QVariant();
    case Qt::ForegroundRole:
        return warned ? QVariant(Palette::WarningText) : QVariant();
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
    setRows(m_diagnostics.history());
}

void OperationsModel::clear()
{
    // Whatever finished before the clear is gone, even if its signal is still queued.
    const QList<OperationRecord> before = m_diagnostics.history();
    m_diagnostics.clearHistory();
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
    if (m_rows.size() >= DiagnosticsService::historySize()) {
        beginRemoveRows({}, 0, 0);
        m_rows.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(operation);
    endInsertRows();
}
