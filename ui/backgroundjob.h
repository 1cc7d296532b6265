#pragma once

#include "models/db/database.h"

#include <QMetaObject>
#include <QObject>
#include <QThread>

/*!
 * Runs work() on a thread of its own, so the window keeps answering while a long read or
 * write (an import, an export) goes on, then hands its result to done() on receiver's
 * thread through a queued call. The worker uses its own database connection (a
 * QSqlDatabase belongs to the thread that opened it) and closes it before it ends.
 *
 * The returned thread deletes itself when finished. receiver must outlive it: wait() on
 * the thread before the receiver goes away.
 */
template<typename Work, typename Done>
QThread *startBackgroundJob(const Database &db, QObject *receiver, Work work, Done done)
{
    QThread *thread = QThread::create([&db, receiver, work, done]() {
        auto result = work();
        db.closeThreadConnection();
        QMetaObject::invokeMethod(
                receiver, [done, result]() { done(result); }, Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return thread;
}
