#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

/*!
 * For till --measure-startup, which till-bench runs: once the login page has been painted
 * for the first time, prints how many milliseconds passed since main() began and quits.
 */
class StartupMeter : public QObject
{
    Q_OBJECT

public:
    StartupMeter(const QElapsedTimer &sinceMain, QWidget *loginPage);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QElapsedTimer m_sinceMain;
    bool m_painted = false;
};
