#include "models/db/transaction.h"

#include "models/db/database.h"
#include "models/db/queryprofiler.h"

#include <QElapsedTimer>
#include <QSqlError>

using namespace Qt::StringLiterals;

Transaction::Transaction(const Database &db)
    : m_db(db)
{}

Transaction::~Transaction()
{
    if (m_active) {
        rollback();
    }
}

DbStatus Transaction::begin()
{
    if (DbStatus file = m_db.checkFile(); !file) {
        return file;
    }
    QSqlDatabase connection = m_db.connection();
    QElapsedTimer timer;
    timer.start();
    const bool ok = connection.transaction();
    QueryProfiler::instance().record(u"BEGIN"_s, timer.nsecsElapsed(), ok);
    if (!ok) {
        DbError error = m_db.toDbError(connection.lastError(), u"BEGIN"_s);
        if (!connection.isOpen()) {
            error.kind = DbError::Kind::ConnectionFailed;
        }
        return error;
    }
    m_active = true;
    return Done{};
}

DbStatus Transaction::commit()
{
    if (!m_active) {
        return DbError{DbError::Kind::Invalid, u"commit without a transaction"_s};
    }
    // The last moment to find that the file was swapped: commit nothing into a lost file.
    if (DbStatus file = m_db.checkFile(); !file) {
        rollback();
        return file;
    }
    QSqlDatabase connection = m_db.connection();
    QElapsedTimer timer;
    timer.start();
    const bool ok = connection.commit();
    QueryProfiler::instance().record(u"COMMIT"_s, timer.nsecsElapsed(), ok);
    if (!ok) {
        const DbError error = m_db.toDbError(connection.lastError(), u"COMMIT"_s);
        rollback();
        return error;
    }
    m_active = false;
    return Done{};
}

void Transaction::rollback()
{
    if (!m_active) {
        return;
    }
    m_active = false;
    QSqlDatabase connection = m_db.connection();
    QElapsedTimer timer;
    timer.start();
    const bool ok = connection.rollback();
    QueryProfiler::instance().record(u"ROLLBACK"_s, timer.nsecsElapsed(), ok);
}
