#include "models/db/queryprofiler.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSql, "till.sql")

namespace {
thread_local QList<ProfileScope *> t_scopes;
} // namespace

QueryProfiler &QueryProfiler::instance()
{
    static QueryProfiler profiler;
    return profiler;
}

void QueryProfiler::record(const QString &sql, qint64 nanoseconds, bool ok)
{
    m_totalStatements.fetchAndAddRelaxed(1);
    if (t_scopes.isEmpty()) {
        return;
    }
    const StatementRecord statement{sql.simplified(), nanoseconds, ok};
    for (qsizetype i = 0; i < t_scopes.size(); ++i) {
        t_scopes.at(i)->add(statement, i == t_scopes.size() - 1);
    }
}

void QueryProfiler::recordPrepare()
{
    m_totalPrepares.fetchAndAddRelaxed(1);
}

int QueryProfiler::repeatThreshold() const
{
    return m_repeatThreshold.loadRelaxed();
}

void QueryProfiler::setRepeatThreshold(int times)
{
    m_repeatThreshold.storeRelaxed(times);
}

quint64 QueryProfiler::totalStatements() const
{
    return m_totalStatements.loadRelaxed();
}

quint64 QueryProfiler::totalPrepares() const
{
    return m_totalPrepares.loadRelaxed();
}

QList<OperationRecord> QueryProfiler::history() const
{
    QMutexLocker lock(&m_mutex);
    return m_history;
}

void QueryProfiler::clearHistory()
{
    QMutexLocker lock(&m_mutex);
    m_history.clear();
}

QString QueryProfiler::shapeOf(const QString &sql)
{
    static const QRegularExpression literals(uR"('(?:[^']|'')*'|\b\d+(?:\.\d+)?\b)"_s);
    QString shape = sql.simplified();
    shape.replace(literals, u"?"_s);
    return shape;
}

void QueryProfiler::finish(OperationRecord record)
{
    {
        QMutexLocker lock(&m_mutex);
        record.sequence = ++m_sequence;
        m_history.append(record);
        if (m_history.size() > kHistorySize) {
            m_history.remove(0, m_history.size() - kHistorySize);
        }
    }
    Q_EMIT operationFinished(record);
}

ProfileScope::ProfileScope(const QString &name, Repeats repeats)
    : m_repeats(repeats)
{
    m_record.name = name;
    m_record.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_timer.start();
    t_scopes.append(this);
}

ProfileScope::~ProfileScope()
{
    t_scopes.removeOne(this);
    m_record.nanoseconds = m_timer.nsecsElapsed();
    QueryProfiler::instance().finish(std::move(m_record));
}

void ProfileScope::add(const StatementRecord &statement, bool innermost)
{
    ++m_record.statementCount;
    m_record.statementNanoseconds += statement.nanoseconds;
    if (m_record.statements.size() < QueryProfiler::kMaxStatementsKept) {
        m_record.statements.append(statement);
    }
    if (!innermost || m_repeats == Repeats::Expected) {
        return;
    }
    const QString shape = QueryProfiler::shapeOf(statement.sql);
    const int count = ++m_shapeCounts[shape];
    if (count == QueryProfiler::instance().repeatThreshold() + 1) {
        m_record.repeatWarnings.append(shape);
        qCWarning(lcSql).noquote()
                << u"possible N+1 in \"%1\": the same statement ran %2 times: %3"_s
                           .arg(m_record.name)
                           .arg(count)
                           .arg(shape.left(200));
    }
}
