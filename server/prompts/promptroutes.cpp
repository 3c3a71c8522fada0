// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptroutes.h"

namespace quire::server::PromptRoutes {

void install(Router &)
{
    // The routes arrive with the API lane; until then the generic collection routes serve the tables.
}

} // namespace quire::server::PromptRoutes
