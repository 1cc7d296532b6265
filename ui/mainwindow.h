#pragma once

#include "models/domain/user.h"
#include "ui/area.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

class AuthService;
class Database;
class DiagnosticsDialog;
class LoginWidget;
class QAction;
class QActionGroup;
class QLabel;
class QStackedWidget;
class QToolButton;
class Services;
class Session;

/*!
 * The till's one window: the sign-in screen until somebody signs in, then the workspace
 * with its areas (Checkout, Refunds, ...) chosen on the left or with Ctrl+1 ... Ctrl+7.
 * The status bar says which database and lane this is and who is signed in.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    //! Everything the areas work with; not owned, it must outlive the window.
    MainWindow(Services &services, const QString &storeName, QWidget *parent = nullptr);
    ~MainWindow() override;

    //! The area shown in the workspace.
    Area currentArea() const;
    void showArea(Area area);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct AreaEntry
    {
        AreaInfo info;
        QAction *action = nullptr;
        QWidget *page = nullptr;
    };

    void createActions();
    void createMenus();
    QWidget *createWorkspace();
    //! The page of an area: its real screen, or its title and purpose while it has none.
    QWidget *createAreaPage(const AreaEntry &entry, QWidget *parent);
    void createStatusBar();
    void restoreWindowGeometry();
    void handleSignedIn(const User &user);
    void handleSignedOut();
    void showDiagnostics();
    void showAbout();

    Services &m_services;
    const Database &m_db;
    Session &m_session;
    QString m_storeName;

    QStackedWidget *m_pages = nullptr;
    LoginWidget *m_login = nullptr;
    QWidget *m_workspace = nullptr;
    QStackedWidget *m_areaPages = nullptr;
    QActionGroup *m_areaActions = nullptr;
    QList<AreaEntry> m_areas;

    QAction *m_signOutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_diagnosticsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;

    QLabel *m_databaseLabel = nullptr;
    QLabel *m_laneLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QToolButton *m_signOutButton = nullptr;

    QPointer<DiagnosticsDialog> m_diagnostics;
};
