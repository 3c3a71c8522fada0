// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/prompts/promptsharedaccess.h"

namespace quire::server {

// Members of a prompt group: added, moved (position, pins) and removed by
// the group's owner and editor sharees. The prompt must belong to the one
// adding it or to the group's owner; a prompt is in a group once
// (already_exists); a pinned version is one of that prompt's, a pinned
// label a label name (not `latest`, which is no pin at all). A member
// belongs to the group's owner whoever added it (the server sets owner_id),
// so a revoked editor keeps nothing; it is read by whoever reads the group.
// Adding or removing one changes who reads the prompt.
class PromptGroupMemberAccess final : public PromptSharedAccess
{
public:
    PromptGroupMemberAccess();

    shared::VoidResult checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                  const nlohmann::json &after) const override;
    shared::VoidResult checkWriteWith(shared::Database &db, const Principal &who,
                                      const std::optional<nlohmann::json> &before,
                                      nlohmann::json &after) const override;
    shared::Result<nlohmann::json> derivedValues(shared::Database &db, const nlohmann::json &row) const override;
    shared::Result<QList<RowRef>> dependents(shared::Database &db, const std::optional<nlohmann::json> &before,
                                             const nlohmann::json &after) const override;
};

} // namespace quire::server
