#pragma once

#include <QString>

/*!
 * PINs are stored as salted PBKDF2-SHA256 with a per-user random salt. The iteration
 * count is stored beside the hash, so it can be raised later without locking anybody
 * out: a sign-in with an older count re-hashes with the current one.
 */
namespace PinHasher {

//! Slow enough to make guessing a 4-digit PIN from a stolen database costly.
inline constexpr int kIterations = 120000;

struct Hashed
{
    QString hash; //!< base64
    QString salt; //!< base64
    int iterations = kIterations;
};

Hashed hash(const QString &pin, int iterations = kIterations);
Hashed hashWithSalt(const QString &pin, const QString &salt, int iterations);
//! Compares in constant time.
bool verify(const QString &pin, const Hashed &stored);

} // namespace PinHasher
