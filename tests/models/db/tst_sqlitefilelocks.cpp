#include "models/db/database.h"
#include "models/db/sqlitefilelocks.h"
#include "models/db/sqlquery.h"
#include "models/db/transaction.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace Qt::StringLiterals;

/*!
 * An SQLite till keeps its sales whatever else happens to the file: other code in the
 * process opening and closing it, another program visiting it, the file deleted or
 * replaced under the open connection.
 */
class TestSqliteFileLocks : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString newPath(const QString &name) const { return m_dir.filePath(name); }

    static std::unique_ptr<Database> openAt(const QString &path)
    {
        DatabaseUrl url;
        url.engine = DatabaseUrl::Engine::SQLite;
        url.path = path;
        auto opened = Database::open(url);
        if (!opened) {
            qWarning() << opened.error().details;
            return nullptr;
        }
        return std::move(*opened);
    }

    static qint64 count(Database &db)
    {
        SqlQuery q(db, u"SELECT COUNT(*) FROM sales"_s);
        return q.execOne() ? q.int64(0) : -1;
    }

    static bool sell(Database &db, int number)
    {
        Transaction tx(db);
        if (!tx.begin()) {
            return false;
        }
        SqlQuery q(db, u"INSERT INTO sales (number) VALUES (:n)"_s);
        q.bind(u"n"_s, number);
        return q.exec() && tx.commit();
    }

    //! Runs the visiting program on the file: the sales it sees, or -1 when it failed.
    static qint64 visit(const QString &path)
    {
        QProcess visitor;
        visitor.start(QStringLiteral(TILL_SQLITE_VISITOR), {path, u"SELECT COUNT(*) FROM sales"_s});
        if (!visitor.waitForFinished(30000) || visitor.exitStatus() != QProcess::NormalExit
            || visitor.exitCode() != 0) {
            return -1;
        }
        bool ok = false;
        const qint64 sales = visitor.readAllStandardOutput().trimmed().toLongLong(&ok);
        return ok ? sales : -1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void closingTheFileElsewhereKeepsTheSales()
    {
        // Given a till that has sold once, its sale in the WAL
        const QString path = newPath(u"till.db"_s);
        {
            auto db = openAt(path);
            QVERIFY(db);
            QVERIFY(SqliteFileLocks::isInstalled());
            QVERIFY(SqlQuery(*db, u"CREATE TABLE sales (number INTEGER NOT NULL)"_s).exec());
            QVERIFY(sell(*db, 1));
            QVERIFY(QFile::exists(path + u"-wal"_s));

            // When code in the same process opens and closes the database file (as a file
            // dialog does to tell its type), and then another program visits the database
            {
                QFile sniff(path);
                QVERIFY(sniff.open(QIODevice::ReadOnly));
                QCOMPARE(sniff.read(16), QByteArray("SQLite format 3\0", 16));
                sniff.close();
            }
            QCOMPARE(visit(path), 1);

            // Then the visitor saw the till's locks and left the WAL alone,
            QVERIFY2(QFile::exists(path + u"-wal"_s), "the visitor deleted the WAL in use");
            // and the next sale is where everybody sees it: in a backup taken now, and
            // after a power cut, not only in a WAL that nobody else can open.
            QVERIFY(sell(*db, 2));
            QCOMPARE(count(*db), 2);
            QCOMPARE(visit(path), 2);
        }
        // and is still there when the till starts again.
        auto again = openAt(path);
        QVERIFY(again);
        QCOMPARE(count(*again), 2);
    }

    void aVisitAfterTheTillClosedChecksTheWalIn()
    {
        // The till's locks go when it closes: a visitor may then tidy the WAL away, and
        // everything the till sold is in the database file itself.
        const QString path = newPath(u"closed.db"_s);
        {
            auto db = openAt(path);
            QVERIFY(db);
            QVERIFY(SqlQuery(*db, u"CREATE TABLE sales (number INTEGER NOT NULL)"_s).exec());
            QVERIFY(sell(*db, 1));
        }
        QCOMPARE(visit(path), 1);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
        auto again = openAt(path);
        QVERIFY(again);
        QCOMPARE(count(*again), 1);
    }

    void aDeletedFileRefusesTheNextSale()
    {
        const QString path = newPath(u"deleted.db"_s);
        auto db = openAt(path);
        QVERIFY(db);
        QVERIFY(SqlQuery(*db, u"CREATE TABLE sales (number INTEGER NOT NULL)"_s).exec());
        QVERIFY(sell(*db, 1));
        QVERIFY(db->checkFile());

        // When the file is deleted under the open connection
        QVERIFY(QFile::remove(path));

        // Then a transaction and a single statement are refused, and say why
        Transaction tx(*db);
        const DbStatus begun = tx.begin();
        QVERIFY(!begun);
        QCOMPARE(begun.error().kind, DbError::Kind::FileLost);
        QVERIFY2(begun.error().details.contains(path), qPrintable(begun.error().details));
        SqlQuery insert(*db, u"INSERT INTO sales (number) VALUES (2)"_s);
        QVERIFY(!insert.exec());
        QCOMPARE(insert.error().kind, DbError::Kind::FileLost);

        // and a new file in its place does not make it right again.
        {
            QFile other(path);
            QVERIFY(other.open(QIODevice::WriteOnly));
        }
        QCOMPARE(db->checkFile().error().kind, DbError::Kind::FileLost);
        QVERIFY(!sell(*db, 3));
    }

    void aReplacedFileRefusesTheNextSale()
    {
        // Given a till selling into one file, and another store's file beside it
        const QString path = newPath(u"replaced.db"_s);
        const QString backup = newPath(u"backup.db"_s);
        {
            auto other = openAt(backup);
            QVERIFY(other);
            QVERIFY(SqlQuery(*other, u"CREATE TABLE sales (number INTEGER NOT NULL)"_s).exec());
        }
        auto db = openAt(path);
        QVERIFY(db);
        QVERIFY(SqlQuery(*db, u"CREATE TABLE sales (number INTEGER NOT NULL)"_s).exec());
        QVERIFY(sell(*db, 1));

        // When the other file is moved over it (a restore done by hand)
        QVERIFY(::rename(QFile::encodeName(backup).constData(), QFile::encodeName(path).constData())
                == 0);

        // Then nothing more is confirmed into the file that is gone
        QVERIFY(!sell(*db, 2));
        const DbStatus file = db->checkFile();
        QVERIFY(!file);
        QCOMPARE(file.error().kind, DbError::Kind::FileLost);
        QVERIFY2(file.error().details.contains(u"replaced"_s), qPrintable(file.error().details));
    }
};

QTEST_GUILESS_MAIN(TestSqliteFileLocks)
#include "tst_sqlitefilelocks.moc"
