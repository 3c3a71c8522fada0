// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/mainwindow.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/connectdialog.h"
#include "desktop/widgets/connectionindicator.h"
#include "desktop/widgets/placeholderview.h"
#include "desktop/widgets/tr.h"
#include "shared/version.h"

#include <QApplication>
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
{
    setObjectName(QStringLiteral("mainWindow"));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(Tr::tr("Sections"));
    m_pages->setObjectName(QStringLiteral("pages"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 720});
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(m_indicator);

    buildSections();
    buildMenus();
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(&workspace.connection(), &desktop::ConnectionMonitor::stateChanged, this, &MainWindow::updateTitle);
    m_navigation->setCurrentRow(0);
    updateTitle();
    resize(1100, 720);
}

void MainWindow::buildSections()
{
    struct Entry
    {
        QString name;
        QString explanation;
    };
    const Entry entries[] = {
        {Tr::tr("Guides"), Tr::tr("Writing and publishing guides is not built yet. It arrives with the content work.")},
        {Tr::tr("Case studies"), Tr::tr("Case studies are not built yet. They arrive with the content work.")},
        {Tr::tr("Prompts"), Tr::tr("The prompt library is not built yet.")},
        {Tr::tr("Courses"), Tr::tr("Courses and learning progress are not built yet.")},
        {Tr::tr("Posts"), Tr::tr("Scheduling social posts is not built yet.")},
        {Tr::tr("Metrics"), Tr::tr("Engagement and financial metrics are not built yet.")},
        {Tr::tr("Admin"), Tr::tr("User administration is not built yet. It arrives with accounts.")},
    };
    for (const Entry &e : entries) {
        m_navigation->addItem(e.name);
        m_pages->addWidget(new PlaceholderView(e.name, e.explanation, m_pages));
    }
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

    QMenu *help = menuBar()->addMenu(Tr::tr("&Help"));
    help->addAction(Tr::tr("&About Quire"), this, [this] {
        QMessageBox::about(this, Tr::tr("About Quire"),
                           Tr::tr("Quire %1\nOffline-first authoring and publishing.").arg(QLatin1String(shared::kVersion)));
    });
}

void MainWindow::updateTitle()
{
    const QUrl server = m_workspace.api().server();
    setWindowTitle(server.isValid() ? Tr::tr("Quire – %1").arg(server.host()) : Tr::tr("Quire"));
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
