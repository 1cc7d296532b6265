#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/quickkeybutton.h"
#include "ui/quickkeyseditor.h"

#include <QLabel>
#include <QTabBar>
#include <QTest>

using namespace Qt::StringLiterals;

//! A manager arranges the sale screen's quick keys, page by page.
class TestQuickKeysEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    Product m_cola;
    Product m_bread;

    QList<std::pair<int, QString>> held()
    {
        QList<std::pair<int, QString>> keys;
        const auto stored = m_services->catalogue.quickKeys();
        for (const QuickKey &key : stored.value()) {
            keys.append({key.position, key.item.product.name});
        }
        return keys;
    }
    using Held = QList<std::pair<int, QString>>;

    static QString keyText(QuickKeysEditor &editor, int slot)
    {
        return namedChild<QuickKeyButton>(editor, u"key%1"_s.arg(slot))->text();
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_cola = m_store->addProduct(u"COLA"_s, u"Cola"_s, {{u"Can"_s, 1, 119, {}}}, 60);
        m_bread = m_store->addProduct(u"BREAD"_s, u"Organic wholegrain spelt bread with seeds"_s,
                                      {{u"Loaf"_s, 1, 349, {}}}, 5);
        m_services = m_store->services(m_store->manager);
    }

    void cleanup()
    {
        m_services.reset();
        m_store.reset();
    }

    void aManagerPutsMovesAndEmptiesKeysOnTwoPages()
    {
        QuickKeysEditor editor(*m_services);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QCOMPARE(editor.pageCount(), 1);

        // Put Cola on the first key
        QTest::mouseClick(namedChild<QuickKeyButton>(editor, u"key1"_s), Qt::LeftButton);
        QCOMPARE(editor.selectedPosition(), 0);
        QVERIFY(editor.putOnSelectedKey(m_cola, m_cola.units.at(0)));
        QVERIFY2(keyText(editor, 1).contains(u"Cola"_s), qPrintable(keyText(editor, 1)));
        QCOMPARE(held(), (Held{{0, u"Cola"_s}}));

        // Move it on by one key
        QTest::mouseClick(namedChild<QPushButton>(editor, u"moveOnButton"_s), Qt::LeftButton);
        QCOMPARE(held(), (Held{{1, u"Cola"_s}}));
        QVERIFY(keyText(editor, 2).contains(u"Cola"_s));
        QVERIFY(!keyText(editor, 1).contains(u"Cola"_s));
        QCOMPARE(editor.selectedPosition(), 1);

        // A second page, with the bread on its first key
        QTest::mouseClick(namedChild<QPushButton>(editor, u"addPageButton"_s), Qt::LeftButton);
        QCOMPARE(editor.pageCount(), 2);
        QCOMPARE(namedChild<QTabBar>(editor, u"pageTabs"_s)->currentIndex(), 1);
        QCOMPARE(editor.selectedPosition(), QuickKey::kKeysPerPage);
        QVERIFY(editor.putOnSelectedKey(m_bread, m_bread.units.at(0)));
        QCOMPARE(held(), (Held{{1, u"Cola"_s}, {12, m_bread.name}}));

        // Emptying the key on page 1
        namedChild<QTabBar>(editor, u"pageTabs"_s)->setCurrentIndex(0);
        QTest::mouseClick(namedChild<QuickKeyButton>(editor, u"key2"_s), Qt::LeftButton);
        QTest::mouseClick(namedChild<QPushButton>(editor, u"removeButton"_s), Qt::LeftButton);
        QCOMPARE(held(), (Held{{12, m_bread.name}}));

        // Opened again, the editor shows both pages.
        QuickKeysEditor again(*m_services);
        QCOMPARE(again.pageCount(), 2);
    }

    void aCashiersChangeIsRefusedAndSaid()
    {
        m_services->session.signOut();
        m_services->session.signIn(m_store->cashier);
        QuickKeysEditor editor(*m_services);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(!editor.putOnSelectedKey(m_cola, m_cola.units.at(0)));
        QCOMPARE(held(), Held{});
        QVERIFY(!editor.findChild<QLabel *>(u"errorLabel"_s)->text().isEmpty());
    }

    void aLongNameIsNeverCutOff_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x768 grid") << QSize(96, 56);
        QTest::newRow("narrow") << QSize(80, 52);
        QTest::newRow("wide") << QSize(200, 80);
    }

    void aLongNameIsNeverCutOff()
    {
        QFETCH(QSize, size);
        const QString text
                = u"Organic wholegrain spelt bread with sunflower seeds\nLoaf · 3.49 €"_s;
        QFont font;
        font.setPointSizeF(11);
        const QFont fitted = QuickKeyButton::fittedFont(text, font, size);
        const QRect needed = QFontMetrics(fitted).boundingRect(
                QRect(QPoint(0, 0), size), Qt::AlignCenter | Qt::TextWordWrap, text);
        QVERIFY2(needed.width() <= size.width() && needed.height() <= size.height(),
                 qPrintable(u"%1x%2 at %3 pt"_s.arg(needed.width())
                                    .arg(needed.height())
                                    .arg(fitted.pointSizeF())));
        // It wraps before it shrinks: a wide key keeps the font.
        if (size.width() >= 200) {
            QCOMPARE(fitted.pointSizeF(), 11.0);
        }

        // And the key on screen draws the whole text, not an elided one.
        QuickKeyButton key;
        key.setText(text);
        key.resize(size);
        QCOMPARE(key.text(), text);
    }
};

QTEST_MAIN(TestQuickKeysEditor)
#include "tst_quickkeyseditor.moc"
