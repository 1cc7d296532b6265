#include "ui/salesaver.h"

#include "models/services/databaseworker.h"
#include "models/services/services.h"
#include "ui/paymentdialog.h"

#include <QApplication>
#include <QPointer>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

SaleSaver::SaleSaver(Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_worker(new DatabaseWorker(services.db, u"till-sale"_s, this))
    , m_waitTimer(new QTimer(this))
{
    m_waitTimer->setInterval(250);
    connect(m_waitTimer, &QTimer::timeout, this, &SaleSaver::updateWait);
    // The worker connects now, not when the first customer pays: a connect cannot be cut
    // short the way a statement can, and the first sale need not wait for it.
    m_worker->connectNow();
}

bool SaleSaver::isBusy() const
{
    return m_worker->isBusy();
}

void SaleSaver::save(PaymentDialog &dialog, const Cart &cart, const QString &uuid,
                     const QList<Tender> &tenders)
{
    if (m_worker->isBusy()) {
        return;
    }
    // The sale and its receipt are written and read on the worker: the window keeps
    // answering, says what it waits for, and stops waiting after saveLimit().
    dialog.setWaiting(tr("Saving the sale…"));
    m_waited.start();
    m_waitTimer->start();
    struct Saved
    {
        std::optional<ServiceResult<SaleReceipt>> receipt;
        std::optional<ServiceResult<ReceiptData>> printable;
    };
    CheckoutService &checkout = m_services.checkout;
    const ReceiptService &receipts = m_services.receipts;
    const QPointer<PaymentDialog> guard(&dialog);
    m_worker->run(
            [&checkout, &receipts, cart, tenders, uuid] {
                Saved done;
                done.receipt = checkout.commit(cart, tenders, uuid);
                if (*done.receipt) {
                    done.printable = receipts.forBill((*done.receipt)->bill.id);
                }
                return done;
            },
            this,
            [this, guard, tenders](const Saved &done) {
                m_waitTimer->stop();
                if (!guard) {
                    return;
                }
                guard->setWaiting({});
                const ServiceResult<SaleReceipt> &receipt = *done.receipt;
                if (!receipt) {
                    Q_EMIT failed(*guard, receipt.error());
                    return;
                }
                guard->accept();
                Q_EMIT saved(*receipt, tenders, *done.printable);
            });
}

void SaleSaver::updateWait()
{
    auto *dialog = qobject_cast<PaymentDialog *>(QApplication::activeModalWidget());
    const qint64 waited = m_waited.elapsed();
    if (waited >= m_saveLimit.count()) {
        // The database stopped answering: cut the wait, and the sale comes back on screen.
        m_waitTimer->stop();
        m_worker->interrupt();
        return;
    }
    if (dialog && dialog->isWaiting()) {
        const int seconds = int(waited / 1000);
        dialog->setWaiting(tr("Waiting for the database (%n s)… The sale is kept; Till stops "
                              "waiting after %1 s.",
                              nullptr, seconds)
                                   .arg(m_saveLimit.count() / 1000));
    }
}
