// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/fieldmerger.h"

#include "shared/jsonqt.h"
#include "shared/markdownmerge.h"
#include "shared/synctable.h"

namespace quire::server {

using shared::MergeRule;
using shared::SyncProtocol::Conflict;

FieldMerger::Outcome FieldMerger::merge(const shared::SyncTable &table, const nlohmann::json &server,
                                        const nlohmann::json &fields, const nlohmann::json &base, bool baseIsCurrent)
{
    Outcome out;
    out.row = server;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const shared::SyncColumn *column = table.column(QString::fromStdString(it.key()));
        if (!column || column->merge == MergeRule::ServerOwned)
            continue; // validation refused these before we got here
        const nlohmann::json &mine = *it;
        const nlohmann::json theirs = server.value(it.key(), nlohmann::json());
        if (mine == theirs)
            continue;
        const auto baseIt = base.find(it.key());
        const bool baseKnown = baseIt != base.end();
        // One side changed: that side's value stands.
        if (baseIsCurrent || (baseKnown && *baseIt == theirs)) {
            out.row[it.key()] = mine;
            out.changed = true;
            continue;
        }
        if (baseKnown && *baseIt == mine)
            continue; // only the server changed it
        const nlohmann::json baseValue = baseKnown ? *baseIt : nlohmann::json();
        if (column->merge == MergeRule::SetUnion && mine.is_string() && theirs.is_string()) {
            // Both sides changed the set: keep the server's, add what this
            // side added and drop what it removed. Nothing is lost, so no
            // conflict record.
            const QStringList baseItems
                = shared::listItems(baseValue.is_string() ? baseValue.get<QString>() : QString());
            const QStringList mineItems = shared::listItems(mine.get<QString>());
            QStringList result = shared::listItems(theirs.get<QString>());
            for (const QString &item : mineItems) {
                if (!baseItems.contains(item) && !result.contains(item))
                    result << item;
            }
            for (const QString &item : baseItems) {
                if (!mineItems.contains(item))
                    result.removeAll(item);
            }
            const QString merged = shared::listText(result);
            out.row[it.key()] = merged.toStdString();
            out.changed = out.changed || merged != theirs.get<QString>();
            out.merged = true;
            continue;
        }
        Conflict conflict;
        conflict.table = table.name;
        conflict.field = column->name;
        conflict.baseValue = baseValue;
        conflict.clientValue = mine;
        if (column->merge == MergeRule::MarkdownText && mine.is_string() && theirs.is_string()) {
            const QString baseText = baseValue.is_string() ? baseValue.get<QString>() : QString();
            const shared::MarkdownMerge m
                = shared::MarkdownMerge::merge(baseText, theirs.get<QString>(), mine.get<QString>());
            if (m.clean) {
                out.row[it.key()] = m.text;
                out.changed = out.changed || m.text != theirs.get<QString>();
                out.merged = true;
                continue;
            }
            // Overlapping edits: the row keeps the server's text, the record both.
            conflict.kind = QStringLiteral("text_overlap");
            conflict.serverValue = theirs;
            conflict.kept = QStringLiteral("server");
            out.conflicts.append(conflict);
            continue;
        }
        // A scalar changed on both sides: the later arrival (this one) wins,
        // and the value it replaced is kept.
        conflict.kind = QStringLiteral("both_changed");
        conflict.serverValue = theirs;
        conflict.kept = QStringLiteral("client");
        out.row[it.key()] = mine;
        out.changed = true;
        out.conflicts.append(conflict);
    }
    return out;
}

} // namespace quire::server
