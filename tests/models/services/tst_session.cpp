#include "models/services/session.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSession : public QObject
{
    Q_OBJECT

private:
    const User m_carl{1, u"carl"_s, u"Carl Cashier"_s, Role::Cashier, true};
    const User m_maria{2, u"maria"_s, u"Maria Manager"_s, Role::Manager, true};

private Q_SLOTS:
    void lockKeepsTheUser()
    {
        Session session(u"1"_s);
        QSignalSpy locked(&session, &Session::locked);
        session.signIn(m_carl);
        session.lock();
        QVERIFY(session.isLocked());
        QVERIFY(session.isSignedIn());
        QCOMPARE(session.user()->id, m_carl.id);
        QCOMPARE(locked.count(), 1);
        // Locking twice says it once.
        session.lock();
        QCOMPARE(locked.count(), 1);
    }

    void nobodyToLock()
    {
        Session session(u"1"_s);
        QSignalSpy locked(&session, &Session::locked);
        session.lock();
        QVERIFY(!session.isLocked());
        QCOMPARE(locked.count(), 0);
    }

    void onlyTheSameUserUnlocks()
    {
        Session session(u"1"_s);
        QSignalSpy unlocked(&session, &Session::unlocked);
        QSignalSpy signedOut(&session, &Session::signedOut);
        session.signIn(m_carl);
        session.lock();

        QVERIFY(!session.unlock(m_maria));
        QVERIFY(session.isLocked());
        QCOMPARE(session.user()->id, m_carl.id);
        QCOMPARE(unlocked.count(), 0);

        User renamed = m_carl;
        renamed.name = u"Carl C."_s;
        QVERIFY(session.unlock(renamed));
        QVERIFY(!session.isLocked());
        QCOMPARE(session.user()->name, u"Carl C."_s);
        QCOMPARE(unlocked.count(), 1);
        QCOMPARE(signedOut.count(), 0);
        // An open session has nothing to unlock.
        QVERIFY(!session.unlock(m_carl));
    }

    void signingOutOrInEndsTheLock()
    {
        Session session(u"1"_s);
        session.signIn(m_carl);
        session.lock();
        session.signOut();
        QVERIFY(!session.isLocked());
        session.signIn(m_maria);
        session.lock();
        session.signIn(m_carl);
        QVERIFY(!session.isLocked());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
