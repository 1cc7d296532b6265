#pragma once

#include "models/db/dberror.h"
#include "models/domain/product.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>

class Database;

/*!
 * till-bench --lanes K: K tills selling at once against one database. Each lane is a
 * thread with its own connection, cashier, Services and open shift, committing sales
 * through the real CheckoutService until the time or the count is up. A commit that
 * meets a conflict (a deadlock or serialization failure on PostgreSQL, a busy file on
 * SQLite) is retried with the same sale UUID, so it is written once or reported.
 *
 * Afterwards the database is checked: every product's stock equals its opening stock
 * plus the ledger's movements and what the lanes sold, each lane's bill numbers run
 * 1..n without a gap or a duplicate, and the bills written are the sales committed.
 */
class LaneBench
{
public:
    struct Options
    {
        int lanes = 1;
        int linesPerSale = 10;
        std::chrono::milliseconds duration{10000};
        int salesPerLane = 0; //!< 0: no limit, the duration decides
    };

    struct Outcome
    {
        bool checksPassed = false;
        QJsonObject json; //!< the figures and checks, for --json
    };

    //! products are what the lanes sell (each needs at least one unit).
    LaneBench(const Database &db, QList<Product> products);

    //! Prints the figures and the checks to stdout as it goes.
    DbResult<Outcome> run(const Options &options);

private:
    const Database &m_db;
    QList<Product> m_products;
};
