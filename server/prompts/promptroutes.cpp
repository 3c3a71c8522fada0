// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptroutes.h"

#include "server/prompts/grouproutes.h"

namespace quire::server::PromptRoutes {

void install(Router &router)
{
    GroupRoutes::install(router);
    // The routes arrive with the API lane; until then the generic collection routes serve the tables.
}

} // namespace quire::server::PromptRoutes
