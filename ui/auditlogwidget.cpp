#include "ui/auditlogwidget.h"
#include "ui_auditlogwidget.h"

#include "models/items/auditlogmodel.h"
#include "models/services/auditactions.h"
#include "models/services/auditservice.h"
#include "models/services/userservice.h"

#include <QHeaderView>

#include <algorithm>

namespace {
constexpr int kDefaultDays = 7;
} // namespace

AuditLogWidget::AuditLogWidget(AuditService &audit, UserService &users, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AuditLogWidget>())
    , m_audit(audit)
    , m_users(users)
    , m_model(new AuditLogModel(audit, this))
{
    m_ui->setupUi(this);
    m_ui->auditView->setModel(m_model);
    QHeaderView *header = m_ui->auditView->horizontalHeader();
    for (const int column :
         {AuditLogModel::TimeColumn, AuditLogModel::UserColumn, AuditLogModel::ApproverColumn,
          AuditLogModel::LaneColumn, AuditLogModel::ActionColumn}) {
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }

    const QDate today = QDate::currentDate();
    m_ui->fromEdit->setDate(today.addDays(-kDefaultDays));
    m_ui->toEdit->setDate(today);
    connect(m_ui->fromCheck, &QCheckBox::toggled, m_ui->fromEdit, &QWidget::setEnabled);
    connect(m_ui->toCheck, &QCheckBox::toggled, m_ui->toEdit, &QWidget::setEnabled);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &AuditLogWidget::apply);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &AuditLogWidget::retry);
    m_ui->retryButton->hide();

    connect(m_model, &AuditLogModel::fetchFailed, this, &AuditLogWidget::handleFetchFailed);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditLogWidget::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditLogWidget::updateCount);
    updateCount();
}

AuditLogWidget::~AuditLogWidget() = default;

void AuditLogWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The choices follow new users and actions; the entries wait for Apply, except the
    // first time, which is read on first sight rather than at construction.
    loadFilterChoices();
    if (!m_loaded) {
        m_loaded = true;
        apply();
    }
}

void AuditLogWidget::loadFilterChoices()
{
    const QVariant chosenUser = m_ui->userCombo->currentData();
    const QVariant chosenAction = m_ui->actionCombo->currentData();
    m_ui->userCombo->clear();
    m_ui->userCombo->addItem(tr("Everybody"), qint64(0));
    if (auto users = m_users.list()) {
        std::sort(users->begin(), users->end(), [](const User &a, const User &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        for (const User &user : std::as_const(*users)) {
            m_ui->userCombo->addItem(
                    tr("%1 (%2)", "user's name (user name)").arg(user.name, user.login), user.id);
        }
    } else {
        m_ui->errorBanner->showError(users.error());
    }

    m_ui->actionCombo->clear();
    m_ui->actionCombo->addItem(tr("All actions"), QString());
    if (auto actions = m_audit.actions()) {
        QList<std::pair<QString, QString>> named;
        for (const QString &key : std::as_const(*actions)) {
            named.append({AuditActions::displayName(key), key});
        }
        std::sort(named.begin(), named.end(), [](const auto &a, const auto &b) {
            return QString::localeAwareCompare(a.first, b.first) < 0;
        });
        for (const auto &[name, key] : std::as_const(named)) {
            m_ui->actionCombo->addItem(name, key);
        }
    } else {
        m_ui->errorBanner->showError(actions.error());
    }
    m_ui->userCombo->setCurrentIndex(std::max(0, m_ui->userCombo->findData(chosenUser)));
    m_ui->actionCombo->setCurrentIndex(std::max(0, m_ui->actionCombo->findData(chosenAction)));
}

void AuditLogWidget::apply()
{
    AuditRepository::Filter filter;
    filter.userId = m_ui->userCombo->currentData().toLongLong();
    filter.action = m_ui->actionCombo->currentData().toString();
    const bool from = m_ui->fromCheck->isChecked();
    const bool to = m_ui->toCheck->isChecked();
    if (from && to && m_ui->fromEdit->date() > m_ui->toEdit->date()) {
        m_ui->errorBanner->showMessage(tr("The first day comes after the last day. Please "
                                          "swap them."));
        return;
    }
    // Whole days in the till's time zone; the upper bound is the start of the next day.
    if (from) {
        filter.from = QDateTime(m_ui->fromEdit->date(), QTime(0, 0)).toUTC();
    }
    if (to) {
        filter.to = QDateTime(m_ui->toEdit->date().addDays(1), QTime(0, 0)).toUTC();
    }
    m_ui->errorBanner->clear();
    m_ui->retryButton->hide();
    m_model->setFilter(filter);
    if (m_model->canFetchMore({})) {
        m_model->fetchMore({});
    }
}

void AuditLogWidget::handleFetchFailed(const QString &message, const QString &details)
{
    m_ui->errorBanner->showMessage(message, details);
    m_ui->retryButton->show();
    updateCount();
}

void AuditLogWidget::retry()
{
    m_ui->errorBanner->clear();
    m_ui->retryButton->hide();
    m_model->retry();
}

void AuditLogWidget::updateCount()
{
    const int shown = m_model->rowCount();
    m_ui->countLabel->setText(
            m_model->canFetchMore({})
                    ? tr("%n entries shown; scroll down for older ones.", nullptr, shown)
                    : tr("%n entries.", nullptr, shown));
}
