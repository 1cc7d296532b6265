#pragma once

#include "models/domain/user.h"
#include "ui/area.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <chrono>
#include <optional>

class AuthService;
class DiagnosticsDialog;
class IdleWatcher;
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
 *
 * Each area's page is made when it is first opened and thrown away at sign-out, so every
 * person starts with a fresh workspace. After the store's idle minutes without input the
 * till locks: the sign-in screen comes back, and the same person's PIN returns them to
 * their workspace exactly as they left it; anybody else signing in signs them out first.
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

    /*!
     * Locks after interval without input instead of the store's idle minutes (tests use
     * milliseconds); takes effect at once when somebody is signed in.
     */
    void setIdleLockInterval(std::chrono::milliseconds interval);

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
    //! The area's page, made on first use.
    QWidget *pageOf(AreaEntry &entry);
    void discardAreaPages();
    void createStatusBar();
    void restoreWindowGeometry();
    void handleSignedIn(const User &user);
    void handleSignedOut();
    void handleCredentialsAccepted(const User &user);
    void handleLocked(const User &user);
    void handleUnlocked(const User &user);
    void handleSettingsSaved(const QStringList &keys);
    void signOut();
    void lockForIdle();
    void startIdleWatch();
    void closeDialogs();
    void showDiagnostics();
    void showAbout();

    Services &m_services;
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

    IdleWatcher *m_idle = nullptr;
    std::optional<std::chrono::milliseconds> m_idleOverride;
    QPointer<QWidget> m_focusBeforeLock;
};
