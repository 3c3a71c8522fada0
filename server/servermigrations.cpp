// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/servermigrations.h"

#include "shared/sqldialect.h"

namespace quire::server {

namespace {

// The few words the two engines spell differently, written as {NAME} in
// the statements below: each statement names what it means, and the
// dialect says how its engine writes that (never a rewrite of other SQL).
QString spelled(QString statement, const shared::SqlDialect &sql)
{
    const QList<QPair<QLatin1String, QString>> words {
        { QLatin1String("{AUTOINCREMENT_KEY}"), sql.autoIncrementKey() },
        { QLatin1String("{STRICT_KEYED}"), sql.tableOptions(true) },
        { QLatin1String("{STRICT}"), sql.tableOptions(false) },
        { QLatin1String("{INTEGER}"), sql.integerType() },
        { QLatin1String("{REAL}"), sql.realType() },
        { QLatin1String("{BLOB}"), sql.blobType() },
        { QLatin1String("{RANDOM_HEX16}"), sql.randomHex16() },
        { QLatin1String("{NOW}"), sql.nowText() },
    };
    for (const auto &[word, spelling] : words)
        statement.replace(word, spelling);
    return statement;
}

// Migration 6 built SQLite's FTS5 index of published guides, which
// migration 12 drops again (the declared schema makes the articles' index).
// PostgreSQL support came after migration 15, so no PostgreSQL database
// was ever between the two: there the step has nothing to do.
QStringList publishedSearch(const shared::SqlDialect &sql)
{
    if (sql.isPostgres())
        return {};
    return {
        // Readers search what is published, so only published articles are
        // indexed: writing drafts (most sync traffic) costs the index nothing.
        // External content: the index holds no second copy of the text.
        QStringLiteral("CREATE VIRTUAL TABLE guides_fts USING fts5(title, summary, body, content = 'guides', "
                       "content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"),
        QStringLiteral("CREATE TRIGGER guides_fts_insert AFTER INSERT ON guides "
                       "WHEN new.status = 'published' AND new.deleted = 0 BEGIN "
                       "INSERT INTO guides_fts(rowid, title, summary, body) VALUES (new.rowid, new.title, "
                       "new.summary, new.body); END"),
        // One trigger for updates, so the old text leaves the index before
        // the new text enters it.
        QStringLiteral("CREATE TRIGGER guides_fts_update AFTER UPDATE ON guides BEGIN "
                       "INSERT INTO guides_fts(guides_fts, rowid, title, summary, body) "
                       "SELECT 'delete', old.rowid, old.title, old.summary, old.body "
                       "WHERE old.status = 'published' AND old.deleted = 0; "
                       "INSERT INTO guides_fts(rowid, title, summary, body) "
                       "SELECT new.rowid, new.title, new.summary, new.body "
                       "WHERE new.status = 'published' AND new.deleted = 0; END"),
        QStringLiteral("CREATE TRIGGER guides_fts_delete AFTER DELETE ON guides "
                       "WHEN old.status = 'published' AND old.deleted = 0 BEGIN "
                       "INSERT INTO guides_fts(guides_fts, rowid, title, summary, body) "
                       "VALUES ('delete', old.rowid, old.title, old.summary, old.body); END"),
        QStringLiteral("INSERT INTO guides_fts(rowid, title, summary, body) SELECT rowid, title, summary, body "
                       "FROM guides WHERE status = 'published' AND deleted = 0"),
    };
}

// Migration 12's first statements: the triggers the declared schema had
// made on guides (PostgreSQL names a trigger with its table).
QStringList guidesTriggerDrops(const shared::SqlDialect &sql)
{
    QStringList drops;
    for (const char *name : { "guides_categories_items_insert", "guides_categories_items_update",
                              "guides_categories_items_delete", "guides_counts_insert", "guides_counts_update",
                              "guides_counts_delete", "guides_fts_insert", "guides_fts_update", "guides_fts_delete",
                              "guides_tags_items_insert", "guides_tags_items_update", "guides_tags_items_delete" })
        drops << sql.dropTrigger(QLatin1String(name), QStringLiteral("guides"));
    return drops;
}

QList<shared::Migration> history(const shared::SqlDialect &sql)
{
    QList<shared::Migration> migrations {
        { 1,
          QStringLiteral("server_meta"),
          {
              QStringLiteral("CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL){STRICT}"),
              // The epoch names this database's history; a restore gives it a new one
              // so clients know their cursors no longer apply.
              QStringLiteral("INSERT INTO server_meta(key, value) VALUES ('epoch', {RANDOM_HEX16})"),
              QStringLiteral(
                  "INSERT INTO server_meta(key, value) VALUES ('created_at', {NOW})"),
          } },
        { 2,
          QStringLiteral("accounts"),
          {
              QStringLiteral("CREATE TABLE users ("
                             "id TEXT PRIMARY KEY, "
                             "email TEXT NOT NULL UNIQUE, "
                             "name TEXT NOT NULL, "
                             "role TEXT NOT NULL CHECK (role IN ('admin','editor','author','creator','reader')), "
                             "password_hash TEXT NOT NULL, "
                             "avatar_url TEXT, "
                             "preferences TEXT NOT NULL DEFAULT '{}', "
                             "email_verified {INTEGER} NOT NULL DEFAULT 0, "
                             "disabled {INTEGER} NOT NULL DEFAULT 0, "
                             "created_at TEXT NOT NULL, "
                             "updated_at TEXT NOT NULL){STRICT}"),
              // One row per sign-in: the access token rotates inside it, and its
              // refresh tokens form the family that a reuse revokes as a whole.
              QStringLiteral("CREATE TABLE sessions ("
                             "id TEXT PRIMARY KEY, "
                             "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                             "access_hash TEXT NOT NULL UNIQUE, "
                             "access_expires_at TEXT NOT NULL, "
                             "created_at TEXT NOT NULL, "
                             "revoked_at TEXT, "
                             "user_agent TEXT NOT NULL DEFAULT '', "
                             "ip TEXT NOT NULL DEFAULT ''){STRICT}"),
              QStringLiteral("CREATE INDEX sessions_user ON sessions(user_id)"),
              QStringLiteral("CREATE TABLE refresh_tokens ("
                             "token_hash TEXT PRIMARY KEY, "
                             "session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, "
                             "created_at TEXT NOT NULL, "
                             "expires_at TEXT NOT NULL, "
                             "used_at TEXT){STRICT}"),
              QStringLiteral("CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id)"),
              // No foreign keys: the audit trail outlives the accounts it names.
              QStringLiteral("CREATE TABLE audit_log ("
                             "id {AUTOINCREMENT_KEY}, "
                             "at TEXT NOT NULL, "
                             "actor_id TEXT, "
                             "action TEXT NOT NULL, "
                             "target_id TEXT, "
                             "ip TEXT NOT NULL DEFAULT '', "
                             "details TEXT NOT NULL DEFAULT '{}'){STRICT}"),
              QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at)"),
              QStringLiteral("CREATE INDEX audit_log_actor ON audit_log(actor_id, at)"),
              QStringLiteral("CREATE INDEX audit_log_action ON audit_log(action, at)"),
              QStringLiteral("CREATE TABLE invites ("
                             "code_hash TEXT PRIMARY KEY, "
                             "role TEXT NOT NULL CHECK (role IN ('admin','editor','author','creator','reader')), "
                             "created_by TEXT, "
                             "created_at TEXT NOT NULL, "
                             "expires_at TEXT NOT NULL, "
                             "used_at TEXT, "
                             "used_by TEXT){STRICT}"),
              QStringLiteral(
                  "CREATE TABLE email_tokens ("
                  "token_hash TEXT PRIMARY KEY, "
                  "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                  "purpose TEXT NOT NULL CHECK (purpose IN ('verify_email','reset_password','change_email')), "
                  "new_email TEXT, "
                  "created_at TEXT NOT NULL, "
                  "expires_at TEXT NOT NULL, "
                  "used_at TEXT){STRICT}"),
              QStringLiteral("CREATE INDEX email_tokens_user ON email_tokens(user_id, purpose)"),
          } },
        { 3,
          QStringLiteral("web_sessions"),
          {
              // Readers' browser sessions live beside API sessions but never
              // authenticate the API (and API tokens never sign in a browser).
              QStringLiteral(
                  "ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'api' CHECK (kind IN ('api','web'))"),
              QStringLiteral("ALTER TABLE sessions ADD COLUMN csrf_token TEXT"),
          } },
        { 4,
          QStringLiteral("sync"),
          {
              // The one change sequence: every synced change takes the next
              // number, and a row's rev is the number of its last change.
              QStringLiteral(
                  "CREATE TABLE sync_state (id {INTEGER} PRIMARY KEY CHECK (id = 1), seq {INTEGER} NOT NULL){STRICT}"),
              QStringLiteral("INSERT INTO sync_state(id, seq) VALUES (1, 0)"),
              // Cursors at or below the floor may have missed pruned tombstones.
              QStringLiteral("INSERT INTO server_meta(key, value) VALUES ('retention_floor', '0')"),
              // No foreign key on owner_id: content outlives a deleted account
              // until an admin reassigns or removes it. Deleted rows stay as
              // tombstones, with their values, so an edit against a delete can
              // bring the row back whole.
              QStringLiteral("CREATE TABLE guides ("
                             "id TEXT PRIMARY KEY, "
                             "title TEXT NOT NULL, "
                             "body TEXT NOT NULL DEFAULT '', "
                             "status TEXT NOT NULL DEFAULT 'draft' "
                             "CHECK (status IN ('draft','in_review','scheduled','published','archived')), "
                             "owner_id TEXT NOT NULL, "
                             "created_at TEXT NOT NULL, "
                             "updated_at TEXT NOT NULL, "
                             "rev {INTEGER} NOT NULL, "
                             "deleted {INTEGER} NOT NULL DEFAULT 0, "
                             "deleted_at TEXT){STRICT}"),
              QStringLiteral("CREATE INDEX guides_rev ON guides(rev)"),
              QStringLiteral("CREATE INDEX guides_owner ON guides(owner_id, rev)"),
              // Every revision of every row, whole: the history authors browse,
              // compare and restore, and who made each change.
              QStringLiteral("CREATE TABLE sync_revisions ("
                             "tbl TEXT NOT NULL, row_id TEXT NOT NULL, rev {INTEGER} NOT NULL, data TEXT NOT NULL, "
                             "created_at TEXT NOT NULL, user_id TEXT NOT NULL, client_id TEXT NOT NULL, PRIMARY KEY "
                             "(tbl, row_id, rev)){STRICT_KEYED}"),
              // A change that narrowed who may see a row: pull tells those who
              // saw it before (by prev_scope) to drop it.
              QStringLiteral("CREATE TABLE sync_scope_exits ("
                             "seq {INTEGER} PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, "
                             "prev_scope TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL){STRICT}"),
              // Per user and replica: the numbering of its mutations, in the
              // history (epoch) that numbering belongs to.
              QStringLiteral("CREATE TABLE sync_clients ("
                             "user_id TEXT NOT NULL, client_id TEXT NOT NULL, epoch TEXT NOT NULL, "
                             "last_applied {INTEGER} NOT NULL DEFAULT 0, last_seen_at TEXT NOT NULL, "
                             "PRIMARY KEY (user_id, client_id)){STRICT_KEYED}"),
              // Answers kept until the client acknowledges them, so a retried
              // batch gets the same answers and applies nothing twice.
              QStringLiteral(
                  "CREATE TABLE sync_results ("
                  "user_id TEXT NOT NULL, client_id TEXT NOT NULL, mutation_id {INTEGER} NOT NULL, "
                  "result TEXT NOT NULL, PRIMARY KEY (user_id, client_id, mutation_id)){STRICT_KEYED}"),
              QStringLiteral("CREATE TABLE sync_conflicts ("
                             "id TEXT PRIMARY KEY, tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, "
                             "kind TEXT NOT NULL, base_value TEXT, server_value TEXT, client_value TEXT, "
                             "user_id TEXT NOT NULL, client_id TEXT NOT NULL, mutation_id {INTEGER} NOT NULL, "
                             "created_at TEXT NOT NULL){STRICT}"),
              QStringLiteral("CREATE INDEX sync_conflicts_row ON sync_conflicts(tbl, row_id)"),
              // A role change or a disabled account changes what a user may
              // see as a whole: cursors older than this must start over.
              QStringLiteral("ALTER TABLE users ADD COLUMN scope_seq {INTEGER} NOT NULL DEFAULT 0"),
          } },
        { 5,
          QStringLiteral("articles"),
          {
              // Guides become articles of two kinds with what readers' pages need.
              // Empty text means "not set", so every synced column stays a string.
              QStringLiteral("ALTER TABLE guides ADD COLUMN kind TEXT NOT NULL DEFAULT 'guide' CHECK (kind IN "
                             "('guide','case_study'))"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN slug TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN summary TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN publish_at TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN published_at TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("CREATE UNIQUE INDEX guides_slug ON guides(kind, slug) WHERE slug <> '' AND deleted = 0"),
              QStringLiteral(
                  "CREATE INDEX guides_scheduled ON guides(publish_at) WHERE status = 'scheduled' AND deleted = 0"),
              // Every slug an article had, so old links answer 301 to the new one.
              QStringLiteral(
                  "CREATE TABLE slug_history (kind TEXT NOT NULL, slug TEXT NOT NULL, article_id TEXT NOT NULL, "
                  "PRIMARY KEY (kind, slug)){STRICT_KEYED}"),
          } },
        { 6,
          QStringLiteral("published_search"),
          publishedSearch(sql) },
        { 7,
          QStringLiteral("media"),
          {
              // Uploaded images, named by the SHA-256 of their bytes: the same
              // image uploaded twice is stored once. The bytes live in the data
              // directory (media/<first two hex>/<sha256>), this is their record.
              QStringLiteral("CREATE TABLE media ("
                             "sha256 TEXT PRIMARY KEY, "
                             "mime TEXT NOT NULL, "
                             "size {INTEGER} NOT NULL, "
                             "width {INTEGER} NOT NULL DEFAULT 0, "
                             "height {INTEGER} NOT NULL DEFAULT 0, "
                             "uploaded_by TEXT REFERENCES users(id) ON DELETE SET NULL, "
                             "created_at TEXT NOT NULL){STRICT}"),
          } },
        { 8,
          QStringLiteral("content_model"),
          {
              // Lists are JSON arrays in text (see shared::ColumnType::List).
              QStringLiteral("ALTER TABLE guides ADD COLUMN categories TEXT NOT NULL DEFAULT '[]'"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN cover TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN seo_title TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("ALTER TABLE guides ADD COLUMN seo_description TEXT NOT NULL DEFAULT ''"),
              QStringLiteral("CREATE INDEX guides_status ON guides(status, kind, published_at) WHERE deleted = 0"),
              QStringLiteral("CREATE TABLE categories ("
                             "id TEXT PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL, "
                             "parent_id TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '', "
                             "owner_id TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
                             "rev {INTEGER} NOT NULL, deleted {INTEGER} NOT NULL DEFAULT 0, deleted_at TEXT){STRICT}"),
              QStringLiteral("CREATE INDEX categories_rev ON categories(rev)"),
              QStringLiteral("CREATE UNIQUE INDEX categories_slug ON categories(slug) WHERE deleted = 0"),
              QStringLiteral("CREATE TABLE saved_items ("
                             "id TEXT PRIMARY KEY, article_id TEXT NOT NULL, "
                             "owner_id TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
                             "rev {INTEGER} NOT NULL, deleted {INTEGER} NOT NULL DEFAULT 0, deleted_at TEXT){STRICT}"),
              QStringLiteral("CREATE INDEX saved_items_rev ON saved_items(rev)"),
              QStringLiteral("CREATE UNIQUE INDEX saved_items_owner ON saved_items(owner_id, article_id) "
                             "WHERE deleted = 0"),
          } },
        { 9,
          QStringLiteral("address_lookup"),
          {
              // Addresses are looked up with withdrawn articles too (410), and
              // the partial guides_slug cannot serve that: without this every
              // article page rendered and every pushed edit scanned the table.
              QStringLiteral("CREATE INDEX guides_address ON guides(kind, slug)"),
          } },
        { 10,
          QStringLiteral("durable_sign_in_state"),
          {
              // What protects real users from lock-out must outlive a restart
              // and hold across instances (see PersistentLimits): per-account
              // allowances, named by a keyed hash, dropped once full again...
              QStringLiteral("CREATE TABLE limit_buckets (key_hash TEXT PRIMARY KEY, tokens {REAL} NOT NULL, "
                             "updated_ms {INTEGER} NOT NULL, full_at_ms {INTEGER} NOT NULL){STRICT_KEYED}"),
              QStringLiteral("CREATE INDEX limit_buckets_full ON limit_buckets(full_at_ms)"),
              // ...and the addresses each account signed in from, as keyed hashes.
              QStringLiteral("CREATE TABLE known_addresses ("
                             "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                             "address_hash TEXT NOT NULL, "
                             "last_seen_at TEXT NOT NULL, "
                             "PRIMARY KEY (user_id, address_hash)){STRICT_KEYED}"),
              // A rotated refresh token remembers its successor for the reuse
              // grace window: the successor's hash, and the successor pair
              // sealed under a key only the rotated token itself yields.
              QStringLiteral("ALTER TABLE refresh_tokens ADD COLUMN successor_hash TEXT"),
              QStringLiteral("ALTER TABLE refresh_tokens ADD COLUMN successor_box {BLOB}"),
          } },
        { 11,
          QStringLiteral("list_indexes"),
          {
              // The dashboard's latest changes and the admin's user list walk
              // these in order instead of sorting every row.
              QStringLiteral("CREATE INDEX sync_revisions_latest ON sync_revisions(tbl, rev)"),
              QStringLiteral("CREATE INDEX users_created ON users(created_at, id)"),
              // The declared schema derives an index per sort and filter
              // (guides_status_by_published serves what this one did).
              QStringLiteral("DROP INDEX guides_status"),
          } },
        { 12,
          QStringLiteral("articles_table"),
          guidesTriggerDrops(sql) + QStringList {
              // One name for the article concept: the table is `articles`. The
              // objects the declared schema derives from it are dropped here and
              // made again under the new name after the migrations (the search
              // index and the kept counts are filled again from the rows); the
              // history names the table by its new name too.
              QStringLiteral("DROP TABLE IF EXISTS guides_fts"),
              QStringLiteral("DROP TABLE IF EXISTS guides_counts"),
              QStringLiteral("DROP TABLE IF EXISTS guides_tags_items"),
              QStringLiteral("DROP TABLE IF EXISTS guides_categories_items"),
              QStringLiteral("DROP INDEX IF EXISTS guides_author_by_created"),
              QStringLiteral("DROP INDEX IF EXISTS guides_author_by_published"),
              QStringLiteral("DROP INDEX IF EXISTS guides_author_by_title"),
              QStringLiteral("DROP INDEX IF EXISTS guides_author_by_updated"),
              QStringLiteral("DROP INDEX IF EXISTS guides_kind_by_created"),
              QStringLiteral("DROP INDEX IF EXISTS guides_kind_by_published"),
              QStringLiteral("DROP INDEX IF EXISTS guides_kind_by_title"),
              QStringLiteral("DROP INDEX IF EXISTS guides_kind_by_updated"),
              QStringLiteral("DROP INDEX IF EXISTS guides_status_by_created"),
              QStringLiteral("DROP INDEX IF EXISTS guides_status_by_published"),
              QStringLiteral("DROP INDEX IF EXISTS guides_status_by_title"),
              QStringLiteral("DROP INDEX IF EXISTS guides_status_by_updated"),
              QStringLiteral("DROP INDEX IF EXISTS guides_by_created"),
              QStringLiteral("DROP INDEX IF EXISTS guides_by_published"),
              QStringLiteral("DROP INDEX IF EXISTS guides_by_title"),
              QStringLiteral("DROP INDEX IF EXISTS guides_by_updated"),
              QStringLiteral("DROP INDEX IF EXISTS guides_rev"),
              QStringLiteral("DROP INDEX IF EXISTS guides_owner"),
              QStringLiteral("DROP INDEX IF EXISTS guides_slug"),
              QStringLiteral("DROP INDEX IF EXISTS guides_scheduled"),
              QStringLiteral("DROP INDEX IF EXISTS guides_address"),
              QStringLiteral("ALTER TABLE guides RENAME TO articles"),
              QStringLiteral("CREATE INDEX articles_owner ON articles(owner_id, rev)"),
              QStringLiteral(
                  "CREATE UNIQUE INDEX articles_slug ON articles(kind, slug) WHERE slug <> '' AND deleted = 0"),
              QStringLiteral("CREATE INDEX articles_scheduled ON articles(publish_at) WHERE status = 'scheduled' AND "
                             "deleted = 0"),
              QStringLiteral("CREATE INDEX articles_address ON articles(kind, slug)"),
              QStringLiteral("UPDATE sync_revisions SET tbl = 'articles' WHERE tbl = 'guides'"),
              QStringLiteral("UPDATE sync_scope_exits SET tbl = 'articles' WHERE tbl = 'guides'"),
              QStringLiteral("UPDATE sync_conflicts SET tbl = 'articles' WHERE tbl = 'guides'"),
          } },
        { 13,
          QStringLiteral("revision_marks"),
          {
              // Revisions someone asked to keep as a version ("Save version"):
              // the history list ends an editing session there.
              QStringLiteral("CREATE TABLE revision_marks ("
                             "tbl TEXT NOT NULL, row_id TEXT NOT NULL, rev {INTEGER} NOT NULL, "
                             "user_id TEXT NOT NULL, created_at TEXT NOT NULL, "
                             "PRIMARY KEY (tbl, row_id, rev)){STRICT_KEYED}"),
          } },
        { 14,
          QStringLiteral("password_change_required"),
          {
              // A password generated at the console and shown in a terminal:
              // its owner is asked to choose one (server/accounts/onetimepassword).
              QStringLiteral("ALTER TABLE users ADD COLUMN password_change_required {INTEGER} NOT NULL DEFAULT 0"),
              // Until now the audit trail told: the newest password event decides.
              QStringLiteral("UPDATE users SET password_change_required = 1 WHERE (SELECT a.action FROM audit_log a "
                             "WHERE a.target_id = users.id AND a.action IN ('password_generated', "
                             "'password_change', 'password_reset') ORDER BY a.id DESC LIMIT 1) = 'password_generated'"),
          } },
        { 15,
          QStringLiteral("api_keys"),
          {
              // Personal API keys for programs (server/accounts/apikeystore): the
              // prefix is shown in lists and finds the row; only a keyed hash of
              // the secret is kept. Scopes are their wire names, space-separated.
              QStringLiteral("CREATE TABLE api_keys ("
                             "id TEXT PRIMARY KEY, "
                             "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                             "name TEXT NOT NULL, "
                             "prefix TEXT NOT NULL UNIQUE, "
                             "secret_hash TEXT NOT NULL, "
                             "scopes TEXT NOT NULL, "
                             "created_at TEXT NOT NULL, "
                             "last_used_at TEXT, "
                             "revoked_at TEXT){STRICT}"),
              QStringLiteral("CREATE INDEX api_keys_user ON api_keys(user_id, created_at)"),
          } },
        { 16,
          QStringLiteral("job_leases"),
          {
              // Which instance runs each periodic job (server/joblease): the
              // holder renews its lease on every run; another takes it over
              // once expires_at has passed. generation counts the takeovers.
              QStringLiteral("CREATE TABLE job_leases ("
                             "name TEXT PRIMARY KEY, "
                             "holder TEXT NOT NULL, "
                             "expires_at TEXT NOT NULL, "
                             "taken_at TEXT NOT NULL, "
                             "generation {INTEGER} NOT NULL){STRICT}"),
          } },
        { 17,
          QStringLiteral("rate_buckets"),
          {
              // Token buckets every instance leases budget from in slices
              // (server/accounts/leasedbucketstore): tokens not leased out at
              // updated_ms; version makes each lease one conditional UPDATE.
              // Keys are HMACs, as in limit_buckets.
              QStringLiteral("CREATE TABLE rate_buckets ("
                             "key_hash TEXT PRIMARY KEY, "
                             "tokens {REAL} NOT NULL, "
                             "updated_ms {INTEGER} NOT NULL, "
                             "version {INTEGER} NOT NULL){STRICT}"),
              QStringLiteral("CREATE INDEX rate_buckets_updated ON rate_buckets(updated_ms)"),
              // Failed sign-ins per (account, address) pair and how long the
              // pair must wait (PersistentLimits), shared by every instance.
              QStringLiteral("CREATE TABLE signin_failures ("
                             "pair_hash TEXT PRIMARY KEY, "
                             "failures {INTEGER} NOT NULL, "
                             "blocked_until_ms {INTEGER} NOT NULL, "
                             "last_ms {INTEGER} NOT NULL){STRICT}"),
              QStringLiteral("CREATE INDEX signin_failures_last ON signin_failures(last_ms)"),
          } },
        { 18,
          QStringLiteral("audit_chain"),
          {
              // The scheduler's hash-chained audit trail (server/audit/auditchain):
              // each entry stores the hash of its fields and of the entry before
              // it. `audit_log` (migration 2) stays the accounts' own, unchained.
              // The id is the head's count plus one, never a sequence, so a gap
              // is a deleted entry. No foreign keys: the trail outlives its rows.
              QStringLiteral("CREATE TABLE audit_chain ("
                             "id {INTEGER} PRIMARY KEY, "
                             "at TEXT NOT NULL, "
                             "actor_id TEXT NOT NULL, "
                             "action TEXT NOT NULL, "
                             "subject_table TEXT NOT NULL, "
                             "subject_id TEXT NOT NULL, "
                             "details TEXT NOT NULL, "
                             "prev_hash TEXT NOT NULL, "
                             "hash TEXT NOT NULL){STRICT}"),
              QStringLiteral("CREATE INDEX audit_chain_subject ON audit_chain(subject_table, subject_id, id)"),
              // One row: how many entries there are and the last one's hash, so
              // deleting the newest entries shows too. Appenders lock this row.
              QStringLiteral("CREATE TABLE audit_chain_head ("
                             "id {INTEGER} PRIMARY KEY CHECK (id = 1), "
                             "entries {INTEGER} NOT NULL, "
                             "last_hash TEXT NOT NULL){STRICT}"),
              QStringLiteral("INSERT INTO audit_chain_head(id, entries, last_hash) VALUES (1, 0, "
                             "'0000000000000000000000000000000000000000000000000000000000000000')"),
          } },
        { 19,
          QStringLiteral("platform_credentials"),
          {
              // A platform's secret, sealed (server/credentials/credentialvault),
              // in a table no replica ever pulls: platforms only sync when one
              // was stored (credential_set_at). key_id repeats the sealing key's
              // id so rotate-key finds what it has left to move.
              QStringLiteral("CREATE TABLE platform_credentials ("
                             "platform_id TEXT PRIMARY KEY, "
                             "sealed TEXT NOT NULL, "
                             "key_id TEXT NOT NULL, "
                             "set_at TEXT NOT NULL){STRICT}"),
          } },
        { 20,
          QStringLiteral("scheduler_metrics"),
          {
              // The scheduler's numbers (server/scheduler/metricsstore), kept by
              // the server alone: engagement per destination and UTC day, written
              // by what fetches it from the networks (an upsert a day); money per
              // client, platform, day and currency, entered or imported, in whole
              // minor units. Days are YYYY-MM-DD. The ids they name are synced
              // rows (soft-deleted, purged later), so no foreign keys: a read
              // joins the live rows, and whose a number is follows its client.
              QStringLiteral("CREATE TABLE engagement_metrics ("
                             "destination_id TEXT NOT NULL, "
                             "day TEXT NOT NULL, "
                             "post_id TEXT NOT NULL, "
                             "client_id TEXT NOT NULL, "
                             "platform_id TEXT NOT NULL, "
                             "impressions {INTEGER} NOT NULL, "
                             "likes {INTEGER} NOT NULL, "
                             "comments {INTEGER} NOT NULL, "
                             "shares {INTEGER} NOT NULL, "
                             "clicks {INTEGER} NOT NULL, "
                             "updated_at TEXT NOT NULL, "
                             "PRIMARY KEY (destination_id, day)){STRICT}"),
              QStringLiteral("CREATE INDEX engagement_metrics_client ON engagement_metrics(client_id, day)"),
              QStringLiteral("CREATE TABLE financial_metrics ("
                             "id TEXT PRIMARY KEY, "
                             "client_id TEXT NOT NULL, "
                             "platform_id TEXT NOT NULL, "
                             "day TEXT NOT NULL, "
                             "currency TEXT NOT NULL, "
                             "revenue_minor {INTEGER} NOT NULL, "
                             "payouts_minor {INTEGER} NOT NULL, "
                             "source TEXT NOT NULL, "
                             "updated_by TEXT NOT NULL, "
                             "updated_at TEXT NOT NULL, "
                             "UNIQUE (client_id, platform_id, day, currency)){STRICT}"),
              QStringLiteral("CREATE INDEX financial_metrics_client ON financial_metrics(client_id, day)"),
          } },
        { 21,
          QStringLiteral("publish_attempts"),
          {
              // The post publisher's ledger (server/publishing/publishledger):
              // one row per post destination, server-only, never pulled. The
              // idempotency key is drawn once and sent with every attempt, so
              // a delivery retried after a crash is recognised by a network
              // that supports it. claimed_by and lease_until make a claim that
              // another instance may take over once the lease has run out.
              QStringLiteral("CREATE TABLE publish_attempts ("
                             "destination_id TEXT PRIMARY KEY, "
                             "post_id TEXT NOT NULL, "
                             "platform_id TEXT NOT NULL, "
                             "owner_id TEXT NOT NULL, "
                             "idempotency_key TEXT NOT NULL UNIQUE, "
                             "state TEXT NOT NULL, "
                             "attempts {INTEGER} NOT NULL DEFAULT 0, "
                             "next_attempt_at TEXT NOT NULL, "
                             "claimed_by TEXT NOT NULL DEFAULT '', "
                             "lease_until TEXT NOT NULL DEFAULT '', "
                             "remote_id TEXT NOT NULL DEFAULT '', "
                             "remote_url TEXT NOT NULL DEFAULT '', "
                             "error_code TEXT NOT NULL DEFAULT '', "
                             "error_message TEXT NOT NULL DEFAULT '', "
                             "created_at TEXT NOT NULL, "
                             "updated_at TEXT NOT NULL, "
                             "sent_at TEXT NOT NULL DEFAULT ''){STRICT}"),
              QStringLiteral("CREATE INDEX publish_attempts_due ON publish_attempts(state, next_attempt_at)"),
              QStringLiteral("CREATE INDEX publish_attempts_post ON publish_attempts(post_id)"),
          } },
    };
    for (shared::Migration &m : migrations) {
        for (QString &statement : m.statements)
            statement = spelled(statement, sql);
    }
    return migrations;
}

} // namespace

const QList<shared::Migration> &serverMigrations(const shared::SqlDialect &sql)
{
    static const QList<shared::Migration> sqlite = history(shared::SqlDialect::sqlite());
    static const QList<shared::Migration> postgres = history(shared::SqlDialect::postgres());
    return sql.isPostgres() ? postgres : sqlite;
}

} // namespace quire::server
