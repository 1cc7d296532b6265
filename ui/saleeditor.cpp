#include "ui/saleeditor.h"

#include "models/domain/quantity.h"
#include "models/items/cartmodel.h"
#include "models/services/services.h"
#include "ui/amountdialog.h"
#include "ui/approvalflow.h"
#include "ui/discountdialog.h"
#include "ui/messagestrip.h"
#include "ui/recalldialog.h"
#include "ui/unitmenu.h"

#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxQuantity = Quantity::kMaxUnitsPerLine;

} // namespace

SaleEditor::SaleEditor(Services &services, CartModel *cart, const Screen &screen, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_cart(cart)
    , m_page(screen.page)
    , m_lines(screen.lines)
    , m_strip(screen.strip)
    , m_restoreFocus(screen.restoreFocus)
{}

ApprovalRequest SaleEditor::voidRequest(const CartLine &line) const
{
    return ApprovalRequest::voidLine(line.quantity, line.productName,
                                     line.unitPrice.times(line.quantity),
                                     m_services.checkout.rules().currencySymbol);
}

template<typename Call>
auto SaleEditor::approved(const ApprovalRequest &request, Call call)
        -> std::optional<std::decay_t<decltype(call(Approval()).value())>>
{
    auto result = ::withApproval(m_page, m_services.authorizer, m_services.session, request, call);
    restoreFocus();
    if (!result) {
        return std::nullopt;
    }
    if (!*result) {
        showError(result->error());
        return std::nullopt;
    }
    return std::move(result->value());
}

QStringList SaleEditor::setReviewedCart(const Cart &cart, const QString &uuid)
{
    // A cart from a file or a park is checked against today's catalogue and approvals.
    const auto reviewed = m_services.checkout.review(cart);
    if (!reviewed) {
        // The commit checks every line again; until then the cart stays as it was.
        m_cart->setCart(cart, uuid);
        m_cart->setPricesIncludeTax(m_services.checkout.rules().pricesIncludeTax);
        return {};
    }
    m_cart->setCart(reviewed->cart, uuid);
    m_cart->setPricesIncludeTax(m_services.checkout.rules().pricesIncludeTax);
    return reviewed->changes;
}

void SaleEditor::showCartChanges(const QString &headline, const QStringList &changes)
{
    if (changes.isEmpty()) {
        strip()->showInfo(headline);
        return;
    }
    // Prices the customer was told may have moved: this one the cashier must not miss.
    strip()->showError(tr("%1 Please check it: %2", "headline, then what changed in the sale")
                               .arg(headline, changes.join(u' ')));
}

int SaleEditor::currentRow() const
{
    const QModelIndex current = m_lines->currentIndex();
    if (current.isValid()) {
        return current.row();
    }
    return m_cart->rowCount() - 1;
}

void SaleEditor::selectRow(int row)
{
    if (row < 0 || row >= m_cart->rowCount()) {
        return;
    }
    m_lines->setCurrentIndex(m_cart->index(row, 0));
    m_lines->selectRow(row);
    m_lines->scrollTo(m_cart->index(row, 0));
}

bool SaleEditor::requireLine(int *row)
{
    *row = currentRow();
    if (*row < 0 || *row >= m_cart->rowCount()) {
        strip()->showInfo(tr("There is no line yet: scan an item first."));
        return false;
    }
    return true;
}

void SaleEditor::raiseQuantity()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    if (!m_cart->setQuantity(row, m_cart->line(row).quantity + 1)) {
        strip()->showError(tr("The quantity cannot be raised any further."));
    }
}

void SaleEditor::lowerQuantity()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    if (line.quantity <= 1) {
        strip()->showInfo(tr("The line holds one. Press Delete (F8) to void it."));
        return;
    }
    // Taking an item off a line is a void of that item, and audited like one.
    CartLine removed = line;
    removed.quantity = 1;
    const auto voided = approved(voidRequest(removed), [&](const Approval &approval) {
        return m_services.checkout.recordVoid(removed, approval);
    });
    if (!voided) {
        return;
    }
    m_cart->setQuantity(row, line.quantity - 1);
}

void SaleEditor::askQuantity()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    bool ok = false;
    const int quantity = QInputDialog::getInt(m_page, tr("Quantity"),
                                              tr("How many %1 of %2?", "how many units of product")
                                                      .arg(line.unitName, line.productName),
                                              int(std::min<qint64>(line.quantity, kMaxQuantity)), 1,
                                              int(kMaxQuantity), 1, &ok);
    restoreFocus();
    if (!ok || quantity == line.quantity) {
        return;
    }
    if (quantity < line.quantity) {
        CartLine removed = line;
        removed.quantity = line.quantity - quantity;
        const auto voided = approved(voidRequest(removed), [&](const Approval &approval) {
            return m_services.checkout.recordVoid(removed, approval);
        });
        if (!voided) {
            return;
        }
    }
    m_cart->setQuantity(row, quantity);
}

void SaleEditor::changeUnit()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    const auto product = m_services.catalogue.product(line.productId);
    if (!product) {
        showError(product.error());
        return;
    }
    QList<ProductUnit> units = product->units;
    units.removeIf([](const ProductUnit &unit) { return !unit.active; });
    if (units.size() < 2) {
        strip()->showInfo(tr("%1 is sold in one unit only.").arg(line.productName));
        return;
    }
    const QRect rowRect = m_lines->visualRect(m_cart->index(row, CartModel::UnitColumn));
    const auto chosen = UnitMenu::choose(
            m_page, line.productName, units, m_services.checkout.rules().currencySymbol,
            m_lines->viewport()->mapToGlobal(rowRect.bottomLeft()), line.unitId);
    restoreFocus();
    if (!chosen) {
        return;
    }
    const ProductUnit &unit = units.at(*chosen);
    if (unit.id == line.unitId) {
        return;
    }
    if (line.isPriceOverridden() || !line.discount.isNone()) {
        strip()->showInfo(tr("%1 is now sold as %2 at the catalogue price; give its discount again "
                             "if it still applies.")
                                  .arg(line.productName, unit.name));
    }
    m_cart->setUnit(row, unit);
    m_cart->setLineDiscount(row, Discount());
}

void SaleEditor::discountLine()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    const Money gross = line.unitPrice.times(line.quantity);
    const auto discount
            = DiscountDialog::ask(m_page, tr("Discount on a line"),
                                  tr("Discount on %1 × %2 (%3), which costs %4.")
                                          .arg(QLocale().toString(line.quantity), line.productName,
                                               line.unitName, money(gross)),
                                  gross, m_services.checkout.rules().currencySymbol, line.discount);
    restoreFocus();
    if (!discount) {
        return;
    }
    const SaleRules &rules = m_services.checkout.rules();
    const auto request = ApprovalRequest::discount(
            *discount, gross, line.productName, rules.cashierDiscountLimitBp, rules.currencySymbol);
    const auto allowed = approved(request, [&](const Approval &approval) {
        return m_services.checkout.authorizeDiscount(*discount, gross, approval);
    });
    if (!allowed) {
        return;
    }
    m_cart->setLineDiscount(row, *discount, *allowed);
}

void SaleEditor::discountBill()
{
    if (m_cart->isEmpty()) {
        strip()->showInfo(tr("There is no line yet: scan an item first."));
        return;
    }
    // The bill discount comes off what the lines cost after their own discounts.
    const Money base = m_cart->totals().beforeBillDiscount();
    const auto discount = DiscountDialog::ask(
            m_page, tr("Discount on the bill"),
            tr("Discount on the whole bill of %1.").arg(money(base)), base,
            m_services.checkout.rules().currencySymbol, m_cart->cart().billDiscount);
    restoreFocus();
    if (!discount) {
        return;
    }
    const SaleRules &rules = m_services.checkout.rules();
    const auto request = ApprovalRequest::discount(
            *discount, base, tr("the bill"), rules.cashierDiscountLimitBp, rules.currencySymbol);
    const auto allowed = approved(request, [&](const Approval &approval) {
        return m_services.checkout.authorizeDiscount(*discount, base, approval);
    });
    if (!allowed) {
        return;
    }
    m_cart->setBillDiscount(*discount, *allowed);
}

void SaleEditor::overridePrice()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    AmountDialog::Options options;
    options.title = tr("Override the price");
    options.prompt = tr("New price of one %1 of %2. The catalogue says %3.")
                             .arg(line.unitName, line.productName, money(line.catalogPrice));
    options.currencySymbol = m_services.checkout.rules().currencySymbol;
    options.initial = line.unitPrice;
    const auto answer = AmountDialog::ask(m_page, options);
    restoreFocus();
    if (!answer) {
        return;
    }
    const auto request
            = ApprovalRequest::priceOverride(line.productName, answer->amount, line.catalogPrice,
                                             m_services.checkout.rules().currencySymbol);
    const auto allowed = approved(request, [&](const Approval &approval) {
        return m_services.checkout.authorizePriceOverride(answer->amount, approval);
    });
    if (!allowed) {
        return;
    }
    m_cart->overridePrice(row, answer->amount, *allowed);
    strip()->showInfo(tr("%1 now costs %2 per %3.")
                              .arg(line.productName, money(answer->amount), line.unitName));
}

void SaleEditor::voidLine()
{
    int row = 0;
    if (!requireLine(&row)) {
        return;
    }
    const CartLine line = m_cart->line(row);
    const auto voided = approved(voidRequest(line), [&](const Approval &approval) {
        return m_services.checkout.recordVoid(line, approval);
    });
    if (!voided) {
        return;
    }
    m_cart->removeLine(row);
    selectRow(std::min(row, m_cart->rowCount() - 1));
    strip()->showInfo(
            tr("Voided %1 × %2.").arg(QLocale().toString(line.quantity), line.productName));
}

void SaleEditor::clearSale()
{
    if (m_cart->isEmpty()) {
        strip()->showInfo(tr("The sale is empty already."));
        return;
    }
    const QMessageBox::StandardButton answer = QMessageBox::question(
            m_page, tr("Clear the sale"),
            tr("Take all %n item(s) off this sale?", nullptr, int(m_cart->cart().itemCount())),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    restoreFocus();
    if (answer != QMessageBox::Yes) {
        return;
    }
    const Cart cart = m_cart->cart();
    const auto request = ApprovalRequest::clearSale(cart.itemCount(), m_cart->totals().total,
                                                    m_services.checkout.rules().currencySymbol);
    const auto cleared = approved(request, [&](const Approval &approval) {
        return m_services.checkout.recordClear(cart, approval);
    });
    if (!cleared) {
        return;
    }
    m_cart->clear();
    strip()->showInfo(tr("The sale was cleared."));
}

void SaleEditor::park()
{
    if (m_cart->isEmpty()) {
        strip()->showInfo(tr("There is nothing to park."));
        return;
    }
    bool ok = false;
    const QString label = QInputDialog::getText(
            m_page, tr("Park the sale"),
            tr("A name to find it by, such as the customer's (may stay empty):"), QLineEdit::Normal,
            QString(), &ok);
    restoreFocus();
    if (!ok) {
        return;
    }
    const auto parked = m_services.checkout.park(m_cart->cart(), label);
    if (!parked) {
        showError(parked.error());
        return;
    }
    m_cart->clear();
    strip()->showInfo(label.trimmed().isEmpty()
                              ? tr("The sale is parked. F7 recalls it, at any lane.")
                              : tr("The sale \"%1\" is parked. F7 recalls it, at any lane.")
                                        .arg(label.trimmed()));
}

void SaleEditor::recall()
{
    const auto parked = m_services.checkout.parked();
    if (!parked) {
        showError(parked.error());
        return;
    }
    if (parked->isEmpty()) {
        strip()->showInfo(tr("No sale is parked."));
        return;
    }
    const auto chosen
            = RecallDialog::choose(m_page, *parked, m_services.checkout.rules().currencySymbol);
    restoreFocus();
    if (!chosen) {
        return;
    }
    if (!m_cart->isEmpty()) {
        QMessageBox box(QMessageBox::Question, tr("Recall a parked sale"),
                        tr("This sale has %n item(s). Park it first, so that the recalled one can "
                           "take its place?",
                           nullptr, int(m_cart->cart().itemCount())),
                        QMessageBox::Cancel, m_page);
        QPushButton *parkButton = box.addButton(tr("&Park it and recall"), QMessageBox::AcceptRole);
        box.setDefaultButton(parkButton);
        box.exec();
        restoreFocus();
        if (box.clickedButton() != parkButton) {
            return;
        }
        const auto parkedNow
                = m_services.checkout.park(m_cart->cart(), tr("Parked to recall another"));
        if (!parkedNow) {
            showError(parkedNow.error());
            return;
        }
        m_cart->clear();
    }
    const auto cart = m_services.checkout.recall(*chosen);
    if (!cart) {
        showError(cart.error());
        return;
    }
    const QStringList changes = setReviewedCart(*cart, QString());
    selectRow(m_cart->rowCount() - 1);
    Q_EMIT recalled();
    showCartChanges(
            tr("The parked sale is back: %n item(s).", nullptr, int(m_cart->cart().itemCount())),
            changes);
    restoreFocus();
}

void SaleEditor::showError(const ServiceError &error)
{
    strip()->showError(error);
}

QString SaleEditor::money(Money amount) const
{
    return amount.toString(QLocale(), m_services.checkout.rules().currencySymbol);
}
