#include "ui/idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>

IdleWatcher::IdleWatcher(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::handleTimeout);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication *app = QCoreApplication::instance()) {
        app->removeEventFilter(this);
    }
}

void IdleWatcher::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    if (m_timer.isActive()) {
        start();
    }
}

void IdleWatcher::start()
{
    if (m_interval <= std::chrono::milliseconds::zero()) {
        m_timer.stop();
        return;
    }
    m_sinceInput.start();
    m_timer.start(m_interval);
}

void IdleWatcher::stop()
{
    m_timer.stop();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (m_timer.isActive()) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
        case QEvent::TouchUpdate:
        case QEvent::TabletPress:
        case QEvent::InputMethod:
            m_sinceInput.start();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::handleTimeout()
{
    const std::chrono::milliseconds idleFor(m_sinceInput.elapsed());
    if (idleFor < m_interval) {
        m_timer.start(m_interval - idleFor);
        return;
    }
    Q_EMIT idle();
}
