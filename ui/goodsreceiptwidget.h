#pragma once

#include <QWidget>

#include <memory>

class ProductPicker;
class ReceiptLinesModel;
class Services;
struct Product;

namespace Ui {
class GoodsReceiptWidget;
}

/*!
 * A goods receipt being typed: scan each item as it comes off the pallet (scanning the
 * same unit again adds one), or search for products without a barcode; set the unit,
 * quantity and cost per line; then post it all at once. Posting is one document in one
 * transaction, whatever its number of lines.
 */
class GoodsReceiptWidget : public QWidget
{
    Q_OBJECT

public:
    explicit GoodsReceiptWidget(Services &services, QWidget *parent = nullptr);
    ~GoodsReceiptWidget() override;

    //! Puts one of the product's largest unit on the receipt (from the low-stock list).
    void receive(const Product &product);
    ReceiptLinesModel *lines() const { return m_lines; }

Q_SIGNALS:
    //! A receipt was posted: stock changed.
    void posted();

private:
    void addProduct(const Product &product, qint64 unitId);
    void completeUnits(const QModelIndex &index);
    void removeLine();
    void clearAll();
    void post();
    void updateTotals();

    std::unique_ptr<Ui::GoodsReceiptWidget> m_ui;
    Services &m_services;
    ProductPicker *m_picker = nullptr;
    ReceiptLinesModel *m_lines = nullptr;
};
