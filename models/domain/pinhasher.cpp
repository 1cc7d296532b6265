#include "models/domain/pinhasher.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace PinHasher {

namespace {
constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;

bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    }
    return difference == 0;
}
} // namespace

Hashed hashWithSalt(const QString &pin, const QString &salt, int iterations)
{
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(
            QCryptographicHash::Sha256, pin.toUtf8(), QByteArray::fromBase64(salt.toLatin1()),
            iterations, kKeyBytes);
    return {QString::fromLatin1(key.toBase64()), salt, iterations};
}

Hashed hash(const QString &pin, int iterations)
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()),
                                          kSaltBytes / sizeof(quint32));
    return hashWithSalt(pin, QString::fromLatin1(salt.toBase64()), iterations);
}

bool verify(const QString &pin, const Hashed &stored)
{
    if (stored.iterations <= 0 || stored.salt.isEmpty()) {
        return false;
    }
    const Hashed candidate = hashWithSalt(pin, stored.salt, stored.iterations);
    return equalInConstantTime(QByteArray::fromBase64(candidate.hash.toLatin1()),
                               QByteArray::fromBase64(stored.hash.toLatin1()));
}

} // namespace PinHasher
