#include "models/items/productunitsmodel.h"
#include "models/services/services.h"
#include "tests/common/mnemonics.h"
#include "tests/common/modeltesters.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/producteditor.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * The product editor driven by keys, as a manager types a product in: in German and in the
 * C locale, a bad barcode refused with the focus on it, and a cashier kept to reading.
 */
class TestProductEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;

    template<typename T>
    static T *child(QWidget *parent, const QString &name)
    {
        return namedChild<T>(*parent, name);
    }

    //! Types text into a cell of the units table as a person does: F2, the text, Enter.
    static void typeIntoCell(QTableView *view, int row, int column, const QString &text)
    {
        const QModelIndex index = view->model()->index(row, column);
        const QString before = index.data(Qt::EditRole).toString();
        view->setFocus();
        view->setCurrentIndex(index);
        QTest::keyClick(view, Qt::Key_F2);
        QWidget *editor = QApplication::focusWidget();
        QVERIFY(editor && editor != view);
        auto *line = qobject_cast<QLineEdit *>(editor);
        QVERIFY(line);
        line->selectAll();
        QTest::keyClicks(line, text);
        QTest::keyClick(line, Qt::Key_Return);
        // The delegate hands the text over in a queued call.
        QTRY_VERIFY(index.data(Qt::EditRole).toString() != before || before == text);
    }

    void fillIn(ProductEditor &editor, const QString &price, const QString &boxPrice,
                const QString &barcode)
    {
        QTest::keyClicks(child<QLineEdit>(&editor, u"skuEdit"_s), u"TEA-42"_s);
        QTest::keyClicks(child<QLineEdit>(&editor, u"nameEdit"_s), u"Green tea"_s);
        auto *tax = child<QComboBox>(&editor, u"taxRateCombo"_s);
        tax->setCurrentIndex(tax->findData(m_store->reducedTax));
        auto *view = child<QTableView>(&editor, u"unitsView"_s);
        // The base unit's row is there already; give it a price and a barcode.
        typeIntoCell(view, 0, ProductUnitsModel::PriceColumn, price);
        typeIntoCell(view, 0, ProductUnitsModel::BarcodeColumn, barcode);
        // Add unit opens the new row's name for typing.
        QTest::mouseClick(child<QPushButton>(&editor, u"addUnitButton"_s), Qt::LeftButton);
        QWidget *nameEditor = QApplication::focusWidget();
        QVERIFY(qobject_cast<QLineEdit *>(nameEditor));
        QTest::keyClicks(nameEditor, u"Box of 12"_s);
        QTest::keyClick(nameEditor, Qt::Key_Return);
        QTRY_COMPARE(view->model()->index(1, ProductUnitsModel::NameColumn).data().toString(),
                     u"Box of 12"_s);
        typeIntoCell(view, 1, ProductUnitsModel::BasePerUnitColumn, u"12"_s);
        typeIntoCell(view, 1, ProductUnitsModel::PriceColumn, boxPrice);
    }

    static QPushButton *saveButton(ProductEditor &editor)
    {
        return child<QDialogButtonBox>(&editor, u"buttonBox"_s)->button(QDialogButtonBox::Save);
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_services = m_store->services(m_store->manager);
    }

    void cleanup()
    {
        QLocale::setDefault(QLocale::c());
        m_services.reset();
        m_store.reset();
    }

    void aManagerTypesInAProductWithTwoUnits_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("boxPrice");
        QTest::newRow("German") << u"de_DE"_s << u"2,49"_s << u"26,90"_s;
        QTest::newRow("C") << u"C"_s << u"2.49"_s << u"26.9"_s;
    }
    void aManagerTypesInAProductWithTwoUnits()
    {
        QFETCH(QString, locale);
        QFETCH(QString, price);
        QFETCH(QString, boxPrice);
        QLocale::setDefault(QLocale(locale));

        ProductEditor editor(*m_services, 0);
        watchItemModels(&editor);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        QVERIFY(!editor.isReadOnly());
        fillIn(editor, price, boxPrice, u"4006381333931"_s);

        QTest::mouseClick(saveButton(editor), Qt::LeftButton);

        QCOMPARE(editor.result(), int(QDialog::Accepted));
        QVERIFY(editor.product().id > 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE sku = 'TEA-42'"_s), 1);
        QCOMPARE(
                m_store->scalar(u"SELECT price_minor FROM product_units WHERE base_per_unit = 1"_s),
                249);
        QCOMPARE(m_store->scalar(
                         u"SELECT price_minor FROM product_units WHERE base_per_unit = 12"_s),
                 2690);
        QCOMPARE(m_store->scalar(
                         u"SELECT COUNT(*) FROM product_units WHERE barcode = '4006381333931'"_s),
                 1);
        QCOMPARE(m_store->scalar(u"SELECT tax_rate_id FROM products"_s), m_store->reducedTax);
        QCOMPARE(editor.product().units.size(), 2);
        QCOMPARE(editor.product().units.at(1).name, u"Box of 12"_s);
    }

    void everyAltKeyReachesOnePlace()
    {
        // A manager moves through the editor with Alt+letter: no letter may lead to two
        // fields or buttons (Cost and "for", Add Unit and Active, SKU and Save once did).
        ProductEditor editor(*m_services, 0);
        watchItemModels(&editor);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const QMultiHash<QString, QString> keys
                = visibleMnemonics(editor.findChildren<QWidget *>());
        QVERIFY(keys.size() >= 10);
        for (const QString &key : keys.uniqueKeys()) {
            const QStringList texts = keys.values(key);
            QVERIFY2(texts.size() == 1,
                     qPrintable(u"Alt+%1 is on %2"_s.arg(key, texts.join(u", "_s))));
        }
    }

    void aNewProductStartsWithItsOpeningStock()
    {
        // Given a manager typing in a product sold by the piece and in boxes of twelve
        ProductEditor editor(*m_services, 0);
        watchItemModels(&editor);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        fillIn(editor, u"2.49"_s, u"26.9"_s, u"4006381333931"_s);
        // When three boxes are on the shelf
        auto *amount = child<QSpinBox>(&editor, u"openingSpin"_s);
        auto *unit = child<QComboBox>(&editor, u"openingUnitCombo"_s);
        QVERIFY(amount->isVisible());
        QCOMPARE(unit->count(), 2);
        unit->setCurrentIndex(unit->findText(u"Box of 12"_s));
        QVERIFY(unit->currentIndex() >= 0);
        amount->setFocus();
        amount->selectAll();
        QTest::keyClicks(amount, u"3"_s);
        QCOMPARE(amount->value(), 3);
        QTest::mouseClick(saveButton(editor), Qt::LeftButton);
        // Then the product starts with 36 pieces, on the ledger as its opening stock
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        const qint64 id = editor.product().id;
        QCOMPARE(editor.product().stockBase, 36);
        QCOMPARE(m_store->scalar(u"SELECT stock_base FROM products WHERE id = %1"_s.arg(id)), 36);
        QCOMPARE(m_store->scalar(
                         u"SELECT SUM(delta_base) FROM stock_movements WHERE product_id = %1 "
                         "AND reason = 'opening'"_s.arg(id)),
                 36);
        QCOMPARE(m_store->ledgerMismatches(), 0);
    }

    void aSavedProductsStockIsNotTypedIn()
    {
        const Product tea = m_store->addProduct(u"T-1"_s, u"Tea"_s, {{u"Box"_s, 1, 349, {}}}, 8);
        ProductEditor editor(*m_services, tea.id);
        watchItemModels(&editor);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(!child<QSpinBox>(&editor, u"openingSpin"_s)->isVisible());
        QVERIFY(child<QLineEdit>(&editor, u"stockEdit"_s)->isVisible());
    }

    void aWrongCheckDigitIsNamedAndNothingIsSaved()
    {
        ProductEditor editor(*m_services, 0);
        watchItemModels(&editor);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        fillIn(editor, u"2.49"_s, u"26.90"_s, u"4006381333932"_s);

        QTest::mouseClick(saveButton(editor), Qt::LeftButton);

        // The dialog stays, says what is wrong, and puts the focus on the barcode.
        QVERIFY(editor.isVisible());
        QCOMPARE(editor.result(), int(QDialog::Rejected));
        auto *message = child<QLabel>(&editor, u"errorLabel"_s);
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(u"4006381333932"_s), qPrintable(message->text()));
        auto *view = child<QTableView>(&editor, u"unitsView"_s);
        QCOMPARE(QApplication::focusWidget(), view);
        QCOMPARE(view->currentIndex().row(), 0);
        QCOMPARE(view->currentIndex().column(), int(ProductUnitsModel::BarcodeColumn));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 0);
        // Everything typed is still there.
        QCOMPARE(child<QLineEdit>(&editor, u"skuEdit"_s)->text(), u"TEA-42"_s);

        // Fixed in place, it saves.
        typeIntoCell(view, 0, ProductUnitsModel::BarcodeColumn, u"4006381333931"_s);
        QVERIFY(!message->isVisible());
        QTest::mouseClick(saveButton(editor), Qt::LeftButton);
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 1);
    }

    void aSkuTakenPutsTheFocusOnTheSku()
    {
        m_store->addProduct(u"TEA-42"_s, u"Black tea"_s, {{u"Piece"_s, 1, 199, {}}});
        ProductEditor editor(*m_services, 0);
        watchItemModels(&editor);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        fillIn(editor, u"2.49"_s, u"26.90"_s, {});
        QTest::mouseClick(saveButton(editor), Qt::LeftButton);
        QVERIFY(editor.isVisible());
        QVERIFY(child<QLabel>(&editor, u"errorLabel"_s)->text().contains(u"TEA-42"_s));
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&editor, u"skuEdit"_s));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 1);
    }

    void aPriceThatDoesNotReadIsNamed()
    {
        ProductEditor editor(*m_services, 0);
        watchItemModels(&editor);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        fillIn(editor, u"2.4.9"_s, u"26.90"_s, {});
        QTest::mouseClick(saveButton(editor), Qt::LeftButton);
        QVERIFY(editor.isVisible());
        QVERIFY(child<QLabel>(&editor, u"errorLabel"_s)->text().contains(u"2.4.9"_s));
        auto *view = child<QTableView>(&editor, u"unitsView"_s);
        QCOMPARE(view->currentIndex().column(), int(ProductUnitsModel::PriceColumn));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 0);
    }

    void aPackAboveTheLimitIsRefusedWithTheLimit()
    {
        ProductEditor editor(*m_services, 0);
        watchItemModels(&editor);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        // The fields hold no more than the catalogue allows.
        QCOMPARE(child<QLineEdit>(&editor, u"skuEdit"_s)->maxLength(),
                 ProductLimits::kMaxSkuLength);
        QCOMPARE(child<QLineEdit>(&editor, u"nameEdit"_s)->maxLength(),
                 ProductLimits::kMaxNameLength);
        fillIn(editor, u"2.49"_s, u"26.90"_s, {});
        auto *view = child<QTableView>(&editor, u"unitsView"_s);
        typeIntoCell(view, 1, ProductUnitsModel::BasePerUnitColumn, u"9223372036854775807"_s);

        QTest::mouseClick(saveButton(editor), Qt::LeftButton);

        // The pack size is named with its limit, the focus is on it, and nothing is saved.
        QVERIFY(editor.isVisible());
        const QString message = child<QLabel>(&editor, u"errorLabel"_s)->text();
        QVERIFY2(message.contains(QLocale().toString(Quantity::kMaxBasePerUnit)),
                 qPrintable(message));
        QCOMPARE(view->currentIndex().row(), 1);
        QCOMPARE(view->currentIndex().column(), int(ProductUnitsModel::BasePerUnitColumn));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 0);
    }

    void anExistingProductShowsItsStock()
    {
        const Product p = m_store->addProduct(
                u"W-1"_s, u"Water"_s, {{u"Bottle"_s, 1, 99, {}}, {u"Crate of 6"_s, 6, 549, {}}},
                15);
        ProductEditor editor(*m_services, p.id);
        watchItemModels(&editor);
        QCOMPARE(child<QLineEdit>(&editor, u"stockEdit"_s)->text(), u"2 crates + 3 bottles"_s);
        QCOMPARE(child<QLineEdit>(&editor, u"skuEdit"_s)->text(), u"W-1"_s);
        QCOMPARE(child<QTableView>(&editor, u"unitsView"_s)->model()->rowCount(), 2);
    }

    void aCashierOnlyReads()
    {
        const Product p = m_store->addProduct(u"W-1"_s, u"Water"_s, {{u"Bottle"_s, 1, 99, {}}}, 5);
        m_services->session.signIn(m_store->cashier);
        ProductEditor editor(*m_services, p.id);
        watchItemModels(&editor);
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        QVERIFY(editor.isReadOnly());
        auto *buttons = child<QDialogButtonBox>(&editor, u"buttonBox"_s);
        QCOMPARE(buttons->button(QDialogButtonBox::Save), nullptr);
        QVERIFY(buttons->button(QDialogButtonBox::Close));
        auto *name = child<QLineEdit>(&editor, u"nameEdit"_s);
        QVERIFY(name->isReadOnly());
        QTest::keyClicks(name, u"Sparkling"_s);
        QCOMPARE(name->text(), u"Water"_s);
        QVERIFY(!child<QComboBox>(&editor, u"taxRateCombo"_s)->isEnabled());
        QVERIFY(!child<QPushButton>(&editor, u"addUnitButton"_s)->isVisible());
        auto *view = child<QTableView>(&editor, u"unitsView"_s);
        QVERIFY(!(view->model()->flags(view->model()->index(0, ProductUnitsModel::PriceColumn))
                  & Qt::ItemIsEditable));
        // Even if asked to save, it does not.
        editor.accept();
        QCOMPARE(editor.result(), int(QDialog::Rejected));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE name = 'Water'"_s), 1);
    }
};

QTEST_MAIN(TestProductEditor)
#include "tst_producteditor.moc"
