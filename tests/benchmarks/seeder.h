#pragma once

#include "models/db/dberror.h"

#include <QDate>
#include <QString>

class Database;

/*!
 * Fills a throwaway database for till-bench with a deterministic store of a given size:
 * products with a piece and a box of 12 (both with barcodes), opening stock in the ledger,
 * bills spread over the past year with about five lines each, one shift per day, and
 * about 5 % of bills partly refunded. Everything goes in with multi-row statements.
 */
class BenchSeeder
{
public:
    struct Scale
    {
        QString name;
        int products = 0;
        int billLines = 0;
    };
    static Scale scale(const QString &name);

    explicit BenchSeeder(const Database &db)
        : m_db(db)
    {}

    DbStatus seed(const Scale &scale, const QDate &today);

    //! Barcode of a product's piece (index 0-based) as seeded.
    static QString barcodeOf(int product, bool box);

private:
    const Database &m_db;
};
