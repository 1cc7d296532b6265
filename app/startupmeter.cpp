#include "app/startupmeter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

StartupMeter::StartupMeter(const QElapsedTimer &sinceMain, QWidget *loginPage)
    : QObject(loginPage)
    , m_sinceMain(sinceMain)
{
    loginPage->installEventFilter(this);
}

bool StartupMeter::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_painted && event->type() == QEvent::Paint) {
        m_painted = true;
        // Read the clock on the next turn of the event loop, when the paint is done.
        QTimer::singleShot(0, this, [this] {
            std::printf("till: login window shown %lld ms after main()\n",
                        static_cast<long long>(m_sinceMain.elapsed()));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}
