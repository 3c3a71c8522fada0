// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/features.h"

#include "desktop/accounts/widgets/accountmenu.h"
#include "desktop/accounts/widgets/adminview.h"
#include "desktop/articles/widgets/articlesview.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/placeholderview.h"
#include "desktop/widgets/tr.h"
#include "shared/articlekind.h"

namespace quire::gui {

namespace {

// A section of a domain that is not built yet: it says so rather than
// showing an empty list that looks like missing data.
FeatureSection placeholder(const QString &id, const QString &title, const QString &explanation)
{
    return { id, title, [title, explanation](QWidget *parent) -> QWidget * {
                return new PlaceholderView(title, explanation, parent);
            } };
}

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

QList<FeatureSection> promptSections(desktop::Workspace &)
{
    return { placeholder(QStringLiteral("prompts"), Tr::tr("Prompts"),
                         Tr::tr("The prompt library is not built yet.")) };
}

QList<FeatureSection> courseSections(desktop::Workspace &)
{
    return { placeholder(QStringLiteral("courses"), Tr::tr("Courses"),
                         Tr::tr("Courses and learning progress are not built yet.")) };
}

// Scheduled posts and what they earned.
QList<FeatureSection> postSections(desktop::Workspace &)
{
    return { placeholder(QStringLiteral("posts"), Tr::tr("Posts"), Tr::tr("Scheduling social posts is not built yet.")),
             placeholder(QStringLiteral("metrics"), Tr::tr("Metrics"),
                         Tr::tr("Engagement and financial metrics are not built yet.")) };
}

// Accounts: the administration section; signing in and the own profile
// are in its Account menu.
QList<FeatureSection> accountSections(desktop::Workspace &workspace)
{
    return { { QStringLiteral("admin"), Tr::tr("Admin"),
               [&workspace](QWidget *parent) -> QWidget * { return new AdminView(workspace.session(), parent); } } };
}

void accountMenus(desktop::Workspace &workspace, QMainWindow &window)
{
    new AccountMenu(workspace, window);
}

} // namespace

const QList<DesktopFeature> &desktopFeatures()
{
    static const QList<DesktopFeature> features {
        { "articles", articleSections, nullptr },      { "prompts", promptSections, nullptr },
        { "courses", courseSections, nullptr },        { "posts", postSections, nullptr },
        { "accounts", accountSections, accountMenus },
    };
    return features;
}

} // namespace quire::gui
