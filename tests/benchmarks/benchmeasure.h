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
#include <optional>

struct Figure
{
    QString op;
    QString variant;
    int n = 0;
    int statements = 0;
    double medianMs = 0;
    double p95Ms = 0;
    int reps = 0;
    //! Round trips on the wire in one extra repetition; none where there is no wire.
    std::optional<int> roundTrips;
    //! The server's own time per repetition; none where it cannot be read.
    std::optional<double> serverMs;
};

//! A figure's line under the bench's header (round trips and server time "-" when none).
void printFigure(const Figure &figure);

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

//! Whose connection an operation talks on: the bench's own (watched), or one of its own.
enum class Wire { Bench, Elsewhere };

/*!
 * Runs body reps times (after setup, which is not timed) and records the median and p95
 * of the wall time, the statements of the last run and the server's time per run. Then
 * once more (after setup, untimed) to count the round trips on the wire and, with
 * --profile, to write the plans of what it ran.
 */
void measure(const QString &op, const QString &variant, int n, int reps,
             const std::function<void()> &body, const std::function<void()> &setup = {},
             Wire wire = Wire::Bench);
