#pragma once

#include "models/db/dberror.h"
#include "models/domain/demohistory.h"

#include <QHash>
#include <QLocale>
#include <QString>

/*!
 * The demo's catalogue from resources/demo/catalogue.csv (one row per unit; barcodes from
 * the in-store range 20-29), with its names in one language: English is the file's own
 * text, German comes from catalogue_de.csv, which maps each English category, unit, tax
 * rate and refund reason, and each product by SKU.
 */
class DemoCatalogue
{
public:
    static const QString kStandardTax; //!< "Standard rate", 19 %
    static const QString kReducedTax;  //!< "Reduced rate", 7 %

    static DbResult<DemoCatalogue> load(QLocale::Language language);

    //! Products in the file's order, with their names and tax rates' names translated.
    const QList<DemoProduct> &products() const { return m_products; }
    //! A tax rate's or a refund reason's name in the catalogue's language.
    QString named(const QString &english) const { return m_named.value(english, english); }

private:
    QList<DemoProduct> m_products;
    QHash<QString, QString> m_named;
};
