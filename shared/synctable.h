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

// One column of a synced table. Declared with designated initializers, so
// every field is named where it is set:
//   { .name = "title", .label = QT_TRANSLATE_NOOP("Quire::Shared", "Title"), .required = true, .searched = true }
struct SyncColumn
{
    QString name {};
    // What people call the column (translated through shared::Tr), where a
    // view names it: conflicts, refused changes. Null: the raw name shows.
    const char *label = nullptr;
    ColumnType type = ColumnType::Text;
    MergeRule merge = MergeRule::LastArrival;
    bool required = false; // must be present (and for text, not blank) when a row is created
    int maxLength = 0; // characters for Text; bytes for Markdown; 0 = no limit
    QStringList choices {}; // the allowed values of a Choice column
    QString defaultValue {}; // used when a created row leaves the column out

    // What lists may do with the column. Each of these asks for an index,
    // which the schema derives and the conformance suite checks.
    bool searched = false; // its text is in the table's full-text index
    QString sortKey {}; // the list API's name for sorting by it (sort=<key>); empty: not sortable
    // A Text sort in byte order rather than caselessly: keys that compare
    // by their bytes (fractional positions), in every index and query.
    bool caseSensitive = false;
    QString filterKey {}; // the list API's query parameter matching it (a List: one of its items)
    // An Id or a List of ids naming rows of this declared table; a filter
    // then also accepts that table's slug.
    QString references {};
    // Per-value row counts are kept up to date (dashboards, facet totals).
    bool counted = false;

    bool isSortable() const { return !sortKey.isEmpty(); }
    bool isFilterable() const { return !filterKey.isEmpty(); }
    // The translated label; the raw name when none is declared.
    QString displayLabel() const;
};

// One table that sync carries, described once for both sides: its columns
// and how each merges. Who may see and change its rows is decided by the
// server (server/sync/syncaccess.*); the column list here is the contract.
// Every synced table also has the fixed columns id, rev and (on the
// server) deleted, which are not listed.
struct SyncTable
{
    QString name {};
    QList<SyncColumn> columns {};
    // The REST collection under /api/v1/ that lists and edits its rows; empty
    // when the table is reached through routes of its own only.
    QString collection {};
    // What people call one row and several (translated through shared::Tr).
    const char *singular = nullptr;
    const char *plural = nullptr;
    // The sortKey a list uses when none is asked for, and its direction.
    QString defaultSort {};
    bool defaultDescending = true;
    // The column whose value names a row for people (a title); empty: the
    // row is named by the row it references, or by its type and id.
    QString labelColumn {};

    const SyncColumn *column(const QString &name) const;
    QStringList columnNames() const;
    // The columns a client may write.
    QStringList writableColumns() const;
    // The columns in the full-text index, in declaration order.
    QStringList searchedColumns() const;
    // The replica and the server keep a full-text index of the searched
    // columns (<name>_fts).
    bool isSearchable() const { return !searchedColumns().isEmpty(); }
    const SyncColumn *sortColumn(const QString &sortKey) const;
    const SyncColumn *filterColumn(const QString &filterKey) const;
    QString singularLabel() const;
    QString pluralLabel() const;
    // The label of one of its columns; the raw name for an undeclared one.
    QString columnLabel(const QString &column) const;

    // Checks the fields of one mutation: known, writable, well typed and
    // within limits. `creating` also demands the required columns.
    void validateFields(const nlohmann::json &fields, bool creating, FieldErrors &errors) const;
    // A created row's values: the given fields over the defaults.
    nlohmann::json withDefaults(const nlohmann::json &fields) const;
};

// A URL slug: lower-case letters and digits in words joined by single hyphens.
bool isSlug(const QString &text);
// The slug a title gives: lower case, accents dropped (é -> e, ß -> ss),
// apostrophes dropped, every other run of characters that is no ASCII
// letter or digit a single hyphen, cut at a word's end within `maxLength`.
// Empty when nothing is left (a title in a script with no ASCII spelling):
// isSlug() holds for every non-empty result.
QString slugFromText(const QString &text, int maxLength = 120);

// The items of a List column's value; empty for anything that is not one.
QStringList listItems(const QString &jsonText);
QString listText(const QStringList &items);

// The most items a List column holds, and the longest item.
inline constexpr int kMaxListItems = 50;
inline constexpr int kMaxListItemLength = 60;

// The registry of synced tables: every feature declares its tables here
// once (see declaredtables.cpp), and everything else is derived from that
// declaration or checked against it. A table is registered before any
// server, replica or test opens a database; the registry is read-only after.
namespace SyncSchema {
const QList<SyncTable> &tables();
const SyncTable *find(const QString &name);
// The label of `column` of the declared table `table`; the raw column name
// when either is undeclared (a record left by an older version, say).
QString columnLabel(const QString &table, const QString &column);
// Adds a table declared outside shared/ (a test-only type). Returns false,
// and changes nothing, when a table of that name exists.
bool registerTable(const SyncTable &table);
} // namespace SyncSchema

// The largest article body and the longest title, in one place.
inline constexpr int kMaxTitleLength = 300;
inline constexpr int kMaxBodyBytes = 5 * 1024 * 1024;

} // namespace quire::shared
