// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/prompts/promptsharedaccess.h"

namespace quire::server {

// Prompt groups: the owner creates and deletes them; the owner and editor
// sharees change name and description. Read by the owner and every sharee
// (readers = the users of its live shares). A group that still has members
// or shares is not deleted (has_children): remove them first, so no
// prompt's sharing changes behind its owner's back in one click.
class PromptGroupAccess final : public PromptSharedAccess
{
public:
    PromptGroupAccess();

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
