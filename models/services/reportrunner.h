#pragma once

#include "models/services/reportservice.h"

#include <QObject>
#include <QThread>

class Authorizer;
class Database;
class Session;

/*!
 * Runs reports off the GUI thread, on a worker with its own database connection, so the
 * screen stays responsive over years of history. Each request gets a number; a result
 * that a newer request has overtaken is dropped, so the view always ends on the figures
 * it asked for last.
 */
class ReportRunner : public QObject
{
    Q_OBJECT

public:
    ReportRunner(const Database &db, const Session &session, const Authorizer &authorizer,
                 QObject *parent = nullptr);
    ~ReportRunner() override;

    //! Starts a report; returns its number. Results arrive through finished() or failed().
    quint64 request(const ReportRange &range);
    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    void started(quint64 id);
    void finished(quint64 id, const SalesReport &report);
    void failed(quint64 id, const ServiceError &error);

private:
    void deliver(quint64 id, const ServiceResult<SalesReport> &result);

    const Database &m_db;
    ReportService m_service;
    QThread m_thread;
    QObject *m_worker = nullptr;
    quint64 m_latest = 0;
    int m_pending = 0;
};
