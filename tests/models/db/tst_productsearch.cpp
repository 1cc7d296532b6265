#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/productrepository.h"
#include "models/db/productsearch.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"
#include "tests/common/qverifyok.h"
#include "tests/common/storefixture.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * The product list's search reads through a trigram index (migration 0004) and still
 * selects what the plain condition always did: the name holds the term, the SKU starts with
 * it (as each engine's LIKE ignores case), or a barcode is it.
 */
class TestProductSearch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    //! More products than ProductSearch::kCandidateCap hold "roduct", so both ways to read
    //! a page are taken.
    static constexpr int kCatalogue = ProductSearch::kCandidateCap + 100;

    QList<qint64> expectedIds(const QString &term, ProductFilter::Sort sort, bool descending);
    QList<qint64> pagedIds(const QString &term, ProductFilter::Sort sort, bool descending,
                           int pageSize);
    QStringList searchPlan(const QString &term);

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }
    void init();
    void cleanup() { m_store.reset(); }

    void findsWhatTheConditionSelects_data();
    void findsWhatTheConditionSelects();
    void pagesContinueInEverySort_data();
    void pagesContinueInEverySort();
    void sqliteLikeFoldsAsciiOnly();
    void aTermOfThreeLettersReadsTheTrigramIndex();
    void theIndexFollowsRenamesAndDeletions();
};

void TestProductSearch::init()
{
    m_store = StoreFixture::create();
    QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
    QList<Product> products;
    for (int i = 0; i < kCatalogue; ++i) {
        Product p;
        p.sku = u"SKU-%1"_s.arg(i, 5, 10, QChar(u'0'));
        p.name = u"Product %1"_s.arg(i);
        p.taxRateId = m_store->standardTax;
        p.units = {ProductUnit{0, 0, u"Piece"_s, 1, Money::fromMinor(100 + i % 7), {}, true}};
        products << p;
    }
    Transaction tx(m_store->db());
    QVERIFY_OK(tx.begin());
    QVERIFY_OK(ProductRepository(m_store->db())
                       .writeProducts(products, QDateTime::currentDateTimeUtc(),
                                      ProductRepository::OnConflict::Fail, 500));
    QVERIFY_OK(tx.commit());
    m_store->addProduct(u"COLA-1"_s, u"Kolibri COLA 0.33 l"_s,
                        {{u"Can"_s, 1, 119, u"2000000000015"_s}});
    m_store->addProduct(u"PCT-1"_s, u"100% Juice"_s, {{u"Bottle"_s, 1, 199, {}}});
    m_store->addProduct(u"UND_1"_s, u"a_b Mix"_s, {{u"Bag"_s, 1, 99, {}}});
    m_store->addProduct(u"ÄPF-1"_s, u"Äpfel süß"_s, {{u"kg"_s, 1, 299, {}}});
    m_store->addProduct(u"apf-2"_s, u"äpfel klein"_s, {{u"kg"_s, 1, 249, {}}});
    m_store->addProduct(u"BS-1"_s, u"Back\\slash \"Tool\""_s, {{u"Piece"_s, 1, 999, {}}});
    m_store->addProduct(u"zu-2"_s, u"Zucker"_s, {{u"Bag"_s, 1, 149, {}}});
}

//! The old statement's condition, kept from every index (`|| ''`): what must be found.
QList<qint64> TestProductSearch::expectedIds(const QString &term, ProductFilter::Sort sort,
                                             bool descending)
{
    const QString column
            = sort == ProductFilter::Sort::Sku
                      ? u"sku"_s
                      : (sort == ProductFilter::Sort::Stock ? u"stock_base"_s : u"name"_s);
    const QString direction = descending ? u"DESC"_s : u"ASC"_s;
    SqlQuery q(m_store->db(),
               u"SELECT p.id FROM products p WHERE (p.name || '') %1 :pattern ESCAPE '\\' "
               "OR (p.sku || '') %1 :prefix ESCAPE '\\' "
               "OR p.id IN (SELECT b.product_id FROM product_units b WHERE b.barcode = :code) "
               "ORDER BY p.%2 %3, p.id %3"_s.arg(m_store->db().dialect().likeIgnoringCase(), column,
                                                 direction));
    const QString escaped = Dialect::escapeLike(term.trimmed());
    q.bind(u"pattern"_s, QString(u'%' + escaped + u'%'))
            .bind(u"prefix"_s, QString(escaped + u'%'))
            .bind(u"code"_s, term.trimmed());
    QList<qint64> ids;
    if (!q.exec()) {
        return {-1};
    }
    while (q.next()) {
        ids << q.int64(0);
    }
    return ids;
}

//! Every page the repository gives for the term, one after the other.
QList<qint64> TestProductSearch::pagedIds(const QString &term, ProductFilter::Sort sort,
                                          bool descending, int pageSize)
{
    ProductFilter filter;
    filter.text = term;
    filter.sort = sort;
    filter.descending = descending;
    filter.active = ProductFilter::Active::Any;
    ProductRepository repository(m_store->db());
    QList<qint64> ids;
    ProductCursor cursor;
    for (int page = 0; page <= kCatalogue / pageSize + 1; ++page) {
        const auto rows = repository.page(filter, cursor, pageSize);
        if (!rows) {
            return {-1};
        }
        for (const Product &p : *rows) {
            ids << p.id;
        }
        if (rows->size() < pageSize) {
            break;
        }
        cursor = ProductCursor::after(rows->constLast(), sort);
    }
    return ids;
}

void TestProductSearch::findsWhatTheConditionSelects_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<int>("count"); // -1: as many as the condition says
    QTest::newRow("name prefix") << u"Product 10"_s << 111;
    QTest::newRow("middle of the name") << u"duct 105"_s << 11;
    QTest::newRow("rare") << u"duct 1099"_s << 1;
    QTest::newRow("common: more candidates than the cap") << u"roduct"_s << kCatalogue;
    QTest::newRow("absent") << u"no such product"_s << 0;
    QTest::newRow("one letter") << u"z"_s << 1;
    QTest::newRow("two letters") << u"ck"_s << 2;
    QTest::newRow("two letters, absent") << u"qq"_s << 0;
    QTest::newRow("SKU prefix") << u"SKU-0105"_s << 10;
    QTest::newRow("SKU prefix, lower case") << u"sku-0105"_s << 10;
    QTest::newRow("SKU is no substring") << u"KU-0105"_s << 0;
    QTest::newRow("mixed case") << u"kOLIBRI cola"_s << 1;
    QTest::newRow("barcode") << u"2000000000015"_s << 1;
    QTest::newRow("part of a barcode") << u"200000000001"_s << 0;
    QTest::newRow("percent is literal") << u"100%"_s << 1;
    QTest::newRow("percent alone") << u"%"_s << 1;
    QTest::newRow("underscore is literal") << u"a_b"_s << 1;
    QTest::newRow("underscore in a SKU") << u"und_"_s << 1;
    QTest::newRow("underscore alone") << u"_"_s << 1;
    QTest::newRow("backslash") << u"k\\sl"_s << 1;
    QTest::newRow("double quotes") << u"\"Tool\""_s << 1;
    QTest::newRow("umlaut") << u"süß"_s << 1;
    QTest::newRow("umlaut, lower case") << u"äpfel"_s << -1;
    QTest::newRow("umlaut, upper case") << u"ÄPFEL"_s << -1;
    QTest::newRow("umlaut SKU") << u"äpf-"_s << -1;
    QTest::newRow("spaces around") << u"  Zucker "_s << 1;
}

void TestProductSearch::findsWhatTheConditionSelects()
{
    QFETCH(QString, term);
    QFETCH(int, count);
    const QList<qint64> expected = expectedIds(term, ProductFilter::Sort::Name, false);
    QVERIFY(!expected.contains(-1));
    if (count >= 0) {
        QCOMPARE(expected.size(), count);
    }
    QCOMPARE(pagedIds(term, ProductFilter::Sort::Name, false, 50), expected);
}

void TestProductSearch::pagesContinueInEverySort_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<int>("sort");
    QTest::addColumn<bool>("descending");
    for (const QString &term : {u"Product 10"_s, u"roduct"_s, u"ck"_s}) {
        const auto row = [&](const char *order) -> QTestData & {
            return QTest::newRow(QByteArray(term.toUtf8() + order).constData()) << term;
        };
        row(" by name") << int(ProductFilter::Sort::Name) << false;
        row(" by name, desc") << int(ProductFilter::Sort::Name) << true;
        row(" by SKU") << int(ProductFilter::Sort::Sku) << false;
        row(" by stock, desc") << int(ProductFilter::Sort::Stock) << true;
    }
}

void TestProductSearch::pagesContinueInEverySort()
{
    QFETCH(QString, term);
    QFETCH(int, sort);
    QFETCH(bool, descending);
    const auto order = static_cast<ProductFilter::Sort>(sort);
    const QList<qint64> expected = expectedIds(term, order, descending);
    QVERIFY(expected.size() > 1);
    QCOMPARE(pagedIds(term, order, descending, 37), expected);
}

void TestProductSearch::sqliteLikeFoldsAsciiOnly()
{
    // Trigrams fold every letter's case; SQLite's LIKE folds ASCII alone, and the search
    // keeps LIKE's answer: "äpfel" is not "Äpfel" there.
    if (m_store->db().dialect().isPostgres()) {
        QSKIP("PostgreSQL's ILIKE folds as the database's locale does; the condition test covers "
              "it");
    }
    const QList<qint64> found = pagedIds(u"äpfel"_s, ProductFilter::Sort::Name, false, 50);
    QCOMPARE(found.size(), 1);
    const auto product = ProductRepository(m_store->db()).findById(found.first());
    QVERIFY_OK(product);
    QCOMPARE(product->value().name, u"äpfel klein"_s);
}

//! The engine's plan for the search's page of a term, one line per plan row. The values are
//! written into the text: PostgreSQL does not prepare an EXPLAIN.
QStringList TestProductSearch::searchPlan(const QString &term)
{
    Database &db = m_store->db();
    const ProductSearch search(db.dialect(), term);
    QString sql = (db.dialect().isPostgres() ? u"EXPLAIN SELECT p.id FROM "_s
                                             : u"EXPLAIN QUERY PLAN SELECT p.id FROM "_s)
                  + search.pageSource({search.condition()}, u"ORDER BY p.name, p.id"_s) + u" p"_s;
    const auto literal = [](QString text) -> QString {
        return u"'"_s + text.replace(u'\'', u"''"_s) + u"'"_s;
    };
    const QString escaped = Dialect::escapeLike(term);
    sql.replace(u":pattern"_s, literal(u'%' + escaped + u'%'))
            .replace(u":prefix"_s, literal(escaped + u'%'))
            .replace(u":code"_s, literal(term))
            .replace(u":limit"_s, u"50"_s)
            .replace(u":fts"_s, literal(ProductSearch::candidateQuery(term)))
            .replace(u":cap"_s, QString::number(ProductSearch::kCandidateCap));
    QSqlQuery q(db.connection());
    if (!q.exec(sql)) {
        return {u"failed: "_s + q.lastError().text()};
    }
    QStringList plan;
    while (q.next()) {
        plan << q.value(db.dialect().isPostgres() ? 0 : 3).toString();
    }
    return plan;
}

void TestProductSearch::aTermOfThreeLettersReadsTheTrigramIndex()
{
    Database &db = m_store->db();
    if (db.dialect().isPostgres()) {
        // Only bitmap scans are left to the planner: the condition must be one the trigram
        // indexes (and the primary key, for the barcode) answer together.
        QVERIFY_OK(SqlQuery::run(db, u"ANALYZE products"_s));
        QVERIFY_OK(SqlQuery::run(db, u"SET enable_seqscan = off"_s));
        QVERIFY_OK(SqlQuery::run(db, u"SET enable_indexscan = off"_s));
        const QString plan = searchPlan(u"duct 105"_s).join(u'\n');
        QVERIFY_OK(SqlQuery::run(db, u"RESET enable_seqscan"_s));
        QVERIFY_OK(SqlQuery::run(db, u"RESET enable_indexscan"_s));
        QVERIFY2(plan.contains(u"products_name_trgm_idx"_s), qPrintable(plan));
        QVERIFY2(plan.contains(u"products_sku_trgm_idx"_s), qPrintable(plan));
        QVERIFY2(!plan.contains(u"Seq Scan"_s), qPrintable(plan));
        return;
    }
    const QString plan = searchPlan(u"duct 105"_s).join(u'\n');
    QVERIFY2(plan.contains(u"products_search VIRTUAL TABLE"_s), qPrintable(plan));
    QVERIFY2(plan.contains(u"SEARCH p USING INTEGER PRIMARY KEY"_s), qPrintable(plan));
    // Under three characters there is no trigram to look up: the plain condition.
    const QString shortPlan = searchPlan(u"ck"_s).join(u'\n');
    QVERIFY2(!shortPlan.contains(u"products_search"_s), qPrintable(shortPlan));
}

void TestProductSearch::theIndexFollowsRenamesAndDeletions()
{
    Database &db = m_store->db();
    ProductRepository repository(db);
    auto zucker = repository.findBySku(u"zu-2"_s);
    QVERIFY_OK(zucker);
    Product renamed = zucker->value();
    renamed.name = u"Rohrzucker braun"_s;
    renamed.sku = u"RZ-9"_s;
    QVERIFY_OK(repository.save(renamed));
    QCOMPARE(pagedIds(u"rohrz"_s, ProductFilter::Sort::Name, false, 50), QList{renamed.id});
    QCOMPARE(pagedIds(u"rz-9"_s, ProductFilter::Sort::Name, false, 50), QList{renamed.id});
    QCOMPARE(pagedIds(u"zu-2"_s, ProductFilter::Sort::Name, false, 50), QList<qint64>());
    auto cola = repository.findBySku(u"COLA-1"_s);
    QVERIFY_OK(cola);
    QVERIFY_OK(repository.removeUnlessHistory(cola->value().id));
    QCOMPARE(pagedIds(u"kolibri"_s, ProductFilter::Sort::Name, false, 50), QList<qint64>());
    QCOMPARE(pagedIds(u"Product 1099"_s, ProductFilter::Sort::Name, false, 50).size(), 1);
    if (!db.dialect().isPostgres()) {
        // FTS5 compares its index with the products' own text.
        QVERIFY_OK(SqlQuery::run(
                db, u"INSERT INTO products_search (products_search) VALUES ('integrity-check')"_s));
    }
}

QTEST_GUILESS_MAIN(TestProductSearch)
#include "tst_productsearch.moc"
