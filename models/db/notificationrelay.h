#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlDriver;

/*!
 * The listeners of one thread's connection and the one hook into its driver. A driver
 * outlives a closed session (closing and opening again keeps the QSqlDriver), so following
 * it again must not connect it again: each notification reaches each listener once however
 * often the session was opened anew. Lives on the thread whose connection it follows;
 * Database owns it.
 */
class NotificationRelay : public QObject
{
public:
    using Handler = std::function<void(const QString &payload)>;

    //! Calls handler for each notification on channel until receiver is destroyed.
    void add(const QString &channel, const QObject *receiver, Handler handler);
    //! The channels someone still listens on, each once.
    QStringList channels() const;
    //! Takes the notifications of driver from now on; nothing happens if it already does.
    void follow(QSqlDriver *driver);
    /*!
     * Hands a notification read off the connection by a statement (libpq keeps those that
     * arrive with a result, and the driver never sees them) to the listeners, from the event
     * loop of this thread, as the driver's own ones are.
     */
    void post(const QString &channel, const QString &payload);

private:
    void deliver(const QString &channel, const QString &payload);

    struct Listener
    {
        QString channel;
        QPointer<const QObject> receiver;
        Handler handler;
    };
    QList<Listener> m_listeners;
    QPointer<QSqlDriver> m_driver;
};
