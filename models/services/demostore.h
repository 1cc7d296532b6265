#pragma once

#include "models/db/dberror.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <functional>

class Database;

/*!
 * Fills an empty database with a believable shop: the catalogue in
 * resources/demo/catalogue.csv (categories, two tax rates, products with EAN-13 barcodes
 * and packs), a manager, two cashiers and an administrator with the PINs the README lists,
 * and 90 days of sales with some refunds and each day's closed shifts with their stored Z
 * reports, generated from a fixed seed so every fill is the same. Everything is written with bulk statements in one transaction: a fill takes
 * seconds, and a fill that fails leaves the database empty.
 */
class DemoStore
{
    Q_DECLARE_TR_FUNCTIONS(DemoStore)

public:
    struct Options
    {
        QDate today = QDate::currentDate(); //!< history ends the day before
        int historyDays = 90;
        int billsPerDay = 120;              //!< on an average day; weekends are busier
        QString lane = QStringLiteral("1");
        //! PBKDF2 iterations for the demo users' PINs (tests lower it to stay fast).
        int pinIterations = 0;              //!< 0: the production count
    };

    struct Summary
    {
        qint64 products = 0;
        qint64 units = 0;
        qint64 categories = 0;
        qint64 bills = 0;
        qint64 billItems = 0;
        qint64 refunds = 0;
        qint64 users = 0;
    };

    struct DemoUser
    {
        QString login;
        QString name;
        QString pin;
        QString role; //!< "manager", "cashier", "admin"
    };
    //! The demo's people, as the README lists them.
    static QList<DemoUser> users();

    //! True when the database has no users and no products (a fresh database).
    static DbResult<bool> isEmpty(const Database &db);

    //! progress(done, total) is called between steps, on the calling thread.
    using Progress = std::function<void(int done, int total)>;
    static DbResult<Summary> fill(const Database &db, const Options &options,
                                  const Progress &progress = {});
    static DbResult<Summary> fill(const Database &db) { return fill(db, Options{}); }
};
