#include "models/db/databaseurl.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString &text, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<DatabaseUrl> {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };
    if (text.trimmed().isEmpty()) {
        return fail(u"no database URL given"_s);
    }
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid()) {
        return fail(url.errorString());
    }
    const QString scheme = url.scheme().toLower();
    DatabaseUrl result;
    if (scheme == u"sqlite"_s) {
        result.engine = Engine::SQLite;
        result.path = url.path();
        if (result.path.isEmpty() || !url.host().isEmpty()) {
            return fail(u"an SQLite URL names a file: sqlite:///path/to/till.db"_s);
        }
        return result;
    }
    if (scheme != u"postgresql"_s && scheme != u"postgres"_s) {
        return fail(u"unknown database kind \"%1\"; use sqlite:// or postgresql://"_s.arg(scheme));
    }
    result.engine = Engine::PostgreSQL;
    result.host = url.host();
    result.port = url.port(5432);
    result.user = url.userName();
    result.password = url.password();
    result.database = url.path().mid(1);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"host"_s) {
            result.host = value;
        } else if (key == u"port"_s) {
            bool ok = false;
            result.port = value.toInt(&ok);
            if (!ok) {
                return fail(u"the port is not a number"_s);
            }
        } else if (key == u"user"_s) {
            result.user = value;
        } else if (key == u"password"_s) {
            result.password = value;
        } else if (key == u"dbname"_s) {
            result.database = value;
        } else if (key == u"schema"_s) {
            result.schema = value;
        } else {
            return fail(u"unknown URL option \"%1\""_s.arg(key));
        }
    }
    if (result.database.isEmpty()) {
        return fail(u"a PostgreSQL URL names a database: postgresql://user@host:5432/till"_s);
    }
    if (result.host.isEmpty()) {
        result.host = u"localhost"_s;
    }
    return result;
}

DatabaseUrl DatabaseUrl::sqliteFile(const QString &path)
{
    DatabaseUrl url;
    url.engine = Engine::SQLite;
    url.path = path;
    return url;
}

namespace {

QString build(const DatabaseUrl &u, bool withPassword)
{
    if (u.engine == DatabaseUrl::Engine::SQLite) {
        QUrl url;
        url.setScheme(u"sqlite"_s);
        url.setPath(u.path);
        url.setHost(u""_s);
        return url.toString();
    }
    QUrl url;
    url.setScheme(u"postgresql"_s);
    QUrlQuery query;
    if (u.host.startsWith(u'/')) {
        query.addQueryItem(u"host"_s, u.host);
    } else {
        url.setHost(u.host);
        url.setPort(u.port);
    }
    url.setUserName(u.user);
    if (withPassword) {
        url.setPassword(u.password);
    }
    url.setPath(u'/' + u.database);
    if (u.host.startsWith(u'/') && u.port != 5432) {
        query.addQueryItem(u"port"_s, QString::number(u.port));
    }
    if (!u.schema.isEmpty()) {
        query.addQueryItem(u"schema"_s, u.schema);
    }
    url.setQuery(query);
    return url.toString();
}

} // namespace

QString DatabaseUrl::toDisplayString() const
{
    return build(*this, false);
}

QString DatabaseUrl::toString() const
{
    return build(*this, true);
}
