#pragma once

#include "models/domain/product.h"
#include "models/domain/user.h"
#include "models/services/authorizer.h"
#include "models/services/authservice.h"
#include "models/services/session.h"
#include "tests/common/testdatabase.h"

#include <memory>

class Services;

/*!
 * A small store on a fresh test database: an admin, a manager and a cashier (PIN 1234,
 * cheap hashes), two tax rates, two categories, and helpers to add products the way the
 * catalogue stores them, opening stock included in the ledger.
 *
 *     auto store = StoreFixture::create();
 *     QVERIFY2(store, qPrintable(TestDatabase::lastError()));
 *     store->signIn(store->manager);
 *
 * A screen under test takes the whole set of services instead, with someone signed in:
 *
 *     m_services = m_store->services(m_store->manager);
 */
class StoreFixture
{
public:
    static std::unique_ptr<StoreFixture> create();

    Database &db() { return m_scratch->db(); }
    TestDatabase &scratch() { return *m_scratch; }
    Session &session() { return *m_session; }
    AuthService &auth() { return *m_auth; }
    Authorizer &authorizer() { return *m_authorizer; }
    void signIn(const User &user) { m_session->signIn(user); }

    /*!
     * Everything a till runs on for the lane, with the user signed in on its own session
     * (not on session()): what MainWindow and the pages are given.
     */
    std::unique_ptr<Services> services(const User &signedIn,
                                       const QString &lane = QStringLiteral("1"));

    /*!
     * A user with the PIN (a cheap hash), for tests that need people of their own on a
     * database without the fixture's three; id 0 when it could not be added.
     */
    static User addUser(const Database &db, const QString &login, const QString &name, Role role,
                        const QString &pin = QStringLiteral("1234"), bool active = true);

    struct UnitSpec
    {
        QString name;
        qint64 basePerUnit;
        qint64 priceMinor;
        QString barcode;
    };
    //! Adds a product with its units and opening stock (a ledger row); returns it loaded.
    Product addProduct(const QString &sku, const QString &name, const QList<UnitSpec> &units,
                       qint64 openingStock = 0, BaseUnit baseUnit = BaseUnit::Piece,
                       qint64 reorderLevel = 0);

    /*!
     * count products with the same units and opening stock, SKU "P<i>" and name
     * "Product <i>", for tests that need a catalogue of some size; in SKU order.
     */
    QList<Product> addProducts(int count, const QList<UnitSpec> &units, qint64 openingStock = 0);

    //! Opens a shift at the lane for the cashier, with a float of 100.00; returns its id.
    qint64 openShift(const QString &lane, qint64 cashierId = 0);

    qint64 scalar(const QString &sql);
    //! Products whose stock differs from their ledger's sum: 0 when the invariant holds.
    qint64 ledgerMismatches();

    User admin;
    User manager;
    User cashier;
    qint64 standardTax = 0;
    qint64 reducedTax = 0;
    qint64 drinks = 0;
    qint64 groceries = 0;

private:
    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<Authorizer> m_authorizer;
    std::unique_ptr<Session> m_session;
};
