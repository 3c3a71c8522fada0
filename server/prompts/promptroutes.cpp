// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptroutes.h"

#include "server/prompts/runroute.h"

namespace quire::server::PromptRoutes {

void install(Router &router)
{
    RunRoute::install(router);
    // The routes arrive with the API lane; until then the generic collection routes serve the tables.
}

} // namespace quire::server::PromptRoutes
