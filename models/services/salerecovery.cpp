#include "models/services/salerecovery.h"

#include "models/domain/cartcodec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
const QString kUuidKey = u"uuid"_s;
const QString kCartKey = u"cart"_s;
} // namespace

QString SaleRecovery::defaultPath(const QString &lane)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // A lane is named by people; percent-encoding keeps any name a safe file name.
    const QString name = QString::fromLatin1(QUrl::toPercentEncoding(lane));
    return QDir(folder).filePath(u"sale-in-progress-%1.json"_s.arg(name));
}

bool SaleRecovery::save(const Cart &cart, const QString &uuid) const
{
    if (cart.isEmpty()) {
        clear();
        return true;
    }
    const QJsonDocument cartJson = QJsonDocument::fromJson(CartCodec::toJson(cart));
    QJsonObject root;
    root.insert(kUuidKey, uuid);
    root.insert(kCartKey, cartJson.object());

    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    return file.commit();
}

std::optional<SaleRecovery::Saved> SaleRecovery::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const auto cart = CartCodec::fromJson(
            QJsonDocument(root.value(kCartKey).toObject()).toJson(QJsonDocument::Compact));
    if (!cart || cart->isEmpty()) {
        return std::nullopt;
    }
    return Saved{*cart, root.value(kUuidKey).toString()};
}

void SaleRecovery::clear() const
{
    QFile::remove(m_path);
}
