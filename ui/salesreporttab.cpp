#include "ui/salesreporttab.h"
#include "ui_salesreporttab.h"

#include "models/services/reportrunner.h"
#include "models/services/services.h"
#include "ui/reporttabs.h"
#include "ui/reportview.h"

#include <QLocale>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

SalesReportTab::SalesReportTab(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SalesReportTab>())
    , m_services(services)
    , m_runner(new ReportRunner(services.db, services.session, services.authorizer, this))
    , m_dateTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_view = new ReportView(services, this);
    m_view->setObjectName(u"salesView"_s);
    m_ui->salesReportLayout->addWidget(m_view);
    ReportTabs::wireExport(m_view, m_ui->salesPdfButton, m_ui->salesPrintButton);
    ReportTabs::letBusySignGiveWay(m_ui->salesBusyLabel, m_ui->salesBusyBar);

    setUpPeriod();
    for (QComboBox *filter : {m_ui->laneCombo, m_ui->cashierCombo, m_ui->categoryCombo}) {
        // A long cashier or category name must not push the screen past a 1024 px till.
        filter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        filter->setMinimumContentsLength(12);
        connect(filter, &QComboBox::currentIndexChanged, this, &SalesReportTab::request);
    }

    connect(m_runner, &ReportRunner::started, this, &SalesReportTab::updateBusy);
    connect(m_runner, &ReportRunner::finished, this,
            [this](quint64, const SalesReport &report) { handleReport(report); });
    connect(m_runner, &ReportRunner::failed, this, [this](quint64, const ServiceError &error) {
        updateBusy();
        Q_EMIT reportFailed(error);
    });
    updateBusy();
}

SalesReportTab::~SalesReportTab() = default;

void SalesReportTab::setUpPeriod()
{
    QComboBox *period = m_ui->periodCombo;
    period->addItem(tr("Today"), int(Period::Today));
    period->addItem(tr("Yesterday"), int(Period::Yesterday));
    period->addItem(tr("Last 7 days", "today and the six days before"), int(Period::Last7Days));
    period->addItem(tr("This week"), int(Period::ThisWeek));
    period->addItem(tr("This month"), int(Period::ThisMonth));
    period->addItem(tr("Last month", "the whole calendar month before this one"),
                    int(Period::LastMonth));
    period->addItem(tr("Custom", "a period between two dates the person picks"),
                    int(Period::Custom));
    period->setCurrentIndex(period->findData(int(Period::ThisWeek)));
    const auto [first, last] = periodDays(Period::ThisWeek, QDate::currentDate());
    m_ui->fromEdit->setDate(first);
    m_ui->toEdit->setDate(last);
    connect(period, &QComboBox::currentIndexChanged, this, &SalesReportTab::choosePeriod);

    m_dateTimer->setSingleShot(true);
    m_dateTimer->setInterval(kDateDelayMs);
    connect(m_dateTimer, &QTimer::timeout, this, &SalesReportTab::request);
    // A date typed or picked makes the period a custom one; a wrong-way range is said,
    // not silently turned round, so the person sees what they asked for.
    for (QDateEdit *edit : {m_ui->fromEdit, m_ui->toEdit}) {
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            const QSignalBlocker block(m_ui->periodCombo);
            m_ui->periodCombo->setCurrentIndex(m_ui->periodCombo->findData(int(Period::Custom)));
            m_dateTimer->start();
        });
    }
}

std::pair<QDate, QDate> SalesReportTab::periodDays(Period period, const QDate &today)
{
    switch (period) {
    case Period::Yesterday:
        return {today.addDays(-1), today.addDays(-1)};
    case Period::Last7Days:
        return {today.addDays(-6), today};
    case Period::LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        return {first, first.addDays(first.daysInMonth() - 1)};
    }
    case Period::ThisWeek: {
        const int sinceStart = (today.dayOfWeek() - QLocale().firstDayOfWeek() + 7) % 7;
        return {today.addDays(-sinceStart), today};
    }
    case Period::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    case Period::Today:
    case Period::Custom:
        break;
    }
    return {today, today};
}

bool SalesReportTab::isBusy() const
{
    return m_runner->isBusy();
}

void SalesReportTab::loadFilters(const QStringList &lanes)
{
    const QSignalBlocker blockLane(m_ui->laneCombo);
    const QSignalBlocker blockCashier(m_ui->cashierCombo);
    const QSignalBlocker blockCategory(m_ui->categoryCombo);
    m_ui->laneCombo->addItem(tr("All lanes"), QString());
    for (const QString &lane : lanes) {
        m_ui->laneCombo->addItem(tr("Lane %1").arg(lane), lane);
    }

    m_ui->cashierCombo->addItem(tr("Everybody"), qint64(0));
    if (const auto users = m_services.users.list()) {
        QList<User> sorted = *users;
        std::sort(sorted.begin(), sorted.end(), [](const User &a, const User &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        for (const User &user : std::as_const(sorted)) {
            m_ui->cashierCombo->addItem(user.name, user.id);
        }
    } else if (const auto &me = m_services.session.user()) {
        m_ui->cashierCombo->addItem(me->name, me->id);
    }

    m_ui->categoryCombo->addItem(tr("Every category"), qint64(0));
    if (const auto categories = m_services.catalogue.categories()) {
        for (const Category &category : *categories) {
            m_ui->categoryCombo->addItem(category.name, category.id);
        }
    } else {
        Q_EMIT failed(categories.error());
    }
}

void SalesReportTab::showCurrent()
{
    if (m_stale) {
        request();
    }
}

void SalesReportTab::choosePeriod()
{
    const auto period = Period(m_ui->periodCombo->currentData().toInt());
    if (period != Period::Custom) {
        const auto [first, last] = periodDays(period, QDate::currentDate());
        const QSignalBlocker blockFrom(m_ui->fromEdit);
        const QSignalBlocker blockTo(m_ui->toEdit);
        m_ui->fromEdit->setDate(first);
        m_ui->toEdit->setDate(last);
    }
    request();
}

void SalesReportTab::request()
{
    m_dateTimer->stop();
    // In sight means the page is shown and this is its current tab.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const QDate first = m_ui->fromEdit->date();
    const QDate last = m_ui->toEdit->date();
    ReportRange range = ReportRange::days(first, last);
    range.lane = m_ui->laneCombo->currentData().toString();
    range.cashierId = m_ui->cashierCombo->currentData().toLongLong();
    range.categoryId = m_ui->categoryCombo->currentData().toLongLong();
    if (const auto problem = ReportService::validate(range)) {
        updateBusy();
        Q_EMIT reportFailed(*problem);
        return;
    }
    const QLocale locale;
    m_title = first == last
                      ? tr("Sales report, %1").arg(locale.toString(first, QLocale::LongFormat))
                      : tr("Sales report, %1 to %2", "first and last day")
                                .arg(locale.toString(first, QLocale::ShortFormat),
                                     locale.toString(last, QLocale::ShortFormat));
    m_subtitles = {tr("Lane: %1. Cashier: %2. Category: %3.")
                           .arg(m_ui->laneCombo->currentText(), m_ui->cashierCombo->currentText(),
                                m_ui->categoryCombo->currentText())};
    m_runner->request(range);
}

void SalesReportTab::handleReport(const SalesReport &report)
{
    updateBusy();
    Q_EMIT reportShown();
    m_view->setReport(report, m_title, m_subtitles);
    m_ui->salesPdfButton->setEnabled(true);
    m_ui->salesPrintButton->setEnabled(true);
}

void SalesReportTab::updateBusy()
{
    const bool busy = m_runner->isBusy();
    m_ui->salesBusyLabel->setVisible(busy);
    m_ui->salesBusyBar->setVisible(busy);
}
