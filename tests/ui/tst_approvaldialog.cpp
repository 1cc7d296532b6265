#include "models/domain/approvalrequest.h"
#include "models/domain/cart.h"
#include "models/services/authorizer.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/approvaldialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestApprovalDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<StoreFixture> m_store;

    template<typename T>
    static T *child(QWidget *dialog, const QString &name)
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
                               "AND user_id = %2 AND COALESCE(approved_by, 0) = %3"_s.arg(action)
                                       .arg(m_store->cashier.id)
                                       .arg(approver));
    }

private Q_SLOTS:
    void initTestCase()
    {
        TILL_REQUIRE_TEST_ENGINE();
        // German numbers, English words: the figures in the sentences are the locale's.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    }

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
        const QString requester = child<QLabel>(&dialog, u"requesterLabel"_s)->text();
        QVERIFY2(requester.contains(m_store->cashier.name), qPrintable(requester));
        // Even with only the permission known, the manager reads why the till asks.
        QCOMPARE(child<QLabel>(&dialog, u"requestLabel"_s)->text(),
                 u"%1: cashiers may not give refunds"_s.arg(
                         Permissions::displayName(Permission::Refund)));
    }

    void saysWhatIsApprovedAndWhy_data()
    {
        QTest::addColumn<ApprovalRequest>("request");
        QTest::addColumn<QString>("expected");
        const QString euro = u"€"_s;
        QTest::newRow("line discount")
                << ApprovalRequest::discount(Discount::percent(5000), Money::fromMinor(1040),
                                             u"Cola"_s, 1000, euro)
                << u"Discount 50 % (5,20 €) on Cola: above the cashier limit of 10 %"_s;
        QTest::newRow("amount off the bill")
                << ApprovalRequest::discount(Discount::amount(Money::fromMinor(300)),
                                             Money::fromMinor(1000), u"the bill"_s, 1000, euro)
                << u"Discount 3,00 € on the bill: above the cashier limit of 10 %"_s;
        QTest::newRow("price")
                << ApprovalRequest::priceOverride(u"Cola"_s, Money::fromMinor(50),
                                                  Money::fromMinor(130), euro)
                << u"Price 0,50 € for Cola (catalogue 1,30 €): cashiers may not change prices"_s;
        QTest::newRow("void") << ApprovalRequest::voidLine(2, u"Cola"_s, Money::fromMinor(260),
                                                           euro)
                              << u"Void 2 × Cola (2,60 €): cashiers may not void items"_s;
        QTest::newRow("clear") << ApprovalRequest::clearSale(
                5, Money::fromMinor(1230),
                euro) << u"Clear the sale of 5 item(s) (12,30 €): cashiers may not clear a sale"_s;
        QTest::newRow("cash out")
                << ApprovalRequest::cashOut(Money::fromMinor(5000), u"bank"_s, euro)
                << u"Take 50,00 € out of the drawer (bank): cashiers may not put cash in or take "
                   "it out"_s;
        QTest::newRow("drawer")
                << ApprovalRequest::openDrawer(u"change for a customer"_s)
                << u"Open the drawer without a sale (change for a customer): cashiers may not "
                   "open the drawer without a sale"_s;
        QTest::newRow("close shift")
                << ApprovalRequest::closeShift(Money::fromMinor(51200), euro)
                << u"Close the shift with 512,00 € counted in the drawer: only a manager closes "
                   "a shift"_s;
        QTest::newRow("refund") << ApprovalRequest::refund(
                Money::fromMinor(1230), u"1-000231"_s,
                euro) << u"Refund 12,30 € of bill 1-000231: cashiers may not give refunds"_s;
    }

    void saysWhatIsApprovedAndWhy()
    {
        QFETCH(ApprovalRequest, request);
        QFETCH(QString, expected);
        ApprovalDialog dialog(m_store->authorizer(), m_store->session(), request);
        // Money is written with a no-break space before the sign.
        QCOMPARE(child<QLabel>(&dialog, u"requestLabel"_s)->text().replace(QChar(0xa0), u' '),
                 expected);
    }

    void theRequestsPermissionIsTheOneApproved()
    {
        QTimer::singleShot(0, this, [] {
            if (auto *dialog = qobject_cast<ApprovalDialog *>(QApplication::activeModalWidget())) {
                typeCredentials(dialog, u"maria"_s, u"1234"_s);
            }
        });
        const auto approval = ApprovalDialog::obtain(
                nullptr, m_store->authorizer(), m_store->session(),
                ApprovalRequest::priceOverride(u"Cola"_s, Money::fromMinor(50),
                                               Money::fromMinor(130), u"€"_s));
        QVERIFY(approval);
        QCOMPARE(approval->permission(), Permission::OverridePrice);
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
