#include "models/items/pricechangemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPriceChangeModel : public QObject
{
    Q_OBJECT

private:
    static PriceChangeRow row(qint64 unitId, const QString &unit, qint64 oldMinor, qint64 newMinor)
    {
        PriceChangeRow r;
        r.unitId = unitId;
        r.sku = u"W-1"_s;
        r.productName = u"Water"_s;
        r.unitName = unit;
        r.oldPrice = Money::fromMinor(oldMinor);
        r.newPrice = Money::fromMinor(newMinor);
        return r;
    }

    QVariant cell(int row, int column, int role = Qt::DisplayRole) const
    {
        return m_model->index(row, column).data(role);
    }

    std::unique_ptr<PriceChangeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland)); }

    void init()
    {
        m_model = std::make_unique<PriceChangeModel>();
        m_model->setCurrencySymbol(u"€"_s);
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void eachUnitShowsItsPriceBeforeAndAfter()
    {
        // Given a change that raises the bottle and lowers the crate
        m_model->setRows({row(11, u"Bottle"_s, 99, 109), row(12, u"Crate of 6"_s, 549, 529)});

        // Then each unit reads with its old and new price and the difference, signed
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->columnCount(), int(PriceChangeModel::ColumnCount));
        QCOMPARE(cell(0, PriceChangeModel::SkuColumn).toString(), u"W-1"_s);
        QCOMPARE(cell(0, PriceChangeModel::UnitColumn).toString(), u"Bottle"_s);
        QCOMPARE(cell(0, PriceChangeModel::OldPriceColumn).toString(), u"€0.99"_s);
        QCOMPARE(cell(0, PriceChangeModel::NewPriceColumn).toString(), u"€1.09"_s);
        QCOMPARE(cell(0, PriceChangeModel::DifferenceColumn).toString(), u"+€0.10"_s);
        QCOMPARE(cell(1, PriceChangeModel::DifferenceColumn).toString(), u"-€0.20"_s);
        QCOMPARE(cell(1, 0, PriceChangeModel::UnitIdRole).toLongLong(), 12);
        QCOMPARE(cell(1, 0, PriceChangeModel::OldMinorRole).toLongLong(), 549);
        QCOMPARE(cell(1, 0, PriceChangeModel::NewMinorRole).toLongLong(), 529);
        // And a rise and a cut do not look alike
        QVERIFY(cell(0, PriceChangeModel::DifferenceColumn, Qt::ForegroundRole)
                != cell(1, PriceChangeModel::DifferenceColumn, Qt::ForegroundRole));
        QVERIFY(cell(0, PriceChangeModel::DifferenceColumn, Qt::ToolTipRole).isNull());
    }

    void aPriceBelowZeroSaysWhyItCannotBeApplied()
    {
        m_model->setRows({row(11, u"Bottle"_s, 99, -1)});
        QVERIFY(cell(0, PriceChangeModel::NewPriceColumn, Qt::ToolTipRole)
                        .toString()
                        .contains(u"negative"_s));
    }

    void thePreviewFollowsTheChangeBeingTyped()
    {
        // Given the preview of a change to three units
        m_model->setRows({row(11, u"Bottle"_s, 99, 109), row(12, u"Crate of 6"_s, 549, 604),
                          row(13, u"Pallet"_s, 9900, 10890)});
        QCOMPARE(m_model->rowCount(), 3);

        // When the manager narrows it to one unit, then empties the form
        m_model->setRows({row(12, u"Crate of 6"_s, 549, 499)});
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(cell(0, PriceChangeModel::NewPriceColumn).toString(), u"€4.99"_s);
        m_model->clear();

        // Then nothing is left to apply
        QCOMPARE(m_model->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPriceChangeModel)

#include "tst_pricechangemodel.moc"
