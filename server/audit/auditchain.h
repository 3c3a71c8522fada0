// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/audit/auditaction.h"
#include "shared/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace quire::shared {
class Database;
}

namespace quire::server {

// One event to record: who did what to which row. No secret ever: append()
// refuses details whose keys name one (see AuditChain::secretKey).
struct AuditEntry
{
    AuditAction action = AuditAction::ClientChanged;
    QString actorId; // the user who acted; empty: the server itself (the publisher)
    QString subjectTable; // a table name: posts, platforms, clients, platform_credentials
    QString subjectId;
    nlohmann::json details = nlohmann::json::object();
};

// A row of audit_chain as stored: what the hash covers, and the hash.
struct AuditRecord
{
    qint64 id = 0;
    QString at; // UTC, Timestamp's format
    QString actorId;
    QString action; // the wire name as stored (a tampered row may hold any text)
    QString subjectTable;
    QString subjectId;
    QString details; // canonical JSON text (sorted keys, printable ASCII only)
    QString prevHash;
    QString hash;
};

// What verify() found: intact, or the first entry that breaks the chain.
struct AuditVerification
{
    enum class Problem {
        None,
        EditedEntry, // its stored hash is not the hash of its fields
        BrokenLink, // its prev_hash is not the hash of the entry before it
        MissingEntry, // ids jump: an entry in the middle was deleted
        MissingTail, // the head counts more entries than there are: the last ones were deleted
        HeadMismatch, // more entries than the head counts, or the head's hash is not the last entry's
    };
    Problem problem = Problem::None;
    qint64 entries = 0; // entries read
    qint64 badId = 0; // the first bad entry's id (0 when intact)
    QString headHash; // the hash of the last entry: an operator may keep it elsewhere

    bool intact() const { return problem == Problem::None; }
    // One line for the console: "intact: N entries" or what is wrong where.
    QString describe() const;
};

// The scheduler's tamper-evident audit trail (table audit_chain, migration
// 18): every entry stores the SHA-256 of its own fields and of the entry
// before it, and a one-row head (audit_chain_head) keeps the count and the
// last hash, so an edited entry, a deleted one (in the middle or at the end)
// or a reordering shows in verify(). The accounts' security log
// (server/accounts/auditlog) is a separate, unchained table.
//
// What the chain proves: nobody changed the rows without also recomputing
// every later hash and the head. Someone with write access to the whole
// database can still rewrite it all; the head hash verify() prints lets an
// operator keep an anchor outside the database.
class AuditChain
{
public:
    // The prev_hash of the first entry.
    static const QString &genesisHash();

    // Appends `entry` inside the caller's write transaction
    // (Database::transaction), so it commits with the change it records or
    // not at all. The head row is locked first (an UPDATE of it: PostgreSQL's
    // row lock holds a second appender on another instance until this
    // transaction ends; on SQLite the write lock already does), so two
    // appenders never fork the chain. Refuses (ValidationFailed) details
    // with a key that names a secret, and control characters in the ids and
    // table name (details may hold any text: canonical JSON escapes it).
    static shared::Result<AuditRecord> append(shared::Database &db, const AuditEntry &entry);

    // Walks the whole chain in one snapshot and compares it with the head.
    static shared::Result<AuditVerification> verify(shared::Database &db);

    // The last `limit` entries, oldest first.
    static shared::Result<QList<AuditRecord>> latest(shared::Database &db, int limit);

    // The hash an entry must carry: SHA-256 (hex) over every field and the
    // previous hash, each as its UTF-8 bytes behind an 8-byte length, after
    // a version tag. No separator: no field's text can reach into another.
    static QString hashOf(const AuditRecord &record);

    // A details key that names a secret (secret, token, password, passphrase,
    // credential, api_key, private_key, authorization, cookie, in any case
    // and with or without _ or -), anywhere in `details`; empty when none.
    // Details describe what happened (ids, kinds, times), never the value.
    static QString secretKey(const nlohmann::json &details);

    // The canonical text of `details` as stored: sorted keys, no spaces,
    // everything beyond printable ASCII escaped (\uXXXX), so no control
    // character or line separator is ever stored raw.
    static QString canonicalDetails(const nlohmann::json &details);
};

} // namespace quire::server
