#pragma once

#include <QString>

#include <utility>
#include <variant>

/*!
 * What went wrong in the data layer, typed so the UI can pick the sentence for the
 * cashier, with the driver's technical text kept for the details pane and the log.
 * The data layer reports; it never shows anything.
 */
struct DbError
{
    enum class Kind {
        ConnectionFailed, //!< cannot open, or the connection dropped
        Constraint,       //!< a unique, check or foreign key constraint refused the change
        Conflict,         //!< a concurrent change won (serialization, lock)
        NotFound,
        SchemaTooNew, //!< the database was migrated by a newer Till
        Migration,
        Invalid,   //!< the caller asked for something that cannot be done
        Statement, //!< any other failure of a statement
        DiskFull,  //!< the disk or the server's storage is full; nothing was written
        FileLost,  //!< the SQLite file was deleted or replaced under the open connection
        Timeout,   //!< the server did not answer within the statement timeout
    };

    DbError() = default;
    DbError(Kind errorKind, QString errorDetails, QString serverText = {})
        : kind(errorKind)
        , details(std::move(errorDetails))
        , driverText(std::move(serverText))
    {}

    Kind kind = Kind::Statement;
    QString details;    //!< driver text and statement, for logs and "Show details"
    QString driverText; //!< the server's own message alone, without the statement
};

/*!
 * A value or an error. Small on purpose: the subset of std::expected (C++23) that we use.
 */
template<typename T, typename E>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(E error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_data); }
    const T &value() const { return std::get<0>(m_data); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

template<typename T>
using DbResult = Result<T, DbError>;

//! For operations that return nothing but may fail.
struct Done
{};
using DbStatus = DbResult<Done>;
