#pragma once

#include "models/domain/cart.h"

#include <QString>

#include <optional>

/*!
 * A copy of the sale in progress on this till's disk, rewritten at every change of the
 * cart, so that neither a crash, a power cut nor a sign-out (which throws the screens
 * away) loses a sale half rung up: the sale screen restores it when it opens again. The
 * sale's uuid travels with it, so a commit whose reply was lost before the crash still
 * cannot be written twice.
 *
 * One small JSON file per lane (CartCodec inside), replaced atomically with QSaveFile.
 */
class SaleRecovery
{
public:
    struct Saved
    {
        Cart cart;
        QString uuid;
    };

    explicit SaleRecovery(QString path)
        : m_path(std::move(path))
    {}

    //! The file for a lane in the user's application data folder.
    static QString defaultPath(const QString &lane);

    //! Writes the cart; an empty cart removes the file. False when it could not be written.
    bool save(const Cart &cart, const QString &uuid) const;
    //! What was saved and not cleared; std::nullopt when nothing (or nothing readable) was.
    std::optional<Saved> load() const;
    void clear() const;
    const QString &path() const { return m_path; }

private:
    QString m_path;
};
