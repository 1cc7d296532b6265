#include "models/domain/product.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(BaseUnit)

//! Stock in the words a manager reads at a glance, whatever units the catalogue has.
class TestStockWording : public QObject
{
    Q_OBJECT

    static Product product(BaseUnit base, const QList<std::pair<QString, qint64>> &units,
                           qint64 stock)
    {
        Product p;
        p.baseUnit = base;
        p.stockBase = stock;
        for (const auto &[name, size] : units) {
            ProductUnit unit;
            unit.name = name;
            unit.basePerUnit = size;
            p.units.append(unit);
        }
        return p;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void stockText_data()
    {
        QTest::addColumn<Product>("product");
        QTest::addColumn<QString>("expected");
        using Units = QList<std::pair<QString, qint64>>;
        const Units beer = {{u"1 l bottle"_s, 1000}, {u"Crate of 6 l"_s, 6000}};
        const Units cola = {{u"Can"_s, 1}, {u"Six-pack"_s, 6}, {u"Case of 24"_s, 24}};
        const auto ml = BaseUnit::Millilitre;

        QTest::newRow("crates and bottles")
                << product(ml, beer, 7 * 6000 + 4 * 1000) << u"7 crates + 4 bottles"_s;
        QTest::newRow("below a bottle, in ml") << product(ml, beer, 7 * 6000 + 4 * 1000 + 960)
                                               << u"7 crates + 4 bottles + 960 ml"_s;
        QTest::newRow("full crates only") << product(ml, beer, 12000) << u"2 crates"_s;
        QTest::newRow("one of each") << product(ml, beer, 6000 + 1000) << u"1 crate + 1 bottle"_s;
        QTest::newRow("nothing, in the sale unit") << product(ml, beer, 0) << u"0 bottles"_s;
        QTest::newRow("less than a bottle") << product(ml, beer, 250) << u"250 ml"_s;
        QTest::newRow("short: negative")
                << product(ml, beer, -(6000 + 1000)) << u"−(1 crate + 1 bottle)"_s;
        // The six-pack in between is skipped: largest pack, then the rest in cans.
        QTest::newRow("largest pack, then the sale unit")
                << product(BaseUnit::Piece, cola, 24 + 6 + 1) << u"1 case + 7 cans"_s;
        QTest::newRow("one can") << product(BaseUnit::Piece, cola, 1) << u"1 can"_s;
        QTest::newRow("pieces") << product(BaseUnit::Piece, {{u"Piece"_s, 1}}, 12)
                                << u"12 pieces"_s;
        QTest::newRow("one piece")
                << product(BaseUnit::Piece, {{u"Piece"_s, 1}}, 1) << u"1 piece"_s;
        QTest::newRow("grams sold by the bag")
                << product(BaseUnit::Gram, {{u"1 kg bag"_s, 1000}}, 10500) << u"10 bags + 500 g"_s;
        // Two units called "bag" keep their names, or "5 bags + 1 bag" would say nothing.
        QTest::newRow("two kinds of bag")
                << product(BaseUnit::Gram, {{u"1 kg bag"_s, 1000}, {u"2 kg bag"_s, 2000}}, 5500)
                << u"2 × 2 kg bag + 1 × 1 kg bag + 500 g"_s;
        QTest::newRow("a name that is no pack word")
                << product(BaseUnit::Piece, {{u"Gift hamper"_s, 1}}, 3) << u"3 × Gift hamper"_s;
        QTest::newRow("thousands")
                << product(BaseUnit::Piece, {{u"Piece"_s, 1}}, 12345) << u"12,345 pieces"_s;
    }

    void stockText()
    {
        QFETCH(Product, product);
        QFETCH(QString, expected);
        QCOMPARE(product.stockText(), expected);
    }

    void toolTipHasTheExactBaseTotal_data()
    {
        QTest::addColumn<Product>("product");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ml") << product(BaseUnit::Millilitre, {{u"Crate of 6 l"_s, 6000}}, 42960)
                            << u"Exactly 42,960 ml"_s;
        QTest::newRow("g") << product(BaseUnit::Gram, {{u"1 kg bag"_s, 1000}}, 10500)
                           << u"Exactly 10,500 g"_s;
        QTest::newRow("pieces") << product(BaseUnit::Piece, {{u"Case of 24"_s, 24}}, 31)
                                << u"Exactly 31 pieces"_s;
    }

    void toolTipHasTheExactBaseTotal()
    {
        QFETCH(Product, product);
        QFETCH(QString, expected);
        QCOMPARE(product.stockToolTip(), expected);
    }
};

QTEST_MAIN(TestStockWording)
#include "tst_stockwording.moc"
