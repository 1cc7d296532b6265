#pragma once

#include <QString>

#include <optional>

/*!
 * Where the data lives, as one URL:
 *   sqlite:///home/anna/.local/share/Till/till.db
 *   postgresql://till:secret@db.shop.lan:5432/till
 *   postgresql:///till?host=/run/postgresql&user=till   (a Unix socket folder)
 *   ...?schema=lane_tests                               (a PostgreSQL schema to work in)
 */
struct DatabaseUrl
{
    enum class Engine { SQLite, PostgreSQL };

    Engine engine = Engine::SQLite;
    QString path; //!< SQLite file
    QString host; //!< PostgreSQL host name, address or socket folder
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString schema; //!< PostgreSQL schema; empty for the user's default search path

    //! std::nullopt when the text is not a URL Till can use; error says why (untranslated).
    static std::optional<DatabaseUrl> parse(const QString &text, QString *error = nullptr);
    static DatabaseUrl sqliteFile(const QString &path);

    //! The URL again, without the password.
    QString toDisplayString() const;
    //! The URL again, password included (for handing to another process).
    QString toString() const;
};
