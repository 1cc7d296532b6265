#pragma once

#include "models/db/auditrepository.h"
#include "models/db/parkedcartrepository.h"
#include "models/db/productrepository.h"
#include "models/db/salerepository.h"
#include "models/domain/approval.h"
#include "models/domain/cart.h"
#include "models/domain/clock.h"
#include "models/domain/settlement.h"
#include "models/domain/storesettings.h"
#include "models/services/serviceerror.h"

#include <QObject>
#include <QStringList>

class Authorizer;
class ConversionRateCache;
class Database;
class Session;

//! The store's rules for a sale, read from the store settings; SaleRules{} is a new store's.
struct SaleRules
{
    //! The rules of a store with these settings; a setting it never saved takes its default.
    static SaleRules fromSettings(const QHash<QString, QString> &values);

    bool pricesIncludeTax = Setting::PricesIncludeTax.isOnIn({});
    //! Minor units; 1 = no rounding.
    qint64 cashRoundingStep = Setting::CashRoundingMinor.numberIn({});
    qint64 cashierDiscountLimitBp = Setting::CashierDiscountLimitBp.numberIn({});
    //! false: a sale that would go below zero is refused.
    bool allowNegativeStock = Setting::AllowNegativeStock.isOnIn({});
    QString currencySymbol = Setting::CurrencySymbol.defaultValue;
    //! ISO 4217: which notes and coins the drawer holds.
    QString currencyCode = Setting::Currency.defaultValue;
};

//! What a committed sale left behind, for the receipt and the next screen.
struct SaleReceipt
{
    CommittedBill bill;
    CartTotals totals;
    Settlement settlement;
    QDateTime at;
};

/*!
 * The sale at the counter: scanning, the permission checks of discounts, overrides and
 * voids, parking, and the commit itself. The cart lives in the caller (the sale screen);
 * this service never keeps one, so a failed commit leaves it untouched on screen.
 *
 * A commit is one statement on PostgreSQL and eight on SQLite whatever the number of
 * lines (SaleRepository); a known barcode scanned again costs no query (the cache).
 */
class CheckoutService : public QObject
{
    Q_OBJECT

public:
    CheckoutService(const Database &db, const Session &session, const Authorizer &authorizer,
                    ConversionRateCache &cache, QObject *parent = nullptr);

    //! Reads the store's sale rules; call after the settings change.
    ServiceStatus loadRules();
    const SaleRules &rules() const { return m_rules; }
    void setRules(const SaleRules &rules) { m_rules = rules; }

    //! The line a barcode sells: a pack's barcode sells the pack. NotFound for unknown codes.
    ServiceResult<CartLine> scan(const QString &barcode, qint64 quantity = 1);
    //! The line for a unit chosen from a search or a quick key (no database needed).
    static CartLine lineFor(const Product &product, const ProductUnit &unit, qint64 quantity = 1);
    /*!
     * Adds the line to the cart: the same unit at the same price and discount raises that
     * line's quantity as far as Quantity::kMaxUnitsPerLine, anything else is a new line.
     * Returns the line's index.
     */
    static qsizetype addToCart(Cart &cart, const CartLine &line);
    //! The unit's line in another of the product's units (piece <-> pack), same quantity.
    static CartLine withUnit(const CartLine &line, const ProductUnit &unit);

    /*!
     * May the signed-in user give this discount on this amount? On yes, the approval the
     * line (or the bill) must carry to the commit: empty when none is needed. The approval
     * is not used up here; the commit uses it, so a sale that fails can be tried again.
     */
    ServiceResult<Approval> authorizeDiscount(const Discount &discount, Money gross,
                                              const Approval &approval = {});
    ServiceResult<Approval> authorizePriceOverride(Money newPrice, const Approval &approval = {});

    //! What review() changed in a cart, one sentence for the cashier each.
    struct Review
    {
        Cart cart;
        QStringList changes;
    };
    /*!
     * Checks a cart that comes back from a file (restored after a crash, recalled from a
     * park) or that the catalogue changed under: prices, pack sizes, tax rates and names
     * are the catalogue's again, lines no longer sold are taken off, and an overridden price
     * or a discount above the limit without a manager's approval goes back to the
     * catalogue. One query.
     */
    ServiceResult<Review> review(const Cart &cart) const;
    //! Voiding a line and clearing a sale are recorded in the audit log.
    ServiceStatus recordVoid(const CartLine &line, const Approval &approval = {});
    ServiceStatus recordClear(const Cart &cart, const Approval &approval = {});

    /*!
     * Commits the cart paid by the tenders. uuid is made by the caller once per sale and
     * reused for a retry, so a commit whose reply was lost is never written twice. A lost
     * connection is retried once. The cart must be fully paid; nothing is written otherwise.
     */
    ServiceResult<SaleReceipt> commit(const Cart &cart, const QList<Tender> &tenders,
                                      const QString &uuid);

    ServiceResult<qint64> park(const Cart &cart, const QString &label);
    ServiceResult<QList<ParkedCart>> parked() const;
    ServiceResult<Cart> recall(qint64 parkedId);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    static QString newSaleUuid();

Q_SIGNALS:
    //! After every committed sale (live reports on SQLite, printing, the next sale).
    void saleCommitted(const SaleReceipt &receipt);

private:
    ServiceError failed(const DbError &error) const;
    QString money(Money amount) const;
    //! Whether this discount on gross is above what a cashier may give alone.
    bool isAboveLimit(const Discount &discount, Money gross) const;
    /*!
     * Checks what the cart asks that needs a manager against the approvals it carries, and
     * lists them for the audit log; the approvals to use up once the sale is written.
     */
    ServiceStatus checkApprovals(const Cart &cart, const CartTotals &totals, SaleRecord &record,
                                 QList<Approval> &toUse) const;

    // The steps of commit(), in the order it takes them.
    //! The cart priced under the store's rules, or why it cannot be sold as it is.
    ServiceResult<CartTotals> priceForCommit(Cart &cart) const;
    //! How the tenders pay the total, or what is still wrong with them.
    ServiceResult<Settlement> settle(Money total, const QList<Tender> &tenders) const;
    //! The bill's header: who, where, when and its sums.
    SaleRecord saleRecord(const QString &uuid, qint64 cashierId, const CartTotals &totals,
                          const Settlement &settlement) const;
    static void addLinesAndPayments(SaleRecord &record, const Cart &cart, const CartTotals &totals,
                                    const Settlement &settlement);
    //! Writes the sale; a lost connection is reconnected and the commit tried once more.
    ServiceResult<CommittedBill> writeSale(const SaleRecord &record);
    //! What a refused commit means for the cashier.
    ServiceError commitFailed(const DbError &error, const QString &lane) const;

    const Database &m_db;
    const Session &m_session;
    const Authorizer &m_authorizer;
    ConversionRateCache &m_cache;
    SaleRepository m_sales;
    ParkedCartRepository m_parked;
    AuditRepository m_audit;
    SaleRules m_rules;
    Clock m_clock = systemClock();
};

Q_DECLARE_METATYPE(SaleReceipt)
