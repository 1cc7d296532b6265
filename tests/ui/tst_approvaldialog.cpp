#include "models/services/authorizer.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/approvaldialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestApprovalDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;

    template<typename T> static T *child(QWidget *dialog, const QString &name)
    {
        return namedChild<T>(*dialog, name);
    }
    static QString bannerText(QWidget *dialog)
    {
        return child<QLabel>(dialog, u"errorLabel"_s)->text();
    }

    //! Types like a manager at the till: user name, Return, PIN, Return.
    static void typeCredentials(QWidget *dialog, const QString &login, const QString &pin)
    {
        auto *manager = child<QLineEdit>(dialog, u"managerEdit"_s);
        auto *pinEdit = child<QLineEdit>(dialog, u"pinEdit"_s);
        manager->clear();
        QTest::keyClicks(manager, login);
        QTest::keyClick(manager, Qt::Key_Return);
        QTest::keyClicks(pinEdit, pin);
        QTest::keyClick(pinEdit, Qt::Key_Return);
    }

    qint64 auditRows(const QString &action, qint64 approver = 0)
    {
        return m_store->scalar(u"SELECT COUNT(*) FROM audit_log WHERE action = '%1' "
                               "AND user_id = %2 AND COALESCE(approved_by, 0) = %3"_s
                                   .arg(action)
                                   .arg(m_store->cashier.id)
                                   .arg(approver));
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_store->signIn(m_store->cashier);
    }

    void cleanup() { m_store.reset(); }

    void saysWhatIsAskedAndByWhom()
    {
        ApprovalDialog dialog(m_store->authorizer(), m_store->session(), Permission::Refund);
        const QString request = child<QLabel>(&dialog, u"requestLabel"_s)->text();
        QVERIFY2(request.contains(m_store->cashier.name), qPrintable(request));
        QVERIFY2(request.contains(Permissions::displayName(Permission::Refund)),
                 qPrintable(request));
    }

    void returnAfterTheUserNameMovesToThePin()
    {
        ApprovalDialog dialog(m_store->authorizer(), m_store->session(), Permission::Refund);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *manager = child<QLineEdit>(&dialog, u"managerEdit"_s);
        QCOMPARE(QApplication::focusWidget(), manager);
        QTest::keyClicks(manager, u"maria"_s);
        QTest::keyClick(manager, Qt::Key_Return);

        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&dialog, u"pinEdit"_s));
        QVERIFY(dialog.isVisible());
        QCOMPARE(bannerText(&dialog), QString());
    }

    void wrongPinShowsTheMessageAndReturnsNothing()
    {
        ApprovalDialog dialog(m_store->authorizer(), m_store->session(), Permission::Refund);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));

        typeCredentials(&dialog, u"maria"_s, u"9999"_s);

        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.approval());
        QCOMPARE(bannerText(&dialog), AuthService::message(AuthService::SignInResult{}));
        QCOMPARE(child<QLineEdit>(&dialog, u"pinEdit"_s)->text(), QString());
        // The manager's name stays, so the next try is only the PIN.
        QCOMPARE(child<QLineEdit>(&dialog, u"managerEdit"_s)->text(), u"maria"_s);
        QCOMPARE(auditRows(u"approval_failed"_s), 1);
        QCOMPARE(auditRows(u"approval_granted"_s, m_store->manager.id), 0);
    }

    void aCashiersCredentialsAreRefused()
    {
        ApprovalDialog dialog(m_store->authorizer(), m_store->session(), Permission::Refund);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));

        typeCredentials(&dialog, u"carl"_s, u"1234"_s);

        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.approval());
        const QString message = bannerText(&dialog);
        QVERIFY2(message.contains(m_store->cashier.name), qPrintable(message));
        QVERIFY2(message.contains(Permissions::displayName(Permission::Refund)),
                 qPrintable(message));
        QCOMPARE(auditRows(u"approval_failed"_s), 1);
    }

    void aLockedManagerIsRefused()
    {
        ApprovalDialog dialog(m_store->authorizer(), m_store->session(), Permission::Refund);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        const int attempts = m_store->auth().policy().maxAttempts;
        for (int i = 0; i < attempts; ++i) {
            typeCredentials(&dialog, u"maria"_s, u"0000"_s);
        }
        // Now even the right PIN is refused until the lock runs out.
        typeCredentials(&dialog, u"maria"_s, u"1234"_s);

        QVERIFY(!dialog.approval());
        QVERIFY(dialog.isVisible());
        AuthService::SignInResult locked;
        locked.failure = AuthService::Failure::Locked;
        const QString message = bannerText(&dialog);
        QVERIFY2(message.startsWith(AuthService::message(locked).section(u'.', 0, 0)),
                 qPrintable(message));
    }

    void theManagersPinReturnsAnApprovalForOneUse()
    {
        bool typed = false;
        QTimer::singleShot(0, this, [&typed] {
            auto *dialog = qobject_cast<ApprovalDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                return;
            }
            typeCredentials(dialog, u"maria"_s, u"1234"_s);
            typed = true;
        });
        const std::optional<Approval> approval = ApprovalDialog::obtain(
            nullptr, m_store->authorizer(), m_store->session(), Permission::Refund);

        QVERIFY(typed);
        QVERIFY(approval);
        QCOMPARE(approval->approverId(), m_store->manager.id);
        QCOMPARE(auditRows(u"approval_granted"_s, m_store->manager.id), 1);

        const auto first = m_store->authorizer().authorize(m_store->session(), Permission::Refund,
                                                           *approval);
        QVERIFY(first);
        QCOMPARE(first->approvedBy, m_store->manager.id);
        const auto second = m_store->authorizer().authorize(m_store->session(), Permission::Refund,
                                                            *approval);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ServiceError::Code::PermissionDenied);
    }

    void cancelReturnsNothing()
    {
        QTimer::singleShot(0, this, [] {
            if (QWidget *dialog = QApplication::activeModalWidget()) {
                QTest::keyClick(dialog, Qt::Key_Escape);
            }
        });
        const std::optional<Approval> approval = ApprovalDialog::obtain(
            nullptr, m_store->authorizer(), m_store->session(), Permission::OverridePrice);
        QVERIFY(!approval);
        QCOMPARE(auditRows(u"approval_granted"_s, m_store->manager.id), 0);
        QCOMPARE(auditRows(u"approval_failed"_s), 0);
    }

    void keypadTypesThePin()
    {
        ApprovalDialog dialog(m_store->authorizer(), m_store->session(), Permission::Refund);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        for (const QChar digit : u"1234"_s) {
            QTest::mouseClick(child<QPushButton>(&dialog, u"digit%1Button"_s.arg(digit)),
                              Qt::LeftButton);
        }
        QCOMPARE(child<QLineEdit>(&dialog, u"pinEdit"_s)->text(), u"1234"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"backspaceButton"_s), Qt::LeftButton);
        QCOMPARE(child<QLineEdit>(&dialog, u"pinEdit"_s)->text(), u"123"_s);
    }
};

QTEST_MAIN(TestApprovalDialog)
#include "tst_approvaldialog.moc"
