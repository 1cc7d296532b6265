#pragma once

#include "models/domain/approval.h"
#include "models/domain/approvalrequest.h"
#include "models/domain/cart.h"

#include <QObject>

#include <functional>
#include <optional>
#include <type_traits>

class CartModel;
class MessageStrip;
class QTableView;
class QWidget;
class Services;
struct ServiceError;

/*!
 * What the cashier does to the sale on screen before it is paid: the selected line's
 * quantity, unit, discount and price, voids, the bill's discount, clearing, parking and
 * recalling. What a manager must allow asks for the approval first (ApprovalDialog) and the
 * checkout audits it; the outcome is said in the page's message strip, and after every
 * dialog the focus goes back where the page wants it (the scan field).
 */
class SaleEditor : public QObject
{
    Q_OBJECT

public:
    //! The page the editor works in.
    struct Screen
    {
        QWidget *page = nullptr;     //!< the parent of its dialogs and menus
        QTableView *lines = nullptr; //!< the cart's view: the selected line
        std::function<MessageStrip *()> strip;
        std::function<void()> restoreFocus;
    };

    SaleEditor(Services &services, CartModel *cart, const Screen &screen,
               QObject *parent = nullptr);

    //! The selected line, or the last one when none is selected (-1: no lines).
    int currentRow() const;
    void selectRow(int row);

    // The selected line
    void raiseQuantity();
    void lowerQuantity();
    //! Asks for the selected line's quantity; fewer is a void a manager may have to allow.
    void askQuantity();
    void changeUnit();
    void discountLine();
    void overridePrice();
    void voidLine();

    // The whole sale
    void discountBill();
    void clearSale();
    void park();
    void recall();

    //! Puts a cart from a file or a park on screen, checked by the checkout; what changed.
    QStringList setReviewedCart(const Cart &cart, const QString &uuid);
    void showCartChanges(const QString &headline, const QStringList &changes);

Q_SIGNALS:
    //! A parked sale took the place of the one on screen.
    void recalled();

private:
    bool requireLine(int *row);
    //! What a manager reads when a line (or part of it) is voided.
    ApprovalRequest voidRequest(const CartLine &line) const;
    /*!
     * ::withApproval() from the page, with the focus back in the scan field afterwards:
     * the call's value once allowed, or nothing when the manager did not come or it was
     * refused (the refusal is shown in the message strip).
     */
    template<typename Call>
    auto approved(const ApprovalRequest &request, Call call)
            -> std::optional<std::decay_t<decltype(call(Approval()).value())>>;
    MessageStrip *strip() const { return m_strip(); }
    void showError(const ServiceError &error);
    void restoreFocus() { m_restoreFocus(); }
    QString money(Money amount) const;

    Services &m_services;
    CartModel *m_cart;
    QWidget *m_page;
    QTableView *m_lines;
    std::function<MessageStrip *()> m_strip;
    std::function<void()> m_restoreFocus;
};
