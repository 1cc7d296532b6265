#include "models/domain/quantity.h"

#include <QLocale>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(PackSize)
Q_DECLARE_METATYPE(QuantityPart)

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

const PackSize kBottle{u"Bottle"_s, 8};
const PackSize kCase{u"Case of 24"_s, 24};
const PackSize kBox{u"Box of 12"_s, 12};
const PackSize kPiece{u"Piece"_s, 1};
const PackSize kPallet{u"Pallet of 1000"_s, 1000};

using Packs = QList<PackSize>;
using Parts = QList<QuantityPart>;

} // namespace

// The header leaves QuantityPart a plain struct; these let QCOMPARE compare and print it.
bool operator==(const QuantityPart &a, const QuantityPart &b)
{
    return a.unitName == b.unitName && a.count == b.count;
}

char *toString(const QuantityPart &part)
{
    const QByteArray text = QByteArray::number(part.count) + " × " + part.unitName.toUtf8();
    return qstrdup(text.constData());
}

class TestQuantity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void split_data();
    void split();
    void format_data();
    void format();
    void formatFollowsLocale_data();
    void formatFollowsLocale();
    void toBase_data();
    void toBase();
};

void TestQuantity::cleanup()
{
    QLocale::setDefault(QLocale::system());
}

void TestQuantity::split_data()
{
    QTest::addColumn<qint64>("baseQuantity");
    QTest::addColumn<Packs>("units");
    QTest::addColumn<QString>("baseUnitName");
    QTest::addColumn<Parts>("expected");

    const QString glass = u"Glass"_s;
    const QString piece = kPiece.name;

    QTest::newRow("glasses from a bottle")
            << 7LL << Packs{kBottle} << glass << Parts{{kBottle.name, 0}, {glass, 7}};
    QTest::newRow("a bottle and a glass")
            << 9LL << Packs{kBottle} << glass << Parts{{kBottle.name, 1}, {glass, 1}};
    QTest::newRow("boxes and pieces")
            << 41LL << Packs{kBox, kPiece} << piece << Parts{{kBox.name, 3}, {piece, 5}};
    QTest::newRow("base unit given first")
            << 41LL << Packs{kPiece, kBox} << piece << Parts{{kBox.name, 3}, {piece, 5}};
    QTest::newRow("no base unit given")
            << 41LL << Packs{kBox} << piece << Parts{{kBox.name, 3}, {piece, 5}};
    QTest::newRow("middle unit 0 is left out")
            << 53LL << Packs{kCase, kBox, kPiece} << piece << Parts{{kCase.name, 2}, {piece, 5}};
    QTest::newRow("middle unit shown") << 65LL << Packs{kCase, kBox, kPiece} << piece
                                       << Parts{{kCase.name, 2}, {kBox.name, 1}, {piece, 5}};
    QTest::newRow("any order") << 65LL << Packs{kPiece, kCase, kBox} << piece
                               << Parts{{kCase.name, 2}, {kBox.name, 1}, {piece, 5}};
    QTest::newRow("smallest first") << 65LL << Packs{kPiece, kBox, kCase} << piece
                                    << Parts{{kCase.name, 2}, {kBox.name, 1}, {piece, 5}};
    QTest::newRow("zero") << 0LL << Packs{kCase, kBox, kPiece} << piece
                          << Parts{{kCase.name, 0}, {piece, 0}};
    QTest::newRow("multiple of the largest")
            << 48LL << Packs{kCase, kBox, kPiece} << piece << Parts{{kCase.name, 2}, {piece, 0}};
    QTest::newRow("multiple of the middle") << 12LL << Packs{kCase, kBox, kPiece} << piece
                                            << Parts{{kCase.name, 0}, {kBox.name, 1}, {piece, 0}};
    QTest::newRow("fewer than the largest pack")
            << 5LL << Packs{kPallet, kBox, kPiece} << piece << Parts{{kPallet.name, 0}, {piece, 5}};
    QTest::newRow("negative") << -41LL << Packs{kBox, kPiece} << piece
                              << Parts{{kBox.name, -3}, {piece, -5}};
    QTest::newRow("negative glasses")
            << -7LL << Packs{kBottle} << glass << Parts{{kBottle.name, 0}, {glass, -7}};
    QTest::newRow("negative three units") << -65LL << Packs{kCase, kBox, kPiece} << piece
                                          << Parts{{kCase.name, -2}, {kBox.name, -1}, {piece, -5}};
    QTest::newRow("only the base unit") << 41LL << Packs{kPiece} << piece << Parts{{piece, 41}};
    QTest::newRow("no units at all") << 41LL << Packs() << piece << Parts{{piece, 41}};
    QTest::newRow("invalid rates ignored")
            << 41LL << Packs{kBox, PackSize{u"Broken"_s, 0}, PackSize{u"Odd"_s, -3}, kPiece}
            << piece << Parts{{kBox.name, 3}, {piece, 5}};
    QTest::newRow("equal packs keep the catalogue order")
            << 29LL << Packs{PackSize{u"Crate"_s, 24}, kCase, kPiece} << piece
            << Parts{{u"Crate"_s, 1}, {piece, 5}};
    QTest::newRow("second base unit ignored")
            << 5LL << Packs{kPiece, PackSize{u"Unit"_s, 1}} << piece << Parts{{piece, 5}};
    QTest::newRow("large quantity") << kMax << Packs{kPallet, kPiece} << piece
                                    << Parts{{kPallet.name, 9223372036854775LL}, {piece, 807}};
    QTest::newRow("largest quantity in pieces")
            << kMax << Packs{kPiece} << piece << Parts{{piece, kMax}};
    QTest::newRow("most negative quantity in boxes")
            << kMin << Packs{kBox} << piece
            << Parts{{kBox.name, -768614336404564650LL}, {piece, -8}};
    QTest::newRow("most negative quantity in pieces")
            << kMin << Packs() << piece << Parts{{piece, kMin}};
}

void TestQuantity::split()
{
    QFETCH(qint64, baseQuantity);
    QFETCH(Packs, units);
    QFETCH(QString, baseUnitName);
    QFETCH(Parts, expected);

    QCOMPARE(Quantity::split(baseQuantity, units, baseUnitName), expected);
}

void TestQuantity::format_data()
{
    QTest::addColumn<qint64>("baseQuantity");
    QTest::addColumn<Packs>("units");
    QTest::addColumn<QString>("baseUnitName");
    QTest::addColumn<QString>("expected");

    const QString piece = kPiece.name;

    QTest::newRow("glasses from a bottle")
            << 7LL << Packs{kBottle} << u"Glass"_s << u"0 × Bottle + 7 × Glass"_s;
    QTest::newRow("boxes and pieces")
            << 41LL << Packs{kPiece, kBox} << piece << u"3 × Box of 12 + 5 × Piece"_s;
    QTest::newRow("middle unit 0 is left out")
            << 53LL << Packs{kBox, kPiece, kCase} << piece << u"2 × Case of 24 + 5 × Piece"_s;
    QTest::newRow("three units") << 65LL << Packs{kCase, kBox, kPiece} << piece
                                 << u"2 × Case of 24 + 1 × Box of 12 + 5 × Piece"_s;
    QTest::newRow("zero") << 0LL << Packs{kCase, kBox, kPiece} << piece
                          << u"0 × Case of 24 + 0 × Piece"_s;
    QTest::newRow("exact multiple")
            << 36LL << Packs{kBox, kPiece} << piece << u"3 × Box of 12 + 0 × Piece"_s;
    QTest::newRow("negative") << -41LL << Packs{kBox, kPiece} << piece
                              << u"\u2212(3 × Box of 12 + 5 × Piece)"_s;
    QTest::newRow("negative glasses")
            << -7LL << Packs{kBottle} << u"Glass"_s << u"\u2212(0 × Bottle + 7 × Glass)"_s;
    QTest::newRow("base unit only") << 41LL << Packs() << piece << u"41 × Piece"_s;
    QTest::newRow("unit name with a placeholder")
            << 41LL << Packs{PackSize{u"Bag %1"_s, 12}} << piece << u"3 × Bag %1 + 5 × Piece"_s;
    QTest::newRow("large quantity") << kMax << Packs{kPallet, kPiece} << piece
                                    << u"9223372036854775 × Pallet of 1000 + 807 × Piece"_s;
    QTest::newRow("most negative quantity")
            << kMin << Packs{kPiece} << piece << u"\u2212(9223372036854775808 × Piece)"_s;
}

void TestQuantity::format()
{
    QFETCH(qint64, baseQuantity);
    QFETCH(Packs, units);
    QFETCH(QString, baseUnitName);
    QFETCH(QString, expected);

    // The C locale writes numbers without groups, which keeps these rows about the layout.
    QLocale::setDefault(QLocale::c());
    QCOMPARE(Quantity::format(baseQuantity, units, baseUnitName), expected);
}

void TestQuantity::formatFollowsLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");

    QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany)
                        << u"1.234 × Box of 12 + 5 × Piece"_s;
    QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates)
                           << u"1,234 × Box of 12 + 5 × Piece"_s;
    QTest::newRow("C") << QLocale::c() << u"1234 × Box of 12 + 5 × Piece"_s;
}

void TestQuantity::formatFollowsLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);

    QLocale::setDefault(locale);
    QCOMPARE(Quantity::format(1234 * 12 + 5, {kBox, kPiece}, kPiece.name), expected);
}

void TestQuantity::toBase_data()
{
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<qint64>("basePerUnit");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("three boxes") << 3LL << 12LL << true << 36LL;
    QTest::newRow("base unit") << 5LL << 1LL << true << 5LL;
    QTest::newRow("none") << 0LL << 12LL << true << 0LL;
    QTest::newRow("returned boxes") << -3LL << 12LL << true << -36LL;
    QTest::newRow("largest that fits") << kMax / 12 << 12LL << true << kMax / 12 * 12;
    QTest::newRow("one more overflows") << kMax / 12 + 1 << 12LL << false << 0LL;
    QTest::newRow("most negative that fits") << kMin / 12 << 12LL << true << kMin / 12 * 12;
    QTest::newRow("one less overflows") << kMin / 12 - 1 << 12LL << false << 0LL;
    QTest::newRow("max of the base unit") << kMax << 1LL << true << kMax;
    QTest::newRow("min of the base unit") << kMin << 1LL << true << kMin;
    QTest::newRow("max doubled") << kMax << 2LL << false << 0LL;
    QTest::newRow("min doubled") << kMin << 2LL << false << 0LL;
    QTest::newRow("huge rate") << 2LL << kMax << false << 0LL;
    QTest::newRow("rate 0") << 3LL << 0LL << false << 0LL;
    QTest::newRow("negative rate") << 3LL << -12LL << false << 0LL;
    QTest::newRow("zero at rate 0") << 0LL << 0LL << false << 0LL;
}

void TestQuantity::toBase()
{
    QFETCH(qint64, quantity);
    QFETCH(qint64, basePerUnit);
    QFETCH(bool, fits);
    QFETCH(qint64, expected);

    const std::optional<qint64> base = Quantity::toBase(quantity, basePerUnit);
    QCOMPARE(base.has_value(), fits);
    if (fits) {
        QCOMPARE(*base, expected);
    }
}

QTEST_GUILESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
