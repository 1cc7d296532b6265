#include "models/items/billhistorymodel.h"

#include "models/domain/billcode.h"
#include "models/domain/receipt.h"
#include "models/items/palette.h"
#include "models/services/refundservice.h"

#include <QLocale>

using namespace Qt::StringLiterals;

BillHistoryModel::BillHistoryModel(const RefundService &refunds, QObject *parent)
    : QAbstractTableModel(parent)
    , m_refunds(refunds)
{}

QString BillHistoryModel::billCode(const QString &lane, qint64 number)
{
    return BillCode::bill(lane, number).toString();
}

int BillHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BillHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BillHistoryModel::moneyText(Money amount) const
{
    return amount.toString(QLocale(), m_currencySymbol);
}

QVariant BillHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const BillSummary &b = m_rows.at(index.row());
    const bool settled = b.refunded >= b.total && !b.total.isZero();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case BillColumn:
            return billCode(b.lane, b.number);
        case DateColumn:
            return QLocale().toString(b.at.toLocalTime(), QLocale::ShortFormat);
        case CashierColumn:
            return b.cashierName;
        case LinesColumn:
            return QLocale().toString(b.lines);
        case TotalColumn:
            return moneyText(b.total);
        case RefundedColumn:
            // Most bills were never refunded: an empty cell reads quicker than a zero.
            return b.refunded.isZero() ? QString() : moneyText(b.refunded);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DateColumn) {
            return QLocale().toString(b.at.toLocalTime(), QLocale::LongFormat);
        }
        if (settled) {
            return tr("Bill %1 was refunded in full.").arg(billCode(b.lane, b.number));
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case LinesColumn:
        case TotalColumn:
        case RefundedColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ForegroundRole:
        return settled ? QVariant(Palette::Muted) : QVariant();
    case BillIdRole:
        return b.id;
    case BillCodeRole:
        return billCode(b.lane, b.number);
    case TotalMinorRole:
        return b.total.minor();
    case RefundedMinorRole:
        return b.refunded.minor();
    }
    return {};
}

QVariant BillHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        switch (section) {
        case LinesColumn:
        case TotalColumn:
        case RefundedColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case BillColumn:
        return tr("Bill", "column: the bill's lane and number");
    case DateColumn:
        return tr("Date", "column: when the bill was sold");
    case CashierColumn:
        return tr("Cashier", "column: who sold the bill");
    case LinesColumn:
        return tr("Lines", "column: number of lines on the bill");
    case TotalColumn:
        return tr("Total", "column: what the bill came to");
    case RefundedColumn:
        return tr("Refunded", "column: amount refunded of the bill so far");
    }
    return {};
}

bool BillHistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && m_pager.canFetch();
}

void BillHistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_pager.pageRequested();
    const Cursor &after = m_pager.cursor();
    auto page = m_refunds.history(m_filter, after.at, after.id, kPageSize);
    if (!page) {
        m_pager.pageFailed();
        m_lastError = page.error();
        Q_EMIT loadFailed(page.error());
        return;
    }
    m_lastError.reset();
    m_pager.pageArrived(*page, cursorAfter);
    if (page->isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    const auto announcing = m_pager.announcing();
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows.append(*page);
    endInsertRows();
}

void BillHistoryModel::setFilter(const BillFilter &filter)
{
    auto page = m_refunds.history(filter, {}, 0, kPageSize);
    if (!page) {
        m_lastError = page.error();
        Q_EMIT loadFailed(page.error());
        return;
    }
    const auto announcing = m_pager.announcing();
    beginResetModel();
    m_filter = filter;
    m_rows = *page;
    m_pager.firstPageArrived(*page, cursorAfter);
    m_loaded = true;
    m_lastError.reset();
    endResetModel();
}

void BillHistoryModel::reload()
{
    setFilter(m_filter);
}

void BillHistoryModel::setCurrencySymbol(const QString &symbol)
{
    if (symbol == m_currencySymbol) {
        return;
    }
    m_currencySymbol = symbol;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, TotalColumn), index(rowCount() - 1, RefundedColumn),
                           {Qt::DisplayRole});
    }
}

int BillHistoryModel::rowOf(qint64 billId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == billId) {
            return static_cast<int>(row);
        }
    }
    return -1;
}

void BillHistoryModel::addRefund(qint64 billId, Money amount)
{
    const int row = rowOf(billId);
    if (row < 0) {
        return;
    }
    m_rows[row].refunded += amount;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}
