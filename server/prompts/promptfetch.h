// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace quire::server {

class Router;

// GET /api/v1/prompts/by-name/:name?label=|version= : what programs call on
// every request (an API key with prompts:read, or a signed-in user), among
// the caller's own prompts. Answers are kept per worker while the synced data
// is unchanged (AnswerCache); each fetch by a key is counted for the usage
// history (PromptFetchUsage).
namespace PromptFetch {
void install(Router &router);
// The lookup's statements (by label, by version number, the latest): each
// one indexed search on every request; the test reads their query plans.
QStringList lookupStatements();
} // namespace PromptFetch

} // namespace quire::server
