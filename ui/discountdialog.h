#pragma once

#include "models/domain/cart.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class DiscountDialog;
}

/*!
 * Asks for a discount on a line or on the whole bill: a share ("10" or "10 %") or an
 * amount off, with what it takes off shown as it is typed. Refuses more than 100 % or more
 * than the price here already; whether the cashier may give it is the service's question.
 */
class DiscountDialog : public QDialog
{
    Q_OBJECT

public:
    DiscountDialog(const QString &prompt, Money gross, const QString &currencySymbol,
                   const Discount &current, QWidget *parent = nullptr);
    ~DiscountDialog() override;

    //! The discount typed, once it reads; Discount() for "none".
    std::optional<Discount> discount() const;

    //! Shows the dialog modally: the discount, or std::nullopt when cancelled.
    static std::optional<Discount> ask(QWidget *parent, const QString &title, const QString &prompt,
                                       Money gross, const QString &currencySymbol,
                                       const Discount &current);

    void accept() override;

private:
    void updatePreview();
    //! Why the text is not a discount; empty when it is one.
    QString problem() const;

    std::unique_ptr<Ui::DiscountDialog> m_ui;
    Money m_gross;
    QString m_currencySymbol;
};
