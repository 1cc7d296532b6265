#include "models/items/reporttablemodel.h"

#include "models/domain/money.h"
#include "models/domain/percent.h"

#include <QDateTime>
#include <QLocale>

#include <limits>

using namespace Qt::StringLiterals;

namespace {
// What a cell without a value shows: a margin where no cost is known, for instance.
const QString kNoValue = u"—"_s;

// Figures line up on their last digit; words and dates read from the left.
bool alignsRight(ReportTableModel::Kind kind)
{
    using Kind = ReportTableModel::Kind;
    return kind == Kind::Count || kind == Kind::Money || kind == Kind::Percent;
}
} // namespace

ReportTableModel::ReportTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const Kind kind = m_columns.at(index.column()).kind;
    const QVariant value = row.values.value(index.column());
    const QString text = row.texts.value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return text.isEmpty() ? displayText(value, kind) : text;
    case Qt::ToolTipRole:
        // A long quantity or reason may not fit its column.
        return text.isEmpty() && kind != Kind::Text ? QVariant()
                                                    : QVariant(data(index, Qt::DisplayRole));
    case Qt::TextAlignmentRole:
        return alignsRight(kind) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case SortRole:
        return sortKey(value, kind);
    case ExportRole:
        // A spreadsheet sums numbers: a quantity shown as "3 × Box" exports its value.
        return text.isEmpty() || (kind != Kind::Text && !value.isNull())
                       ? QVariant(exportText(value, kind))
                       : QVariant(text);
    case ValueRole:
        return value;
    }
    return {};
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size()) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return m_columns.at(section).title;
    case Qt::TextAlignmentRole:
        return int((alignsRight(m_columns.at(section).kind) ? Qt::AlignRight : Qt::AlignLeft)
                   | Qt::AlignVCenter);
    }
    return {};
}

void ReportTableModel::setColumns(const QList<Column> &columns)
{
    beginResetModel();
    m_columns = columns;
    m_rows.clear();
    endResetModel();
}

void ReportTableModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void ReportTableModel::appendRows(const QList<Row> &rows)
{
    if (rows.isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    m_rows += rows;
    endInsertRows();
}

void ReportTableModel::clear()
{
    setRows({});
}

void ReportTableModel::setCurrencySymbol(const QString &symbol)
{
    if (symbol == m_currencySymbol) {
        return;
    }
    m_currencySymbol = symbol;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                           {Qt::DisplayRole});
    }
}

QString ReportTableModel::displayText(const QVariant &value, Kind kind) const
{
    if (value.isNull()) {
        return kind == Kind::Text ? QString() : kNoValue;
    }
    const QLocale locale;
    switch (kind) {
    case Kind::Text:
        return value.toString();
    case Kind::Count:
        return locale.toString(value.toLongLong());
    case Kind::Money:
        return value.value<Money>().toString(locale, m_currencySymbol);
    case Kind::Percent:
        return Percent::toString(value.toInt(), locale);
    case Kind::DateTime:
        return locale.toString(value.toDateTime().toLocalTime(), QLocale::ShortFormat);
    case Kind::Date:
        return locale.toString(value.toDate(), QLocale::ShortFormat);
    }
    return {};
}

QString ReportTableModel::exportText(const QVariant &value, Kind kind)
{
    if (value.isNull()) {
        return {};
    }
    // Spreadsheets read these whatever the person's language: a dot, no groups, no symbol.
    const QLocale c = QLocale::c();
    switch (kind) {
    case Kind::Text:
        return value.toString();
    case Kind::Count:
        return QString::number(value.toLongLong());
    case Kind::Money:
        return value.value<Money>().toPlainString(c);
    case Kind::Percent:
        return Percent::toPlainString(value.toInt(), c);
    case Kind::DateTime:
        return value.toDateTime().toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case Kind::Date:
        return value.toDate().toString(Qt::ISODate);
    }
    return {};
}

QVariant ReportTableModel::sortKey(const QVariant &value, Kind kind)
{
    // Empty cells sort below every number, so "no margin known" never poses as a zero.
    constexpr qint64 kLowest = std::numeric_limits<qint64>::min();
    switch (kind) {
    case Kind::Text:
        return value.toString();
    case Kind::Count:
    case Kind::Percent:
        return value.isNull() ? kLowest : value.toLongLong();
    case Kind::Money:
        return value.isNull() ? kLowest : value.value<Money>().minor();
    case Kind::DateTime:
        return value.isNull() ? kLowest : value.toDateTime().toMSecsSinceEpoch();
    case Kind::Date:
        return value.isNull() ? kLowest : value.toDate().toJulianDay();
    }
    return {};
}
