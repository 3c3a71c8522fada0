// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/fielderrors.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace quire::shared {

// How sync settles a column that both sides changed since their common base.
enum class MergeRule {
    LastArrival, // the value that reaches the server last wins; the other is kept in a conflict record
    MarkdownText, // three-way merge by Markdown blocks, then lines; overlaps become a conflict record
    ServerOwned, // set by the server only (owner, timestamps); a mutation may not carry it
    SetUnion, // a List merged as a set: what each side added stays, what each side removed goes
};

// List: a JSON array of distinct non-empty strings, kept as its JSON text
// ("[]" when empty) so every synced value stays a string.
// ImageRef: empty, an uploaded image (/media/<sha256>) or an https address.
enum class ColumnType { Text, Markdown, Choice, Id, Timestamp, Slug, List, ImageRef };

struct SyncColumn
{
    QString name;
    ColumnType type = ColumnType::Text;
    MergeRule merge = MergeRule::LastArrival;
    bool required = false; // must be present (and for text, not blank) when a row is created
    int maxLength = 0; // characters for Text; bytes for Markdown; 0 = no limit
    QStringList choices; // the allowed values of a Choice column
    QString defaultValue; // used when a created row leaves the column out
};

// One table that sync carries, described once for both sides: its columns
// and how each merges. Who may see and change its rows is decided by the
// server (server/sync/syncaccess.*); the column list here is the contract.
// Every synced table also has the fixed columns id, rev and (on the
// server) deleted, which are not listed.
struct SyncTable
{
    QString name;
    QList<SyncColumn> columns;
    // The replica keeps a full-text index of its text columns (fts_dirty
    // column and <name>_fts table).
    bool searchable = false;

    const SyncColumn *column(const QString &name) const;
    QStringList columnNames() const;
    // The columns a client may write.
    QStringList writableColumns() const;

    // Checks the fields of one mutation: known, writable, well typed and
    // within limits. `creating` also demands the required columns.
    void validateFields(const nlohmann::json &fields, bool creating, FieldErrors &errors) const;
    // A created row's values: the given fields over the defaults.
    nlohmann::json withDefaults(const nlohmann::json &fields) const;
};

// A URL slug: lower-case letters and digits in words joined by single hyphens.
bool isSlug(const QString &text);

// The items of a List column's value; empty for anything that is not one.
QStringList listItems(const QString &jsonText);
QString listText(const QStringList &items);

// The most items a List column holds, and the longest item.
inline constexpr int kMaxListItems = 50;
inline constexpr int kMaxListItemLength = 60;

// The registry of synced tables. Later content types register here.
namespace SyncSchema {
const QList<SyncTable> &tables();
const SyncTable *find(const QString &name);
} // namespace SyncSchema

} // namespace quire::shared
