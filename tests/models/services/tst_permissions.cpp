#include "models/domain/permissions.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table_data()
    {
        QTest::addColumn<Permission>("permission");
        QTest::addColumn<bool>("cashier");
        QTest::addColumn<bool>("manager");
        QTest::addColumn<bool>("admin");
        // What a store expects: cashiers sell and fix their own sale; money leaving the
        // drawer, prices, the catalogue, people and reports need a manager; settings an admin.
        const QList<std::tuple<const char *, Permission, bool, bool, bool>> rows{
                {"sell", Permission::Sell, true, true, true},
                {"void line", Permission::VoidLine, true, true, true},
                {"clear sale", Permission::ClearSale, true, true, true},
                {"discount above limit", Permission::DiscountAboveLimit, false, true, true},
                {"override price", Permission::OverridePrice, false, true, true},
                {"refund", Permission::Refund, false, true, true},
                {"open drawer", Permission::OpenDrawer, false, true, true},
                {"cash in/out", Permission::CashInOut, false, true, true},
                {"close shift", Permission::CloseShift, true, true, true},
                {"Z report", Permission::PrintZReport, false, true, true},
                {"edit catalogue", Permission::EditCatalogue, false, true, true},
                {"adjust stock", Permission::AdjustStock, false, true, true},
                {"import", Permission::Import, false, true, true},
                {"see reports", Permission::SeeReports, false, true, true},
                {"manage users", Permission::ManageUsers, false, true, true},
                {"change settings", Permission::ChangeSettings, false, false, true},
                {"view audit", Permission::ViewAudit, false, true, true},
        };
        for (const auto &[name, permission, cashier, manager, admin] : rows) {
            QTest::newRow(name) << permission << cashier << manager << admin;
        }
        // Every permission has a row above.
        QCOMPARE(rows.size(), Permissions::all().size());
    }
    void table()
    {
        QFETCH(Permission, permission);
        QFETCH(bool, cashier);
        QFETCH(bool, manager);
        QFETCH(bool, admin);
        QCOMPARE(Permissions::allows(Role::Cashier, permission), cashier);
        QCOMPARE(Permissions::allows(Role::Manager, permission), manager);
        QCOMPARE(Permissions::allows(Role::Admin, permission), admin);
    }

    void keysRoundTripAndNamesExist()
    {
        QSet<QString> keys;
        for (Permission permission : Permissions::all()) {
            const QString key = Permissions::key(permission);
            QVERIFY(!key.isEmpty());
            QVERIFY2(!keys.contains(key), qPrintable(key));
            keys.insert(key);
            QCOMPARE(Permissions::fromKey(key), std::optional<Permission>(permission));
            QVERIFY(!Permissions::displayName(permission).isEmpty());
        }
        QCOMPARE(Permissions::fromKey(u"fly"_s), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
