#include "models/db/notificationrelay.h"

#include <QSqlDriver>
#include <QVariant>

void NotificationRelay::add(const QString &channel, const QObject *receiver, Handler handler)
{
    m_listeners.append({channel, receiver, std::move(handler)});
}

QStringList NotificationRelay::channels() const
{
    QStringList channels;
    for (const Listener &listener : m_listeners) {
        if (listener.receiver && !channels.contains(listener.channel)) {
            channels.append(listener.channel);
        }
    }
    return channels;
}

void NotificationRelay::follow(QSqlDriver *driver)
{
    // A QPointer forgets a destroyed driver, so a new one at the same address is followed.
    if (!driver || m_driver == driver) {
        return;
    }
    m_driver = driver;
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &channel, QSqlDriver::NotificationSource,
                   const QVariant &payload) { deliver(channel, payload.toString()); });
}

void NotificationRelay::post(const QString &channel, const QString &payload)
{
    QMetaObject::invokeMethod(
            this, [this, channel, payload] { deliver(channel, payload); }, Qt::QueuedConnection);
}

void NotificationRelay::deliver(const QString &channel, const QString &payload)
{
    m_listeners.removeIf([](const Listener &listener) { return !listener.receiver; });
    // A handler may add listeners or open the connection again; it runs on a copy.
    const QList<Listener> listeners = m_listeners;
    for (const Listener &listener : listeners) {
        if (listener.receiver && listener.channel == channel) {
            listener.handler(payload);
        }
    }
}
