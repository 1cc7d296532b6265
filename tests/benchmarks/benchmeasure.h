#pragma once

// What every measurement of till-bench shares: the figures so far, the operations asked
// for, and how a failure of Till's own path is counted.

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <functional>

struct Figure
{
    QString op;
    QString variant;
    int n = 0;
    int statements = 0;
    double medianMs = 0;
    double p95Ms = 0;
    int reps = 0;
};

//! The figures measured so far, in the order they were measured.
QList<Figure> &benchFigures();
//! The operations --only names; empty for every operation.
QStringList &benchOnly();
//! How many calls of Till's own path failed.
int &benchFailures();

/*!
 * Till's own path must succeed, or its figure is meaningless: a failure is counted (and
 * said once per operation) and the bench exits non-zero, so a broken path cannot pass as
 * a fast one.
 */
template<typename R>
void ok(const R &result, const char *what)
{
    if (result) {
        return;
    }
    static QSet<QByteArray> told;
    if (!told.contains(what)) {
        told.insert(what);
        QString why;
        if constexpr (requires { result.error().message; }) {
            why = result.error().message + u' ' + result.error().details;
        } else if constexpr (requires { result.error().details; }) {
            why = result.error().details;
        }
        std::fprintf(stderr, "till-bench: %s failed: %s\n", what, qPrintable(why));
    }
    ++benchFailures();
}

bool wanted(const QString &op);

/*!
 * Runs body reps times (after setup, which is not timed) and records the median and p95
 * of the wall time and the statements of the last run.
 */
void measure(const QString &op, const QString &variant, int n, int reps,
             const std::function<void()> &body, const std::function<void()> &setup = {});
