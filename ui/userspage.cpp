#include "ui/userspage.h"

#include "models/services/services.h"
#include "ui/auditlogwidget.h"
#include "ui/userlistwidget.h"

#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

UsersPage::UsersPage(Services &services, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
{
    m_tabs->setObjectName(u"usersTabs"_s);
    m_tabs->setDocumentMode(true);

    auto *users = new UserListWidget(services.users, services.session, m_tabs);
    users->setObjectName(u"userList"_s);
    m_tabs->addTab(users, tr("&Users"));
    // The table of areas lets managers in for ManageUsers; the log has its own permission.
    if (services.authorizer.can(services.session, Permission::ViewAudit)) {
        auto *audit = new AuditLogWidget(services.audit, services.users, m_tabs);
        audit->setObjectName(u"auditLog"_s);
        m_tabs->addTab(audit, tr("&Audit log"));
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}
