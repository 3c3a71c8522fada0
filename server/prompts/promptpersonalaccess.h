// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/sync/syncaccess.h"

namespace quire::server {

// A user's own prompt-library state (favourites, usage history,
// preferences): each user sees and changes only their own rows, whatever
// their role (as with saved items). What differs per table is in Rules.
class PromptPersonalAccess final : public SyncAccess
{
public:
    struct Rules
    {
        bool aboutReadablePrompt = false; // prompt_id names a prompt the user may read
        bool onePerPrompt = false; // at most one live row per (user, prompt)
        bool onePerUser = false; // at most one live row per user
        bool immutable = false; // written once; deleting is still allowed
        bool keepsVariablesOnlyByChoice = false; // `variables` kept only with keep_variables on
    };

    PromptPersonalAccess(QString table, Rules rules);

    const shared::SyncTable &table() const override;
    QString visibleWhere(const Principal &who, QVariantList &binds) const override;
    bool visible(const Principal &who, const nlohmann::json &scope) const override;
    nlohmann::json scopeOf(const nlohmann::json &row) const override;
    QString exitReason(const nlohmann::json &before, const nlohmann::json &after) const override;
    shared::VoidResult checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                  const nlohmann::json &after) const override;
    shared::VoidResult checkWriteWith(shared::Database &db, const Principal &who,
                                      const std::optional<nlohmann::json> &before,
                                      nlohmann::json &after) const override;
    shared::VoidResult beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &before,
                                   nlohmann::json &after, const QString &now) const override;

private:
    QString m_table;
    Rules m_rules;
};

} // namespace quire::server
