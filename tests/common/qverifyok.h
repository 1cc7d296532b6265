#pragma once

#include <QString>
#include <QTest>

/*!
 * QVERIFY_OK(result): the result (a Result, ServiceResult, ServiceStatus, DbResult...) holds a
 * value; otherwise the test fails with the error's own words, so a failure reads "The name is
 * empty" rather than "'saved' returned FALSE".
 *
 *     const auto saved = services.users.create(draft);
 *     QVERIFY_OK(saved);
 *
 * The error is read only when the result failed: QVERIFY2 builds its message even when the
 * condition holds, and error() of a result that holds a value is not there to read.
 */
namespace TillTest {

//! The words of an error: the sentence shown to people first, then the technical details.
template<typename E>
QString errorText(const E &error)
{
    if constexpr (requires { error.message; }) {
        if constexpr (requires { error.details; }) {
            if (!error.details.isEmpty() && error.details != error.message) {
                return QStringLiteral("%1 [%2]").arg(error.message, error.details);
            }
        }
        return error.message;
    } else if constexpr (requires { error.details; }) {
        return error.details;
    } else {
        static_assert(
                requires { error.text; }, "QVERIFY_OK needs message, details or text");
        return error.text;
    }
}

} // namespace TillTest

#define QVERIFY_OK(result) \
    do { \
        const auto &qverifyOkResult = (result); \
        const bool qverifyOk = static_cast<bool>(qverifyOkResult); \
        if (!QTest::qVerify(qverifyOk, #result, \
                            qverifyOk ? "" \
                                      : qPrintable(TillTest::errorText(qverifyOkResult.error())), \
                            __FILE__, __LINE__)) { \
            return; \
        } \
    } while (false)
