#include "models/db/settingsrepository.h"
#include "models/services/authservice.h"
#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/diagnosticsdialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<MainWindow> m_window;

    template<typename T>
    T *child(const QString &name)
    {
        return namedChild<T>(*m_window, name);
    }
    QStackedWidget *pages() { return child<QStackedWidget>(u"pages"_s); }
    QStackedWidget *areaPages() { return child<QStackedWidget>(u"areaPages"_s); }
    QLineEdit *userEdit() { return child<QLineEdit>(u"userEdit"_s); }
    QLineEdit *pinEdit() { return child<QLineEdit>(u"pinEdit"_s); }
    QString currentPage() { return pages()->currentWidget()->objectName(); }
    QString currentArea() { return areaPages()->currentWidget()->objectName(); }

    void signIn(const QString &login, const QString &pin)
    {
        QTest::keyClicks(userEdit(), login);
        QTest::keyClick(userEdit(), Qt::Key_Return);
        QTest::keyClicks(pinEdit(), pin);
        QTest::keyClick(pinEdit(), Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        usePrivateUserFolders(u"tst_mainwindow"_s);
        QSettings().clear();
    }

    void init()
    {
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
        const Database &db = m_scratch->db();
        QVERIFY(StoreFixture::addUser(db, u"anna"_s, u"Anna Berger"_s, Role::Cashier, u"4711"_s).id
                > 0);
        QVERIFY(StoreFixture::addUser(db, u"max"_s, u"Max Weber"_s, Role::Manager, u"2468"_s).id
                > 0);
        m_services = std::make_unique<Services>(m_scratch->db(), u"2"_s);
        m_window = std::make_unique<MainWindow>(*m_services, u"Corner Market"_s);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_services.reset();
        m_scratch.reset();
    }

    void startsOnTheLoginPage()
    {
        QCOMPARE(currentPage(), u"loginPage"_s);
        QVERIFY(!child<QWidget>(u"workspacePage"_s)->isVisible());
        QCOMPARE(m_window->windowTitle(), u"Till — Corner Market"_s);
        QVERIFY(child<QLabel>(u"databaseLabel"_s)->text().contains(m_scratch->db().description()));
        QCOMPARE(child<QLabel>(u"laneLabel"_s)->text(), u"Lane 2"_s);
        QVERIFY(!child<QLabel>(u"userStatusLabel"_s)->isVisible());
        QVERIFY(!child<QAction>(u"signOutAction"_s)->isEnabled());
        QVERIFY(!child<QAction>(u"productsAction"_s)->isEnabled());
        QCOMPARE(QApplication::focusWidget(), userEdit());
    }

    void wrongPinKeepsTheLoginPage()
    {
        signIn(u"anna"_s, u"1111"_s);
        QCOMPARE(child<QLabel>(u"messageLabel"_s)->text(),
                 AuthService::message(AuthService::SignInResult{}));
        QCOMPARE(currentPage(), u"loginPage"_s);
        QVERIFY(!child<QWidget>(u"workspacePage"_s)->isVisible());
        QVERIFY(!m_services->session.isSignedIn());
        QCOMPARE(pinEdit()->text(), QString());
    }

    void rightPinOpensTheWorkspace()
    {
        signIn(u"anna"_s, u"1111"_s);
        QTest::keyClicks(pinEdit(), u"4711"_s);
        QTest::keyClick(pinEdit(), Qt::Key_Return);

        QCOMPARE(currentPage(), u"workspacePage"_s);
        QVERIFY(child<QWidget>(u"workspacePage"_s)->isVisible());
        QVERIFY(m_services->session.isSignedIn());
        QCOMPARE(m_services->session.user()->login, u"anna"_s);
        QCOMPARE(currentArea(), u"checkoutPage"_s);
        QCOMPARE(m_window->currentArea(), Area::Checkout);

        auto *user = child<QLabel>(u"userStatusLabel"_s);
        QVERIFY(user->isVisible());
        QVERIFY(user->text().contains(u"Anna Berger"_s));
        QVERIFY(user->text().contains(Roles::displayName(Role::Cashier)));
        QVERIFY(child<QLabel>(u"databaseLabel"_s)->text().contains(m_scratch->db().description()));
        QVERIFY(child<QAction>(u"signOutAction"_s)->isEnabled());
    }

    void keypadSignsIn()
    {
        QTest::keyClicks(userEdit(), u"anna"_s);
        for (const QChar digit : u"4711"_s) {
            QTest::mouseClick(child<QPushButton>(u"digit%1Button"_s.arg(digit)), Qt::LeftButton);
        }
        QCOMPARE(pinEdit()->text(), u"4711"_s);
        QTest::mouseClick(child<QPushButton>(u"signInButton"_s), Qt::LeftButton);
        QCOMPARE(currentPage(), u"workspacePage"_s);
    }

    void shortcutsChooseTheArea()
    {
        signIn(u"anna"_s, u"4711"_s);
        QCOMPARE(currentArea(), u"checkoutPage"_s);

        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(currentArea(), u"productsPage"_s);
        QVERIFY(child<QWidget>(u"productsPage"_s)->isVisible());
        QVERIFY(child<QAction>(u"productsAction"_s)->isChecked());

        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(currentArea(), u"refundsPage"_s);
    }

    void areaPagesSayWhatTheyAreFor()
    {
        // Areas without a screen of their own yet introduce themselves, whichever they are.
        signIn(u"max"_s, u"2468"_s);
        for (const AreaInfo &info : AreaInfo::all()) {
            m_window->showArea(info.area);
            auto *page = m_window->findChild<QWidget *>(info.key + u"Page"_s);
            auto *title = page ? page->findChild<QLabel *>(u"areaTitleLabel"_s) : nullptr;
            if (title) {
                QCOMPARE(title->text(), info.title);
                QVERIFY(!page->findChild<QLabel *>(u"areaDescriptionLabel"_s)->text().isEmpty());
            }
        }
    }

    void cashiersLookUpProductsButDoNotEditThem()
    {
        signIn(u"anna"_s, u"4711"_s);
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        auto *page = child<QWidget>(u"productsPage"_s);
        QVERIFY(page->findChild<QTableView *>(u"productsView"_s)->isVisible());
        QVERIFY(!page->findChild<QAction *>(u"newProductAction"_s)->isEnabled());
        QVERIFY(!page->findChild<QAction *>(u"priceChangeAction"_s)->isEnabled());
        QVERIFY(!page->findChild<QAction *>(u"importAction"_s)->isEnabled());
        QVERIFY(page->findChild<QAction *>(u"exportAction"_s)->isEnabled());
    }

    void cashiersDoNotSeeManagersAreas()
    {
        signIn(u"anna"_s, u"4711"_s);
        QVERIFY(!child<QAction>(u"usersAction"_s)->isVisible());
        QVERIFY(!child<QAction>(u"reportsAction"_s)->isVisible());
        QVERIFY(!child<QAction>(u"settingsAction"_s)->isVisible());
        QTest::keyClick(m_window.get(), Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(currentArea(), u"checkoutPage"_s);
    }

    void managersSeeTheirAreas()
    {
        signIn(u"max"_s, u"2468"_s);
        QVERIFY(child<QAction>(u"usersAction"_s)->isVisible());
        QVERIFY(!child<QAction>(u"settingsAction"_s)->isVisible());
        QTest::keyClick(m_window.get(), Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(currentArea(), u"usersPage"_s);
        QVERIFY(child<QLabel>(u"userStatusLabel"_s)
                        ->text()
                        .contains(Roles::displayName(Role::Manager)));
    }

    void signOutReturnsToAnEmptyLoginPage()
    {
        signIn(u"anna"_s, u"4711"_s);
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(currentPage(), u"workspacePage"_s);

        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);

        QCOMPARE(currentPage(), u"loginPage"_s);
        QVERIFY(!m_services->session.isSignedIn());
        QCOMPARE(userEdit()->text(), QString());
        QCOMPARE(pinEdit()->text(), QString());
        QCOMPARE(child<QLabel>(u"messageLabel"_s)->text(), QString());
        QVERIFY(!child<QLabel>(u"userStatusLabel"_s)->isVisible());
        QVERIFY(!child<QAction>(u"signOutAction"_s)->isEnabled());

        // The next person starts at the checkout, not where the last one left off.
        signIn(u"anna"_s, u"4711"_s);
        QCOMPARE(currentArea(), u"checkoutPage"_s);
    }

    void statusBarButtonSignsOut()
    {
        signIn(u"anna"_s, u"4711"_s);
        auto *button = child<QToolButton>(u"signOutButton"_s);
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(currentPage(), u"loginPage"_s);
        QVERIFY(!button->isVisible());
    }

    void f12OpensDiagnostics()
    {
        signIn(u"anna"_s, u"4711"_s);
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(m_window->findChild<DiagnosticsDialog *>(), nullptr);

        QTest::keyClick(m_window.get(), Qt::Key_F12);

        auto *dialog = m_window->findChild<DiagnosticsDialog *>(u"diagnosticsDialog"_s);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        auto *operations = dialog->findChild<QTableView *>(u"operationsView"_s);
        QVERIFY(operations->model()->rowCount() > 0);
        // The conversion-rate cache shows its counters.
        QVERIFY(dialog->findChild<QGroupBox *>(u"cacheGroup"_s)->isVisible());
        QCOMPARE(dialog->findChild<QLabel *>(u"cacheEntriesLabel"_s)->text(),
                 QString::number(m_services->cache.stats().entries));
        // Newest first: the last operation is the sign-out just made (it writes its audit row).
        QCOMPARE(operations->model()->index(0, 1).data().toString(), u"auth.sign_out"_s);

        // Selecting it shows its statements.
        operations->setCurrentIndex(operations->model()->index(0, 0));
        auto *statements = dialog->findChild<QTableView *>(u"statementsView"_s);
        QVERIFY(statements->model()->rowCount() > 0);

        // Clear empties both tables.
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"clearButton"_s), Qt::LeftButton);
        QCOMPARE(operations->model()->rowCount(), 0);
        QCOMPARE(statements->model()->rowCount(), 0);
    }

    void geometryIsRemembered()
    {
        m_window->resize(900, 640);
        m_window->close();
        QVERIFY(QSettings().contains(u"mainWindow/geometry"_s));

        Services services(m_scratch->db(), u"2"_s);
        MainWindow again(services, u"Corner Market"_s);
        QCOMPARE(again.size(), QSize(900, 640));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
