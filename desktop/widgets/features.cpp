// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/features.h"

#include "desktop/accounts/widgets/accountmenu.h"
#include "desktop/accounts/widgets/adminview.h"
#include "desktop/articles/widgets/articlesview.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/widgets/promptsview.h"
#include "desktop/scheduler/widgets/postsview.h"
#include "desktop/widgets/tr.h"
#include "shared/articlekind.h"

namespace quire::gui {

namespace {

// Articles: one section per kind (guides, case studies), each its list,
// search and editor.
QList<FeatureSection> articleSections(desktop::Workspace &workspace)
{
    QList<FeatureSection> sections;
    for (shared::ArticleKind kind : shared::articleKinds()) {
        sections.append(
            { shared::articleKindCollection(kind), shared::articleKindPluralLabel(kind),
              [&workspace, kind](QWidget *parent) -> QWidget * { return new ArticlesView(workspace, kind, parent); } });
    }
    return sections;
}

// Accounts: the administration section; signing in and the own profile
// are in its Account menu.
QList<FeatureSection> accountSections(desktop::Workspace &workspace)
{
    return { { QStringLiteral("admin"), Tr::tr("Admin"),
               [&workspace](QWidget *parent) -> QWidget * { return new AdminView(workspace.session(), parent); } } };
}

// Prompts: one section, its list pane switching between the library and
// the groups, beside the editor with fill-in (and Run), versions and history.
QList<FeatureSection> promptSections(desktop::Workspace &workspace)
{
    return { { QStringLiteral("prompts"), Tr::tr("Prompts"),
               [&workspace](QWidget *parent) -> QWidget * { return new PromptsView(workspace, parent); } } };
}

// Scheduler: the Posts section, the queue beside the composer; clients
// and platforms are managed from it.
QList<FeatureSection> schedulerSections(desktop::Workspace &workspace)
{
    return { { QStringLiteral("posts"), Tr::tr("Posts"),
               [&workspace](QWidget *parent) -> QWidget * { return new PostsView(workspace, parent); } } };
}

void accountMenus(desktop::Workspace &workspace, QMainWindow &window)
{
    new AccountMenu(workspace, window);
}

} // namespace

const QList<DesktopFeature> &desktopFeatures()
{
    // Courses and metrics join here once they are built: a section
    // that only says "not built yet" is not shown.
    static const QList<DesktopFeature> features {
        { "articles", articleSections, nullptr },
        { "prompts", promptSections, nullptr },
        { "scheduler", schedulerSections, nullptr },
        { "accounts", accountSections, accountMenus },
    };
    return features;
}

} // namespace quire::gui
