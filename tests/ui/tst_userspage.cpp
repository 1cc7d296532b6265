#include "models/items/auditlogmodel.h"
#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/userdialog.h"
#include "ui/userspage.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

class TestUsersPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<UsersPage> m_page;

    template<typename T>
    static T *child(QWidget *parent, const QString &name)
    {
        return namedChild<T>(*parent, name);
    }
    QTableView *usersView() { return child<QTableView>(m_page.get(), u"usersView"_s); }
    QPushButton *button(const QString &name) { return child<QPushButton>(m_page.get(), name); }

    //! Selects the user with this user name in the table.
    void select(const QString &login)
    {
        QAbstractItemModel *model = usersView()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().toString() == login) {
                usersView()->setCurrentIndex(model->index(row, 1));
                return;
            }
        }
        QFAIL(qPrintable(u"no row for %1"_s.arg(login)));
    }
    QStringList logins()
    {
        QStringList result;
        QAbstractItemModel *model = usersView()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            result << model->index(row, 0).data().toString();
        }
        return result;
    }

    /*!
     * Clicks button, which opens a modal dialog, and runs drive on that dialog while it is
     * open. A dialog that drive leaves open is cancelled, so a failure cannot hang the suite.
     */
    void withDialog(QPushButton *opener, const std::function<void(QDialog *)> &drive)
    {
        bool reached = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                return;
            }
            reached = true;
            drive(dialog);
            if (dialog->isVisible()) {
                dialog->reject();
            }
        });
        QTest::mouseClick(opener, Qt::LeftButton);
        QVERIFY2(reached, "no dialog opened");
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_services = m_store->services(m_store->manager);
        m_services->users.setPinIterations(1000);
        m_page = std::make_unique<UsersPage>(*m_services);
        m_page->resize(1000, 600);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_services.reset();
        m_store.reset();
    }

    void listsTheUsers()
    {
        QCOMPARE(logins(), QStringList({u"admin"_s, u"carl"_s, u"maria"_s}));
        auto *tabs = child<QTabWidget>(m_page.get(), u"usersTabs"_s);
        QCOMPARE(tabs->count(), 2);
    }

    void aCashierCreatedThroughTheDialogCanSignIn()
    {
        QString mismatch;
        withDialog(button(u"newButton"_s), [&mismatch](QDialog *dialog) {
            QTest::keyClicks(child<QLineEdit>(dialog, u"loginEdit"_s), u"cleo"_s);
            QTest::keyClicks(child<QLineEdit>(dialog, u"nameEdit"_s), u"Cleo Cashier"_s);
            QTest::keyClicks(child<QLineEdit>(dialog, u"pinEdit"_s), u"2222"_s);
            auto *repeat = child<QLineEdit>(dialog, u"repeatEdit"_s);
            QTest::keyClicks(repeat, u"2223"_s);
            QTest::keyClick(repeat, Qt::Key_Return);
            // A typo in the repetition: said in the dialog, which stays open.
            if (dialog->isVisible()) {
                mismatch = child<QLabel>(dialog, u"errorLabel"_s)->text();
            }
            QTest::keyClicks(repeat, u"2222"_s);
            QTest::keyClick(repeat, Qt::Key_Return);
        });
        QVERIFY2(mismatch.contains(u"differ"_s), qPrintable(mismatch));

        QCOMPARE(logins(), QStringList({u"admin"_s, u"carl"_s, u"cleo"_s, u"maria"_s}));
        QCOMPARE(usersView()->currentIndex().siblingAtColumn(0).data().toString(), u"cleo"_s);
        AuthService auth(m_store->db(), u"1"_s);
        const auto signedIn = auth.signIn(u"cleo"_s, u"2222"_s);
        QVERIFY(signedIn.ok());
        QCOMPARE(signedIn.user->name, u"Cleo Cashier"_s);
        QCOMPARE(signedIn.user->role, Role::Cashier);
    }

    void aRefusalIsShownInTheDialog()
    {
        QString message;
        bool stayedOpen = false;
        withDialog(button(u"newButton"_s), [&](QDialog *dialog) {
            QTest::keyClicks(child<QLineEdit>(dialog, u"loginEdit"_s), u"carl"_s);
            QTest::keyClicks(child<QLineEdit>(dialog, u"nameEdit"_s), u"Another Carl"_s);
            QTest::keyClicks(child<QLineEdit>(dialog, u"pinEdit"_s), u"5555"_s);
            auto *repeat = child<QLineEdit>(dialog, u"repeatEdit"_s);
            QTest::keyClicks(repeat, u"5555"_s);
            QTest::keyClick(repeat, Qt::Key_Return);
            stayedOpen = dialog->isVisible();
            message = child<QLabel>(dialog, u"errorLabel"_s)->text();
        });
        QVERIFY(stayedOpen);
        QVERIFY2(message.contains(u"taken"_s), qPrintable(message));
        QCOMPARE(logins().size(), 3);
    }

    void onlyAdministratorsAreOfferedTheAdministratorRole()
    {
        auto rolesOffered = [this] {
            QStringList roles;
            withDialog(button(u"newButton"_s), [&roles](QDialog *dialog) {
                auto *combo = child<QComboBox>(dialog, u"roleCombo"_s);
                for (int i = 0; i < combo->count(); ++i) {
                    roles << combo->itemText(i);
                }
            });
            return roles;
        };
        QCOMPARE(rolesOffered(), QStringList({Roles::displayName(Role::Cashier),
                                              Roles::displayName(Role::Manager)}));
        m_services->session.signIn(m_store->admin);
        QVERIFY(rolesOffered().contains(Roles::displayName(Role::Admin)));
    }

    void buttonsFollowWhatTheManagerMayDo()
    {
        select(u"admin"_s);
        QVERIFY(!button(u"editButton"_s)->isEnabled());
        QVERIFY(!button(u"resetPinButton"_s)->isEnabled());
        select(u"maria"_s);
        QVERIFY(button(u"editButton"_s)->isEnabled());
        QVERIFY2(!button(u"activeButton"_s)->isEnabled(), "nobody deactivates themselves");
        select(u"carl"_s);
        QVERIFY(button(u"activeButton"_s)->isEnabled());
        QCOMPARE(button(u"activeButton"_s)->text(), u"&Deactivate"_s);
    }

    void resetPinLetsTheUserSignInWithTheNewOne()
    {
        select(u"carl"_s);
        withDialog(button(u"resetPinButton"_s), [](QDialog *dialog) {
            QTest::keyClicks(child<QLineEdit>(dialog, u"pinEdit"_s), u"8642"_s);
            auto *repeat = child<QLineEdit>(dialog, u"repeatEdit"_s);
            QTest::keyClicks(repeat, u"8642"_s);
            QTest::keyClick(repeat, Qt::Key_Return);
        });
        AuthService auth(m_store->db(), u"1"_s);
        QVERIFY(auth.signIn(u"carl"_s, u"8642"_s).ok());
        QVERIFY(!auth.signIn(u"carl"_s, u"1234"_s).ok());
    }

    void theAuditTabShowsTheNewUser()
    {
        auto *tabs = child<QTabWidget>(m_page.get(), u"usersTabs"_s);
        tabs->setCurrentIndex(1);
        auto *users = child<QComboBox>(m_page.get(), u"userCombo"_s);
        QCOMPARE(users->count(), 4); // everybody, and the three users
        tabs->setCurrentIndex(0);

        QVERIFY(m_services->users.create({u"cleo"_s, u"Cleo Cashier"_s, Role::Cashier, u"2222"_s}));
        tabs->setCurrentIndex(1);
        QCOMPARE(users->count(), 5);
        QVERIFY(users->findText(u"Cleo Cashier (cleo)"_s) >= 0);
        QTest::mouseClick(child<QPushButton>(m_page.get(), u"applyButton"_s), Qt::LeftButton);
        auto *view = child<QTableView>(m_page.get(), u"auditView"_s);
        QTRY_VERIFY(view->model()->rowCount() > 0);
        const QModelIndex newest = view->model()->index(0, AuditLogModel::ActionColumn);
        QCOMPARE(newest.data(AuditLogModel::ActionKeyRole).toString(), u"user_created"_s);
        QCOMPARE(newest.siblingAtColumn(AuditLogModel::UserColumn).data().toString(),
                 m_store->manager.name);
    }
};

QTEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"
