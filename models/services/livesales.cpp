#include "models/services/livesales.h"

#include "models/db/database.h"
#include "models/db/salerepository.h"
#include "models/services/checkoutservice.h"
#include "models/services/refundservice.h"

#include <QSqlDriver>

using namespace Qt::StringLiterals;

LiveSales::LiveSales(const Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(250);
    connect(&m_coalesce, &QTimer::timeout, this, &LiveSales::changed);
    subscribe();
}

void LiveSales::watch(CheckoutService &checkout, RefundService &refunds)
{
    connect(&checkout, &CheckoutService::saleCommitted, this, &LiveSales::handleCommit);
    connect(&refunds, &RefundService::refundCommitted, this, &LiveSales::handleCommit);
}

bool LiveSales::subscribe()
{
    if (!m_db.dialect().isPostgres()) {
        return false;
    }
    QSqlDriver *driver = m_db.connection().driver();
    if (!driver) {
        return false;
    }
    if (m_subscribedDriver == driver
        && driver->subscribedToNotifications().contains(SaleRepository::kSalesChannel)) {
        return true;
    }
    if (!driver->subscribeToNotification(SaleRepository::kSalesChannel)) {
        return false;
    }
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &) {
                if (name == SaleRepository::kSalesChannel) {
                    handleCommit();
                }
            });
    m_subscribedDriver = driver;
    return true;
}

void LiveSales::handleCommit()
{
    ++m_heard;
    // The first commit of a burst starts the clock; the rest ride along.
    if (!m_coalesce.isActive()) {
        m_coalesce.start();
    }
}
