// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QStringList>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

class ConnectionIndicator;
class SyncIndicator;

// The application frame: a side bar of sections, the section shown beside
// it, menus, and a status bar with the connection state. The sections and
// the features' menus come from desktopFeatures() (features.h), in its
// order; this class only arranges them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(desktop::Workspace &workspace, QWidget *parent = nullptr);

    // Sections by their FeatureSection::id, in navigation order.
    QStringList sectionIds() const;
    void showSection(const QString &id);
    QString currentSection() const;

    // Opens the connection dialog; returns true when a server was chosen.
    bool showConnectDialog();

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
    QStringList m_sectionIds;
};

} // namespace quire::gui
