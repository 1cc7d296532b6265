#pragma once

#include "models/domain/profiling.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcSql)

class ProfileScope;

/*!
 * Every statement Till runs passes through record(): it is timed, counted and filed
 * under each ProfileScope open on the calling thread. Finished operations are kept in a
 * short history for the Diagnostics window. When one statement shape repeats inside a
 * single operation more than repeatThreshold() times, a warning goes to the till.sql
 * logging category: that is a query in a loop, where one set-based statement belongs.
 *
 * Thread-safe: scopes are per thread, the history is shared.
 */
class QueryProfiler : public QObject
{
    Q_OBJECT

public:
    static QueryProfiler &instance();

    static constexpr int kMaxStatementsKept = 200;
    static constexpr int kHistorySize = 300;

    //! Called by the executor for every statement, including BEGIN and COMMIT.
    void record(const QString &sql, qint64 nanoseconds, bool ok);
    //! Prepares are round trips too on PostgreSQL; counted apart from executions.
    void recordPrepare();

    int repeatThreshold() const;
    void setRepeatThreshold(int times);

    quint64 totalStatements() const;
    quint64 totalPrepares() const;
    QList<OperationRecord> history() const;
    void clearHistory();

    //! The statement with literals replaced by '?', so shapes compare equal.
    static QString shapeOf(const QString &sql);

Q_SIGNALS:
    //! Emitted on the thread that ended the operation; connect queued to update a view.
    void operationFinished(const OperationRecord &operation);

private:
    QueryProfiler() = default;
    friend class ProfileScope;
    void finish(OperationRecord record);

    mutable QMutex m_mutex;
    QList<OperationRecord> m_history;
    quint64 m_sequence = 0;
    QAtomicInteger<quint64> m_totalStatements = 0;
    QAtomicInteger<quint64> m_totalPrepares = 0;
    QAtomicInt m_repeatThreshold = 5;
};

/*!
 * Names the operation in progress on this thread for as long as it lives:
 *
 *     ProfileScope scope(u"checkout.commit"_s);
 *     ... statements ...
 *     scope.statementCount();   // what tests assert
 *
 * Scopes nest; a statement counts in every open scope. Only the innermost scope looks for
 * repeated statements. An operation that repeats a statement on purpose (a bulk loader
 * that writes in chunks) says so with RepeatsExpected.
 */
class ProfileScope
{
public:
    enum class Repeats { Suspicious, Expected };

    explicit ProfileScope(const QString &name, Repeats repeats = Repeats::Suspicious);
    ~ProfileScope();
    ProfileScope(const ProfileScope &) = delete;
    ProfileScope &operator=(const ProfileScope &) = delete;

    QString name() const { return m_record.name; }
    int statementCount() const { return m_record.statementCount; }
    qint64 statementNanoseconds() const { return m_record.statementNanoseconds; }
    const QList<StatementRecord> &statements() const { return m_record.statements; }

private:
    friend class QueryProfiler;
    void add(const StatementRecord &statement, bool innermost);

    OperationRecord m_record;
    QElapsedTimer m_timer;
    Repeats m_repeats;
    QHash<QString, int> m_shapeCounts;
};
