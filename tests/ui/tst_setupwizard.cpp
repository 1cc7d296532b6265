#include "models/services/setupservice.h"
#include "tests/common/mnemonics.h"
#include "tests/common/namedchild.h"
#include "tests/common/testdatabase.h"
#include "ui/errorbanner.h"
#include "ui/setupwizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace Qt::StringLiterals;

/*!
 * The first start as the owner goes through it: each page's keyboard shortcuts lead to one
 * place each, and a mistake's message goes away as soon as the input is right again.
 */
class TestSetupWizard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<SetupService> m_setup;
    std::unique_ptr<SetupWizard> m_wizard;

    template<typename T>
    T *child(const QString &name)
    {
        return namedChild<T>(*m_wizard, name);
    }

    //! Every visible widget with a mnemonic on the current page, with the wizard's buttons.
    QMultiHash<QString, QString> mnemonicsOnCurrentPage()
    {
        QList<QWidget *> widgets = m_wizard->currentPage()->findChildren<QWidget *>();
        for (auto which : {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton,
                           QWizard::FinishButton, QWizard::CancelButton, QWizard::HelpButton}) {
            widgets << m_wizard->button(which);
        }
        return visibleMnemonics(widgets);
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
        m_setup = std::make_unique<SetupService>(m_scratch->db(), u"1"_s);
        m_setup->setPinIterations(10);
        m_wizard = std::make_unique<SetupWizard>(*m_setup);
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    }

    void cleanup()
    {
        m_wizard.reset();
        m_setup.reset();
        m_scratch.reset();
    }

    void noPageHasTwoWidgetsWithTheSameMnemonic()
    {
        child<QLineEdit>(u"storeNameEdit"_s)->setText(u"Corner Market"_s);
        for (int page : {SetupWizard::StorePage, SetupWizard::AdminPage}) {
            QCOMPARE(m_wizard->currentId(), page);
            const QMultiHash<QString, QString> keys = mnemonicsOnCurrentPage();
            QVERIFY(!keys.isEmpty());
            for (const QString &key : keys.uniqueKeys()) {
                const QStringList texts = keys.values(key);
                QVERIFY2(texts.size() == 1, qPrintable(u"page %1: Alt+%2 is on %3"_s.arg(page).arg(
                                                    key, texts.join(u", "_s))));
            }
            if (page == SetupWizard::StorePage) {
                m_wizard->next();
            }
        }
    }

    void theStoreErrorGoesOnceTheInputIsValid()
    {
        // Given a store page without the store's name
        auto *banner = child<ErrorBanner>(u"storeErrorBanner"_s);
        auto *name = child<QLineEdit>(u"storeNameEdit"_s);
        name->clear();
        // When the owner goes on, the page says what is missing
        m_wizard->next();
        QCOMPARE(m_wizard->currentId(), int(SetupWizard::StorePage));
        QVERIFY(banner->isVisible());
        // Then typing the name takes the message away without pressing Next again
        QTest::keyClicks(name, u"Corner Market"_s);
        QVERIFY(!banner->isVisible());
        QCOMPARE(m_wizard->currentId(), int(SetupWizard::StorePage));
    }

    void theStoreErrorFollowsTheNextProblem()
    {
        auto *banner = child<ErrorBanner>(u"storeErrorBanner"_s);
        child<QLineEdit>(u"storeNameEdit"_s)->clear();
        auto *code = child<QLineEdit>(u"currencyCodeEdit"_s);
        code->clear();
        m_wizard->next();
        QVERIFY(banner->isVisible());
        const QString first = banner->text();
        // Fixing the name leaves the currency code the page still cannot take.
        QTest::keyClicks(child<QLineEdit>(u"storeNameEdit"_s), u"Corner Market"_s);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text() != first);
        QTest::keyClicks(code, u"EUR"_s);
        QVERIFY(!banner->isVisible());
    }

    void thePassphraseErrorGoesOnceBothAgree()
    {
        child<QLineEdit>(u"storeNameEdit"_s)->setText(u"Corner Market"_s);
        m_wizard->next();
        QCOMPARE(m_wizard->currentId(), int(SetupWizard::AdminPage));
        auto *banner = child<ErrorBanner>(u"adminErrorBanner"_s);
        child<QLineEdit>(u"nameEdit"_s)->setText(u"Rosa Admin"_s);
        child<QLineEdit>(u"secretEdit"_s)->setText(u"correct horse battery"_s);
        child<QLineEdit>(u"repeatEdit"_s)->setText(u"correct horse"_s);
        // Finishing with two different passphrases is refused with a message
        m_wizard->button(QWizard::FinishButton)->click();
        QVERIFY(banner->isVisible());
        QVERIFY(!m_wizard->administrator());
        // Typing the same one again takes the message away at once
        QTest::keyClicks(child<QLineEdit>(u"repeatEdit"_s), u"correct horse battery"_s);
        QVERIFY(!banner->isVisible());
    }

    void theAdminNameErrorGoesOnceTyped()
    {
        child<QLineEdit>(u"storeNameEdit"_s)->setText(u"Corner Market"_s);
        m_wizard->next();
        auto *banner = child<ErrorBanner>(u"adminErrorBanner"_s);
        child<QLineEdit>(u"nameEdit"_s)->clear();
        child<QLineEdit>(u"secretEdit"_s)->setText(u"correct horse battery"_s);
        child<QLineEdit>(u"repeatEdit"_s)->setText(u"correct horse battery"_s);
        m_wizard->button(QWizard::FinishButton)->click();
        QVERIFY(banner->isVisible());
        QTest::keyClicks(child<QLineEdit>(u"nameEdit"_s), u"Rosa"_s);
        QVERIFY(!banner->isVisible());
        // And the store is created once everything is right
        m_wizard->button(QWizard::FinishButton)->click();
        QVERIFY(m_wizard->administrator());
    }
};

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
