#pragma once

#include <QWidget>

#include <memory>

class LedgerModel;
class ProductPicker;
class Services;
struct Product;

namespace Ui {
class LedgerWidget;
}

/*!
 * How one product's stock came about: every sale, refund, receipt, count and adjustment,
 * newest first, with the stock each left behind. Older rows load as the list scrolls.
 */
class LedgerWidget : public QWidget
{
    Q_OBJECT

public:
    explicit LedgerWidget(Services &services, QWidget *parent = nullptr);
    ~LedgerWidget() override;

    void setProduct(const Product &product);
    //! Reads the product and its ledger again, if it is the one shown (stock changed).
    void refreshProduct(qint64 productId);
    LedgerModel *model() const { return m_model; }

private:
    void updateInfo();

    std::unique_ptr<Ui::LedgerWidget> m_ui;
    Services &m_services;
    ProductPicker *m_picker = nullptr;
    LedgerModel *m_model = nullptr;
};
