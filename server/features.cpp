// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/features.h"

#include "server/accounts/adminroutes.h"
#include "server/accounts/apikeyroutes.h"
#include "server/accounts/authroutes.h"
#include "server/accounts/mailedlinkpages.h"
#include "server/accounts/recoveryroutes.h"
#include "server/accounts/userroutes.h"
#include "server/accounts/websessionroutes.h"
#include "server/articles/articleaccess.h"
#include "server/articles/articleroutes.h"
#include "server/articles/categoryaccess.h"
#include "server/articles/dashboardroutes.h"
#include "server/articles/draftpreview.h"
#include "server/articles/readerpages.h"
#include "server/articles/saveditemaccess.h"
#include "server/articles/savedroutes.h"
#include "server/articles/siteroutes.h"
#include "server/articles/taxonomyroutes.h"
#include "server/media/mediaroutes.h"
#include "server/prompts/promptroutes.h"
#include "server/prompts/promptrules.h"
#include "server/publishing/publishroutes.h"
#include "server/scheduler/schedulerroutes.h"
#include "server/scheduler/schedulerrules.h"
#include "server/sync/syncaccess.h"

namespace quire::server {

namespace {

QList<const SyncAccess *> none()
{
    return {};
}

// Accounts: sign-in, sessions, profiles, administration, mailed links.
void accountRoutes(Router &router)
{
    AuthRoutes::install(router);
    UserRoutes::install(router);
    ApiKeyRoutes::install(router);
    AdminRoutes::install(router);
    RecoveryRoutes::install(router);
    WebSessionRoutes::install(router);
    MailedLinkPages::install(router);
}

// Articles (guides and case studies), their categories and readers' saved
// items: the API, the dashboard, previews and the readers' pages (last:
// their addresses are the site's).
void articleRoutes(Router &router)
{
    ArticleRoutes::install(router);
    TaxonomyRoutes::install(router);
    SavedRoutes::install(router);
    DashboardRoutes::install(router);
    DraftPreview::install(router);
    ReaderPages::install(router);
    SiteRoutes::install(router);
}

QList<const SyncAccess *> articleRules()
{
    static const ArticleAccess articles;
    static const CategoryAccess categories;
    static const SavedItemAccess savedItems;
    return { &articles, &categories, &savedItems };
}

// The creators' scheduler: clients, platforms, credentials, posts, and
// publishing them.
void schedulerRoutes(Router &router)
{
    SchedulerRoutes::install(router);
    PublishRoutes::install(router);
}

} // namespace

const QList<ServerFeature> &serverFeatures()
{
    static const QList<ServerFeature> features {
        { "accounts", accountRoutes, none },
        { "media", MediaRoutes::install, none },
        { "prompts", PromptRoutes::install, promptAccessRules },
        { "scheduler", schedulerRoutes, schedulerAccessRules },
        { "articles", articleRoutes, articleRules },
    };
    return features;
}

QList<const SyncAccess *> SyncAccess::all()
{
    QList<const SyncAccess *> rules;
    for (const ServerFeature &f : serverFeatures())
        rules += f.accessRules();
    return rules + registered();
}

} // namespace quire::server
