// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace quire::server {

class Router;

// Branch and merge under <base>/:id (base = /api/v1/prompts): POST branch
// {title?, name?} makes the caller's own copy of a prompt they may read,
// remembering the prompt and its latest version; POST merge {branch_id,
// message?, resolution?} merges a branch back with shared/promptbranchmerge
// (409 merge_conflict naming each clash with both texts, nothing written).
namespace PromptBranchRoutes {
void install(Router &router, const QString &base);
}

} // namespace quire::server
