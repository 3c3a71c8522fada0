// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/prompts/promptsharedaccess.h"

namespace quire::server {

// Prompts: only the owner writes (settings, is_template and
// approval_required included); read by the owner and by whoever reads a
// group holding the prompt. `name` is made from the title when empty and
// is unique per owner (slug_taken names a free one; a replica's push takes
// it). Temperature is a number from 0 to 2, max_tokens a positive whole
// number, messages a JSON list of {role: system|user|assistant, content}.
class PromptAccess final : public PromptSharedAccess
{
public:
    PromptAccess();

    shared::VoidResult checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                  const nlohmann::json &after) const override;
    shared::VoidResult beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &before,
                                   nlohmann::json &after, const QString &now) const override;
    // Its versions, labels, group places and stars (usage history stays).
    shared::Result<QList<RowRef>> removedWith(shared::Database &db, const nlohmann::json &row) const override;
    shared::Result<nlohmann::json> derivedValues(shared::Database &db, const nlohmann::json &row) const override;
    shared::Result<QList<RowRef>> dependents(shared::Database &db, const std::optional<nlohmann::json> &before,
                                             const nlohmann::json &after) const override;
};

} // namespace quire::server
