#include "models/db/settingsrepository.h"
#include "models/db/sqlquery.h"
#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/idlewatcher.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestIdleLock : public QObject
{
    Q_OBJECT

private:
    static constexpr int kLockTimeoutMs = 5000;

    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<MainWindow> m_window;

    template<typename T>
    T *child(const QString &name)
    {
        return namedChild<T>(*m_window, name);
    }
    QString currentPage()
    {
        return child<QStackedWidget>(u"pages"_s)->currentWidget()->objectName();
    }
    QWidget *currentAreaPage() { return child<QStackedWidget>(u"areaPages"_s)->currentWidget(); }
    Session &session() { return m_services->session; }

    //! Types at the sign-in screen as a person does; a filled-in user name is replaced.
    void signIn(const QString &login, const QString &pin)
    {
        auto *user = child<QLineEdit>(u"userEdit"_s);
        auto *pinEdit = child<QLineEdit>(u"pinEdit"_s);
        user->clear();
        QTest::keyClicks(user, login);
        QTest::keyClick(user, Qt::Key_Return);
        QTest::keyClicks(pinEdit, pin);
        QTest::keyClick(pinEdit, Qt::Key_Return);
    }
    qint64 audited(const QString &action, qint64 userId)
    {
        return m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = '%1' AND "
                               "user_id = %2"_s.arg(action)
                                       .arg(userId));
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        usePrivateUserFolders(u"tst_idlelock"_s);
        QSettings().clear();
    }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_services = std::make_unique<Services>(m_store->db(), u"1"_s);
        m_window = std::make_unique<MainWindow>(*m_services, u"Corner Market"_s);
        m_window->setIdleLockInterval(300ms);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_services.reset();
        m_store.reset();
    }

    void locksAfterTheIdleTime()
    {
        signIn(u"maria"_s, u"1234"_s);
        QCOMPARE(currentPage(), u"workspacePage"_s);

        QTRY_VERIFY_WITH_TIMEOUT(session().isLocked(), kLockTimeoutMs);

        QCOMPARE(currentPage(), u"loginPage"_s);
        QCOMPARE(session().user()->id, m_store->manager.id);
        auto *notice = child<QLabel>(u"lockLabel"_s);
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(m_store->manager.name), qPrintable(notice->text()));
        QCOMPARE(child<QLineEdit>(u"userEdit"_s)->text(), u"maria"_s);
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(u"pinEdit"_s));
        QVERIFY(!child<QAction>(u"usersAction"_s)->isEnabled());
        // Nothing can be done in a locked session, whatever the screen shows.
        const auto refused = m_services->users.list();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ServiceError::Code::PermissionDenied);
    }

    void inputKeepsTheTillOpen()
    {
        signIn(u"maria"_s, u"1234"_s);
        // Input every 100 ms for a whole second: three idle times, no lock.
        for (int i = 0; i < 10; ++i) {
            QTest::qWait(100);
            QTest::keyClick(m_window.get(), Qt::Key_Shift);
            QVERIFY2(!session().isLocked(), qPrintable(QString::number(i)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(session().isLocked(), kLockTimeoutMs);
    }

    void theSameUserComesBackToTheSameWorkspace()
    {
        // Given maria in the Users area
        signIn(u"maria"_s, u"1234"_s);
        m_window->showArea(Area::Users);
        QWidget *usersPage = currentAreaPage();
        QCOMPARE(usersPage->objectName(), u"usersPage"_s);
        QTRY_VERIFY_WITH_TIMEOUT(session().isLocked(), kLockTimeoutMs);

        // When she types her PIN at the lock screen
        QTest::keyClicks(child<QLineEdit>(u"pinEdit"_s), u"1234"_s);
        QTest::keyClick(child<QLineEdit>(u"pinEdit"_s), Qt::Key_Return);

        // Then the very same page is back, and nobody was signed out
        QVERIFY(!session().isLocked());
        QCOMPARE(currentPage(), u"workspacePage"_s);
        QCOMPARE(m_window->currentArea(), Area::Users);
        QCOMPARE(currentAreaPage(), usersPage);
        QVERIFY(child<QAction>(u"usersAction"_s)->isEnabled());
        QVERIFY(!child<QLabel>(u"lockLabel"_s)->isVisible());
        QCOMPARE(audited(u"sign_out"_s, m_store->manager.id), 0);
        QCOMPARE(audited(u"sign_in"_s, m_store->manager.id), 2);
        QVERIFY(m_services->users.list());
        // And the till watches for the next idle time.
        QTRY_VERIFY_WITH_TIMEOUT(session().isLocked(), kLockTimeoutMs);
    }

    void anotherUserSignsTheFirstOutAndStartsAfresh()
    {
        signIn(u"maria"_s, u"1234"_s);
        m_window->showArea(Area::Users);
        QVERIFY(m_window->findChild<QWidget *>(u"usersPage"_s));
        QTRY_VERIFY_WITH_TIMEOUT(session().isLocked(), kLockTimeoutMs);

        signIn(u"carl"_s, u"1234"_s);

        QVERIFY(!session().isLocked());
        QCOMPARE(session().user()->id, m_store->cashier.id);
        QCOMPARE(currentPage(), u"workspacePage"_s);
        QCOMPARE(m_window->currentArea(), Area::Checkout);
        QCOMPARE(m_window->findChild<QWidget *>(u"usersPage"_s), nullptr);
        QVERIFY(!child<QAction>(u"usersAction"_s)->isVisible());
        QCOMPARE(audited(u"sign_out"_s, m_store->manager.id), 1);
        SqlQuery out(m_store->db(),
                     u"SELECT details, id FROM audit_log WHERE action = 'sign_out'"_s);
        QVERIFY(out.execOne());
        QVERIFY2(out.text(0).contains(u"carl"_s), qPrintable(out.text(0)));
        // The log reads in order: maria left the till before carl took it.
        const qint64 carlIn = m_store->scalar(
                u"SELECT MAX(id) FROM audit_log WHERE action = 'sign_in' AND user_id = %1"_s.arg(
                        m_store->cashier.id));
        QVERIFY2(out.int64(1) < carlIn, qPrintable(u"%1 %2"_s.arg(out.int64(1)).arg(carlIn)));
    }

    void aWrongPinLeavesTheTillLocked()
    {
        signIn(u"maria"_s, u"1234"_s);
        QTRY_VERIFY_WITH_TIMEOUT(session().isLocked(), kLockTimeoutMs);
        QTest::keyClicks(child<QLineEdit>(u"pinEdit"_s), u"9999"_s);
        QTest::keyClick(child<QLineEdit>(u"pinEdit"_s), Qt::Key_Return);
        QVERIFY(session().isLocked());
        QCOMPARE(currentPage(), u"loginPage"_s);
        QVERIFY(child<QLabel>(u"lockLabel"_s)->isVisible());
    }

    void lockingCancelsOpenDialogs()
    {
        signIn(u"maria"_s, u"1234"_s);
        m_window->showArea(Area::Users);
        // The safety net: a dialog still open after the lock would block this test for good.
        bool leftOpen = false;
        QTimer::singleShot(kLockTimeoutMs, this, [&leftOpen] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                leftOpen = true;
                dialog->reject();
            }
        });
        // The new-user dialog runs modally until the lock cancels it.
        QTest::mouseClick(child<QPushButton>(u"newButton"_s), Qt::LeftButton);

        QVERIFY(session().isLocked());
        QVERIFY2(!leftOpen, "the lock left the dialog open");
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
    }

    void theStoreSettingDecidesTheIdleTime()
    {
        auto *watcher = m_window->findChild<IdleWatcher *>();
        QVERIFY(watcher);
        // A window without the test's override uses lock.idle_minutes, read at sign-in.
        m_window.reset();
        QVERIFY(SettingsRepository(m_store->db()).setValue(Setting::IdleLockMinutes.key, u"0"_s));
        m_window = std::make_unique<MainWindow>(*m_services, u"Corner Market"_s);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        signIn(u"carl"_s, u"1234"_s);
        watcher = m_window->findChild<IdleWatcher *>();
        QVERIFY(!watcher->isActive());

        QVERIFY(SettingsRepository(m_store->db()).setValue(Setting::IdleLockMinutes.key, u"7"_s));
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        signIn(u"carl"_s, u"1234"_s);
        QVERIFY(watcher->isActive());
        QCOMPARE(watcher->interval(), std::chrono::milliseconds(7min));
    }

    void signingOutIsAudited()
    {
        signIn(u"carl"_s, u"1234"_s);
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(!session().isSignedIn());
        QCOMPARE(audited(u"sign_out"_s, m_store->cashier.id), 1);
        // Nobody is signed in, so nobody is locked.
        QTest::qWait(600);
        QVERIFY(!session().isLocked());
    }
};

QTEST_MAIN(TestIdleLock)
#include "tst_idlelock.moc"
