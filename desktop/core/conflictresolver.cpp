// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/conflictresolver.h"

#include "desktop/core/contentstore.h"
#include "desktop/core/syncrecords.h"
#include "desktop/core/tr.h"

namespace quire::desktop {

using shared::Error;
using shared::VoidResult;

ConflictResolver::ConflictResolver(ContentStore &content, SyncRecords &records)
    : m_content(content)
    , m_records(records)
{ }

VoidResult ConflictResolver::resolve(const QString &conflictId, Keep keep, const QString &text)
{
    shared::Result<std::optional<SyncRecords::StoredConflict>> found = m_records.conflict(conflictId);
    if (!found)
        return found.error();
    if (!*found)
        return Error::make(shared::ErrorCode::NotFound, Tr::tr("There is no conflict %1.").arg(conflictId));
    const shared::SyncProtocol::Conflict &c = (*found)->conflict;
    const shared::SyncTable *table = shared::SyncSchema::find(c.table);
    if (!table)
        return Error::make(shared::ErrorCode::UnknownTable, Tr::tr("Unknown table %1.").arg(c.table));
    QString resolution;
    if (c.field == QLatin1String("*")) {
        // A whole-row conflict (edit against delete): the choice is whether
        // the row stays; the side the row already follows needs no edit.
        if (keep == Keep::Text)
            return Error::make(shared::ErrorCode::InvalidChoice,
                               Tr::tr("Choose a version: this conflict is about the whole item."));
        const bool rowStays = (keep == Keep::Client) == (c.kind == QLatin1String("edit_vs_delete"));
        if (!rowStays) {
            shared::Result<std::optional<nlohmann::json>> row = m_content.get(*table, c.rowId);
            if (!row)
                return row.error();
            if (*row) {
                if (VoidResult r = m_content.remove(*table, c.rowId); !r)
                    return r;
            }
        }
        resolution = keep == Keep::Client ? QStringLiteral("client") : QStringLiteral("server");
    } else {
        nlohmann::json value;
        switch (keep) {
        case Keep::Server:
            value = c.serverValue;
            resolution = QStringLiteral("server");
            break;
        case Keep::Client:
            value = c.clientValue;
            resolution = QStringLiteral("client");
            break;
        case Keep::Text:
            value = text.toStdString();
            resolution = QStringLiteral("text");
            break;
        }
        shared::Result<std::optional<nlohmann::json>> row = m_content.get(*table, c.rowId);
        if (!row)
            return row.error();
        if (*row) {
            if (VoidResult r = m_content.update(*table, c.rowId, { { c.field.toStdString(), value } }); !r)
                return r;
        }
    }
    return m_records.markResolved(c.id, resolution);
}

} // namespace quire::desktop
