// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/prompts/promptsharedaccess.h"

namespace quire::server {

// Shares of a prompt group: only the group's owner creates, changes (the
// role) and deletes them; never with oneself, only with a user who
// exists, one per (group, user) (already_exists). A share is read by the
// group's owner and its sharee only. Creating, re-targeting or deleting
// one changes who reads the group, and so its members and prompts.
class PromptGroupShareAccess final : public PromptSharedAccess
{
public:
    PromptGroupShareAccess();

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
