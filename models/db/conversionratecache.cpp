#include "models/db/conversionratecache.h"

#include "models/db/database.h"
#include "models/db/productrepository.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxEntries = 200000; // a rate is a few dozen bytes; a large catalogue fits
} // namespace

ConversionRateCache::ConversionRateCache(const Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_cache.setMaxCost(kMaxEntries);
    m_scans.setMaxCost(kMaxEntries);
    m_db.listen(kChannel, this, [this](const QString &payload) { handleNotification(payload); });
}

DbResult<std::optional<ScannedUnit>> ConversionRateCache::scan(const QString &barcode)
{
    const QString code = barcode.trimmed();
    const QDateTime now = m_clock();
    if (const ScanEntry *entry = m_scans.object(code)) {
        if (isFresh(entry->loadedAt, now)) {
            ++m_stats.scanHits;
            Q_EMIT statsChanged();
            return std::optional<ScannedUnit>(entry->unit);
        }
        m_scans.remove(code);
        ++m_stats.expirations;
    }
    ++m_stats.scanMisses;
    ++m_stats.loads;
    const auto found = ProductRepository(m_db).findUnitByBarcode(code);
    if (!found) {
        Q_EMIT statsChanged();
        return found.error();
    }
    if (found->has_value()) {
        const ScannedUnit &unit = **found;
        m_scans.insert(code, new ScanEntry{unit, now});
        m_barcodeOfUnit.insert(unit.unit.id, code);
        m_cache.insert(unit.unit.id, new Entry{unit.unit.basePerUnit, now});
    }
    Q_EMIT statsChanged();
    return *found;
}

QList<qint64> ConversionRateCache::takeFresh(const QList<qint64> &unitIds, const QDateTime &now,
                                             QHash<qint64, qint64> &found)
{
    QList<qint64> missing;
    QSet<qint64> seen; // a document names a unit on many lines: each is looked up once
    seen.reserve(unitIds.size());
    for (qint64 id : unitIds) {
        if (seen.contains(id)) {
            continue;
        }
        seen.insert(id);
        const Entry *entry = m_cache.object(id);
        if (entry && isFresh(entry->loadedAt, now)) {
            found.insert(id, entry->rate);
            continue;
        }
        if (entry) {
            m_cache.remove(id);
            ++m_stats.expirations;
        }
        ++m_stats.misses;
        missing.append(id);
    }
    return missing;
}

DbStatus ConversionRateCache::load(const QList<qint64> &unitIds, const QDateTime &now,
                                   QHash<qint64, qint64> &found)
{
    if (unitIds.isEmpty()) {
        return Done{};
    }
    const auto loaded = ProductRepository(m_db).conversionRates(unitIds);
    ++m_stats.loads;
    if (!loaded) {
        return loaded.error();
    }
    for (auto it = loaded->cbegin(); it != loaded->cend(); ++it) {
        m_cache.insert(it.key(), new Entry{it.value(), now});
        found.insert(it.key(), it.value());
    }
    return Done{};
}

DbResult<QHash<qint64, qint64>> ConversionRateCache::rates(const QList<qint64> &unitIds)
{
    const QDateTime now = m_clock();
    QHash<qint64, qint64> found;
    found.reserve(unitIds.size());
    const QList<qint64> missing = takeFresh(unitIds, now, found);
    m_stats.hits += static_cast<quint64>(found.size());
    const DbStatus loaded = load(missing, now, found);
    Q_EMIT statsChanged();
    if (!loaded) {
        return loaded.error();
    }
    return found;
}

DbStatus ConversionRateCache::prefetch(const QList<qint64> &unitIds)
{
    // Not a lookup: the units already fresh count as hits when they are read, not here.
    const QDateTime now = m_clock();
    QHash<qint64, qint64> found;
    const QList<qint64> missing = takeFresh(unitIds, now, found);
    const DbStatus loaded = load(missing, now, found);
    Q_EMIT statsChanged();
    return loaded;
}

DbResult<qint64> ConversionRateCache::rate(qint64 unitId)
{
    // The hot case, one unit already known: no list, no hash, no query.
    if (const Entry *entry = m_cache.object(unitId); entry && isFresh(entry->loadedAt, m_clock())) {
        ++m_stats.hits;
        Q_EMIT statsChanged();
        return entry->rate;
    }
    const auto all = rates({unitId});
    if (!all) {
        return all.error();
    }
    if (!all->contains(unitId)) {
        return DbError{DbError::Kind::NotFound, u"no unit %1"_s.arg(unitId)};
    }
    return all->value(unitId);
}

void ConversionRateCache::invalidate(const QList<qint64> &unitIds)
{
    for (qint64 id : unitIds) {
        if (m_cache.remove(id)) {
            ++m_stats.invalidations;
        }
        const QString code = m_barcodeOfUnit.take(id);
        if (!code.isEmpty() && m_scans.remove(code)) {
            ++m_stats.invalidations;
        }
    }
    Q_EMIT statsChanged();
}

void ConversionRateCache::clear()
{
    m_cache.clear();
    m_scans.clear();
    m_barcodeOfUnit.clear();
    Q_EMIT statsChanged();
}

QString ConversionRateCache::notifyStatement() const
{
    return m_db.dialect().isPostgres() ? u"SELECT pg_notify('%1', :payload)"_s.arg(kChannel)
                                       : QString();
}

QString ConversionRateCache::payloadFor(const QList<qint64> &unitIds)
{
    QStringList ids;
    for (qint64 id : unitIds) {
        ids << QString::number(id);
    }
    return ids.join(u',');
}

bool ConversionRateCache::isListening() const
{
    return m_db.isListening(kChannel);
}

void ConversionRateCache::handleNotification(const QString &payload)
{
    QList<qint64> ids;
    for (const QString &part : payload.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (ok) {
            ids.append(id);
        }
    }
    if (ids.isEmpty()) {
        clear(); // an unreadable payload: be safe rather than stale
        return;
    }
    invalidate(ids);
}

ConversionRateCache::Stats ConversionRateCache::stats() const
{
    Stats stats = m_stats;
    stats.entries = static_cast<int>(m_cache.count());
    stats.scanEntries = static_cast<int>(m_scans.count());
    return stats;
}
