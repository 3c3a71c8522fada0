// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/sync/syncaccess.h"

namespace quire::server {

// Guides and case studies: owners see and edit their own; editors and
// admins everything; everyone sees what is published. Publishing needs the
// publish permission and a verified email address, and a published or
// scheduled article an address (slug_required). Slugs are unique per kind
// and old ones are kept for redirects; categories must exist.
class ArticleAccess final : public SyncAccess
{
public:
    const shared::SyncTable &table() const override;
    QString visibleWhere(const Principal &who, QVariantList &binds) const override;
    bool visible(const Principal &who, const nlohmann::json &scope) const override;
    nlohmann::json scopeOf(const nlohmann::json &row) const override;
    QString answerScope(const Principal &who) const override;
    QString exitReason(const nlohmann::json &before, const nlohmann::json &after) const override;
    shared::VoidResult checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                  const nlohmann::json &after) const override;
    shared::VoidResult beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &before,
                                   nlohmann::json &after, const QString &now) const override;
};

} // namespace quire::server
