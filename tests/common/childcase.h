#pragma once

#include <QCoreApplication>
#include <QProcess>
#include <QString>

/*!
 * Runs one test function of this same test binary in a child process, with variable set so
 * the child runs its class of deliberately failing cases: a test of a test helper needs to
 * see the helper fail, and a failure must not fail the parent. Returns the child's exit code
 * (-1 when it crashed or did not finish in 30 s) and puts what it printed in report.
 */
inline int runChildCase(const char *variable, const QString &testCase, QString *report)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(variable), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {testCase});
    if (!child.waitForFinished(30000)) {
        report->clear();
        return -1;
    }
    *report = QString::fromUtf8(child.readAll());
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
}
