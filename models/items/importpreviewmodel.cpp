#include "models/items/importpreviewmodel.h"

#include "models/items/palette.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

ImportPreviewModel::ImportPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Entry &e = m_entries.at(index.row());
    const bool error = e.status == Status::Error;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LineColumn:
            return QLocale().toString(e.line);
        case StatusColumn:
            switch (e.status) {
            case Status::New:
                return tr("New", "a product the import creates");
            case Status::Update:
                return tr("Update", "a product the import changes");
            case Status::Error:
                return tr("Error");
            }
            return {};
        case SkuColumn:
            return e.sku;
        case NameColumn:
            return e.name;
        case FieldColumn:
            return e.field;
        case DetailsColumn:
            return e.details;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == DetailsColumn ? QVariant(e.details) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == LineColumn ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        return error ? QVariant(Palette::ProblemBackground) : QVariant();
    case Qt::ForegroundRole:
        return error ? QVariant(Palette::ProblemText) : QVariant();
    case StatusRole:
        return static_cast<int>(e.status);
    case LineRole:
        return e.line;
    }
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case LineColumn:
        return tr("Line", "line number in the file");
    case StatusColumn:
        return tr("Status");
    case SkuColumn:
        return tr("SKU", "stock keeping unit, the store's own product code");
    case NameColumn:
        return tr("Name", "product name");
    case FieldColumn:
        return tr("Column", "column of the CSV file");
    case DetailsColumn:
        return tr("Units and prices, or the problem");
    }
    return {};
}

QString ImportPreviewModel::unitsText(const Product &product) const
{
    const QLocale locale;
    QStringList units;
    for (const ProductUnit &unit : product.units) {
        const QString price = unit.price.toString(locale, m_currencySymbol);
        units << (unit.basePerUnit == 1 ? tr("%1 %2", "unit name, price").arg(unit.name, price)
                                        : tr("%1 (%L2) %3", "unit name (base units in it), price")
                                                  .arg(unit.name)
                                                  .arg(unit.basePerUnit)
                                                  .arg(price));
    }
    return units.join(u" · "_s);
}

void ImportPreviewModel::setPlan(const CatalogueCsv::Plan &plan)
{
    QList<Entry> entries;
    entries.reserve(plan.products.size() + plan.errors.size());
    for (const CatalogueCsv::RowError &error : plan.errors) {
        entries.append({error.line, Status::Error, {}, {}, error.field, error.message});
    }
    for (qsizetype i = 0; i < plan.products.size(); ++i) {
        const Product &p = plan.products.at(i);
        entries.append({plan.lines.value(i),
                        plan.isUpdate(i) ? Status::Update : Status::New,
                        p.sku,
                        p.name,
                        {},
                        unitsText(p)});
    }
    // Stable, so a line's problem stays before the product it concerns.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.line < b.line; });
    beginResetModel();
    m_entries = entries;
    m_errors = static_cast<int>(plan.errors.size());
    endResetModel();
}

void ImportPreviewModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_errors = 0;
    endResetModel();
}

int ImportPreviewModel::firstErrorRow() const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).status == Status::Error) {
            return static_cast<int>(row);
        }
    }
    return -1;
}
