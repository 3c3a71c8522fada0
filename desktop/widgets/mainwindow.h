// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

class ConnectionIndicator;
class SyncIndicator;
class SignInDialog;

// The application frame: a side bar of sections, the section shown beside
// it, menus, and a status bar with the connection state. Each section is
// its own widget; this class only arranges them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum class Section { Guides, CaseStudies, Prompts, Courses, Posts, Metrics, Admin };
    Q_ENUM(Section)

    explicit MainWindow(desktop::Workspace &workspace, QWidget *parent = nullptr);

    void showSection(Section section);
    Section currentSection() const;

    // Opens the connection dialog; returns true when a server was chosen.
    bool showConnectDialog();
    // Opens the sign-in dialog (non-blocking); nullptr without a server.
    SignInDialog *openSignIn();

private:
    void buildSections();
    void buildMenus();
    void updateTitle();
    void updateAccount();

    desktop::Workspace &m_workspace;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    ConnectionIndicator *m_indicator;
    QLabel *m_account;
    SyncIndicator *m_sync;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_profileAction = nullptr;
};

} // namespace quire::gui
