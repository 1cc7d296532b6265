#include "ui/userlistwidget.h"
#include "ui_userlistwidget.h"

#include "models/items/usersmodel.h"
#include "models/services/session.h"
#include "models/services/userservice.h"
#include "ui/resetpindialog.h"
#include "ui/userdialog.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QSortFilterProxyModel>

UserListWidget::UserListWidget(UserService &users, const Session &session, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::UserListWidget>())
    , m_users(users)
    , m_session(session)
    , m_model(new UsersModel(users, this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(UsersModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_ui->usersView->setModel(m_sorted);
    m_ui->usersView->sortByColumn(UsersModel::NameColumn, Qt::AscendingOrder);
    QHeaderView *header = m_ui->usersView->horizontalHeader();
    header->setSectionResizeMode(UsersModel::LoginColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UsersModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(UsersModel::RoleColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UsersModel::ActiveColumn, QHeaderView::ResizeToContents);
    header->setStretchLastSection(false);

    connect(m_ui->newButton, &QPushButton::clicked, this, &UserListWidget::createUser);
    connect(m_ui->editButton, &QPushButton::clicked, this, &UserListWidget::editUser);
    connect(m_ui->activeButton, &QPushButton::clicked, this, &UserListWidget::toggleActive);
    connect(m_ui->resetPinButton, &QPushButton::clicked, this, &UserListWidget::resetPin);
    connect(m_ui->usersView, &QAbstractItemView::doubleClicked, this, &UserListWidget::editUser);
    connect(m_ui->usersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UserListWidget::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UserListWidget::updateButtons);
    updateButtons();
}

UserListWidget::~UserListWidget() = default;

void UserListWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Another lane may have changed users since this tab was last on screen.
    reload();
}

void UserListWidget::reload()
{
    const std::optional<User> selected = selectedUser();
    if (const ServiceStatus status = m_model->reload(); !status) {
        m_ui->errorBanner->showError(status.error());
        return;
    }
    m_ui->errorBanner->clear();
    if (selected) {
        select(selected->id);
    }
    updateButtons();
}

std::optional<User> UserListWidget::selectedUser() const
{
    const QModelIndex current = m_ui->usersView->currentIndex();
    if (!current.isValid()) {
        return std::nullopt;
    }
    return m_model->user(m_sorted->mapToSource(current).row());
}

void UserListWidget::select(qint64 userId)
{
    const int row = m_model->rowOf(userId);
    if (row < 0) {
        return;
    }
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, UsersModel::NameColumn));
    m_ui->usersView->setCurrentIndex(index);
    m_ui->usersView->scrollTo(index);
}

Role UserListWidget::myRole() const
{
    return m_session.user() ? m_session.user()->role : Role::Cashier;
}

void UserListWidget::updateButtons()
{
    const std::optional<User> user = selectedUser();
    // Only an administrator touches an administrator; the service says the same.
    const bool editable = user && (user->role != Role::Admin || myRole() == Role::Admin);
    const bool isMe = user && m_session.user() && m_session.user()->id == user->id;
    m_ui->editButton->setEnabled(editable);
    m_ui->resetPinButton->setEnabled(editable);
    m_ui->activeButton->setEnabled(editable && !isMe);
    const bool active = !user || user->active;
    m_ui->activeButton->setText(active ? tr("&Deactivate") : tr("&Reactivate"));
    m_ui->activeButton->setToolTip(active ? tr("Stop the selected user from signing in")
                                          : tr("Let the selected user sign in again"));
}

void UserListWidget::createUser()
{
    UserDialog dialog(m_users, myRole(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    reload();
    select(dialog.user().id);
}

void UserListWidget::editUser()
{
    const std::optional<User> user = selectedUser();
    if (!user || !m_ui->editButton->isEnabled()) {
        return;
    }
    UserDialog dialog(m_users, myRole(), *user, this);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
    }
}

void UserListWidget::toggleActive()
{
    const std::optional<User> user = selectedUser();
    if (!user) {
        return;
    }
    if (user->active) {
        const auto answer = QMessageBox::question(
                this, tr("Deactivate %1").arg(user->name),
                tr("%1 will no longer be able to sign in. Their sales and audit entries stay, and "
                   "you can reactivate them later.")
                        .arg(user->name),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            return;
        }
    }
    if (const ServiceStatus status = m_users.setActive(user->id, !user->active); !status) {
        m_ui->errorBanner->showError(status.error());
        return;
    }
    reload();
}

void UserListWidget::resetPin()
{
    const std::optional<User> user = selectedUser();
    if (!user || !m_ui->resetPinButton->isEnabled()) {
        return;
    }
    ResetPinDialog dialog(m_users, *user, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_ui->errorBanner->clear();
    }
}
