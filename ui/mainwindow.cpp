#include "ui/mainwindow.h"

#include "models/services/services.h"

#include "models/domain/storesettings.h"
#include "models/services/authservice.h"
#include "models/services/session.h"
#include "ui/areapage.h"
#include "ui/diagnosticsdialog.h"
#include "ui/elidedlabel.h"
#include "ui/idlewatcher.h"
#include "ui/loginwidget.h"
#include "ui/productspage.h"
#include "ui/quickkeyseditor.h"
#include "ui/refundspage.h"
#include "ui/reportspage.h"
#include "ui/salepage.h"
#include "ui/settingspage.h"
#include "ui/stockpage.h"
#include "ui/userspage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMainWindow, "till.ui.mainwindow")

namespace {
const QString kGeometryKey = u"mainWindow/geometry"_s;
constexpr QSize kDefaultSize(1280, 800);
constexpr int kNavigationIconSize = 40;
constexpr int kNavigationMinimumWidth = 112;

//! The first of names that the icon theme has, else the style's own icon.
QIcon themeIcon(const QStringList &names, QStyle::StandardPixmap fallback)
{
    for (const QString &name : names) {
        if (QIcon::hasThemeIcon(name)) {
            return QIcon::fromTheme(name);
        }
    }
    return QApplication::style()->standardIcon(fallback);
}
} // namespace

MainWindow::MainWindow(Services &services, const QString &storeName, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_session(services.session)
    , m_storeName(storeName)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(storeName.isEmpty() ? tr("Till") : tr("Till — %1").arg(storeName));

    createActions();
    createMenus();

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(u"pages"_s);
    m_login = new LoginWidget(services.auth, storeName, m_pages);
    m_login->setObjectName(u"loginPage"_s);
    m_workspace = createWorkspace();
    m_pages->addWidget(m_login);
    m_pages->addWidget(m_workspace);
    setCentralWidget(m_pages);

    createStatusBar();
    restoreWindowGeometry();

    m_idle = new IdleWatcher(this);
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lockForIdle);

    connect(m_login, &LoginWidget::signedIn, this, &MainWindow::handleCredentialsAccepted);
    connect(&m_session, &Session::signedIn, this, &MainWindow::handleSignedIn);
    connect(&m_session, &Session::signedOut, this, &MainWindow::handleSignedOut);
    connect(&m_session, &Session::locked, this, &MainWindow::handleLocked);
    connect(&m_session, &Session::unlocked, this, &MainWindow::handleUnlocked);
    connect(&services.settings, &SettingsService::saved, this, &MainWindow::handleSettingsSaved);

    if (const auto &user = m_session.user()) {
        handleSignedIn(*user);
    } else {
        handleSignedOut();
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_signOutAction = new QAction(themeIcon({u"system-log-out"_s}, QStyle::SP_DialogCloseButton),
                                  tr("&Sign Out"), this);
    m_signOutAction->setObjectName(u"signOutAction"_s);
    m_signOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_signOutAction->setStatusTip(tr("Sign out, so that the next person can sign in"));
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);

    m_quitAction = new QAction(themeIcon({u"application-exit"_s}, QStyle::SP_TitleBarCloseButton),
                               tr("&Quit"), this);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_diagnosticsAction
            = new QAction(themeIcon({u"utilities-terminal"_s}, QStyle::SP_FileDialogInfoView),
                          tr("&Diagnostics"), this);
    m_diagnosticsAction->setObjectName(u"diagnosticsAction"_s);
    m_diagnosticsAction->setShortcut(QKeySequence(Qt::Key_F12));
    m_diagnosticsAction->setStatusTip(tr("Show the database statements Till runs and their cost"));
    connect(m_diagnosticsAction, &QAction::triggered, this, &MainWindow::showDiagnostics);

    m_aboutAction = new QAction(themeIcon({u"help-about"_s}, QStyle::SP_MessageBoxInformation),
                                tr("&About Till"), this);
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_areaActions = new QActionGroup(this);
    m_areaActions->setExclusive(true);
    const QList<AreaInfo> areas = AreaInfo::all();
    for (qsizetype i = 0; i < areas.size(); ++i) {
        const AreaInfo &info = areas.at(i);
        auto *action = new QAction(themeIcon(info.iconNames, info.fallbackIcon), info.title,
                                   m_areaActions);
        action->setObjectName(info.key + u"Action"_s);
        action->setCheckable(true);
        const QKeySequence shortcut(Qt::CTRL | Qt::Key(Qt::Key_1 + i));
        action->setShortcut(shortcut);
        action->setToolTip(tr("%1 (%2)", "area name (shortcut)")
                                   .arg(info.title, shortcut.toString(QKeySequence::NativeText)));
        action->setStatusTip(info.description);
        const Area area = info.area;
        connect(action, &QAction::triggered, this, [this, area] { showArea(area); });
        m_areas.append({info, action, nullptr});
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_signOutAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addActions(m_areaActions->actions());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_diagnosticsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

QWidget *MainWindow::createAreaPage(const AreaEntry &entry, QWidget *parent)
{
    switch (entry.info.area) {
    case Area::Checkout:
        return new SalePage(m_services, parent);
    case Area::Refunds:
        return new RefundsPage(m_services, parent);
    case Area::Products:
        return new ProductsPage(m_services, parent);
    case Area::Stock:
        return new StockPage(m_services, parent);
    case Area::Reports:
        return new ReportsPage(m_services, parent);
    case Area::Users:
        return new UsersPage(m_services, parent);
    case Area::Settings: {
        auto *settings = new SettingsPage(m_services.settings, parent);
        connect(settings, &SettingsPage::quickKeysRequested, this, [this, settings] {
            QuickKeysEditor editor(m_services, settings);
            editor.exec();
        });
        return settings;
    }
    default:
        break;
    }
    return new AreaPage(entry.action->icon(), entry.info.title, entry.info.description, parent);
}

QWidget *MainWindow::createWorkspace()
{
    auto *workspace = new QWidget(m_pages);
    workspace->setObjectName(u"workspacePage"_s);

    auto *navigation = new QToolBar(tr("Areas"), workspace);
    navigation->setObjectName(u"navigation"_s);
    navigation->setOrientation(Qt::Vertical);
    navigation->setMovable(false);
    navigation->setFloatable(false);
    navigation->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    navigation->setIconSize(QSize(kNavigationIconSize, kNavigationIconSize));

    m_areaPages = new QStackedWidget(workspace);
    m_areaPages->setObjectName(u"areaPages"_s);

    int buttonWidth = kNavigationMinimumWidth;
    for (AreaEntry &entry : m_areas) {
        navigation->addAction(entry.action);
        buttonWidth = std::max(buttonWidth,
                               navigation->widgetForAction(entry.action)->sizeHint().width());
    }
    // Equal widths, so the checked area reads as one column of buttons.
    for (const AreaEntry &entry : std::as_const(m_areas)) {
        navigation->widgetForAction(entry.action)->setMinimumWidth(buttonWidth);
    }

    auto *layout = new QHBoxLayout(workspace);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(navigation);
    layout->addWidget(m_areaPages, 1);
    return workspace;
}

void MainWindow::createStatusBar()
{
    // A long path gives way on a narrow till; the tool tip keeps it whole.
    auto *databaseLabel = new ElidedLabel({}, this);
    databaseLabel->setElidedText(tr("Database: %1").arg(m_services.databaseDescription()),
                                 m_services.databaseLocation());
    m_databaseLabel = databaseLabel;
    m_databaseLabel->setObjectName(u"databaseLabel"_s);
    m_databaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_laneLabel = new QLabel(tr("Lane %1").arg(m_session.lane()), this);
    m_laneLabel->setObjectName(u"laneLabel"_s);

    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(u"userStatusLabel"_s);

    m_signOutButton = new QToolButton(this);
    m_signOutButton->setObjectName(u"signOutButton"_s);
    m_signOutButton->setDefaultAction(m_signOutAction);
    m_signOutButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_signOutButton->setAutoRaise(true);

    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(m_laneLabel);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_signOutButton);
}

void MainWindow::restoreWindowGeometry()
{
    if (restoreGeometry(QSettings().value(kGeometryKey).toByteArray())) {
        return;
    }
    const QRect available = screen()->availableGeometry();
    resize(kDefaultSize.boundedTo(available.size()));
    move(available.center() - rect().center());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Quitting ends the shift of whoever is signed in, locked or not: the log says so.
    if (const auto &user = m_session.user()) {
        if (DbStatus audited = m_services.auth.signOut(*user, u"reason=quit"_s); !audited) {
            qCWarning(lcMainWindow) << "sign-out not audited:" << audited.error().details;
        }
    }
    QSettings().setValue(kGeometryKey, saveGeometry());
    if (m_diagnostics) {
        m_diagnostics->close();
    }
    QMainWindow::closeEvent(event);
}

Area MainWindow::currentArea() const
{
    for (const AreaEntry &entry : m_areas) {
        if (entry.page == m_areaPages->currentWidget()) {
            return entry.info.area;
        }
    }
    return Area::Checkout;
}

void MainWindow::showArea(Area area)
{
    for (AreaEntry &entry : m_areas) {
        if (entry.info.area == area && entry.action->isVisible()) {
            entry.action->setChecked(true);
            QWidget *page = pageOf(entry);
            m_areaPages->setCurrentWidget(page);
            page->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

QWidget *MainWindow::pageOf(AreaEntry &entry)
{
    if (!entry.page) {
        entry.page = createAreaPage(entry, m_areaPages);
        entry.page->setObjectName(entry.info.key + u"Page"_s);
        m_areaPages->addWidget(entry.page);
    }
    return entry.page;
}

void MainWindow::discardAreaPages()
{
    // Deleted now rather than later: the next person must not find the last one's pages,
    // and sign-out never runs from inside a page.
    for (AreaEntry &entry : m_areas) {
        if (entry.page) {
            m_areaPages->removeWidget(entry.page);
            delete entry.page;
            entry.page = nullptr;
        }
    }
}

void MainWindow::handleSignedIn(const User &user)
{
    for (const AreaEntry &entry : std::as_const(m_areas)) {
        entry.action->setVisible(entry.info.isVisibleTo(user.role));
    }
    m_areaActions->setEnabled(true);
    m_signOutAction->setEnabled(true);
    m_userLabel->setText(tr("%1 · %2", "signed-in user: name · role")
                                 .arg(user.name, Roles::displayName(user.role)));
    m_userLabel->show();
    m_signOutButton->show();
    m_pages->setCurrentWidget(m_workspace);
    // Every shift starts at the counter, whatever the previous person had open; a store
    // with nothing to sell yet starts where its catalogue is made, for those who may.
    const bool mayMakeCatalogue = Permissions::allows(user.role, Permission::EditCatalogue);
    showArea(mayMakeCatalogue && ProductsPage::hasNoProducts(m_services.catalogue)
                     ? Area::Products
                     : Area::Checkout);
    startIdleWatch();
}

void MainWindow::handleSignedOut()
{
    m_idle->stop();
    m_focusBeforeLock.clear();
    discardAreaPages();
    m_areaActions->setEnabled(false);
    m_signOutAction->setEnabled(false);
    m_userLabel->clear();
    m_userLabel->hide();
    m_signOutButton->hide();
    m_login->reset();
    m_pages->setCurrentWidget(m_login);
}

void MainWindow::showDiagnostics()
{
    if (!m_diagnostics) {
        m_diagnostics = new DiagnosticsDialog(m_services.diagnostics, this);
        m_diagnostics->setObjectName(u"diagnosticsDialog"_s);
    }
    m_diagnostics->show();
    m_diagnostics->raise();
    m_diagnostics->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
            this, tr("About Till"),
            tr("<h3>Till %1</h3><p>A point of sale for the counter and the back office.</p>"
               "<p>Built with Qt %2.</p>")
                    .arg(QStringLiteral(TILL_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::signOut()
{
    if (const auto &user = m_session.user()) {
        if (DbStatus audited = m_services.auth.signOut(*user); !audited) {
            qCWarning(lcMainWindow) << "sign-out not audited:" << audited.error().details;
        }
    }
    m_session.signOut();
}

void MainWindow::handleCredentialsAccepted(const User &user)
{
    if (m_session.isLocked()) {
        if (m_session.unlock(user)) {
            return;
        }
        // Somebody else takes over the till: the locked person's work ends here. Their
        // sign-out is in the audit log already, written by the sign-in just before its own.
        m_session.signOut();
    }
    m_session.signIn(user);
}

void MainWindow::setIdleLockInterval(std::chrono::milliseconds interval)
{
    m_idleOverride = interval;
    if (m_session.isSignedIn() && !m_session.isLocked()) {
        startIdleWatch();
    }
}

void MainWindow::startIdleWatch()
{
    // Read at every sign-in, so a changed setting reaches the till at the next person.
    const std::chrono::milliseconds interval
            = m_idleOverride ? *m_idleOverride
                             : std::chrono::minutes(m_services.settings.idleLockMinutes());
    m_idle->setInterval(interval);
    m_idle->start();
}

void MainWindow::lockForIdle()
{
    if (!m_session.isSignedIn() || m_session.isLocked()) {
        return;
    }
    m_session.lock();
}

void MainWindow::closeDialogs()
{
    // An open dialog or menu would float over the sign-in screen for anybody to use: the
    // approval, the new user, a message box, diagnostics. Each is cancelled, as with Esc.
    while (QWidget *popup = QApplication::activePopupWidget()) {
        popup->close();
    }
    const QList<QWidget *> windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        auto *dialog = qobject_cast<QDialog *>(window);
        if (dialog && dialog->isVisible()) {
            dialog->reject();
        }
    }
}

void MainWindow::handleLocked(const User &user)
{
    m_idle->stop();
    QWidget *focus = QApplication::focusWidget();
    m_focusBeforeLock = focus && m_workspace->isAncestorOf(focus) ? focus : nullptr;
    closeDialogs();
    m_areaActions->setEnabled(false);
    m_signOutAction->setEnabled(false);
    m_userLabel->setText(tr("Locked · %1", "the till is locked by this user").arg(user.name));
    m_signOutButton->hide();
    m_login->showLocked(user);
    m_pages->setCurrentWidget(m_login);
}

void MainWindow::handleUnlocked(const User &user)
{
    m_areaActions->setEnabled(true);
    m_signOutAction->setEnabled(true);
    m_userLabel->setText(tr("%1 · %2", "signed-in user: name · role")
                                 .arg(user.name, Roles::displayName(user.role)));
    m_signOutButton->show();
    m_pages->setCurrentWidget(m_workspace);
    if (m_focusBeforeLock) {
        m_focusBeforeLock->setFocus(Qt::OtherFocusReason);
    } else if (QWidget *page = m_areaPages->currentWidget()) {
        page->setFocus(Qt::OtherFocusReason);
    }
    startIdleWatch();
}

void MainWindow::handleSettingsSaved(const QStringList &keys)
{
    if (!keys.contains(Setting::StoreName.key)) {
        return;
    }
    const auto values = m_services.settings.values();
    if (!values) {
        return;
    }
    m_storeName = values->value(Setting::StoreName.key);
    setWindowTitle(m_storeName.isEmpty() ? tr("Till") : tr("Till — %1").arg(m_storeName));
    m_login->setStoreName(m_storeName);
}
