#include "models/db/sqlquery.h"
#include "models/services/authservice.h"
#include "tests/common/namedchild.h"
#include "tests/common/storefixture.h"
#include "ui/loginwidget.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLoginWidget : public QObject
{
    Q_OBJECT

private:
    static inline const QString kPassphrase = u"correct horse battery staple"_s;

    std::unique_ptr<TestDatabase> m_scratch;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<LoginWidget> m_login;

    template<typename T>
    T *child(const QString &name)
    {
        return namedChild<T>(*m_login, name);
    }
    QLineEdit *userEdit() { return child<QLineEdit>(u"userEdit"_s); }
    QLineEdit *pinEdit() { return child<QLineEdit>(u"pinEdit"_s); }
    QLabel *messageLabel() { return child<QLabel>(u"messageLabel"_s); }
    QPushButton *button(const QString &name) { return child<QPushButton>(name); }

    void clickDigits(const QString &digits)
    {
        for (const QChar digit : digits) {
            QTest::mouseClick(button(u"digit%1Button"_s.arg(digit)), Qt::LeftButton);
        }
    }

    qint64 auditCount()
    {
        SqlQuery q(m_scratch->db(), u"SELECT COUNT(*) FROM audit_log"_s);
        return q.execOne() ? q.int64(0) : -1;
    }

private Q_SLOTS:
    void initTestCase() { TILL_REQUIRE_TEST_ENGINE(); }

    void init()
    {
        m_scratch = TestDatabase::create();
        QVERIFY2(m_scratch, qPrintable(TestDatabase::lastError()));
        const Database &db = m_scratch->db();
        QVERIFY(StoreFixture::addUser(db, u"anna"_s, u"Anna Berger"_s, Role::Cashier, u"4711"_s).id
                > 0);
        QVERIFY(StoreFixture::addUser(db, u"root"_s, u"Rosa Admin"_s, Role::Admin, kPassphrase).id
                > 0);
        m_auth = std::make_unique<AuthService>(m_scratch->db(), u"1"_s);
        m_login = std::make_unique<LoginWidget>(*m_auth, u"Corner Market"_s);
        m_login->show();
        QVERIFY(QTest::qWaitForWindowActive(m_login.get()));
    }

    void cleanup()
    {
        m_login.reset();
        m_auth.reset();
        m_scratch.reset();
    }

    void showsTheStoreName()
    {
        QCOMPARE(child<QLabel>(u"storeNameLabel"_s)->text(), u"Corner Market"_s);
        m_login->setStoreName({});
        QCOMPARE(child<QLabel>(u"storeNameLabel"_s)->text(), u"Till"_s);
    }

    void keypadTypesThePin()
    {
        clickDigits(u"4711"_s);
        QCOMPARE(pinEdit()->text(), u"4711"_s);
        QTest::mouseClick(button(u"backspaceButton"_s), Qt::LeftButton);
        QCOMPARE(pinEdit()->text(), u"471"_s);
        QTest::mouseClick(button(u"clearButton"_s), Qt::LeftButton);
        QCOMPARE(pinEdit()->text(), QString());
        clickDigits(u"0123456789"_s);
        QCOMPARE(pinEdit()->text(), u"0123456789"_s);
    }

    void keypadLeavesTheUserNameAlone()
    {
        QTest::keyClicks(userEdit(), u"anna"_s);
        clickDigits(u"9"_s);
        QCOMPARE(userEdit()->text(), u"anna"_s);
        QCOMPARE(pinEdit()->text(), u"9"_s);
        QCOMPARE(QApplication::focusWidget(), pinEdit());
    }

    void keypadButtonsDoNotTakeTheFocus()
    {
        pinEdit()->setFocus();
        QCOMPARE(button(u"digit5Button"_s)->focusPolicy(), Qt::NoFocus);
        QVERIFY(button(u"digit5Button"_s)->minimumHeight() >= 64);
        QVERIFY(button(u"signInButton"_s)->minimumHeight() >= 64);
    }

    void pinIsHiddenButTakesAnAdminPassphrase()
    {
        QCOMPARE(pinEdit()->echoMode(), QLineEdit::Password);
        QTest::keyClicks(pinEdit(), kPassphrase);
        QCOMPARE(pinEdit()->text(), kPassphrase);
    }

    void enterInTheUserNameMovesToThePin()
    {
        QCOMPARE(QApplication::focusWidget(), userEdit());
        QTest::keyClicks(userEdit(), u"anna"_s);
        QTest::keyClick(userEdit(), Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), pinEdit());
    }

    void wrongPinShowsTheServicesAnswerAndClearsThePin()
    {
        QSignalSpy signedIn(m_login.get(), &LoginWidget::signedIn);
        QTest::keyClicks(userEdit(), u"anna"_s);
        QTest::keyClick(userEdit(), Qt::Key_Return);
        QTest::keyClicks(pinEdit(), u"1234"_s);
        QTest::keyClick(pinEdit(), Qt::Key_Return);

        QCOMPARE(signedIn.count(), 0);
        QCOMPARE(messageLabel()->text(), AuthService::message(AuthService::SignInResult{}));
        QCOMPARE(pinEdit()->text(), QString());
        QCOMPARE(userEdit()->text(), u"anna"_s);
        QCOMPARE(QApplication::focusWidget(), pinEdit());
    }

    void unknownUserGetsTheSameAnswer()
    {
        QTest::keyClicks(userEdit(), u"anna"_s);
        QTest::keyClick(userEdit(), Qt::Key_Return);
        QTest::keyClicks(pinEdit(), u"1234"_s);
        QTest::keyClick(pinEdit(), Qt::Key_Return);
        const QString wrongPin = messageLabel()->text();

        userEdit()->clear();
        QTest::keyClicks(userEdit(), u"nobody"_s);
        QTest::keyClick(userEdit(), Qt::Key_Return);
        QTest::keyClicks(pinEdit(), u"1234"_s);
        QTest::keyClick(pinEdit(), Qt::Key_Return);

        QCOMPARE(messageLabel()->text(), wrongPin);
        QCOMPARE(pinEdit()->text(), QString());
    }

    void rightPinSignsInAndEmptiesTheScreen()
    {
        QSignalSpy signedIn(m_login.get(), &LoginWidget::signedIn);
        QTest::keyClicks(userEdit(), u"anna"_s);
        clickDigits(u"4711"_s);
        QTest::mouseClick(button(u"signInButton"_s), Qt::LeftButton);

        QCOMPARE(signedIn.count(), 1);
        const User user = signedIn.at(0).at(0).value<User>();
        QCOMPARE(user.login, u"anna"_s);
        QCOMPARE(user.role, Role::Cashier);
        QCOMPARE(userEdit()->text(), QString());
        QCOMPARE(pinEdit()->text(), QString());
        QCOMPARE(messageLabel()->text(), QString());
    }

    void adminSignsInWithAPassphrase()
    {
        QSignalSpy signedIn(m_login.get(), &LoginWidget::signedIn);
        QTest::keyClicks(userEdit(), u"root"_s);
        QTest::keyClick(userEdit(), Qt::Key_Return);
        QTest::keyClicks(pinEdit(), kPassphrase);
        QTest::keyClick(pinEdit(), Qt::Key_Return);
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(signedIn.at(0).at(0).value<User>().role, Role::Admin);
    }

    void emptyFieldsAreNotSentToTheService()
    {
        QSignalSpy signedIn(m_login.get(), &LoginWidget::signedIn);
        clickDigits(u"4711"_s);
        QTest::mouseClick(button(u"signInButton"_s), Qt::LeftButton);
        QCOMPARE(messageLabel()->text(), u"Please enter your user name."_s);
        QCOMPARE(pinEdit()->text(), QString());
        QCOMPARE(QApplication::focusWidget(), userEdit());

        QTest::keyClicks(userEdit(), u"anna"_s);
        QTest::mouseClick(button(u"signInButton"_s), Qt::LeftButton);
        QCOMPARE(messageLabel()->text(), u"Please enter your PIN."_s);

        QCOMPARE(signedIn.count(), 0);
        QCOMPARE(auditCount(), 0);
    }

    void resetEmptiesEverything()
    {
        QTest::keyClicks(userEdit(), u"anna"_s);
        QTest::keyClicks(pinEdit(), u"12"_s);
        QTest::keyClick(pinEdit(), Qt::Key_Return);
        QVERIFY(!messageLabel()->text().isEmpty());

        m_login->reset();
        QCOMPARE(userEdit()->text(), QString());
        QCOMPARE(pinEdit()->text(), QString());
        QCOMPARE(messageLabel()->text(), QString());
        QCOMPARE(QApplication::focusWidget(), userEdit());
    }
};

QTEST_MAIN(TestLoginWidget)
#include "tst_loginwidget.moc"
