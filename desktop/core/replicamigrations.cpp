// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/replicamigrations.h"

namespace quire::desktop {

const QList<shared::Migration> &replicaMigrations()
{
    static const QList<shared::Migration> migrations {
        { 1,
          QStringLiteral("replica_meta"),
          {
              // Per-replica facts the sync engine keeps (server epoch, cursor, last sync).
              QStringLiteral("CREATE TABLE replica_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT"),
          } },
        { 2,
          QStringLiteral("sync"),
          {
              // The working copy: what the user sees and edits. Rebuilt from the
              // server copy plus the pending outbox whenever either changes.
              QStringLiteral("CREATE TABLE guides ("
                             "id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '', "
                             "status TEXT NOT NULL DEFAULT 'draft', owner_id TEXT NOT NULL DEFAULT '', "
                             "created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', "
                             "rev INTEGER NOT NULL DEFAULT 0) STRICT"),
              QStringLiteral("CREATE INDEX guides_updated ON guides(updated_at)"),
              // The last copy of each row the server sent, apart from local edits.
              // A tombstone keeps its values so a local edit can bring the row back.
              // data is NULL while the row has never been edited here: the working
              // copy is then the server copy, and a large pull writes it once.
              QStringLiteral(
                  "CREATE TABLE server_rows ("
                  "tbl TEXT NOT NULL, id TEXT NOT NULL, rev INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, "
                  "data TEXT, generation INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (tbl, id)) STRICT, WITHOUT ROWID"),
              // Local changes not yet settled with the server. AUTOINCREMENT: a
              // mutation id is never reused, even after the outbox empties.
              // `done` entries were answered but their effect has not been
              // pulled yet (result_rev is above the cursor), so they still
              // shape the working copy.
              QStringLiteral("CREATE TABLE outbox ("
                             "mutation_id INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, row_id TEXT NOT NULL, "
                             "op TEXT NOT NULL CHECK (op IN ('upsert','delete')), fields TEXT NOT NULL, "
                             "base_rev INTEGER NOT NULL, base TEXT NOT NULL, base_epoch TEXT NOT NULL, "
                             "created_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN "
                             "('pending','done')), "
                             "result_rev INTEGER) STRICT"),
              QStringLiteral("CREATE INDEX outbox_row ON outbox(tbl, row_id)"),
              QStringLiteral(
                  "CREATE TABLE conflicts ("
                  "id TEXT PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, "
                  "kind TEXT NOT NULL, base_value TEXT, server_value TEXT, client_value TEXT, kept TEXT NOT NULL, "
                  "created_at TEXT NOT NULL, resolved_at TEXT, resolution TEXT) STRICT"),
              // Mutations the server refused: kept whole so their content can be
              // copied or exported; never retried.
              QStringLiteral(
                  "CREATE TABLE rejected ("
                  "mutation_id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, op TEXT NOT NULL, "
                  "fields TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, created_at TEXT NOT NULL, "
                  "dismissed_at TEXT) STRICT"),
          } },
        { 3,
          QStringLiteral("articles"),
          {
              QStringLiteral("ALTER TABLE guides ADD COLUMN kind TEXT NOT NULL DEFAULT 'guide'"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN slug TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN summary TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN publish_at TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN published_at TEXT NOT NULL DEFAULT ''"),
          } },
        { 4,
          QStringLiteral("article_search"),
          {
              // Full-text search over the working copies, indexed lazily: every
              // write of a working row marks it (fts_dirty, in the same
              // statement) and the replica as stale, and a search first indexes
              // the marked rows. So a 100,000-row pull pays nothing for search.
              QStringLiteral("ALTER TABLE guides ADD COLUMN fts_dirty INTEGER NOT NULL DEFAULT 1"),
              QStringLiteral("CREATE VIRTUAL TABLE guides_fts USING fts5(title, summary, body, "
                             "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"),
              QStringLiteral("INSERT INTO replica_meta(key, value) VALUES ('fts_stale', '1')"),
          } },
        { 5,
          QStringLiteral("media_files"),
          {
              // Images in this profile (media/<2 hex>/<sha256>) and whether the
              // server has them yet.
              QStringLiteral("CREATE TABLE media_files ("
                             "sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL, size INTEGER NOT NULL, "
                             "width INTEGER NOT NULL DEFAULT 0, height INTEGER NOT NULL DEFAULT 0, "
                             "state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN "
                             "('pending','uploaded','remote','refused')), "
                             "reason TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL) STRICT"),
          } },
        { 6,
          QStringLiteral("content_model"),
          {
              QStringLiteral("ALTER TABLE guides ADD COLUMN categories TEXT NOT NULL DEFAULT '[]'"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN cover TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN seo_title TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN seo_description TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("CREATE TABLE categories ("
                             "id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', slug TEXT NOT NULL DEFAULT '', "
                             "parent_id TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '', "
                             "owner_id TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '', "
                             "updated_at TEXT NOT NULL DEFAULT '', rev INTEGER NOT NULL DEFAULT 0) STRICT"),
              QStringLiteral("CREATE TABLE saved_items ("
                             "id TEXT PRIMARY KEY, article_id TEXT NOT NULL DEFAULT '', "
                             "owner_id TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '', "
                             "updated_at TEXT NOT NULL DEFAULT '', rev INTEGER NOT NULL DEFAULT 0) STRICT"),
          } },
        { 7,
          QStringLiteral("articles_table"),
          {
              // One name for the article concept: the table is `articles`.
              // The search index and the list index are made again under the
              // new name from the declaration (and the index refilled); every
              // record of a row, sent or not, names the table by its new name,
              // so unsent edits go out after the update.
              QStringLiteral("DROP TABLE IF EXISTS guides_fts"),
              QStringLiteral("DROP INDEX IF EXISTS guides_fts_waiting"),
              QStringLiteral("DROP INDEX IF EXISTS guides_by_updated"),
              QStringLiteral("DROP INDEX IF EXISTS guides_updated"),
              QStringLiteral("ALTER TABLE guides RENAME TO articles"),
              QStringLiteral("UPDATE articles SET fts_dirty = 1"),
              QStringLiteral("UPDATE server_rows SET tbl = 'articles' WHERE tbl = 'guides'"),
              QStringLiteral("UPDATE outbox SET tbl = 'articles' WHERE tbl = 'guides'"),
              QStringLiteral("UPDATE conflicts SET tbl = 'articles' WHERE tbl = 'guides'"),
              QStringLiteral("UPDATE rejected SET tbl = 'articles' WHERE tbl = 'guides'"),
          } },
    };
    return migrations;
}

} // namespace quire::desktop
