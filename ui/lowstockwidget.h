#pragma once

#include <QWidget>

#include <memory>
#include <optional>

class LowStockModel;
class Services;
struct Product;

namespace Ui {
class LowStockWidget;
}

/*!
 * What to reorder: active products at or under their reorder level, the furthest under
 * first. A product can go straight onto the goods receipt or open its ledger.
 */
class LowStockWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LowStockWidget(Services &services, QWidget *parent = nullptr);
    ~LowStockWidget() override;

    //! Reads the list again the next time it is shown (stock changed elsewhere).
    void markStale();
    void refresh();
    LowStockModel *model() const { return m_model; }

Q_SIGNALS:
    void receiveRequested(const Product &product);
    void ledgerRequested(const Product &product);

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::optional<Product> currentProduct() const;
    void updateButtons();

    std::unique_ptr<Ui::LowStockWidget> m_ui;
    Services &m_services;
    LowStockModel *m_model = nullptr;
    bool m_stale = true;
};
