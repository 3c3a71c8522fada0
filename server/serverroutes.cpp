// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/serverroutes.h"

#include "server/auth/adminroutes.h"
#include "server/auth/authroutes.h"
#include "server/auth/recoveryroutes.h"
#include "server/auth/userroutes.h"
#include "server/auth/websessionroutes.h"
#include "server/content/articleroutes.h"
#include "server/content/collectionroutes.h"
#include "server/content/dashboardroutes.h"
#include "server/content/mediaroutes.h"
#include "server/content/revisionroutes.h"
#include "server/content/savedroutes.h"
#include "server/content/taxonomyroutes.h"
#include "server/site/draftpreview.h"
#include "server/site/mailedlinkpages.h"
#include "server/site/readerpages.h"
#include "server/site/siteroutes.h"
#include "server/sync/syncroutes.h"
#include "server/systemroutes.h"

namespace quire::server::ServerRoutes {

void installAll(Router &router)
{
    SystemRoutes::install(router);
    AuthRoutes::install(router);
    UserRoutes::install(router);
    AdminRoutes::install(router);
    RecoveryRoutes::install(router);
    WebSessionRoutes::install(router);
    SyncRoutes::install(router);
    ArticleRoutes::install(router);
    RevisionRoutes::install(router);
    TaxonomyRoutes::install(router);
    SavedRoutes::install(router);
    DashboardRoutes::install(router);
    MediaRoutes::install(router);
    // After the features: a collection they route themselves keeps their routes.
    CollectionRoutes::install(router);
    DraftPreview::install(router);
    ReaderPages::install(router);
    MailedLinkPages::install(router);
    SiteRoutes::install(router);
}

} // namespace quire::server::ServerRoutes
