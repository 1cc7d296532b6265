#include "models/services/livesales.h"

#include "models/db/database.h"
#include "models/db/salerepository.h"
#include "models/services/checkoutservice.h"
#include "models/services/refundservice.h"

LiveSales::LiveSales(const Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(250);
    connect(&m_coalesce, &QTimer::timeout, this, &LiveSales::changed);
    m_db.listen(SaleRepository::kSalesChannel, this, [this](const QString &) { handleCommit(); });
    isListening(); // opens the connection now, so the others are heard from the start
}

void LiveSales::watch(CheckoutService &checkout, RefundService &refunds)
{
    connect(&checkout, &CheckoutService::saleCommitted, this, &LiveSales::handleCommit);
    connect(&refunds, &RefundService::refundCommitted, this, &LiveSales::handleCommit);
}

bool LiveSales::isListening()
{
    return m_db.isListening(SaleRepository::kSalesChannel);
}

void LiveSales::handleCommit()
{
    ++m_heard;
    // The first commit of a burst starts the clock; the rest ride along.
    if (!m_coalesce.isActive()) {
        m_coalesce.start();
    }
}
