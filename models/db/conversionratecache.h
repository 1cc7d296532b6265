#pragma once

#include "models/db/dberror.h"
#include "models/db/productrepository.h"
#include "models/domain/cachestats.h"
#include "models/domain/clock.h"

#include <QCache>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

class Database;

/*!
 * Base units per sellable unit, kept near: a sale asks for the rates of all its units at
 * once, hits are answered from memory, and the misses are loaded in one query.
 *
 * Entries expire after a time to live (an hour by default). A unit edited on this till is
 * invalidated at once (invalidate()); on PostgreSQL an edit on another lane arrives as a
 * NOTIFY on the "till_units" channel, whose payload is the comma-separated unit ids, and
 * invalidates here too (Database listens, across reconnects). QCache is not thread-safe:
 * use the cache on the thread that made it, which is also the thread that hears the edits.
 *
 * It also keeps what a scan finds (unit, product, tax) by barcode, so scanning a known
 * item again costs no query; those entries follow the same expiry and invalidation, and
 * every scan fills the rate of its unit too.
 */
class ConversionRateCache : public QObject
{
    Q_OBJECT

public:
    static inline const QString kChannel = QStringLiteral("till_units");

    explicit ConversionRateCache(const Database &db, QObject *parent = nullptr);

    //! Rates for all the ids; ids with no unit are missing from the answer.
    DbResult<QHash<qint64, qint64>> rates(const QList<qint64> &unitIds);
    DbResult<qint64> rate(qint64 unitId);

    /*!
     * Loads the rates of all these units that are not fresh in memory, in one query
     * (none when all are), so that the rate() calls that follow are hits. For a caller
     * that walks many lines one at a time (a document, a list of products' units):
     *
     *     cache.prefetch(unitIdsOfTheDocument);
     *     for (const Line &line : lines) { ... cache.rate(line.unitId) ... }
     */
    DbStatus prefetch(const QList<qint64> &unitIds);

    /*!
     * The unit a barcode names, from memory or one indexed query. std::nullopt for a code
     * nobody has (not remembered: it may be added any moment).
     */
    DbResult<std::optional<ScannedUnit>> scan(const QString &barcode);

    void invalidate(const QList<qint64> &unitIds);
    void clear();

    /*!
     * The statement a transaction that edits units runs before committing, so the other
     * lanes drop those units when it commits (PostgreSQL delivers NOTIFY on commit). Empty
     * on SQLite, where one till owns the file. Bind :payload to payloadFor(ids).
     */
    QString notifyStatement() const;
    static QString payloadFor(const QList<qint64> &unitIds);

    void setTimeToLive(int seconds) { m_ttlSeconds = seconds; }
    int timeToLive() const { return m_ttlSeconds; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    //! Whether other lanes' edits reach this cache now (opens a lost connection again).
    bool isListening() const;

    //! A value of the domain, so the Diagnostics window reads it without this class.
    using Stats = CacheStats;
    Stats stats() const;

Q_SIGNALS:
    void statsChanged();

private:
    bool isFresh(const QDateTime &loadedAt, const QDateTime &now) const
    {
        return loadedAt.secsTo(now) < m_ttlSeconds;
    }
    void handleNotification(const QString &payload);
    //! Fresh rates go into found; the ids to load (each once) are returned.
    QList<qint64> takeFresh(const QList<qint64> &unitIds, const QDateTime &now,
                            QHash<qint64, qint64> &found);
    //! One query for the ids; what it finds is cached and added to found.
    DbStatus load(const QList<qint64> &unitIds, const QDateTime &now, QHash<qint64, qint64> &found);

    struct Entry
    {
        qint64 rate;
        QDateTime loadedAt;
    };
    struct ScanEntry
    {
        ScannedUnit unit;
        QDateTime loadedAt;
    };

    const Database &m_db;
    QCache<qint64, Entry> m_cache;
    QCache<QString, ScanEntry> m_scans;
    QHash<qint64, QString> m_barcodeOfUnit;
    int m_ttlSeconds = 3600;
    Clock m_clock = systemClock();
    Stats m_stats;
};
