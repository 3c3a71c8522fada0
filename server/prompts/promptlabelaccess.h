// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/prompts/promptsharedaccess.h"

namespace quire::server {

// Prompt labels: one per (prompt, name), `latest` being implicit and never
// stored; version_id and pending_version_id name versions of the same
// prompt. The prompt's owner creates, moves and deletes them. With
// approval_required on the prompt, moving `production` (a change of
// version_id) is for editors and admins who can read the prompt: the
// server records them in approved_by and clears the pending request; any
// other owner may only ask, by setting pending_version_id (the server
// records requested_by). Read by whoever reads the prompt.
class PromptLabelAccess final : public PromptSharedAccess
{
public:
    PromptLabelAccess();

    shared::VoidResult checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                  const nlohmann::json &after) const override;
    shared::VoidResult checkWriteWith(shared::Database &db, const Principal &who,
                                      const std::optional<nlohmann::json> &before,
                                      nlohmann::json &after) const override;
    shared::Result<nlohmann::json> derivedValues(shared::Database &db, const nlohmann::json &row) const override;

    // Whether `who` may only ask for (pending_version_id), not make, a move
    // of the label `name` of `prompt`: the rule checkWriteWith() enforces,
    // for the routes that ask instead of being refused.
    static bool moveNeedsApproval(const Principal &who, const nlohmann::json &prompt, const QString &name);
};

} // namespace quire::server
