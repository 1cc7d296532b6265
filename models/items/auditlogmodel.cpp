#include "models/items/auditlogmodel.h"

#include "models/services/auditactions.h"
#include "models/services/auditservice.h"

#include <QLocale>

AuditLogModel::AuditLogModel(AuditService &audit, QObject *parent)
    : QAbstractTableModel(parent)
    , m_audit(audit)
{
    // The log is paged from its newest row as soon as a view asks.
    m_pager.restart();
}

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
    return !parent.isValid() && m_pager.canFetch();
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_pager.pageRequested();
    auto page = m_audit.page(m_filter, m_pager.cursor(), kPageSize);
    if (!page) {
        m_pager.pageFailed();
        Q_EMIT fetchFailed(page.error().message, page.error().details);
        return;
    }
    m_pager.pageArrived(*page, [](const AuditRepository::Row &row) { return row.id; });
    if (page->isEmpty()) {
        return;
    }
    const int first = int(m_rows.size());
    const auto announcing = m_pager.announcing();
    beginInsertRows({}, first, first + int(page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
}

void AuditLogModel::setFilter(const AuditRepository::Filter &filter)
{
    const auto announcing = m_pager.announcing();
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_pager.restart();
    endResetModel();
}

void AuditLogModel::retry()
{
    m_pager.clearFailure();
    fetchMore({});
}
