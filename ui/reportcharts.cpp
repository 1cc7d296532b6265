#include "ui/reportcharts.h"

#include "models/domain/settlement.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHash>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QTime>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Charts read amounts in whole units; the exact figures are in the tables.
qreal major(Money amount)
{
    return qreal(amount.minor()) / 100.0;
}

// A product name on an axis: long names would squeeze the bars to nothing.
QString shortName(const QString &name)
{
    constexpr int kMaxLength = 24;
    return name.size() <= kMaxLength ? name : name.left(kMaxLength - 1) + u'…';
}

// Axis labels a little smaller than the text around them, so a day's hours fit.
QFont axisFont()
{
    QFont font = QApplication::font();
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * 0.8);
    }
    return font;
}

QValueAxis *amountAxis(const QString &title)
{
    auto *axis = new QValueAxis;
    axis->setLabelsFont(axisFont());
    axis->setTitleFont(axisFont());
    axis->setTitleText(title);
    axis->setLabelFormat(u"%.0f"_s);
    axis->setMin(0);
    return axis;
}

void fitAmounts(QValueAxis *axis, qreal highest)
{
    // Whole currency units on the axis: an empty period still gets a few distinct ticks.
    axis->setRange(0, highest > 0 ? highest : 10);
    axis->applyNiceNumbers();
}

} // namespace

QChartView *ReportCharts::createView(const QString &objectName, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    auto *view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(240, 230);
    return view;
}

void ReportCharts::clear(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

void ReportCharts::showByHour(QChart *chart, const QList<BucketLine> &hours,
                              const QString &currencySymbol)
{
    clear(chart);
    // The shop's hours as the sales show them, gaps included: a quiet hour is a zero.
    int first = 24;
    int last = -1;
    QHash<int, Money> amounts;
    for (const BucketLine &line : hours) {
        const int hour = line.key.toInt();
        amounts.insert(hour, line.amount);
        first = std::min(first, hour);
        last = std::max(last, hour);
    }
    if (last < first) {
        first = 9;
        last = 18;
    }
    auto *set = new QBarSet(tr("Sales"));
    QStringList categories;
    qreal highest = 0;
    for (int hour = first; hour <= last; ++hour) {
        const qreal value = major(amounts.value(hour, Money::fromMinor(0)));
        set->append(value);
        highest = std::max(highest, value);
        categories.append(QString::number(hour));
    }
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *hoursAxis = new QBarCategoryAxis;
    hoursAxis->append(categories);
    hoursAxis->setLabelsFont(axisFont());
    auto *valueAxis = amountAxis(salesTitle(currencySymbol));
    chart->addAxis(hoursAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    series->attachAxis(hoursAxis);
    series->attachAxis(valueAxis);
    fitAmounts(valueAxis, highest);
}

void ReportCharts::showByDay(QChart *chart, const QList<BucketLine> &days, const QDate &first,
                             const QDate &last, const QString &currencySymbol)
{
    clear(chart);
    QHash<QDate, Money> amounts;
    for (const BucketLine &line : days) {
        amounts.insert(QDate::fromString(line.key, Qt::ISODate), line.amount);
    }
    auto *series = new QLineSeries;
    series->setPointsVisible(first.daysTo(last) <= 62);
    qreal highest = 0;
    for (QDate day = first; day.isValid() && day <= last; day = day.addDays(1)) {
        const qreal value = major(amounts.value(day, Money::fromMinor(0)));
        series->append(qreal(QDateTime(day, QTime(12, 0)).toMSecsSinceEpoch()), value);
        highest = std::max(highest, value);
    }
    chart->addSeries(series);
    auto *daysAxis = new QDateTimeAxis;
    daysAxis->setLabelsFont(axisFont());
    daysAxis->setFormat(first.year() == last.year() ? u"d MMM"_s : u"MMM yyyy"_s);
    daysAxis->setTickCount(std::clamp(int(first.daysTo(last)) + 1, 2, 7));
    daysAxis->setRange(QDateTime(first, QTime(0, 0)), QDateTime(last, QTime(23, 59)));
    auto *valueAxis = amountAxis(salesTitle(currencySymbol));
    chart->addAxis(daysAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    series->attachAxis(daysAxis);
    series->attachAxis(valueAxis);
    fitAmounts(valueAxis, highest);
}

void ReportCharts::showPaymentMethods(QChart *chart, const QList<BucketLine> &methods)
{
    clear(chart);
    auto *series = new QPieSeries;
    qint64 total = 0;
    for (const BucketLine &line : methods) {
        total += line.amount.minor();
    }
    const QLocale locale;
    for (const BucketLine &line : methods) {
        const qreal share = total > 0 ? 100.0 * qreal(line.amount.minor()) / qreal(total) : 0;
        series->append(tr("%1 %2 %", "payment method and its share")
                               .arg(methodName(line.key), locale.toString(share, 'f', 0)),
                       major(line.amount));
    }
    series->setPieSize(0.85);
    chart->addSeries(series);
    // The legend names the slices: labels beside a small pie get cut off.
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setFont(axisFont());
    chart->legend()->setVisible(!methods.isEmpty());
}

void ReportCharts::showTopProducts(QChart *chart, const QList<ProductLine> &products,
                                   const QString &currencySymbol)
{
    clear(chart);
    const qsizetype count = std::min<qsizetype>(kTopProducts, products.size());
    auto *set = new QBarSet(tr("Revenue"));
    QStringList names;
    qreal highest = 0;
    // The biggest on top: a horizontal chart draws its first category at the bottom.
    for (qsizetype i = count - 1; i >= 0; --i) {
        const ProductLine &line = products.at(i);
        const qreal value = major(line.revenue);
        set->append(value);
        highest = std::max(highest, value);
        // Two products may share a name; the axis needs each category once.
        QString name = shortName(line.name);
        while (names.contains(name)) {
            name += u' ';
        }
        names.append(name);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *productsAxis = new QBarCategoryAxis;
    productsAxis->append(names);
    productsAxis->setLabelsFont(axisFont());
    // The names are shortened above; cut again to "…" they would say nothing.
    productsAxis->setTruncateLabels(false);
    auto *valueAxis = amountAxis(
            tr("Revenue (%1)", "chart axis; %1 is the currency symbol").arg(currencySymbol));
    chart->addAxis(productsAxis, Qt::AlignLeft);
    chart->addAxis(valueAxis, Qt::AlignBottom);
    series->attachAxis(productsAxis);
    series->attachAxis(valueAxis);
    fitAmounts(valueAxis, highest);
}

QString ReportCharts::salesTitle(const QString &currencySymbol)
{
    return tr("Sales (%1)", "chart axis; %1 is the currency symbol").arg(currencySymbol);
}

QString ReportCharts::methodName(const QString &method)
{
    const std::optional<Tender::Method> known = Tender::fromString(method);
    if (!known) {
        return method;
    }
    switch (*known) {
    case Tender::Method::Cash:
        return tr("Cash", "payment method");
    case Tender::Method::Card:
        return tr("Card", "payment method");
    }
    return method;
}
