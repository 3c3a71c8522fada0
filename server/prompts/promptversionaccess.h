// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/prompts/promptsharedaccess.h"

namespace quire::server {

// Prompt versions: immutable snapshots. Made only by whoever may write the
// prompt (its owner), numbered by the server in arrival order (max + 1 per
// prompt inside the mutation's transaction, deleted ones counted, so two
// replicas saving offline get distinct numbers); never changed; deleted
// only by the prompt's owner. Read by whoever reads the prompt.
class PromptVersionAccess final : public PromptSharedAccess
{
public:
    PromptVersionAccess();

    shared::VoidResult checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                  const nlohmann::json &after) const override;
    shared::VoidResult checkWriteWith(shared::Database &db, const Principal &who,
                                      const std::optional<nlohmann::json> &before,
                                      nlohmann::json &after) const override;
    shared::VoidResult beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &before,
                                   nlohmann::json &after, const QString &now) const override;
    shared::Result<nlohmann::json> derivedValues(shared::Database &db, const nlohmann::json &row) const override;
};

} // namespace quire::server
