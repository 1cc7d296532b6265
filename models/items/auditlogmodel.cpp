#include "models/items/auditlogmodel.h"

#include "models/services/auditactions.h"
#include "models/services/auditservice.h"

#include <QLocale>

AuditLogModel::AuditLogModel(AuditService &audit, QObject *parent)
    : QAbstractTableModel(parent)
    , m_audit(audit)
{}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AuditRepository::Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(row.at.toLocalTime(), QLocale::ShortFormat);
        case UserColumn:
            return row.userName;
        case ApproverColumn:
            return row.approverName;
        case LaneColumn:
            return row.lane;
        case ActionColumn:
            return AuditActions::displayName(row.action);
        case DetailsColumn:
            return row.details;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            // The short format drops the seconds; an investigation sometimes needs them.
            return QLocale().toString(row.at.toLocalTime(), QLocale::LongFormat);
        case ActionColumn:
            return row.action;
        case DetailsColumn:
            return row.details.isEmpty() ? QVariant() : QVariant(row.details);
        }
        return {};
    case IdRole:
        return row.id;
    case ActionKeyRole:
        return row.action;
    case TimestampRole:
        return row.at;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time", "when the audited action happened");
    case UserColumn:
        return tr("User", "who did the audited action");
    case ApproverColumn:
        return tr("Approved by", "the manager who approved the action");
    case LaneColumn:
        return tr("Lane", "the till where it happened");
    case ActionColumn:
        return tr("Action", "what was done");
    case DetailsColumn:
        return tr("Details");
    }
    return {};
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    // After a failure the view would ask again at once, forever: it waits for retry().
    return !parent.isValid() && !m_atEnd && !m_failed;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    // Whoever listens to our insert or reset signals may ask for more right away (the
    // model tester does); a page inside another page's signals would nest the two.
    if (m_changing || !canFetchMore(parent)) {
        return;
    }
    const qint64 beforeId = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    auto page = m_audit.page(m_filter, beforeId, kPageSize);
    if (!page) {
        m_failed = true;
        Q_EMIT fetchFailed(page.error().message, page.error().details);
        return;
    }
    // A short page is the last one, so the end costs no extra empty query.
    m_atEnd = page->size() < kPageSize;
    if (page->isEmpty()) {
        return;
    }
    const int first = int(m_rows.size());
    m_changing = true;
    beginInsertRows({}, first, first + int(page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
    m_changing = false;
}

void AuditLogModel::setFilter(const AuditRepository::Filter &filter)
{
    m_changing = true;
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_atEnd = false;
    m_failed = false;
    endResetModel();
    m_changing = false;
}

void AuditLogModel::retry()
{
    m_failed = false;
    fetchMore({});
}
