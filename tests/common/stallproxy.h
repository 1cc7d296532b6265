#pragma once

#include "models/db/databaseurl.h"

#include <QObject>
#include <QThread>

#include <atomic>

/*!
 * A database server that stops answering, for tests: a TCP proxy on 127.0.0.1 in front of
 * a real PostgreSQL server (its Unix socket or its TCP port). While stalled it forwards
 * nothing either way and keeps what arrives, as a server that hangs, or a network that
 * drops everything, would: the client's kernel still has a live TCP peer, so only the
 * client's own bound ends the wait. It forwards on a thread of its own, so a test may
 * block its own thread on the database as the code under test does.
 */
class StallProxy : public QObject
{
    Q_OBJECT

public:
    explicit StallProxy(const DatabaseUrl &server, QObject *parent = nullptr);
    ~StallProxy() override;

    bool listen();
    //! server's URL with its host and port replaced by the proxy's.
    DatabaseUrl url() const;

    void setStalled(bool stalled);
    bool isStalled() const { return m_stalled.load(); }

private:
    class Forwarder;

    DatabaseUrl m_server;
    QThread m_thread;
    Forwarder *m_forwarder = nullptr;
    quint16 m_port = 0;
    std::atomic<bool> m_stalled{false};
};
