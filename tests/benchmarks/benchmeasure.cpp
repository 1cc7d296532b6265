#include "tests/benchmarks/benchmeasure.h"

#include "models/db/queryprofiler.h"
#include "tests/benchmarks/benchstats.h"

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

void measure(const QString &op, const QString &variant, int n, int reps,
             const std::function<void()> &body, const std::function<void()> &setup)
{
    QList<double> times;
    int statements = 0;
    for (int i = 0; i < reps; ++i) {
        if (setup) {
            setup();
        }
        QElapsedTimer timer;
        ProfileScope scope(u"bench.%1.%2"_s.arg(op, variant), ProfileScope::Repeats::Expected);
        timer.start();
        body();
        times.append(timer.nsecsElapsed() / 1e6);
        statements = scope.statementCount();
    }
    std::sort(times.begin(), times.end());
    const double median = percentile(times, 0.50);
    const double p95 = percentile(times, 0.95);
    benchFigures().append({op, variant, n, statements, median, p95, reps});
    std::printf("%-20s %-7s %7d %10d %11.3f %11.3f %5d\n", qPrintable(op), qPrintable(variant), n,
                statements, median, p95, reps);
    std::fflush(stdout);
}
