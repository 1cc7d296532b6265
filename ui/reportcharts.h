#pragma once

#include "models/domain/report.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

class QChart;
class QChartView;
class QWidget;

/*!
 * The charts of a sales report, drawn from its figures: sales by hour of day (bars), by
 * day (a line), by payment method (a pie) and the top products (horizontal bars). Each
 * show...() replaces what the chart showed before, so one chart serves every refresh.
 * Amounts are plotted in whole currency units; the tables next to them are exact.
 */
class ReportCharts
{
    Q_DECLARE_TR_FUNCTIONS(ReportCharts)

public:
    //! How many products the top-products chart shows.
    static constexpr int kTopProducts = 10;

    //! A chart view as the Reports area shows them: no animation, antialiased, compact.
    static QChartView *createView(const QString &objectName, QWidget *parent);

    //! Every hour from the first to the last one given, hours without sales at zero; the
    //! amount axis is titled with the currency ("Sales (€)"), as on the charts below.
    static void showByHour(QChart *chart, const QList<BucketLine> &hours,
                           const QString &currencySymbol);
    //! Every day from first to last, days without sales at zero.
    static void showByDay(QChart *chart, const QList<BucketLine> &days, const QDate &first,
                          const QDate &last, const QString &currencySymbol);
    static void showPaymentMethods(QChart *chart, const QList<BucketLine> &methods);
    //! The first kTopProducts of products.
    static void showTopProducts(QChart *chart, const QList<ProductLine> &products,
                                const QString &currencySymbol);

    //! "Cash", "Card": a payment method's key as people read it.
    static QString methodName(const QString &method);

private:
    static void clear(QChart *chart);
    static QString salesTitle(const QString &currencySymbol);
};
