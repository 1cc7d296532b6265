#include "models/db/queryprofiler.h"
#include "models/db/sqlquery.h"
#include "models/domain/quantity.h"
#include "models/services/cataloguecsv.h"
#include "tests/common/storefixture.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCatalogueCsv : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    const QByteArray kHeader
            = "sku,name,category,tax_rate,base_unit,cost,cost_per_base,reorder_level,"
              "active,unit,base_per_unit,price,barcode\n";

    std::unique_ptr<CatalogueCsv> csvFor(StoreFixture &store)
    {
        return std::make_unique<CatalogueCsv>(store.db(), store.session(), store.authorizer());
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_store->signIn(m_store->manager);
    }

    void exportThenImportGivesTheSameCatalogue()
    {
        // Given a catalogue with packs, barcodes, a comma and quotes in a name, an archived product
        m_store->addProduct(u"COLA"_s, u"Cola \"Classic\", 0.33 l"_s,
                            {{u"Can"_s, 1, 119, u"4006381333931"_s},
                             {u"Case of 24"_s, 24, 2399, u"96385074"_s}},
                            48, BaseUnit::Piece, 24);
        m_store->addProduct(u"FLOUR"_s, u"Mühlenbach flour"_s, {{u"1 kg bag"_s, 1000, 129, {}}},
                            5000, BaseUnit::Gram, 10000);
        QVERIFY(SqlQuery::run(m_store->db(),
                              u"UPDATE products SET active = FALSE, cost_minor = 61, "
                              "cost_per_base = 1000 WHERE sku = 'FLOUR'"_s));
        const auto exported = csvFor(*m_store)->exportAll();
        QVERIFY(exported);
        QVERIFY(exported->startsWith(kHeader.trimmed()));
        QCOMPARE(exported->count('\n'), 4);

        // When it is imported into another store with the same categories and tax rates
        auto other = StoreFixture::create();
        QVERIFY(other);
        other->signIn(other->manager);
        auto csv = csvFor(*other);
        const auto plan = csv->plan(*exported);
        QVERIFY(plan);
        QVERIFY2(plan->isApplicable(),
                 qPrintable(plan->errors.isEmpty() ? plan->fileError
                                                   : plan->errors.first().message));
        QCOMPARE(plan->newProducts, 2);
        const auto outcome = csv->apply(*plan);
        QVERIFY_OK(outcome);
        QCOMPARE(outcome->units, 3);

        // Then exporting it again gives the same file, byte for byte
        const auto again = csvFor(*other)->exportAll();
        QVERIFY(again);
        QCOMPARE(QString::fromUtf8(*again), QString::fromUtf8(*exported));
    }

    void formulasAreExportedAsTextAndImportedBack()
    {
        // Given products whose names and SKU a spreadsheet would run as formulas
        m_store->addProduct(u"=1+1"_s, u"=SUM(A1)"_s, {{u"-Piece"_s, 1, 119, {}}});
        m_store->addProduct(u"B1"_s, u"@cmd"_s, {{u"+Pack"_s, 1, 200, {}}});
        m_store->addProduct(u"C1"_s, u"'=already quoted"_s, {{u"Piece"_s, 1, 300, {}}});
        const auto exported = csvFor(*m_store)->exportAll();
        QVERIFY(exported);

        // Then the file holds them as text, behind a '
        const QString text = QString::fromUtf8(*exported);
        QVERIFY2(text.contains(u"'=1+1,'=SUM(A1),"_s), qPrintable(text));
        QVERIFY2(text.contains(u",'-Piece,"_s), qPrintable(text));
        QVERIFY2(text.contains(u"B1,'@cmd,"_s), qPrintable(text));
        QVERIFY2(text.contains(u",'+Pack,"_s), qPrintable(text));
        QVERIFY2(text.contains(u"C1,''=already quoted,"_s), qPrintable(text));

        // When it is imported into another store, the names come back as they were
        auto other = StoreFixture::create();
        QVERIFY(other);
        other->signIn(other->manager);
        auto csv = csvFor(*other);
        const auto plan = csv->plan(*exported);
        QVERIFY(plan);
        QVERIFY2(plan->isApplicable(),
                 qPrintable(plan->errors.isEmpty() ? plan->fileError
                                                   : plan->errors.first().message));
        QVERIFY(csv->apply(*plan));
        const QString named = u"SELECT COUNT(*) FROM %1 WHERE name = '%2'"_s;
        QCOMPARE(other->scalar(named.arg(u"products"_s, u"=SUM(A1)' AND sku = '=1+1"_s)), 1);
        QCOMPARE(other->scalar(named.arg(u"products"_s, u"@cmd"_s)), 1);
        QCOMPARE(other->scalar(named.arg(u"products"_s, u"''=already quoted"_s)), 1);
        QCOMPARE(other->scalar(named.arg(u"product_units"_s, u"-Piece"_s)), 1);
        QCOMPARE(other->scalar(named.arg(u"product_units"_s, u"+Pack"_s)), 1);
        // and exporting again gives the same file
        const auto again = csvFor(*other)->exportAll();
        QVERIFY(again);
        QCOMPARE(QString::fromUtf8(*again), text);
    }

    void rowErrorsNameTheLineAndField_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing price")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,,") << u"price"_s;
        QTest::newRow("bad number")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,ten,1,Piece,1,1.00,")
                << u"reorder_level"_s;
        QTest::newRow("too many decimals")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,1.999,") << u"price"_s;
        QTest::newRow("check digit")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,1.00,4006381333932")
                << u"barcode"_s;
        QTest::newRow("rate below one")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Box,0,1.00,")
                << u"base_per_unit"_s;
        QTest::newRow("unknown category")
                << QByteArray("A1,Apple,Toys,Standard,piece,,,,1,Piece,1,1.00,") << u"category"_s;
        QTest::newRow("unknown tax")
                << QByteArray("A1,Apple,Drinks,Luxury,piece,,,,1,Piece,1,1.00,") << u"tax_rate"_s;
        QTest::newRow("unknown base unit")
                << QByteArray("A1,Apple,Drinks,Standard,litre,,,,1,Piece,1,1.00,")
                << u"base_unit"_s;
        QTest::newRow("negative price")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,-1.00,") << u"price"_s;
        QTest::newRow("barcode of another product")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,1.00,2000000000015")
                << u"barcode"_s;
        // A row that does not line up with the header is the whole row's error.
        QTest::newRow("unquoted decimal comma")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,1,99,") << QString();
        QTest::newRow("a field short")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,1.00") << QString();
        // The editor's limits.
        QTest::newRow("pack above the limit")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Box,100001,1.00,")
                << u"base_per_unit"_s;
        QTest::newRow("pack of 2^63-1")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Box,9223372036854775807,1.00,")
                << u"base_per_unit"_s;
        QTest::newRow("sku too long")
                << u"%1,Apple,Drinks,Standard,piece,,,,1,Piece,1,1.00,"_s.arg(QString(65, u'S'))
                           .toUtf8()
                << u"sku"_s;
        QTest::newRow("name too long")
                << u"A1,%1,Drinks,Standard,piece,,,,1,Piece,1,1.00,"_s.arg(QString(201, u'n'))
                           .toUtf8()
                << u"name"_s;
        QTest::newRow("price too high")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,1000000.00,")
                << u"price"_s;
        QTest::newRow("cost too high")
                << QByteArray("A1,Apple,Drinks,Standard,piece,1000000.00,1,,1,Piece,1,1.00,")
                << u"cost"_s;
        QTest::newRow("cost for too many")
                << QByteArray("A1,Apple,Drinks,Standard,piece,1.00,1000001,,1,Piece,1,1.00,")
                << u"cost_per_base"_s;
        QTest::newRow("reorder level too high")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,2000000001,1,Piece,1,1.00,")
                << u"reorder_level"_s;
        QTest::newRow("active neither yes nor no")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,maybe,Piece,1,1.00,")
                << u"active"_s;
        QTest::newRow("active as a typo of 1")
                << QByteArray("A1,Apple,Drinks,Standard,piece,,,,l,Piece,1,1.00,") << u"active"_s;
    }
    void rowErrorsNameTheLineAndField()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, field);
        m_store->addProduct(u"TAKEN"_s, u"Owner"_s, {{u"Piece"_s, 1, 100, u"2000000000015"_s}});
        const QByteArray file
                = kHeader + "B1,Banana,Drinks,Standard,piece,,,,1,Piece,1,0.30,\n" + row + "\n";
        const auto plan = csvFor(*m_store)->plan(file);
        QVERIFY(plan);
        QVERIFY(!plan->isApplicable());
        QVERIFY(plan->fileError.isEmpty());
        QCOMPARE(plan->errors.size(), 1);
        QCOMPARE(plan->errors.first().line, 3);
        QCOMPARE(plan->errors.first().field, field);
        QVERIFY(!plan->errors.first().message.isEmpty());
        QCOMPARE(plan->rows, 2);
    }

    void aRowOutOfLineWithTheHeaderSaysWhereAndHowMany()
    {
        // Given a file whose second product has a name over two lines and whose third row
        // has a price with an unquoted decimal comma
        const QByteArray file = kHeader
                                + "B1,\"Banana\nsplit\",Drinks,Standard,piece,,,,1,Piece,1,0.30,\n"
                                  "A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,1,99,\n";
        // When it is read
        const auto plan = csvFor(*m_store)->plan(file);
        QVERIFY(plan);
        // Then the row is refused and named by the line it is on in the file, with its
        // count of fields against the header's, and nothing of it is planned
        QVERIFY(!plan->isApplicable());
        QCOMPARE(plan->errors.size(), 1);
        const CatalogueCsv::RowError &error = plan->errors.first();
        QCOMPARE(error.line, 4);
        QVERIFY(error.field.isEmpty());
        QVERIFY2(error.message.contains(u"Line 4"_s), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"14 instead of 13"_s), qPrintable(error.message));
        QCOMPARE(plan->products.size(), 1);
        QCOMPARE(plan->products.first().sku, u"B1"_s);
    }

    void limitsAreSaidInTheMessage()
    {
        const QByteArray file = kHeader + "A1,Apple,Drinks,Standard,piece,,,,1,Box,200000,1.00,\n";
        const auto plan = csvFor(*m_store)->plan(file);
        QVERIFY(plan);
        QCOMPARE(plan->errors.size(), 1);
        const QString message = plan->errors.first().message;
        QVERIFY2(message.contains(QLocale().toString(Quantity::kMaxBasePerUnit)),
                 qPrintable(message));
    }

    void activeReadsTheDocumentedSpellings_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("active");
        QTest::newRow("1") << u"1"_s << true;
        QTest::newRow("0") << u"0"_s << false;
        QTest::newRow("Yes") << u"Yes"_s << true;
        QTest::newRow("no") << u"no"_s << false;
        QTest::newRow("TRUE") << u"TRUE"_s << true;
        QTest::newRow("False") << u"False"_s << false;
        QTest::newRow("empty") << QString() << true;
    }
    void activeReadsTheDocumentedSpellings()
    {
        QFETCH(QString, typed);
        QFETCH(bool, active);
        const QByteArray file
                = kHeader
                  + u"A1,Apple,Drinks,Standard,piece,,,,%1,Piece,1,1.00,\n"_s.arg(typed).toUtf8();
        const auto plan = csvFor(*m_store)->plan(file);
        QVERIFY(plan);
        QVERIFY2(plan->isApplicable(),
                 qPrintable(plan->errors.isEmpty() ? plan->fileError
                                                   : plan->errors.first().message));
        QCOMPARE(plan->products.first().active, active);
    }

    void duplicatesInsideTheFile()
    {
        const QByteArray file = kHeader
                                + "A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,1.00,4006381333931\n"
                                  "A1,Apple,Drinks,Standard,piece,,,,1,Piece,1,1.10,\n"
                                  "B1,Pear,Drinks,Standard,piece,,,,1,Piece,1,1.00,4006381333931\n"
                                  "A1,Apple green,Drinks,Standard,piece,,,,1,Box,6,5.00,\n";
        const auto plan = csvFor(*m_store)->plan(file);
        QVERIFY(plan);
        QCOMPARE(plan->errors.size(), 3);
        QCOMPARE(plan->errors.at(0).line, 3); // the unit twice
        QCOMPARE(plan->errors.at(1).line, 4); // the barcode twice
        QCOMPARE(plan->errors.at(2).line, 5); // the rows disagree on the name
    }

    void unreadableFilesSayWhy_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::newRow("latin-1") << QByteArray("sku,name\nA1,M\xfchle\n");
        QTest::newRow("missing columns") << QByteArray("sku,name,unit\nA1,Apple,Piece\n");
        QTest::newRow("open quote") << (kHeader + "\"A1,Apple\n");
        QTest::newRow("empty") << QByteArray();
    }
    void unreadableFilesSayWhy()
    {
        QFETCH(QByteArray, file);
        const auto plan = csvFor(*m_store)->plan(file);
        QVERIFY(plan);
        QVERIFY(!plan->fileError.isEmpty());
        QVERIFY(!plan->isApplicable());
    }

    void updatesBySkuAndCreatesTheRest()
    {
        m_store->addProduct(u"A1"_s, u"Apple"_s, {{u"Piece"_s, 1, 100, {}}}, 7);
        const QByteArray file = kHeader
                                + "A1,Apple red,Drinks,Standard,piece,,,,1,Piece,1,1.20,\n"
                                  "A1,Apple red,Drinks,Standard,piece,,,,1,Bag of 6,6,6.50,\n"
                                  "B1,Pear,Groceries,Reduced,piece,0.20,1,3,1,Piece,1,0.45,\n";
        auto csv = csvFor(*m_store);
        const auto plan = csv->plan(file);
        QVERIFY(plan && plan->isApplicable());
        QCOMPARE(plan->newProducts, 1);
        QCOMPARE(plan->updatedProducts, 1);
        QVERIFY(csv->apply(*plan));
        QCOMPARE(
                m_store->scalar(u"SELECT price_minor FROM product_units u JOIN products p "
                                "ON p.id = u.product_id WHERE p.sku = 'A1' AND u.name = 'Piece'"_s),
                120);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM product_units"_s), 3);
        // Stock is untouched by an import, and the ledger still explains it.
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE sku = 'A1'"_s), 7);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void largeFilesGoInBatchesOfMultiRowStatements()
    {
        QByteArray file = kHeader;
        const int products = 2500;
        for (int i = 0; i < products; ++i) {
            file += QStringLiteral(
                            "S%1,Product %1,Groceries,Reduced,piece,0.50,1,10,1,Piece,1,0.99,\n"
                            "S%1,Product %1,Groceries,Reduced,piece,0.50,1,10,1,Box of "
                            "12,12,10.99,\n")
                            .arg(i)
                            .toUtf8();
        }
        auto csv = csvFor(*m_store);
        QElapsedTimer timer;
        timer.start();
        const auto plan = csv->plan(file);
        QVERIFY(plan && plan->isApplicable());
        QList<int> progress;
        ProfileScope scope(u"test.import"_s);
        const auto outcome = csv->apply(*plan, [&progress](int done, int) {
            progress << done;
            return true;
        });
        QVERIFY_OK(outcome);
        qInfo("imported %d products (%d rows) in %lld ms with %d statements", products,
              products * 2, timer.elapsed(), scope.statementCount());
        QCOMPARE(outcome->created, products);
        QCOMPARE(outcome->units, products * 2);
        // BEGIN, 3 batches of two statements, audit, COMMIT; never a statement per row.
        QCOMPARE(scope.statementCount(), 2 + 3 * 2 + 1);
        QCOMPARE(progress, (QList<int>{0, 1000, 2000, 2500}));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), products);
    }

    void aCancelledImportLeavesNothing()
    {
        QByteArray file = kHeader;
        for (int i = 0; i < 1500; ++i) {
            file += QStringLiteral("S%1,Product %1,Groceries,Reduced,piece,,,,1,Piece,1,0.99,\n")
                            .arg(i)
                            .toUtf8();
        }
        auto csv = csvFor(*m_store);
        const auto plan = csv->plan(file);
        QVERIFY(plan && plan->isApplicable());
        const auto outcome = csv->apply(*plan, [](int done, int) { return done < 1000; });
        QVERIFY(!outcome);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 0);
    }

    void aCashierCannotImport()
    {
        m_store->signIn(m_store->cashier);
        const auto plan = csvFor(*m_store)->plan(kHeader);
        QVERIFY(!plan);
        QCOMPARE(plan.error().code, ServiceError::Code::PermissionDenied);
    }

    void cleanup() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(TestCatalogueCsv)
#include "tst_cataloguecsv.moc"
