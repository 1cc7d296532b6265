#pragma once

#include "models/db/productrepository.h"
#include "models/services/serviceerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QStringList>

#include <functional>

class Authorizer;
class ConversionRateCache;
class Database;
class Session;

/*!
 * The catalogue as CSV (RFC 4180, UTF-8, one row per sellable unit):
 *
 *   sku,name,category,tax_rate,base_unit,cost,cost_per_base,reorder_level,active,unit,
 *   base_per_unit,price,barcode
 *
 * Money is written with a dot and the currency's decimals ("2.49"), whatever the
 * locale, so a file travels between tills. Import is in two steps: plan() reads and
 * checks the whole file (per-row errors naming the field, duplicates inside the file and
 * against the database, unknown categories and tax rates) and apply() writes the valid
 * plan in one transaction with multi-row statements, creating or updating by SKU.
 */
class CatalogueCsv
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueCsv)

public:
    static const QStringList &columns();

    CatalogueCsv(const Database &db, const Session &session, const Authorizer &authorizer,
                 ConversionRateCache *cache = nullptr);

    //! The whole catalogue, archived products included; pages through it by SKU.
    ServiceResult<QByteArray> exportAll() const;
    /*!
     * A file to start a catalogue from in a spreadsheet: the header and example rows that
     * plan() accepts in this store as they are (its own tax rates, no category, barcodes
     * from the in-store range), one product in two units and one sold by weight.
     */
    ServiceResult<QByteArray> templateFile() const;

    struct RowError
    {
        int line = 0;    //!< 1-based line in the file (the header is line 1)
        QString field;   //!< the column, or empty for the whole row
        QString message; //!< translated
    };
    struct Plan
    {
        QList<Product> products; //!< grouped by SKU; ids are 0 (decided by SKU at apply time)
        QList<int> lines;        //!< the file line of each product's first row
        QList<RowError> errors;
        int rows = 0;      //!< data rows read
        QString fileError; //!< the file cannot be read at all (encoding, header)
        int newProducts = 0;
        int updatedProducts = 0;
        QSet<QString> existingSkus; //!< the SKUs of products already in the catalogue
        //! Whether the product at this index updates one already in the catalogue.
        bool isUpdate(qsizetype index) const
        {
            return existingSkus.contains(products.at(index).sku);
        }
        bool isApplicable() const
        {
            return fileError.isEmpty() && errors.isEmpty() && !products.isEmpty();
        }
    };
    //! Reads and checks the file; needs EditCatalogue or Import. Writes nothing.
    ServiceResult<Plan> plan(const QByteArray &file) const;

    //! Called between batches with products written so far; return false to cancel.
    using Progress = std::function<bool(int done, int total)>;
    struct Outcome
    {
        int created = 0;
        int updated = 0;
        int units = 0;
    };
    /*!
     * Writes every product of an applicable plan, or nothing: one transaction, batches of
     * kBatchSize products with two multi-row statements each. A cancel rolls back whole.
     * May run on a worker thread (it uses that thread's connection).
     */
    ServiceResult<Outcome> apply(const Plan &plan, const Progress &progress = {});

    static constexpr int kBatchSize = 1000;

private:
    ServiceError failed(const DbError &error) const;

    const Database &m_db;
    const Session &m_session;
    const Authorizer &m_authorizer;
    ConversionRateCache *m_cache;
};
