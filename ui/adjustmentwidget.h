#pragma once

#include "models/domain/product.h"

#include <QWidget>

#include <memory>
#include <optional>

class ProductPicker;
class Services;

namespace Ui {
class AdjustmentWidget;
}

/*!
 * One product's stock corrected by hand, with a reason: damaged or lost goods go out,
 * found goods come in, a correction goes either way. The quantity is typed in any of the
 * product's units, and the stock it will leave is shown before anything is booked.
 */
class AdjustmentWidget : public QWidget
{
    Q_OBJECT

public:
    explicit AdjustmentWidget(Services &services, QWidget *parent = nullptr);
    ~AdjustmentWidget() override;

    void setProduct(const Product &product);

Q_SIGNALS:
    void adjusted(qint64 productId);

private:
    void updateReason();
    void updatePreview();
    std::optional<qint64> deltaBase() const;
    void adjust();

    std::unique_ptr<Ui::AdjustmentWidget> m_ui;
    Services &m_services;
    ProductPicker *m_picker = nullptr;
    std::optional<Product> m_product;
};
