#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

/*!
 * Notices when nobody has touched the application for a while: any key, mouse or touch
 * input anywhere in it counts (an event filter on the application), and idle() is emitted
 * once the interval passes without any. Input only stamps the time; the timer re-arms for
 * the remainder when it fires, so a moving mouse costs no timer restarts.
 */
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;

    //! Zero or less: never idle.
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }

    //! Starts counting from now; does nothing without an interval.
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void handleTimeout();

    std::chrono::milliseconds m_interval{0};
    QTimer m_timer;
    QElapsedTimer m_sinceInput;
};
