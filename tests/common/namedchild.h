#pragma once

#include <QObject>
#include <QString>
#include <QtGlobal>

/*!
 * The child of root with this object name and type, found at any depth. A missing one is
 * said in the log, so that the check which then fails on a null pointer is easy to read.
 */
template<typename T>
T *namedChild(const QObject &root, const QString &name)
{
    T *child = root.findChild<T *>(name);
    if (!child) {
        qWarning("no child %s in %s", qPrintable(name), root.metaObject()->className());
    }
    return child;
}
