#include "models/db/sqlquery.h"
#include "models/items/productlistmodel.h"
#include "models/services/demostore.h"
#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/errorbanner.h"
#include "ui/productspage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

/*!
 * The Products area as a manager and a cashier use it: the search follows typing after a
 * pause (or at once on Enter), filters narrow the list, only name, SKU and stock sort, and
 * archiving asks first and says whether the product is archived or deleted.
 */
class TestProductsPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<ProductsPage> m_page;

    template<typename T>
    T *child(const QString &name)
    {
        return namedChild<T>(*m_page, name);
    }
    QTableView *view() { return child<QTableView>(u"productsView"_s); }
    QAbstractItemModel *model() { return view()->model(); }
    QLineEdit *search() { return child<QLineEdit>(u"searchEdit"_s); }

    void showPage(const User &user, int products = 3)
    {
        m_services->session.signIn(user);
        m_page = std::make_unique<ProductsPage>(*m_services);
        m_page->resize(1200, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        // The list is read on a thread of its own.
        QTRY_COMPARE(model()->rowCount(), products);
    }

    //! Makes the product with this SKU the current row; false when the list does not show it.
    bool select(const QString &sku)
    {
        for (int row = 0; row < model()->rowCount(); ++row) {
            const QModelIndex index = model()->index(row, ProductListModel::NameColumn);
            if (model()->index(row, ProductListModel::SkuColumn).data().toString() == sku) {
                view()->setCurrentIndex(index);
                return true;
            }
        }
        return false;
    }

    //! Answers the next message box with the button whose text contains text.
    static void answerNextMessageBox(const QString &text, QString *question)
    {
        QTimer::singleShot(0, [text, question] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) {
                return;
            }
            *question = box->text() + u'\n' + box->informativeText();
            for (QAbstractButton *button : box->buttons()) {
                if (button->text().remove(u'&').contains(text)) {
                    button->click();
                    return;
                }
            }
            box->reject();
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The demo store's file goes to the data folder when the store is not an SQLite file.
        usePrivateUserFolders(u"tst_productspage"_s);
        TILL_REQUIRE_TEST_ENGINE();
    }

    //! A store like the one the setup wizard leaves: tax rates, no products.
    void showEmptyStore()
    {
        m_page.reset();
        m_services.reset();
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_services = std::make_unique<Services>(m_store->db(), u"1"_s);
        showPage(m_store->manager, 0);
    }

    void anEmptyCatalogueOffersTheNextSteps()
    {
        // Given a new store's manager on the Products page
        showEmptyStore();
        auto *panel = child<QWidget>(u"emptyCataloguePanel"_s);
        auto *count = child<QLabel>(u"countLabel"_s);
        // Then the page offers what to do next instead of an empty list
        QTRY_VERIFY(panel->isVisible());
        QVERIFY(!view()->isVisible());
        QVERIFY2(!count->text().contains(u"No product matches"_s), qPrintable(count->text()));
        for (const QString &name : {u"emptyImportButton"_s, u"emptyTemplateButton"_s,
                                    u"emptyNewButton"_s, u"emptyDemoButton"_s}) {
            auto *button = child<QPushButton>(name);
            QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(name));
        }
        // When a search is typed, and only then, nothing matches it
        QTest::keyClicks(search(), u"tea"_s);
        QTest::keyClick(search(), Qt::Key_Return);
        QTRY_VERIFY2(count->text().contains(u"No product matches"_s), qPrintable(count->text()));
        QVERIFY(!panel->isVisible());
        search()->clear();
        QTest::keyClick(search(), Qt::Key_Return);
        QTRY_VERIFY(panel->isVisible());
        QVERIFY(!count->text().contains(u"No product matches"_s));
    }

    void anEmptyFilterWithoutSearchDoesNotSayNoMatch()
    {
        showPage(m_store->manager);
        auto *category = child<QComboBox>(u"categoryCombo"_s);
        category->setCurrentIndex(category->findData(m_store->groceries));
        QVERIFY(category->currentIndex() > 0);
        QTRY_COMPARE(model()->rowCount(), 0);
        auto *count = child<QLabel>(u"countLabel"_s);
        QTRY_VERIFY(count->text().contains(u"No product"_s));
        QVERIFY2(!count->text().contains(u"No product matches"_s), qPrintable(count->text()));
        // The catalogue is not empty: no first-start panel
        QVERIFY(!child<QWidget>(u"emptyCataloguePanel"_s)->isVisible());
    }

    void theTemplateImportsAsItIs()
    {
        showEmptyStore();
        QTemporaryDir dir;
        const QString fileName = dir.filePath(u"template.csv"_s);
        QVERIFY(m_page->saveTemplate(fileName));
        QFile file(fileName);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith(CatalogueCsv::columns().join(u',').toUtf8()));
        const auto plan = m_services->catalogueCsv.plan(csv);
        QVERIFY(plan);
        QVERIFY2(plan->fileError.isEmpty(), qPrintable(plan->fileError));
        QVERIFY2(plan->errors.isEmpty(),
                 qPrintable(plan->errors.isEmpty() ? QString() : plan->errors.first().message));
        QCOMPARE(plan->products.size(), 2);
        QCOMPARE(plan->rows, 3);
        const auto outcome = m_services->catalogueCsv.apply(*plan);
        QVERIFY(outcome);
        QCOMPARE(outcome->created, 2);
    }

    void theDemoOpensInASeparateFileAndTheStoreIsUntouched()
    {
        showEmptyStore();
        QStringList started;
        m_page->setTillStarter([&started](const QStringList &arguments) {
            started = arguments;
            return true;
        });
        QString question;
        answerNextMessageBox(u"Open the Demo"_s, &question);
        QTest::mouseClick(child<QPushButton>(u"emptyDemoButton"_s), Qt::LeftButton);
        QVERIFY(question.contains(u"separate file"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty(), 120000);

        // A second Till starts on a new SQLite file beside the store's
        const QString path = DemoStore::separateFilePath(m_store->scratch().url());
        QCOMPARE(started.size(), 2);
        QCOMPARE(started.at(0), u"--database"_s);
        QCOMPARE(started.at(1), DatabaseUrl::sqliteFile(path).toString());
        if (!TestDatabase::isPostgres()) {
            QCOMPARE(QFileInfo(path).absolutePath(),
                     QFileInfo(m_store->scratch().url().path).absolutePath());
        }
        {
            auto demo = Database::open(DatabaseUrl::sqliteFile(path));
            QVERIFY(demo);
            SqlQuery q(**demo, u"SELECT COUNT(*) FROM products"_s);
            QVERIFY(q.execOne());
            QVERIFY(q.int64(0) >= 300);
        }
        QFile::remove(path);
        // The store itself has still no products
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 0);
    }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_store->addProduct(
                u"W-1"_s, u"Water still"_s,
                {{u"Bottle"_s, 1, 99, u"4006381333931"_s}, {u"Crate of 6"_s, 6, 549, {}}}, 30,
                BaseUnit::Piece, 12);
        m_store->addProduct(u"W-2"_s, u"Water sparkling"_s, {{u"Bottle"_s, 1, 109, {}}}, 2,
                            BaseUnit::Piece, 6);
        m_store->addProduct(u"T-1"_s, u"Tea green"_s, {{u"Box"_s, 1, 349, {}}}, 8);
        m_services = std::make_unique<Services>(m_store->db(), u"1"_s);
    }

    void cleanup()
    {
        m_page.reset();
        m_services.reset();
        m_store.reset();
    }

    void theSearchWaitsForAPauseInTyping()
    {
        showPage(m_store->manager);
        QTest::keyClicks(search(), u"wat"_s);
        // Nothing is read while typing goes on...
        QCOMPARE(model()->rowCount(), 3);
        // ...but after the pause the list follows.
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 2, ProductsPage::kSearchDelayMs * 8);

        // Enter does not wait: a scanner's barcode finds its product at once.
        search()->clear();
        QTest::keyClicks(search(), u"4006381333931"_s);
        QTest::keyClick(search(), Qt::Key_Return);
        QCOMPARE(static_cast<ProductListModel *>(model())->filter().text, u"4006381333931"_s);
        QTRY_COMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->index(0, ProductListModel::SkuColumn).data().toString(), u"W-1"_s);
    }

    void filtersNarrowTheList()
    {
        showPage(m_store->manager);
        child<QCheckBox>(u"lowStockCheck"_s)->setChecked(true);
        QTRY_COMPARE(model()->rowCount(), 1); // sparkling: 2 at a level of 6
        QCOMPARE(model()->index(0, ProductListModel::SkuColumn).data().toString(), u"W-2"_s);
        child<QCheckBox>(u"lowStockCheck"_s)->setChecked(false);

        auto *status = child<QComboBox>(u"statusCombo"_s);
        status->setCurrentIndex(1); // archived
        QTRY_COMPARE(model()->rowCount(), 0);
        QTRY_VERIFY(child<QLabel>(u"countLabel"_s)->text().contains(u"No product"_s));
        QVERIFY(!view()->isColumnHidden(ProductListModel::ActiveColumn));
        status->setCurrentIndex(0);
        QTRY_COMPARE(model()->rowCount(), 3);
        QVERIFY(view()->isColumnHidden(ProductListModel::ActiveColumn));
    }

    void onlyNameSkuAndStockSort()
    {
        showPage(m_store->manager);
        QHeaderView *header = view()->horizontalHeader();
        header->setSortIndicator(ProductListModel::StockColumn, Qt::DescendingOrder);
        QTRY_COMPARE(model()->index(0, ProductListModel::SkuColumn).data().toString(), u"W-1"_s);
        header->setSortIndicator(ProductListModel::CategoryColumn, Qt::AscendingOrder);
        // The indicator goes back to the column the list is really sorted by.
        QCOMPARE(header->sortIndicatorSection(), int(ProductListModel::StockColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    }

    void archivingAsksAndSaysWhatHappens()
    {
        // Given Tea green, never sold but with its opening stock on the ledger, and a
        // product with no history at all
        m_store->addProduct(u"N-1"_s, u"Nettle tea"_s, {{u"Box"_s, 1, 299, {}}});
        showPage(m_store->manager, 4);
        view()->setFocus();
        auto *archive = child<QAction>(u"archiveProductAction"_s);
        QVERIFY(select(u"T-1"_s));
        QVERIFY(archive->isEnabled());

        // Stock history: it would be archived. Cancel first, then do it.
        QString question;
        answerNextMessageBox(u"Cancel"_s, &question);
        archive->trigger();
        QVERIFY2(question.contains(u"has a history"_s), qPrintable(question));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE active = FALSE"_s), 0);
        answerNextMessageBox(u"Archive"_s, &question);
        archive->trigger();
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM products WHERE sku = 'T-1' AND active = FALSE"_s),
                 1);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM stock_movements m JOIN products p "
                                 "ON p.id = m.product_id WHERE p.sku = 'T-1'"_s),
                 1);

        // No history: it is deleted for good.
        QVERIFY(select(u"N-1"_s));
        answerNextMessageBox(u"Cancel"_s, &question);
        archive->trigger();
        QVERIFY2(question.contains(u"no history"_s), qPrintable(question));
        answerNextMessageBox(u"Delete"_s, &question);
        archive->trigger();
        QVERIFY(!select(u"N-1"_s));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE sku = 'N-1'"_s), 0);
    }

    void historyMadeWhileAskingKeepsTheProduct()
    {
        // Given a product with no history, about to be deleted
        const Product nettle
                = m_store->addProduct(u"N-1"_s, u"Nettle tea"_s, {{u"Box"_s, 1, 299, {}}});
        showPage(m_store->manager, 4);
        QVERIFY(select(u"N-1"_s));
        // When, while the question is open, a stocktake somewhere finds 5 boxes of it
        QTimer::singleShot(0, this, [this, &nettle] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY(SqlQuery::run(
                    m_store->db(),
                    u"INSERT INTO stock_movements (product_id, delta_base, reason, "
                    "created_at) VALUES (%1, 5, 'found', '2026-01-01T10:00:00.000Z')"_s.arg(
                            nettle.id)));
            for (QAbstractButton *button : box->buttons()) {
                if (button->text().remove(u'&') == u"Delete"_s) {
                    button->click();
                }
            }
        });
        child<QAction>(u"archiveProductAction"_s)->trigger();
        // Then it is archived, not deleted, and the page says so and why
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM products WHERE sku = 'N-1' AND active = FALSE"_s),
                 1);
        QCOMPARE(
                m_store->scalar(u"SELECT COUNT(*) FROM stock_movements WHERE product_id = %1"_s.arg(
                        nettle.id)),
                1);
        const QString said = child<ErrorBanner>(u"errorBanner"_s)->text();
        QVERIFY2(said.contains(u"archived"_s) && said.contains(u"history"_s), qPrintable(said));
    }

    void cashiersCannotChangeTheCatalogue()
    {
        showPage(m_store->cashier);
        view()->setCurrentIndex(model()->index(0, 0));
        for (const QString &name :
             {u"newProductAction"_s, u"archiveProductAction"_s, u"reactivateProductAction"_s,
              u"categoriesAction"_s, u"taxRatesAction"_s, u"priceChangeAction"_s,
              u"importAction"_s}) {
            QVERIFY2(!child<QAction>(name)->isEnabled(), qPrintable(name));
        }
        // They may still open a product to read it, and export the catalogue.
        auto *open = child<QAction>(u"openProductAction"_s);
        QVERIFY(open->isEnabled());
        QVERIFY(open->text().contains(u"View"_s));
        QVERIFY(child<QAction>(u"exportAction"_s)->isEnabled());
        // Ctrl+N does nothing for them.
        QTest::keyClick(view(), Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
    }
};

QTEST_MAIN(TestProductsPage)
#include "tst_productspage.moc"
