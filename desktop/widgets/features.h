// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <functional>

class QMainWindow;
class QWidget;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

// One entry of the main window's navigation and the page it shows.
struct FeatureSection
{
    QString id; // stable, not translated: MainWindow::showSection() and tests name it
    QString title; // what the navigation shows (translated)
    std::function<QWidget *(QWidget *parent)> make; // builds the page, once, when the window is built
};

// One feature of the desktop app as the main window sees it. Everything
// else of it lives in its folder (desktop/<feature>/core, widgets, cli).
// Contract: `sections` returns the feature's navigation entries in the
// order they are shown (ids unique across the list; titles translated when
// it is called); `addMenus`, when set, adds the feature's menus to the
// window's menu bar, after File, and may keep objects parented to the window.
// A section page with a list beside its content puts both in a QSplitter
// named "listSplitter", the list first: View > Show List hides it.
struct DesktopFeature
{
    const char *name;
    QList<FeatureSection> (*sections)(desktop::Workspace &workspace);
    void (*addMenus)(desktop::Workspace &workspace, QMainWindow &window);
};

// Every feature, in the order the navigation shows their sections. The main
// window loops over this list; a new feature is one more entry here and a
// folder of its own. quire-cli's commands are listed in desktop/cli/features.h.
const QList<DesktopFeature> &desktopFeatures();

} // namespace quire::gui
