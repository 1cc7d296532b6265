#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/items/productlistmodel.h"
#include "models/services/services.h"
#include "tests/common/storefixture.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

/*!
 * The product list pages by key through the catalogue service: one statement per page of
 * 200, sorted by the database, narrowed by the filter; a failed page changes nothing.
 */
class TestProductListModel : public QObject
{
    Q_OBJECT

private:
    static constexpr int kProducts = 1000;

    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;

    //! The catalogue as a CSV import writes it: names in another order than SKUs.
    void addCatalogue()
    {
        QByteArray csv = CatalogueCsv::columns().join(u',').toUtf8() + "\n";
        for (int i = 0; i < kProducts; ++i) {
            // 7919 is prime to 1000, so the names are a shuffle of the SKUs' order.
            const int nameNumber = (i * 7919) % kProducts;
            csv += u"P%1,Item %2,%3,Standard,piece,,,%4,1,Piece,1,%5.%6,\n"_s
                           .arg(i, 4, 10, QChar(u'0'))
                           .arg(nameNumber, 4, 10, QChar(u'0'))
                           .arg(i % 2 == 0 ? u"Drinks"_s : u"Groceries"_s)
                           .arg(i % 10 == 0 ? 50 : 0)
                           .arg(1 + i % 9)
                           .arg(i % 100, 2, 10, QChar(u'0'))
                           .toUtf8();
        }
        const auto plan = m_services->catalogueCsv.plan(csv);
        QVERIFY(plan);
        QVERIFY2(plan->isApplicable(),
                 qPrintable(plan->errors.isEmpty() ? plan->fileError
                                                   : plan->errors.first().message));
        const auto applied = m_services->catalogueCsv.apply(*plan);
        QVERIFY_OK(applied);
        // Stock with many ties, so that paging must break them by id.
        QVERIFY(SqlQuery::run(m_store->db(),
                              u"UPDATE products SET stock_base = (id * 37) % 100"_s));
    }

    QStringList columnValues(ProductListModel &model, int column)
    {
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QStringList values;
        for (int row = 0; row < model.rowCount(); ++row) {
            values << model.index(row, column).data().toString();
        }
        return values;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_services = m_store->services(m_store->manager);
        addCatalogue();
    }

    void cleanup()
    {
        m_services.reset();
        m_store.reset();
    }

    void pagesOf200WithOneStatementEach()
    {
        ProductListModel model(m_services->catalogue);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // Given the first page
        {
            ProfileScope scope(u"test.first_page"_s);
            model.setFilter({});
            QCOMPARE(scope.statementCount(), 1);
        }
        QCOMPARE(model.rowCount(), ProductListModel::kPageSize);
        QVERIFY(model.canFetchMore({}));

        // When the view scrolls to the end, page after page
        for (int page = 1; page < kProducts / ProductListModel::kPageSize; ++page) {
            ProfileScope scope(u"test.next_page"_s);
            model.fetchMore({});
            // Then each page is one statement and one insertion at the end
            QCOMPARE(scope.statementCount(), 1);
            QCOMPARE(model.rowCount(), (page + 1) * ProductListModel::kPageSize);
            QCOMPARE(inserted.count(), page);
            QCOMPARE(inserted.last().at(1).toInt(), page * ProductListModel::kPageSize);
            QCOMPARE(inserted.last().at(2).toInt(), (page + 1) * ProductListModel::kPageSize - 1);
        }
        // The last full page cannot know it was the last; the next read finds nothing.
        QVERIFY(model.canFetchMore({}));
        {
            ProfileScope scope(u"test.past_the_end"_s);
            model.fetchMore({});
            QCOMPARE(scope.statementCount(), 1);
        }
        QCOMPARE(model.rowCount(), kProducts);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(inserted.count(), kProducts / ProductListModel::kPageSize - 1);
    }

    void rowsShowTheProduct()
    {
        ProductListModel model(m_services->catalogue);
        model.setCurrencySymbol(u"€"_s);
        ProductFilter filter;
        filter.text = u"P0012"_s;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        const Product &p = model.product(0);
        QCOMPARE(model.index(0, ProductListModel::SkuColumn).data().toString(), u"P0012"_s);
        QCOMPARE(model.index(0, ProductListModel::NameColumn).data().toString(), p.name);
        QCOMPARE(model.index(0, ProductListModel::CategoryColumn).data().toString(), u"Drinks"_s);
        QCOMPARE(model.index(0, ProductListModel::TaxRateColumn).data().toString(), u"19 %"_s);
        QCOMPARE(model.index(0, ProductListModel::TaxRateColumn).data(Qt::ToolTipRole).toString(),
                 u"Standard"_s);
        QCOMPARE(model.index(0, ProductListModel::PriceColumn)
                         .data(ProductListModel::PriceMinorRole)
                         .toLongLong(),
                 412);
        QCOMPARE(model.index(0, ProductListModel::PriceColumn).data().toString(),
                 Money::fromMinor(412).toString(QLocale(), u"€"_s));
        QCOMPARE(model.index(0, ProductListModel::StockColumn).data().toString(), p.stockText());
        QCOMPARE(model.index(0, 0).data(ProductListModel::ProductIdRole).toLongLong(), p.id);
        QCOMPARE(model.index(0, ProductListModel::ActiveColumn)
                         .data(ProductListModel::ActiveRole)
                         .toBool(),
                 true);
    }

    void sortsInTheDatabase_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::newRow("name ascending")
                << int(ProductListModel::NameColumn) << int(Qt::AscendingOrder);
        QTest::newRow("name descending")
                << int(ProductListModel::NameColumn) << int(Qt::DescendingOrder);
        QTest::newRow("sku ascending")
                << int(ProductListModel::SkuColumn) << int(Qt::AscendingOrder);
        QTest::newRow("sku descending")
                << int(ProductListModel::SkuColumn) << int(Qt::DescendingOrder);
        QTest::newRow("stock ascending")
                << int(ProductListModel::StockColumn) << int(Qt::AscendingOrder);
        QTest::newRow("stock descending")
                << int(ProductListModel::StockColumn) << int(Qt::DescendingOrder);
    }
    void sortsInTheDatabase()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        ProductListModel model(m_services->catalogue);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter({});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.sort(column, Qt::SortOrder(order));

        // The list starts sorted by name; asking for that again reads nothing.
        const bool asBefore = column == ProductListModel::NameColumn && order == Qt::AscendingOrder;
        QCOMPARE(reset.count(), asBefore ? 0 : 1);
        QCOMPARE(model.sortColumn(), column);
        QCOMPARE(model.sortOrder(), Qt::SortOrder(order));
        QCOMPARE(model.rowCount(), ProductListModel::kPageSize);
        // Every page continues where the last one stopped: all rows, each once, in order.
        QList<qint64> keys;
        QSet<qint64> ids;
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), kProducts);
        for (int row = 0; row < model.rowCount(); ++row) {
            const Product &p = model.product(row);
            ids.insert(p.id);
            if (column == ProductListModel::StockColumn) {
                keys << p.stockBase;
            }
        }
        QCOMPARE(ids.size(), kProducts);
        if (column == ProductListModel::StockColumn) {
            QList<qint64> sorted = keys;
            std::sort(sorted.begin(), sorted.end());
            if (order == Qt::DescendingOrder) {
                std::reverse(sorted.begin(), sorted.end());
            }
            QCOMPARE(keys, sorted);
        } else {
            // Zero-padded ASCII sorts the same under every collation.
            const QStringList values = columnValues(model, column);
            QStringList sorted = values;
            std::sort(sorted.begin(), sorted.end());
            if (order == Qt::DescendingOrder) {
                std::reverse(sorted.begin(), sorted.end());
            }
            QCOMPARE(values, sorted);
            QCOMPARE(
                    values.first(),
                    order == Qt::AscendingOrder
                            ? (column == ProductListModel::NameColumn ? u"Item 0000"_s : u"P0000"_s)
                            : (column == ProductListModel::NameColumn ? u"Item 0999"_s
                                                                      : u"P0999"_s));
        }
    }

    void otherColumnsDoNotSort()
    {
        ProductListModel model(m_services->catalogue);
        model.setFilter({});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(ProductListModel::CategoryColumn, Qt::DescendingOrder);
        model.sort(ProductListModel::PriceColumn, Qt::AscendingOrder);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.sortColumn(), int(ProductListModel::NameColumn));
        QVERIFY(!ProductListModel::isSortable(ProductListModel::TaxRateColumn));
    }

    void filtersNarrowTheList_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("drinksOnly");
        QTest::addColumn<bool>("lowStockOnly");
        QTest::addColumn<int>("active");
        QTest::addColumn<int>("expected");
        QTest::newRow("everything")
                << QString() << false << false << int(ProductFilter::Active::Yes) << kProducts;
        QTest::newRow("name part")
                << u"item 00"_s << false << false << int(ProductFilter::Active::Yes) << 100;
        QTest::newRow("sku start")
                << u"P01"_s << false << false << int(ProductFilter::Active::Yes) << 100;
        QTest::newRow("category") << QString() << true << false << int(ProductFilter::Active::Yes)
                                  << 500;
        QTest::newRow("category and name")
                << u"item 00"_s << true << false << int(ProductFilter::Active::Yes) << 50;
        QTest::newRow("low stock")
                << QString() << false << true << int(ProductFilter::Active::Yes) << -1;
        QTest::newRow("archived") << QString() << false << false << int(ProductFilter::Active::No)
                                  << 0;
        QTest::newRow("any") << QString() << false << false << int(ProductFilter::Active::Any)
                             << kProducts;
    }
    void filtersNarrowTheList()
    {
        QFETCH(QString, text);
        QFETCH(bool, drinksOnly);
        QFETCH(bool, lowStockOnly);
        QFETCH(int, active);
        QFETCH(int, expected);
        if (expected < 0) {
            expected = static_cast<int>(m_store->scalar(
                    u"SELECT COUNT(*) FROM products WHERE stock_base <= reorder_level_base"_s));
            QVERIFY(expected > 0 && expected < kProducts);
        }
        ProductListModel model(m_services->catalogue);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProductFilter filter;
        filter.text = text;
        filter.categoryId = drinksOnly ? m_store->drinks : 0;
        filter.lowStockOnly = lowStockOnly;
        filter.active = ProductFilter::Active(active);
        model.setFilter(filter);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), expected);
        for (int row = 0; row < model.rowCount(); ++row) {
            if (drinksOnly) {
                QCOMPARE(model.product(row).categoryId, m_store->drinks);
            }
            if (lowStockOnly) {
                QVERIFY(model.index(row, 0).data(ProductListModel::LowStockRole).toBool());
                QVERIFY(model.index(row, ProductListModel::StockColumn)
                                .data(Qt::ForegroundRole)
                                .isValid());
            }
        }
    }

    void aBarcodeFindsItsProduct()
    {
        const Product p = m_store->addProduct(u"W-1"_s, u"Water"_s,
                                              {{u"Bottle"_s, 1, 99, u"4006381333931"_s},
                                               {u"Crate of 6"_s, 6, 549, u"96385074"_s}});
        ProductListModel model(m_services->catalogue);
        ProductFilter filter;
        filter.text = u"96385074"_s;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.product(0).id, p.id);
        QCOMPARE(model.product(0).units.size(), 2);
    }

    void aFailedPageKeepsTheRows()
    {
        ProductListModel model(m_services->catalogue);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter({});
        QSignalSpy failed(&model, &ProductListModel::loadFailed);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // When the next page cannot be read (here: nobody is signed in any more)
        m_services->session.signOut();
        model.fetchMore({});

        // Then the rows stay, the error is told once, and no more pages are asked for
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<ServiceError>().code,
                 ServiceError::Code::PermissionDenied);
        QCOMPARE(model.rowCount(), ProductListModel::kPageSize);
        QCOMPARE(inserted.count(), 0);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.lastError().has_value());

        // and a new filter that cannot be read keeps them too
        ProductFilter other;
        other.text = u"Item"_s;
        model.setFilter(other);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), ProductListModel::kPageSize);

        // Signed in again, reload() reads and pages as before.
        m_services->session.signIn(m_store->manager);
        model.reload();
        QVERIFY(!model.lastError());
        QVERIFY(model.canFetchMore({}));
    }

    void inTheBackgroundOnlyTheLastFilterIsShown()
    {
        ProductListModel model(m_services->catalogue);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.loadInBackground(m_store->db());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy loading(&model, &ProductListModel::loadingChanged);

        // Given three filters set faster than they are read, as typing does
        ProductFilter first;
        first.text = u"item 00"_s;
        ProductFilter second;
        second.text = u"item 01"_s;
        ProductFilter last;
        last.text = u"P000"_s;
        model.setFilter(first);
        model.setFilter(second);
        model.setFilter(last);

        // Then nothing waited for the database, and only the last one is shown
        QVERIFY(model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.filter().text, last.text);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(loading.first().first().toBool(), true);
        QCOMPARE(loading.last().first().toBool(), false);

        // and the next pages arrive the same way, one at a time
        model.setFilter({});
        QTRY_COMPARE(model.rowCount(), ProductListModel::kPageSize);
        QTRY_VERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(model.isLoading());
        QVERIFY(!model.canFetchMore({}));
        QTRY_VERIFY(model.rowCount() >= 2 * ProductListModel::kPageSize);
    }

    void anEditedProductChangesItsRowOnly()
    {
        ProductListModel model(m_services->catalogue);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter({});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        Product p = model.product(3);
        p.name = u"Renamed"_s;
        model.updateProduct(p);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(3, ProductListModel::NameColumn).data().toString(), u"Renamed"_s);

        // Archived while the list shows active products only: it leaves the list.
        p.active = false;
        model.updateProduct(p);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowOf(p.id), -1);
    }
};

QTEST_MAIN(TestProductListModel)
#include "tst_productlistmodel.moc"
