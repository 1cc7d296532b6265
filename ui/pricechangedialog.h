#pragma once

#include "models/domain/pricechange.h"
#include "models/domain/productfilter.h"

#include <QDialog>

#include <memory>
#include <optional>

class CatalogueService;
class PriceChangeModel;
class QPushButton;

namespace Ui {
class PriceChangeDialog;
}

/*!
 * A price change over every product the products page shows: by a percentage, by an
 * amount, or to one price, optionally for single units only. Nothing changes before a
 * preview of the current settings was seen (the first rows, with their old and new
 * prices, and how many units there are in all), and Apply asks once more, naming that
 * number. The change is one statement in the database, audited by the service.
 */
class PriceChangeDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kPreviewRows = 500;

    PriceChangeDialog(CatalogueService &catalogue, const ProductFilter &filter,
                      const QString &filterDescription, QWidget *parent = nullptr);
    ~PriceChangeDialog() override;

    //! Units changed by the last apply.
    int changedUnits() const { return m_changed; }

private:
    void updateMode();
    void invalidatePreview();
    //! The change as typed, or a sentence saying why it does not read.
    std::optional<PriceChange> changeFromForm(QString *problem) const;
    void preview();
    void apply();

    std::unique_ptr<Ui::PriceChangeDialog> m_ui;
    CatalogueService &m_catalogue;
    ProductFilter m_filter;
    PriceChangeModel *m_model = nullptr;
    QPushButton *m_applyButton = nullptr;
    QString m_currencySymbol;
    std::optional<PriceChange> m_previewed; //!< the change the preview shows
    int m_units = 0;                        //!< units the previewed change touches
    int m_changed = 0;
};
