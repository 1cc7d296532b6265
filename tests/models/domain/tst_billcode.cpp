#include "models/domain/billcode.h"
#include "models/domain/receipt.h"

#include <QTest>

using namespace Qt::StringLiterals;

//! The code on every receipt: what the printer writes is what the bill search reads back.
class TestBillCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writes_data()
    {
        QTest::addColumn<BillCode>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("bill") << BillCode::bill(u"1"_s, 42) << u"1-000042"_s;
        QTest::newRow("refund") << BillCode::refund(u"1"_s, 231) << u"R1-000231"_s;
        QTest::newRow("six digits") << BillCode::bill(u"2"_s, 999999) << u"2-999999"_s;
        QTest::newRow("seven digits kept") << BillCode::bill(u"2"_s, 1234567) << u"2-1234567"_s;
        QTest::newRow("named lane") << BillCode::bill(u"back-1"_s, 7) << u"back-1-000007"_s;
    }
    void writes()
    {
        QFETCH(BillCode, code);
        QFETCH(QString, text);
        QCOMPARE(code.toString(), text);
        // Read back, it is the same code.
        QCOMPARE(BillCode::fromString(text, u"9"_s), std::optional<BillCode>(code));
    }

    void reads_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<BillCode>("code");
        QTest::newRow("padded") << u"1-000042"_s << BillCode::bill(u"1"_s, 42);
        QTest::newRow("unpadded") << u"3-42"_s << BillCode::bill(u"3"_s, 42);
        QTest::newRow("spaces around") << u"  1-000042 "_s << BillCode::bill(u"1"_s, 42);
        QTest::newRow("number alone is this lane's") << u"42"_s << BillCode::bill(u"this"_s, 42);
        QTest::newRow("refund") << u"R1-000231"_s << BillCode::refund(u"1"_s, 231);
        QTest::newRow("refund of a named lane")
                << u"Rback-1-000005"_s << BillCode::refund(u"back-1"_s, 5);
        QTest::newRow("lane R alone is a lane") << u"R-5"_s << BillCode::bill(u"R"_s, 5);
    }
    void reads()
    {
        QFETCH(QString, text);
        QFETCH(BillCode, code);
        QCOMPARE(BillCode::fromString(text, u"this"_s), std::optional<BillCode>(code));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << u"   "_s;
        QTest::newRow("letters") << u"abc"_s;
        QTest::newRow("no number") << u"1-"_s;
        QTest::newRow("zero") << u"1-000000"_s;
        QTest::newRow("negative") << u"-5"_s;
        QTest::newRow("R without a lane") << u"R5"_s;
        QTest::newRow("letters after the dash") << u"1-00004x"_s;
    }
    void refuses()
    {
        QFETCH(QString, text);
        QCOMPARE(BillCode::fromString(text, u"1"_s), std::nullopt);
    }

    void aReceiptPrintsItsCodes()
    {
        ReceiptData bill;
        bill.lane = u"1"_s;
        bill.number = 42;
        QCOMPARE(bill.code(), u"1-000042"_s);
        QCOMPARE(bill.originalCode(), QString());
        QCOMPARE(bill.fileName(), u"bill-1-000042.pdf"_s);

        ReceiptData refund = bill;
        refund.isRefund = true;
        refund.number = 231;
        refund.originalLane = u"2"_s;
        refund.originalNumber = 9184;
        QCOMPARE(refund.code(), u"R1-000231"_s);
        QCOMPARE(refund.originalCode(), u"2-009184"_s);
        QCOMPARE(refund.fileName(), u"refund-R1-000231.pdf"_s);
    }
};

QTEST_APPLESS_MAIN(TestBillCode)
#include "tst_billcode.moc"
