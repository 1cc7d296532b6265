#pragma once

#include "models/domain/product.h"

#include <QDialog>

#include <memory>

class CatalogueService;

namespace Ui {
class TaxRatesDialog;
}

/*!
 * The store's tax rates: name, rate in percent as people write it ("19", "7,5") and
 * whether prices include the tax. Saved at once through the CatalogueService; the rate
 * becomes basis points without a double in between.
 */
class TaxRatesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TaxRatesDialog(CatalogueService &catalogue, QWidget *parent = nullptr);
    ~TaxRatesDialog() override;

private:
    void reload(qint64 selectId);
    void handleCurrentRowChanged(int row);
    void startNew();
    void save();
    void remove();
    void updateButtons();
    const TaxRate *current() const;

    std::unique_ptr<Ui::TaxRatesDialog> m_ui;
    CatalogueService &m_catalogue;
    QList<TaxRate> m_rates;
};
