#pragma once

#include "models/db/refundrepository.h"
#include "models/items/keysetpager.h"
#include "models/services/serviceerror.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

class RefundService;

/*!
 * The bills of the store, newest first, for finding the one a customer brings back: bill
 * code, when, who sold it, how many lines, its total and what was refunded of it. Pages by
 * key (the last row's time and id), 100 rows a query, more as the view scrolls down
 * (canFetchMore()/fetchMore()); each page is one query with the cashier, the line count and
 * the refunded sum joined in, so a store with years of bills opens as fast as a new one.
 *
 * A page that cannot be read leaves the rows as they are and reports loadFailed(); no
 * more pages are asked for until reload() or setFilter().
 */
class BillHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        BillColumn,
        DateColumn,
        CashierColumn,
        LinesColumn,
        TotalColumn,
        RefundedColumn,
        ColumnCount
    };

    enum Role {
        BillIdRole = Qt::UserRole, //!< qint64
        BillCodeRole,              //!< QString: "1-000042", as findBill() reads it
        TotalMinorRole,            //!< qint64
        RefundedMinorRole,         //!< qint64
    };

    static constexpr int kPageSize = 100;

    explicit BillHistoryModel(const RefundService &refunds, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const BillFilter &filter() const { return m_filter; }
    /*!
     * Shows the bills the filter selects from the newest. The rows are replaced only once
     * that first page was read; on failure they stay and loadFailed() says why.
     */
    void setFilter(const BillFilter &filter);
    //! Reads the first page of the current filter again.
    void reload();
    bool isLoaded() const { return m_loaded; }
    //! Whether older bills remain to be read (canFetchMore() says no while a page goes in).
    bool hasMore() const { return m_loaded && m_pager.hasMore(); }

    //! Amounts are shown with this symbol ("€").
    void setCurrencySymbol(const QString &symbol);

    const BillSummary &bill(int row) const { return m_rows.at(row); }
    //! The row showing the bill, or -1 when it is not loaded.
    int rowOf(qint64 billId) const;
    /*!
     * Counts a refund just committed into its bill's row, so the list stays where it is
     * instead of being read again.
     */
    void addRefund(qint64 billId, Money amount);

    //! The last failure to read a page; std::nullopt after a successful read.
    const std::optional<ServiceError> &lastError() const { return m_lastError; }

    //! "1-000042": lane and number as the receipt's barcode and the search read them.
    static QString billCode(const QString &lane, qint64 number);

Q_SIGNALS:
    //! A page could not be read; the rows shown are unchanged.
    void loadFailed(const ServiceError &error);

private:
    //! Bills are paged by time, then id: the key of the last row read.
    struct Cursor
    {
        QDateTime at;
        qint64 id = 0;
    };
    static Cursor cursorAfter(const BillSummary &bill) { return {bill.at, bill.id}; }
    QString moneyText(Money amount) const;

    const RefundService &m_refunds;
    BillFilter m_filter;
    QList<BillSummary> m_rows;
    QString m_currencySymbol;
    KeysetPager<Cursor> m_pager{kPageSize};
    bool m_loaded = false;
    std::optional<ServiceError> m_lastError;
};
