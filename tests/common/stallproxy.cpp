#include "tests/common/stallproxy.h"

#include <QIODevice>
#include <QList>
#include <QLocalSocket>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

//! Lives on the proxy's thread: accepts, connects upstream and copies bytes unless stalled.
class StallProxy::Forwarder : public QObject
{
public:
    Forwarder(const DatabaseUrl &server, const std::atomic<bool> &stalled)
        : m_server(server)
        , m_stalled(stalled)
    {}

    quint16 listen()
    {
        m_listener = new QTcpServer(this);
        connect(m_listener, &QTcpServer::newConnection, this, &Forwarder::accept);
        return m_listener->listen(QHostAddress::LocalHost, 0) ? m_listener->serverPort() : 0;
    }

    void pump()
    {
        if (m_stalled.load()) {
            return; // what arrives waits in the sockets' buffers
        }
        for (const Pair &pair : std::as_const(m_pairs)) {
            if (pair.client->bytesAvailable() > 0) {
                pair.server->write(pair.client->readAll());
            }
            if (pair.server->bytesAvailable() > 0) {
                pair.client->write(pair.server->readAll());
            }
        }
    }

private:
    struct Pair
    {
        QTcpSocket *client = nullptr;
        QIODevice *server = nullptr;
    };

    void accept()
    {
        while (QTcpSocket *client = m_listener->nextPendingConnection()) {
            QIODevice *server = nullptr;
            if (m_server.host.startsWith(u'/')) {
                auto *local = new QLocalSocket(this);
                local->connectToServer(u"%1/.s.PGSQL.%2"_s.arg(m_server.host).arg(m_server.port));
                local->waitForConnected(5000);
                connect(local, &QLocalSocket::readyRead, this, &Forwarder::pump);
                server = local;
            } else {
                auto *tcp = new QTcpSocket(this);
                tcp->connectToHost(m_server.host, quint16(m_server.port));
                tcp->waitForConnected(5000);
                connect(tcp, &QTcpSocket::readyRead, this, &Forwarder::pump);
                server = tcp;
            }
            connect(client, &QTcpSocket::readyRead, this, &Forwarder::pump);
            // The till hung up: so does the proxy, and the server ends that session.
            connect(client, &QTcpSocket::disconnected, this, [this, client] { hangUp(client); });
            m_pairs.append({client, server});
        }
        pump();
    }

    void hangUp(QTcpSocket *client)
    {
        for (qsizetype i = 0; i < m_pairs.size(); ++i) {
            if (m_pairs.at(i).client == client) {
                m_pairs.at(i).server->close();
                m_pairs.at(i).server->deleteLater();
                m_pairs.removeAt(i);
                break;
            }
        }
        client->deleteLater();
    }

    DatabaseUrl m_server;
    const std::atomic<bool> &m_stalled;
    QTcpServer *m_listener = nullptr;
    QList<Pair> m_pairs;
};

StallProxy::StallProxy(const DatabaseUrl &server, QObject *parent)
    : QObject(parent)
    , m_server(server)
{
    m_forwarder = new Forwarder(server, m_stalled);
    m_forwarder->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_forwarder, &QObject::deleteLater);
    m_thread.setObjectName(u"stall-proxy"_s);
    m_thread.start();
}

StallProxy::~StallProxy()
{
    m_thread.quit();
    m_thread.wait();
}

bool StallProxy::listen()
{
    QMetaObject::invokeMethod(
            m_forwarder, [this] { m_port = m_forwarder->listen(); }, Qt::BlockingQueuedConnection);
    return m_port != 0;
}

DatabaseUrl StallProxy::url() const
{
    DatabaseUrl url = m_server;
    url.host = u"127.0.0.1"_s;
    url.port = m_port;
    return url;
}

void StallProxy::setStalled(bool stalled)
{
    m_stalled.store(stalled);
    if (!stalled) {
        QMetaObject::invokeMethod(m_forwarder, [this] { m_forwarder->pump(); });
    }
}
