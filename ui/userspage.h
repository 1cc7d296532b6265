#pragma once

#include <QWidget>

class QTabWidget;
class Services;

/*!
 * The Users area: the users of the store on one tab and the audit log on the other, for
 * managers and administrators. Each tab reads its data when first shown.
 */
class UsersPage : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPage(Services &services, QWidget *parent = nullptr);

private:
    QTabWidget *m_tabs = nullptr;
};
