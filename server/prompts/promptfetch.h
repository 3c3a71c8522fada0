// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::server {

class Router;

// GET /api/v1/prompts/by-name/:name?label=|version= : what programs call on
// every request (an API key with prompts:read, or a signed-in user), among
// the caller's own prompts. Answers are kept per worker while the synced data
// is unchanged (AnswerCache); each fetch by a key is counted for the usage
// history (PromptFetchUsage).
namespace PromptFetch {
void install(Router &router);
}

} // namespace quire::server
