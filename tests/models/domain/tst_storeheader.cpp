#include "models/domain/storeheader.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestStoreHeader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aReceiptCarriesTheStoresOwnHeader()
    {
        // Given a store that set its name, address, tax number and symbol
        const QHash<QString, QString> settings{
                {Setting::StoreName.key, u"Corner Market"_s},
                {Setting::StoreAddress.key, u"Lindenstraße 12, 04177 Leipzig"_s},
                {Setting::StoreTaxId.key, u"DE 123 456 789"_s},
                {Setting::CurrencySymbol.key, u"CHF"_s},
                {Setting::Currency.key, u"CHF"_s}};
        ReceiptData receipt;
        receipt.number = 42;
        // When its header goes on a receipt
        StoreHeader::from(settings).applyTo(receipt);
        // Then the receipt names the store as it was set, and keeps its own figures
        QCOMPARE(receipt.storeName, u"Corner Market"_s);
        QCOMPARE(receipt.storeAddress, u"Lindenstraße 12, 04177 Leipzig"_s);
        QCOMPARE(receipt.taxId, u"DE 123 456 789"_s);
        QCOMPARE(receipt.currencySymbol, u"CHF"_s);
        QCOMPARE(receipt.number, 42);
    }

    void aStoreThatSetNothingGetsTheDefaults()
    {
        const StoreHeader header = StoreHeader::from({});
        QCOMPARE(header.name, Setting::StoreName.defaultValue);
        QCOMPARE(header.currencySymbol, Setting::CurrencySymbol.defaultValue);
        QVERIFY(!header.currencySymbol.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreHeader)
#include "tst_storeheader.moc"
