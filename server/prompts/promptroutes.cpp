// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptroutes.h"

#include "server/prompts/promptfetch.h"

namespace quire::server::PromptRoutes {

void install(Router &router)
{
    // First: a literal segment (by-name) before any `/prompts/:id/…` pattern.
    PromptFetch::install(router);
    // The rest of the routes arrive with the API lane; until then the generic collection routes serve the tables.
}

} // namespace quire::server::PromptRoutes
