// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/conformance/testtype/testnotes.h"

#include "server/sync/owneronlyaccess.h"
#include "shared/declaredtables.h"
#include "shared/synctable.h"

namespace quire::test {

using shared::ColumnType;
using shared::MergeRule;
using shared::SyncColumn;

void registerTestNotes()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    shared::SyncTable notes {
        .name = QStringLiteral("test_notes"),
        .columns = {
            { .name = QStringLiteral("title"),
              .required = true,
              .maxLength = 120,
              .searched = true,
              .sortKey = QStringLiteral("title") },
            { .name = QStringLiteral("text"), .type = ColumnType::Markdown, .merge = MergeRule::MarkdownText,
              .maxLength = 65536, .searched = true },
            { .name = QStringLiteral("mood"),
              .type = ColumnType::Choice,
              .choices = { QStringLiteral("calm"), QStringLiteral("busy"), QStringLiteral("done") },
              .defaultValue = QStringLiteral("calm"),
              .filterKey = QStringLiteral("mood"),
              .counted = true },
            { .name = QStringLiteral("twin_id"), .type = ColumnType::Id },
            { .name = QStringLiteral("due_at"), .type = ColumnType::Timestamp, .sortKey = QStringLiteral("due") },
            { .name = QStringLiteral("handle"), .type = ColumnType::Slug, .maxLength = 60 },
            { .name = QStringLiteral("labels"),
              .type = ColumnType::List,
              .merge = MergeRule::SetUnion,
              .defaultValue = QStringLiteral("[]"),
              .filterKey = QStringLiteral("label") },
            { .name = QStringLiteral("picture"), .type = ColumnType::ImageRef, .maxLength = 300 },
        },
        .collection = QStringLiteral("test-notes"),
        .singular = "Test note",
        .plural = "Test notes",
        .defaultSort = QStringLiteral("updated"),
        .labelColumn = QStringLiteral("title"),
    };
    notes.columns += shared::serverColumns(false);
    shared::SyncSchema::registerTable(notes);
    static const server::OwnerOnlyAccess access(notes.name);
    server::SyncAccess::registerAccess(&access);
}

} // namespace quire::test
