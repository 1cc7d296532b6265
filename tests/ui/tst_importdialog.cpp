#include "models/items/importpreviewmodel.h"
#include "models/services/services.h"
#include "tests/common/storefixture.h"
#include "ui/importdialog.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * The import dialog: a file with a bad row shows the row and cannot be imported; a good
 * file is imported on a worker thread while the window stays responsive; a cancelled
 * import leaves nothing behind.
 */
class TestImportDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &rows)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            return {};
        }
        file.write(CatalogueCsv::columns().join(u',').toUtf8() + "\r\n" + rows);
        return path;
    }

    static QByteArray products(int count)
    {
        QByteArray rows;
        for (int i = 0; i < count; ++i) {
            rows += u"IMP-%1,Imported %1,Drinks,Standard,piece,0.50,1,0,1,Bottle,1,1.20,\r\n"_s
                            .arg(i, 5, 10, QChar(u'0'))
                            .toUtf8();
        }
        return rows;
    }

    static QPushButton *importButton(ImportDialog &dialog)
    {
        return dialog.findChild<QPushButton *>(u"importButton"_s);
    }

    static QAbstractItemModel *preview(ImportDialog &dialog)
    {
        return dialog.findChild<QTableView *>(u"previewView"_s)->model();
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_services = m_store->services(m_store->manager);
    }

    void cleanup()
    {
        m_services.reset();
        m_store.reset();
    }

    void aBadRowIsShownAndBlocksTheImport()
    {
        const QString path = writeFile(
                u"bad.csv"_s,
                "TEA-1,Green tea,Groceries,Reduced,piece,,,,1,Box,1,3.49,4006381333931\r\n"
                "TEA-2,Black tea,Groceries,Reduced,piece,,,,1,Box,1,3.29,4006381333932\r\n");
        ImportDialog dialog(*m_services);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QAbstractItemModelTester tester(preview(dialog),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy planned(&dialog, &ImportDialog::planReady);

        dialog.readFile(path);

        QVERIFY(planned.wait(10000));
        QVERIFY(!dialog.isBusy());
        QAbstractItemModel *model = preview(dialog);
        QCOMPARE(model->rowCount(), 2);
        // Line 2 is a new product; line 3 is the error, with its column.
        QCOMPARE(model->index(0, ImportPreviewModel::LineColumn).data().toString(), u"2"_s);
        QCOMPARE(model->index(0, ImportPreviewModel::StatusColumn)
                         .data(ImportPreviewModel::StatusRole)
                         .toInt(),
                 int(ImportPreviewModel::Status::New));
        QCOMPARE(model->index(1, ImportPreviewModel::LineColumn).data().toString(), u"3"_s);
        QCOMPARE(model->index(1, ImportPreviewModel::StatusColumn)
                         .data(ImportPreviewModel::StatusRole)
                         .toInt(),
                 int(ImportPreviewModel::Status::Error));
        QCOMPARE(model->index(1, ImportPreviewModel::FieldColumn).data().toString(), u"barcode"_s);
        QVERIFY(model->index(1, ImportPreviewModel::DetailsColumn)
                        .data()
                        .toString()
                        .contains(u"4006381333932"_s));
        QVERIFY(!importButton(dialog)->isEnabled());
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 0);
    }

    void theTemplateReadsBackWithoutProblems()
    {
        // Given a manager starting a catalogue from the template
        ImportDialog dialog(*m_services);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy planned(&dialog, &ImportDialog::planReady);
        const QString path = m_dir.filePath(u"template.csv"_s);
        // When it is saved, it is read back at once
        QVERIFY(dialog.saveTemplate(path));
        QVERIFY(planned.wait(10000));
        // Then its example rows are new products the import takes as they are
        QAbstractItemModel *model = preview(dialog);
        QCOMPARE(model->rowCount(), 2);
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(model->index(row, ImportPreviewModel::StatusColumn)
                             .data(ImportPreviewModel::StatusRole)
                             .toInt(),
                     int(ImportPreviewModel::Status::New));
        }
        QVERIFY(importButton(dialog)->isEnabled());
    }

    void aRowWithAnUnquotedCommaIsShownAndBlocksTheImport()
    {
        // Given a file whose second product's price was typed with a decimal comma, unquoted
        const QString path = writeFile(
                u"comma.csv"_s, "TEA-1,Green tea,Groceries,Reduced,piece,,,,1,Box,1,3.49,\r\n"
                                "TEA-2,Black tea,Groceries,Reduced,piece,,,,1,Box,1,3,29,\r\n");
        ImportDialog dialog(*m_services);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy planned(&dialog, &ImportDialog::planReady);

        dialog.readFile(path);

        // Then line 3 is an error that says how many fields it has against the header,
        // rather than a price of 3.00 and a barcode "29"
        QVERIFY(planned.wait(10000));
        QAbstractItemModel *model = preview(dialog);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(1, ImportPreviewModel::LineColumn).data().toString(), u"3"_s);
        const QModelIndex status = model->index(1, ImportPreviewModel::StatusColumn);
        QCOMPARE(status.data(ImportPreviewModel::StatusRole).toInt(),
                 int(ImportPreviewModel::Status::Error));
        const QString details
                = model->index(1, ImportPreviewModel::DetailsColumn).data().toString();
        QVERIFY2(details.contains(u"14 instead of 13"_s), qPrintable(details));
        QVERIFY(!importButton(dialog)->isEnabled());
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 0);
    }

    void aGoodFileIsImportedOnAWorker()
    {
        m_store->addProduct(u"IMP-00001"_s, u"Old name"_s, {{u"Bottle"_s, 1, 100, {}}});
        const QString path = writeFile(u"good.csv"_s, products(2500));
        ImportDialog dialog(*m_services);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy planned(&dialog, &ImportDialog::planReady);
        dialog.readFile(path);
        QVERIFY(planned.wait(20000));
        QVERIFY(importButton(dialog)->isEnabled());
        QAbstractItemModel *model = preview(dialog);
        QCOMPARE(model->rowCount(), 2500);
        QCOMPARE(model->index(1, ImportPreviewModel::StatusColumn)
                         .data(ImportPreviewModel::StatusRole)
                         .toInt(),
                 int(ImportPreviewModel::Status::Update));

        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QSignalSpy progressed(&dialog, &ImportDialog::importProgressed);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        // The window is not blocked: the import runs while events are processed here.
        QVERIFY(dialog.isBusy());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(dialog.hasImported());
        QVERIFY(progressed.count() >= 3); // batches of 1000, then the end
        QCOMPARE(dialog.outcome().created, 2499);
        QCOMPARE(dialog.outcome().updated, 1);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE sku LIKE 'IMP-%'"_s), 2500);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products WHERE name = 'Imported 00001'"_s),
                 1);
        QCOMPARE(m_store->scalar(u"SELECT SUM(price_minor) FROM product_units"_s), 2500 * 120);
        QVERIFY(!importButton(dialog)->isEnabled());
        QVERIFY(dialog.findChild<QDialogButtonBox *>()
                        ->button(QDialogButtonBox::Close)
                        ->isEnabled());
    }

    void aCancelledImportLeavesNothing()
    {
        const QString path = writeFile(u"many.csv"_s, products(3000));
        ImportDialog dialog(*m_services);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy planned(&dialog, &ImportDialog::planReady);
        dialog.readFile(path);
        QVERIFY(planned.wait(20000));

        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton(dialog), Qt::LeftButton);
        auto *progress = dialog.findChild<QProgressDialog *>(u"importProgress"_s);
        QVERIFY(progress);
        // Closing the dialog meanwhile is refused: the worker still reports to it.
        dialog.reject();
        QVERIFY(dialog.isVisible());
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();

        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!dialog.hasImported());
        QVERIFY(dialog.findChild<QLabel *>(u"summaryLabel"_s)->text().contains(u"cancelled"_s));
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM products"_s), 0);
        QCOMPARE(m_store->scalar(u"SELECT COUNT(*) FROM product_units"_s), 0);
    }

    void aCashierMayNotImport()
    {
        m_services->session.signIn(m_store->cashier);
        const QString path = writeFile(u"cashier.csv"_s, products(2));
        ImportDialog dialog(*m_services);
        QSignalSpy planned(&dialog, &ImportDialog::planReady);
        dialog.readFile(path);
        QTRY_VERIFY(!dialog.isBusy());
        QCOMPARE(planned.count(), 0);
        QVERIFY(!importButton(dialog)->isEnabled());
        QVERIFY(!dialog.findChild<QLabel *>(u"errorLabel"_s)->text().isEmpty());
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
