#pragma once

#include <QWidget>

#include <memory>

class AuditLogModel;
class AuditService;
class UserService;

namespace Ui {
class AuditLogWidget;
}

/*!
 * The Audit log tab: who did what, when and at which lane, with who approved it. Filters
 * by user, action and days; Apply runs the filter. The table fills a page at a time as it
 * scrolls, newest first. A page that cannot be read leaves what is shown and offers to try
 * again.
 */
class AuditLogWidget : public QWidget
{
    Q_OBJECT

public:
    AuditLogWidget(AuditService &audit, UserService &users, QWidget *parent = nullptr);
    ~AuditLogWidget() override;

    //! Runs the filter as the fields say, from the newest entry.
    void apply();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadFilterChoices();
    void handleFetchFailed(const QString &message, const QString &details);
    void retry();
    void updateCount();

    std::unique_ptr<Ui::AuditLogWidget> m_ui;
    AuditService &m_audit;
    UserService &m_users;
    AuditLogModel *m_model = nullptr;
    bool m_loaded = false;
};
