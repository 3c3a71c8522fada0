// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/serverroutes.h"

#include "server/apidocs/apireference.h"
#include "server/collections/collectionroutes.h"
#include "server/collections/revisionroutes.h"
#include "server/features.h"
#include "server/sync/syncroutes.h"
#include "server/systemroutes.h"

namespace quire::server::ServerRoutes {

void installAll(Router &router)
{
    SystemRoutes::install(router);
    SyncRoutes::install(router);
    for (const ServerFeature &feature : serverFeatures())
        feature.installRoutes(router);
    // After the features: a collection they route themselves keeps their
    // routes; every other declared type gets the generic ones.
    RevisionRoutes::installDeclared(router);
    CollectionRoutes::install(router);
    // Last: it describes every route installed before it.
    ApiReference::install(router);
}

} // namespace quire::server::ServerRoutes
