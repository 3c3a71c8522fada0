// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/core/promptlookup.h"

#include "desktop/core/workingcopy.h"
#include "shared/database.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Result;

PromptLookup::PromptLookup(shared::Database &db, QString userId)
    : m_db(db)
    , m_userId(std::move(userId))
{ }

Result<std::optional<nlohmann::json>> PromptLookup::find(const QString &idOrName) const
{
    const shared::SyncTable &prompts = *shared::SyncSchema::find(shared::promptsTable());
    WorkingCopy rows(m_db);
    Result<std::optional<nlohmann::json>> byId = rows.row(prompts, idOrName);
    if (!byId || *byId)
        return byId;
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT id FROM %1 WHERE name = ? ORDER BY owner_id <> ?, updated_at DESC, id LIMIT 1")
            .arg(shared::promptsTable()),
        { idOrName.trimmed(), m_userId });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<nlohmann::json>();
    return rows.row(prompts, q->value(0).toString());
}

} // namespace quire::desktop
