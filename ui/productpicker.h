#pragma once

#include "models/domain/product.h"

#include <QWidget>

class CatalogueService;
class Database;
class QLineEdit;
class QToolButton;
struct ServiceError;

/*!
 * A field to scan or type into, for every screen that needs one product: Enter with a
 * barcode takes that unit's product at once (one query); any other text, or the "…"
 * button, opens a chooser to search in. The field empties after each choice, ready for
 * the next scan.
 */
class ProductPicker : public QWidget
{
    Q_OBJECT

public:
    //! What a scan reads: the scanned unit only (one query), or the product with all its units.
    enum class Units { ScannedOnly, All };

    //! db is where the chooser reads its list, on a thread of its own.
    ProductPicker(const CatalogueService &catalogue, const Database &db, QWidget *parent = nullptr);

    void setUnits(Units units) { m_units = units; }
    void setPlaceholderText(const QString &text);
    QLineEdit *lineEdit() const { return m_edit; }

    //! Takes the text as if Enter was pressed (for scanners that send no Enter).
    void pick();

Q_SIGNALS:
    /*!
     * A product was chosen. unitId is the scanned unit, or 0 when it was chosen from the
     * list; with Units::ScannedOnly a scanned product's units hold just that unit.
     */
    void productChosen(const Product &product, qint64 unitId);
    //! The product could not be read, or nothing has this code.
    void failed(const ServiceError &error);

private:
    void choose(const QString &search);

    const CatalogueService &m_catalogue;
    const Database &m_db;
    QLineEdit *m_edit = nullptr;
    QToolButton *m_chooseButton = nullptr;
    Units m_units = Units::All;
};
