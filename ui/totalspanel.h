#pragma once

#include "models/domain/cart.h"
#include "models/domain/settlement.h"

#include <QFrame>

#include <memory>

namespace Ui {
class TotalsPanel;
}

/*!
 * The dark panel by the sale's lines, which the customer looks at: the total with the item
 * count, discounts and taxes while the sale goes on, and after it what the customer gets
 * back, until the next item is scanned.
 */
class TotalsPanel : public QFrame
{
    Q_OBJECT

public:
    explicit TotalsPanel(QWidget *parent = nullptr);
    ~TotalsPanel() override;

    //! The sale's figures; a sale with lines takes the place of the change shown.
    void showTotals(const Cart &cart, const CartTotals &totals, const QString &currencySymbol);
    //! The change of the sale just paid, and what was paid of what was due.
    void showChange(const Settlement &settlement, const QString &currencySymbol);
    //! Back from the change to the total; false when the total was shown already.
    bool hideChange();
    bool isShowingChange() const;

private:
    std::unique_ptr<Ui::TotalsPanel> m_ui;
};
