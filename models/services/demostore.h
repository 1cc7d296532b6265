#pragma once

#include "models/db/dberror.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QString>

#include <functional>

class Database;
struct DatabaseUrl;

/*!
 * Fills an empty database with a believable shop: the catalogue in
 * resources/demo/catalogue.csv (categories, two tax rates, products with EAN-13 barcodes
 * and packs; named in German from catalogue_de.csv when Options::language is German), a manager,
 * two cashiers and an administrator with the PINs the README lists, and 90 days of sales with some
 * refunds and each day's closed shifts with their stored Z reports, generated from a fixed seed so
 * every fill is the same. Everything is written with bulk statements in one transaction: a fill
 * takes seconds, and a fill that fails leaves the database empty.
 */
class DemoStore
{
    Q_DECLARE_TR_FUNCTIONS(DemoStore)

public:
    struct Options
    {
        QDate today = QDate::currentDate(); //!< history ends the day before
        int historyDays = 90;
        int billsPerDay = 120; //!< on an average day; weekends are busier
        QString lane = QStringLiteral("1");
        //! PBKDF2 iterations for the demo users' PINs (tests lower it to stay fast).
        int pinIterations = 0; //!< 0: the production count
        /*!
         * The language of the catalogue's names (products, categories, units, tax rates,
         * refund reasons): German for German, English for any other. The first start
         * takes the locale's, as the translator does; everything else is the same in both.
         */
        QLocale::Language language = QLocale().language();
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

    /*!
     * Where the demo goes beside a store, so trying Till never touches the store: next to
     * an SQLite store's file ("till.db" -> "till-demo.db"), else in the user's data folder.
     */
    static QString separateFilePath(const DatabaseUrl &store);
    /*!
     * Creates the SQLite file at path with the schema and fills it with the demo; a file
     * that already holds data (the demo, opened before) is left as it is. Returns whether
     * it was filled now. Opens and closes its own connection, on the calling thread.
     */
    static DbResult<bool> fillSeparateFile(const QString &path, const Options &options,
                                           const Progress &progress = {});
};
