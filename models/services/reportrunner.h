#pragma once

#include "models/services/databaseworker.h"
#include "models/services/reportservice.h"

#include <QObject>

class Authorizer;
class Database;
class Session;

/*!
 * Runs reports off the GUI thread, on a DatabaseWorker with its own connection, so the
 * screen stays responsive over years of history. Each request gets a number; a newer
 * request drops the answers of the older ones, so the view always ends on the figures it
 * asked for last.
 */
class ReportRunner : public QObject
{
    Q_OBJECT

public:
    ReportRunner(const Database &db, const Session &session, const Authorizer &authorizer,
                 QObject *parent = nullptr);

    //! Starts a report; returns its number. Results arrive through finished() or failed().
    quint64 request(const ReportRange &range);
    bool isBusy() const { return m_worker.isBusy(); }

Q_SIGNALS:
    void started(quint64 id);
    void finished(quint64 id, const SalesReport &report);
    void failed(quint64 id, const ServiceError &error);

private:
    // The worker reads the service: declared after it, the worker's thread ends first.
    ReportService m_service;
    DatabaseWorker m_worker;
    quint64 m_latest = 0;
};
