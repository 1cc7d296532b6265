#pragma once

#include "models/db/auditrepository.h"
#include "models/items/keysetpager.h"

#include <QAbstractTableModel>
#include <QList>

class AuditService;

/*!
 * The audit log, newest first, for the Audit view. Rows arrive a page at a time as the
 * view scrolls (canFetchMore()/fetchMore()), each page one keyset query from
 * AuditService::page(), so the thousandth page costs what the first does. A page that
 * fails keeps the rows already shown, stops the paging and reports why; retry() goes on.
 */
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        UserColumn,
        ApproverColumn,
        LaneColumn,
        ActionColumn,
        DetailsColumn,
        ColumnCount
    };

    enum Role {
        IdRole = Qt::UserRole, //!< qint64
        ActionKeyRole,         //!< the stable key: "sign_in_failed"
        TimestampRole,         //!< QDateTime in UTC
    };

    static constexpr int kPageSize = 200;

    explicit AuditLogModel(AuditService &audit, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /*!
     * Empties the model and starts again from the newest row that matches filter. Nothing
     * is read until the view (or the caller) asks for the first page.
     */
    void setFilter(const AuditRepository::Filter &filter);
    const AuditRepository::Filter &filter() const { return m_filter; }
    //! After a failed page: clears the failure and fetches the next page.
    void retry();
    bool hasFailed() const { return m_pager.hasFailed(); }

Q_SIGNALS:
    //! A page could not be read; message is for the person, details for "Show Details".
    void fetchFailed(const QString &message, const QString &details);

private:
    AuditService &m_audit;
    AuditRepository::Filter m_filter;
    QList<AuditRepository::Row> m_rows;
    KeysetPager<qint64> m_pager{kPageSize}; //!< by id: the page before the last row's id
};
