#pragma once

#include "models/domain/cart.h"
#include "models/domain/receipt.h"
#include "models/services/checkoutservice.h"

#include <QElapsedTimer>
#include <QObject>

#include <chrono>

class DatabaseWorker;
class PaymentDialog;
class QTimer;
class Services;

/*!
 * Saves a paid sale, and reads its receipt back, on a database connection of its own in a
 * worker thread: the window keeps answering, the payment dialog says what it waits for, and
 * after saveLimit() the wait is cut and the sale comes back for another try, with the same
 * uuid, so nothing is charged twice.
 */
class SaleSaver : public QObject
{
    Q_OBJECT

public:
    explicit SaleSaver(Services &services, QObject *parent = nullptr);

    //! How long a save may take before it is given up (10 s).
    std::chrono::milliseconds saveLimit() const { return m_saveLimit; }
    void setSaveLimit(std::chrono::milliseconds limit) { m_saveLimit = limit; }
    //! Whether the worker is still busy (connecting, saving).
    bool isBusy() const;

    /*!
     * Commits the cart with tenders, dialog showing the wait; nothing while a save runs.
     * Then saved() or failed(), unless the dialog went away meanwhile.
     */
    void save(PaymentDialog &dialog, const Cart &cart, const QString &uuid,
              const QList<Tender> &tenders);

Q_SIGNALS:
    //! The sale is in the database (the dialog was accepted); printable is its receipt.
    void saved(const SaleReceipt &receipt, const QList<Tender> &tenders,
               const ServiceResult<ReceiptData> &printable);
    //! The sale was not saved; the dialog is still open with the payments.
    void failed(PaymentDialog &dialog, const ServiceError &error);

private:
    void updateWait();

    Services &m_services;
    std::chrono::milliseconds m_saveLimit{10000};
    DatabaseWorker *m_worker = nullptr;
    QTimer *m_waitTimer = nullptr;
    QElapsedTimer m_waited;
};
