// Another program on the till's computer that opens the SQLite database and closes it
// again, as a backup script or a database browser does: with the plain POSIX locks of
// Qt's SQLite driver. If nobody else holds a lock on the file when it closes, SQLite
// checks the WAL into the database and deletes the -wal and -shm files.
//
//     sqlitevisitor PATH [QUERY]   prints the first value QUERY returns (by default the
//                                  number of tables) and exits 0
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2 && args.size() != 3) {
        std::fputs("usage: sqlitevisitor PATH [QUERY]\n", stderr);
        return 2;
    }
    const QString sql = args.size() == 3 ? args.at(2) : u"SELECT COUNT(*) FROM sqlite_master"_s;
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"visitor"_s);
        db.setDatabaseName(args.at(1));
        if (!db.open()) {
            std::fputs("cannot open\n", stderr);
            return 1;
        }
        QSqlQuery query(db);
        if (query.exec(sql) && query.next()) {
            value = query.value(0).toLongLong();
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"visitor"_s);
    std::printf("%lld\n", value);
    return value >= 0 ? 0 : 1;
}
