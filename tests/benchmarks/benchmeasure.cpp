#include "tests/benchmarks/benchmeasure.h"

#include "models/db/queryprofiler.h"
#include "tests/benchmarks/benchstats.h"
#include "tests/benchmarks/benchwire.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

QList<Figure> &benchFigures()
{
    static QList<Figure> figures;
    return figures;
}

QStringList &benchOnly()
{
    static QStringList only;
    return only;
}

int &benchFailures()
{
    static int failures = 0;
    return failures;
}

bool wanted(const QString &op)
{
    return benchOnly().isEmpty() || benchOnly().contains(op);
}

void printFigure(const Figure &f)
{
    const QByteArray trips = f.roundTrips ? QByteArray::number(*f.roundTrips) : "-";
    const QByteArray server = f.serverMs ? QByteArray::number(*f.serverMs, 'f', 3) : "-";
    std::printf("%-20s %-7s %7d %10d %11.3f %11.3f %5d %11s %10s\n", qPrintable(f.op),
                qPrintable(f.variant), f.n, f.statements, f.medianMs, f.p95Ms, f.reps,
                trips.constData(), server.constData());
    std::fflush(stdout);
}

void measure(const QString &op, const QString &variant, int n, int reps,
             const std::function<void()> &body, const std::function<void()> &setup, Wire wire)
{
    BenchProbe &probe = BenchProbe::instance();
    probe.resetServerTime();
    QList<double> times;
    int statements = 0;
    double serverMs = 0;
    const QString name = u"bench.%1.%2"_s.arg(op, variant);
    for (int i = 0; i < reps; ++i) {
        if (setup) {
            setup();
        }
        const double serverBefore = probe.serverTimeMs();
        {
            QElapsedTimer timer;
            ProfileScope scope(name, ProfileScope::Repeats::Expected);
            timer.start();
            body();
            times.append(timer.nsecsElapsed() / 1e6);
            statements = scope.statementCount();
        }
        serverMs += probe.serverTimeMs() - serverBefore;
    }
    std::sort(times.begin(), times.end());
    Figure figure{op,  variant, n, statements, percentile(times, 0.50), percentile(times, 0.95),
                  reps};
    if (probe.hasServerTime() && reps > 0) {
        figure.serverMs = serverMs / reps;
    }
    // The watched repetition: untimed, since tracing and plans cost time of their own.
    if (wire == Wire::Bench && probe.watching()) {
        if (setup) {
            setup();
        }
        QList<StatementRecord> ran;
        probe.beginWatch();
        {
            ProfileScope scope(name, ProfileScope::Repeats::Expected);
            body();
            ran = scope.statements();
        }
        figure.roundTrips = probe.endWatch(u"%1/%2 n=%3"_s.arg(op, variant).arg(n), ran);
    }
    benchFigures().append(figure);
    printFigure(figure);
}
