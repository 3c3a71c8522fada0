// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/mainwindow.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/adminview.h"
#include "desktop/widgets/articlesview.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/conflictsdialog.h"
#include "desktop/widgets/connectdialog.h"
#include "desktop/widgets/connectionindicator.h"
#include "desktop/widgets/placeholderview.h"
#include "desktop/widgets/profiledialog.h"
#include "desktop/widgets/rejecteddialog.h"
#include "desktop/widgets/signindialog.h"
#include "desktop/widgets/syncindicator.h"
#include "desktop/widgets/tr.h"
#include "shared/articlekind.h"
#include "shared/version.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace quire::gui {

MainWindow::MainWindow(desktop::Workspace &workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_indicator(new ConnectionIndicator(workspace.connection(), this))
    , m_account(new QLabel(this))
    , m_sync(new SyncIndicator(workspace.sync(), workspace.syncStore(), this))
{
    m_account->setObjectName(QStringLiteral("accountIndicator"));
    setObjectName(QStringLiteral("mainWindow"));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(Tr::tr("Sections"));
    m_pages->setObjectName(QStringLiteral("pages"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 180, 720 });
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(m_account);
    statusBar()->addPermanentWidget(m_sync);
    statusBar()->addPermanentWidget(m_indicator);

    buildSections();
    buildMenus();
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(&workspace.connection(), &desktop::ConnectionMonitor::stateChanged, this, &MainWindow::updateTitle);
    connect(&workspace.session(), &desktop::AuthSession::signedInChanged, this, &MainWindow::updateAccount);
    connect(&workspace.session(), &desktop::AuthSession::signInRequired, this, [this](const QString &) {
        statusBar()->showMessage(Tr::tr("Your session ended. Sign in again; nothing you wrote here is lost."), 10000);
        openSignIn();
    });
    m_navigation->setCurrentRow(0);
    updateTitle();
    updateAccount();
    resize(1100, 720);
}

void MainWindow::buildSections()
{
    struct Entry
    {
        QString name;
        QString explanation;
    };
    for (shared::ArticleKind kind : shared::articleKinds()) {
        m_navigation->addItem(shared::articleKindPluralLabel(kind));
        m_pages->addWidget(new ArticlesView(m_workspace, kind, m_pages));
    }
    const Entry entries[] = {
        { Tr::tr("Prompts"), Tr::tr("The prompt library is not built yet.") },
        { Tr::tr("Courses"), Tr::tr("Courses and learning progress are not built yet.") },
        { Tr::tr("Posts"), Tr::tr("Scheduling social posts is not built yet.") },
        { Tr::tr("Metrics"), Tr::tr("Engagement and financial metrics are not built yet.") },
    };
    for (const Entry &e : entries) {
        m_navigation->addItem(e.name);
        m_pages->addWidget(new PlaceholderView(e.name, e.explanation, m_pages));
    }
    m_navigation->addItem(Tr::tr("Admin"));
    m_pages->addWidget(new AdminView(m_workspace.session(), m_pages));
    m_navigation->setMaximumWidth(240);
    m_navigation->setSpacing(3);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(Tr::tr("&File"));
    QAction *connectAction = file->addAction(Tr::tr("&Connect to Server…"), this, [this] { showConnectDialog(); });
    connectAction->setObjectName(QStringLiteral("connectAction"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    QAction *checkAction = file->addAction(Tr::tr("Check &Connection"), &m_workspace.connection(),
                                           &desktop::ConnectionMonitor::checkNow);
    checkAction->setObjectName(QStringLiteral("checkConnectionAction"));
    file->addSeparator();
    QAction *quit = file->addAction(Tr::tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *account = menuBar()->addMenu(Tr::tr("&Account"));
    m_signInAction = account->addAction(Tr::tr("&Sign In…"), this, [this] { openSignIn(); });
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    QAction *registerAction = account->addAction(Tr::tr("&Create Account…"), this, [this] {
        if (SignInDialog *dialog = openSignIn())
            dialog->showPage(SignInDialog::Page::Register);
    });
    registerAction->setObjectName(QStringLiteral("registerAction"));
    m_profileAction = account->addAction(Tr::tr("&Profile…"), this, [this] {
        auto *dialog = new ProfileDialog(m_workspace.session(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    m_profileAction->setObjectName(QStringLiteral("profileAction"));
    m_signOutAction = account->addAction(Tr::tr("Sign &Out"), this, [this] {
        m_workspace.session().signOut(
            [this](const desktop::ApiReply &) { statusBar()->showMessage(Tr::tr("Signed out."), 5000); });
    });
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));

    QMenu *sync = menuBar()->addMenu(Tr::tr("&Sync"));
    QAction *syncNow = sync->addAction(Tr::tr("Sync &Now"), &m_workspace.sync(), &desktop::SyncEngine::syncNow);
    syncNow->setObjectName(QStringLiteral("syncNowAction"));
    syncNow->setShortcut(QKeySequence::Refresh);
    QAction *conflicts = sync->addAction(Tr::tr("&Conflicts…"), this, [this] {
        ConflictsDialog dialog(m_workspace, this);
        dialog.exec();
    });
    conflicts->setObjectName(QStringLiteral("conflictsAction"));
    QAction *refused = sync->addAction(Tr::tr("&Refused Changes…"), this, [this] {
        RejectedDialog dialog(m_workspace, this);
        dialog.exec();
    });
    refused->setObjectName(QStringLiteral("refusedAction"));
    connect(&m_workspace.sync(), &desktop::SyncEngine::massRemovalPending, this, [this](qint64 removing, qint64 total) {
        const auto answer = QMessageBox::question(
            this, Tr::tr("Remove Items?"),
            Tr::tr("The server's changes would remove %1 of the %2 items in this replica (for example after your "
                   "access changed). Nothing has been removed yet. Go on?")
                .arg(removing)
                .arg(total));
        if (answer == QMessageBox::Yes)
            m_workspace.sync().confirmMassRemoval();
    });

    // The text editor's commands, for the section on screen; the keys work
    // without the menu, while the focus is in that editor.
    QMenu *format = menuBar()->addMenu(Tr::tr("F&ormat"));
    format->setObjectName(QStringLiteral("formatMenu"));
    connect(format, &QMenu::aboutToShow, this, [this, format] {
        format->clear();
        QWidget *page = m_pages->currentWidget();
        const auto *editor = page ? page->findChild<BodyEditor *>() : nullptr;
        if (editor && editor->isEnabled())
            format->addActions(editor->actions());
        else
            format->addAction(Tr::tr("Open an article to format its text"))->setEnabled(false);
    });

    QMenu *help = menuBar()->addMenu(Tr::tr("&Help"));
    help->addAction(Tr::tr("&About Quire"), this, [this] {
        QMessageBox::about(
            this, Tr::tr("About Quire"),
            Tr::tr("Quire %1\nOffline-first authoring and publishing.").arg(QLatin1String(shared::kVersion)));
    });
}

void MainWindow::updateTitle()
{
    const QUrl server = m_workspace.api().server();
    setWindowTitle(server.isValid() ? Tr::tr("Quire – %1").arg(server.host()) : Tr::tr("Quire"));
}

void MainWindow::updateAccount()
{
    const desktop::AuthSession &session = m_workspace.session();
    m_account->setText(session.isSignedIn() ? Tr::tr("Signed in as %1").arg(session.email()) : Tr::tr("Not signed in"));
    if (m_signInAction)
        m_signInAction->setEnabled(!session.isSignedIn());
    if (m_signOutAction)
        m_signOutAction->setEnabled(session.isSignedIn());
    if (m_profileAction)
        m_profileAction->setEnabled(session.isSignedIn());
}

SignInDialog *MainWindow::openSignIn()
{
    if (!m_workspace.api().server().isValid()) {
        statusBar()->showMessage(Tr::tr("Connect to a server first (File › Connect to Server…)."), 8000);
        return nullptr;
    }
    auto *dialog = findChild<SignInDialog *>();
    if (!dialog) {
        dialog = new SignInDialog(m_workspace.session(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    return dialog;
}

void MainWindow::showSection(Section section)
{
    m_navigation->setCurrentRow(int(section));
}

MainWindow::Section MainWindow::currentSection() const
{
    return Section(m_pages->currentIndex());
}

bool MainWindow::showConnectDialog()
{
    ConnectDialog dialog(m_workspace, this);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    updateTitle();
    return accepted;
}

} // namespace quire::gui
