#pragma once

#include "models/domain/product.h"
#include "models/services/serviceerror.h"

#include <QDialog>

#include <memory>
#include <optional>

class ProductUnitsModel;
class Services;

namespace Ui {
class ProductEditor;
}

/*!
 * One product with the units it is sold in, for a manager to create or change, and for
 * everybody else to read. Saving checks the whole product first (the same rules the
 * service applies, so the message is instant) and then against the database (SKU and
 * barcodes taken by other products); a problem is named in a sentence and the field or
 * unit at fault gets the focus, and nothing typed is lost.
 */
class ProductEditor : public QDialog
{
    Q_OBJECT

public:
    //! productId 0 starts a new product; otherwise the product is read first.
    ProductEditor(Services &services, qint64 productId, QWidget *parent = nullptr);
    ~ProductEditor() override;

    //! The product as saved (after accept()) or as read.
    const Product &product() const { return m_product; }
    bool isReadOnly() const { return m_readOnly; }

    void accept() override;

private:
    void loadChoices();
    void showProduct(const Product &product);
    void setReadOnly(bool readOnly);
    void updateUnitNames();
    void updateHints();
    //! The opening stock's unit choices follow the units table.
    void updateOpeningUnits();
    //! The opening stock in base units as the form shows it.
    qint64 openingStockBase() const;
    void updateButtons();
    void addUnit();
    void removeUnit();
    enum class FormPart { FieldsOnly, All };
    //! The product as the form shows it, or a sentence about the first field that does not read.
    std::optional<Product> productFromForm(QString *problem, QWidget **culprit,
                                           FormPart part = FormPart::All) const;
    //! The fields above the units table with one valid stand-in unit.
    Product fieldsProduct() const;
    //! The first problem of the fields above the units table, if any.
    std::optional<ServiceError> fieldsProblem() const;
    void showProblem(const QString &message, const QString &details = {});
    void focusProblem(const Product &product, const QString &message);
    void focusUnitCell(int row, int column);
    void handleEdited();

    std::unique_ptr<Ui::ProductEditor> m_ui;
    Services &m_services;
    ProductUnitsModel *m_units = nullptr;
    Product m_product;
    bool m_readOnly = false;
    bool m_triedToSave = false; //!< from then on, problems show as they are typed
    QString m_baseUnitName;
};
