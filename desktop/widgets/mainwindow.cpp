// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/mainwindow.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/profile.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/apptheme.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/conflictsdialog.h"
#include "desktop/widgets/connectdialog.h"
#include "desktop/widgets/connectionindicator.h"
#include "desktop/widgets/features.h"
#include "desktop/widgets/layoutmemory.h"
#include "desktop/widgets/rejecteddialog.h"
#include "desktop/widgets/syncindicator.h"
#include "desktop/widgets/tr.h"
#include "shared/version.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace quire::gui {

namespace {

// Percent of the screen's available width and height the window takes on
// the first start.
constexpr int kFirstStartShare = 90;

} // namespace

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
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    // The sections' names decide the side bar's width (buildSections); the rest is the section's.
    splitter->setStretchFactor(0, 0);
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(m_account);
    statusBar()->addPermanentWidget(m_sync);
    statusBar()->addPermanentWidget(m_indicator);

    buildSections();
    splitter->setSizes({ m_navigation->minimumWidth(), QWIDGETSIZE_MAX });
    buildMenus();
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(&workspace.connection(), &desktop::ConnectionMonitor::stateChanged, this, &MainWindow::updateTitle);
    connect(&workspace.session(), &desktop::AuthSession::signedInChanged, this, &MainWindow::updateAccount);
    m_navigation->setCurrentRow(0);
    updateTitle();
    updateAccount();
    // The first start fills most of the screen (later starts restore the
    // size the user left); a fixed size was small on every modern screen.
    const QRect available = screen()->availableGeometry();
    resize(available.width() * kFirstStartShare / 100, available.height() * kFirstStartShare / 100);
    move(available.center() - rect().center());
    // Last, so the window and every section's splitters exist to restore.
    new LayoutMemory(workspace.profile().settings(), *this);
}

void MainWindow::buildSections()
{
    for (const DesktopFeature &feature : desktopFeatures()) {
        for (const FeatureSection &section : feature.sections(m_workspace)) {
            auto *item = new QListWidgetItem(section.title, m_navigation);
            item->setData(Qt::UserRole, section.id);
            QWidget *page = section.make(m_pages);
            page->setProperty("sectionId", section.id);
            m_pages->addWidget(page);
            m_sectionIds.append(section.id);
        }
    }
    m_navigation->setMaximumWidth(240);
    m_navigation->setSpacing(3);
    // The sections' names decide the list's narrowest width, in every
    // language: the lists beside it must not squeeze them into "Kennzahle".
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setMinimumWidth(m_navigation->sizeHintForColumn(0) + 2 * m_navigation->spacing()
                                  + 2 * m_navigation->frameWidth());
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

    for (const DesktopFeature &feature : desktopFeatures()) {
        if (feature.addMenus)
            feature.addMenus(m_workspace, *this);
    }

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

    AppTheme::addMenu(*menuBar(), m_workspace.profile());
    // The sections' lists can go for focus on the text (a section's list is
    // the first pane of its splitter named "listSplitter").
    QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    QAction *showLists = view->addAction(Tr::tr("Show &List"));
    showLists->setObjectName(QStringLiteral("showListAction"));
    showLists->setCheckable(true);
    showLists->setChecked(true);
    showLists->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(showLists, &QAction::toggled, this, [this](bool on) {
        for (QSplitter *splitter : m_pages->findChildren<QSplitter *>(QStringLiteral("listSplitter")))
            splitter->widget(0)->setVisible(on);
    });
    LayoutMemory::remember(*showLists);

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
}

QStringList MainWindow::sectionIds() const
{
    return m_sectionIds;
}

void MainWindow::showSection(const QString &id)
{
    if (const qsizetype row = m_sectionIds.indexOf(id); row >= 0)
        m_navigation->setCurrentRow(int(row));
}

QString MainWindow::currentSection() const
{
    return m_sectionIds.value(m_pages->currentIndex());
}

bool MainWindow::showConnectDialog()
{
    ConnectDialog dialog(m_workspace, this);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    updateTitle();
    return accepted;
}

} // namespace quire::gui
