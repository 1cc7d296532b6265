#pragma once

#include <QObject>
#include <QTimer>

class CheckoutService;
class Database;
class RefundService;

/*!
 * Tells the "Today" view that the figures changed: when any lane commits a sale or a
 * refund. On PostgreSQL the committing statement itself sends NOTIFY on "till_sales", so
 * every lane hears every other lane (Database listens, once, across reconnects); on SQLite
 * (one till) the services' own signals do.
 * A burst of sales becomes at most one changed() per interval (250 ms by default).
 */
class LiveSales : public QObject
{
    Q_OBJECT

public:
    LiveSales(const Database &db, QObject *parent = nullptr);

    //! Also listen to this till's own commits (needed on SQLite, harmless on PostgreSQL).
    void watch(CheckoutService &checkout, RefundService &refunds);
    void setInterval(int milliseconds) { m_coalesce.setInterval(milliseconds); }
    /*!
     * Whether this lane hears the others now. A lost connection is opened again first, and
     * listens again with it; idempotent, and cheap while the connection holds.
     */
    bool isListening();

    quint64 notificationsHeard() const { return m_heard; }

Q_SIGNALS:
    void changed();

private:
    void handleCommit();

    const Database &m_db;
    QTimer m_coalesce;
    quint64 m_heard = 0;
};
