// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/audit/auditchain.h"

#include "shared/clock.h"
#include "shared/database.h"
#include "shared/errorcode.h"
#include "shared/sqldialect.h"
#include "shared/timestamp.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QtEndian>

#include <array>
#include <limits>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

// Changing what the hash covers means a new tag: old entries keep theirs.
constexpr char kHashVersion[] = "quire-audit-chain-v1";
// verify() reads the chain in pages of this many entries.
constexpr int kPage = 1000;

const QString kColumns
    = QStringLiteral("id, at, actor_id, action, subject_table, subject_id, details, prev_hash, hash");

AuditRecord recordAt(const QSqlQuery &q)
{
    return AuditRecord { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString(),   q.value(4).toString(), q.value(5).toString(),
                         q.value(6).toString(),   q.value(7).toString(), q.value(8).toString() };
}

void appendField(QByteArray &out, const QByteArray &field)
{
    std::array<uchar, 8> length {};
    qToBigEndian<quint64>(quint64(field.size()), length.data());
    out.append(reinterpret_cast<const char *>(length.data()), qsizetype(length.size()));
    out.append(field);
}

// Ids and table names are names, never text: a control character in one
// could only be an attempt to forge a line of `audit list`.
bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator;
    });
}

Error invalid(const QString &field, const QString &message)
{
    return Error::make(shared::ErrorCode::ValidationFailed, message, { { field, message } });
}

// Key words that name a secret, compared with keys lower-cased and without
// _ and -: `access_token`, `apiKey`, `client-secret` all match.
bool namesSecret(const QString &key)
{
    static const QStringList kWords { QStringLiteral("secret"),        QStringLiteral("token"),
                                      QStringLiteral("password"),      QStringLiteral("passwd"),
                                      QStringLiteral("passphrase"),    QStringLiteral("credential"),
                                      QStringLiteral("apikey"),        QStringLiteral("privatekey"),
                                      QStringLiteral("authorization"), QStringLiteral("cookie") };
    QString folded = key.toLower();
    folded.remove(QLatin1Char('_')).remove(QLatin1Char('-'));
    return std::any_of(kWords.cbegin(), kWords.cend(), [&folded](const QString &w) { return folded.contains(w); });
}

// What is wrong with `r`, read where entry `expected` belongs, after the
// entry whose hash is `prev`. A missing id first: a gap also breaks the link.
AuditVerification::Problem problemOf(const AuditRecord &r, qint64 expected, const QString &prev)
{
    if (r.id > expected)
        return AuditVerification::Problem::MissingEntry;
    if (r.id < expected) // an id no append writes (0, negative): the row was edited or made by hand
        return AuditVerification::Problem::EditedEntry;
    if (AuditChain::hashOf(r) != r.hash)
        return AuditVerification::Problem::EditedEntry;
    if (r.prevHash != prev)
        return AuditVerification::Problem::BrokenLink;
    return AuditVerification::Problem::None;
}

} // namespace

QString AuditVerification::describe() const
{
    switch (problem) {
    case Problem::None:
        return QStringLiteral("audit log intact: %1 entries, head %2").arg(entries).arg(headHash);
    case Problem::EditedEntry:
        return QStringLiteral("audit log broken at entry %1: its fields do not match its hash (edited)").arg(badId);
    case Problem::BrokenLink:
        return QStringLiteral("audit log broken at entry %1: it does not follow entry %2 (entry %2 was rewritten, "
                              "or entries were replaced or reordered)")
            .arg(badId)
            .arg(badId - 1);
    case Problem::MissingEntry:
        return QStringLiteral("audit log broken at entry %1: it is missing (deleted)").arg(badId);
    case Problem::MissingTail:
        return QStringLiteral("audit log broken at entry %1: it and every later entry the head counts are missing "
                              "(deleted)")
            .arg(badId);
    case Problem::HeadMismatch:
        return QStringLiteral("audit log broken at entry %1: the chain's head does not end there (entries added "
                              "outside the log, or the head was changed)")
            .arg(badId);
    }
    return {};
}

const QString &AuditChain::genesisHash()
{
    static const QString genesis(64, QLatin1Char('0'));
    return genesis;
}

QString AuditChain::hashOf(const AuditRecord &r)
{
    QByteArray bytes;
    appendField(bytes, QByteArray(kHashVersion));
    for (const QString &field :
         { QString::number(r.id), r.at, r.actorId, r.action, r.subjectTable, r.subjectId, r.details, r.prevHash })
        appendField(bytes, field.toUtf8());
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString AuditChain::secretKey(const nlohmann::json &details)
{
    if (details.is_object()) {
        for (const auto &[key, value] : details.items()) {
            const QString name = QString::fromStdString(key);
            if (namesSecret(name))
                return name;
            if (QString inner = secretKey(value); !inner.isEmpty())
                return inner;
        }
    } else if (details.is_array()) {
        for (const nlohmann::json &item : details) {
            if (QString inner = secretKey(item); !inner.isEmpty())
                return inner;
        }
    }
    return {};
}

QString AuditChain::canonicalDetails(const nlohmann::json &details)
{
    // nlohmann's objects are sorted maps, so equal details give equal text;
    // ensure_ascii escapes control characters, DEL and everything beyond.
    const std::string text = details.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

Result<AuditRecord> AuditChain::append(shared::Database &db, const AuditEntry &entry)
{
    if (!entry.details.is_object())
        return invalid(QStringLiteral("details"), QStringLiteral("Audit details must be a JSON object."));
    if (const QString key = secretKey(entry.details); !key.isEmpty())
        return invalid(QStringLiteral("details"),
                       QStringLiteral("Audit details must not hold a secret (key `%1`).").arg(key.left(64)));
    const std::array<std::pair<QLatin1String, const QString *>, 3> names {
        { { QLatin1String("actor_id"), &entry.actorId },
          { QLatin1String("subject_table"), &entry.subjectTable },
          { QLatin1String("subject_id"), &entry.subjectId } }
    };
    for (const auto &[field, value] : names) {
        if (hasControlCharacter(*value))
            return invalid(field, QStringLiteral("Audit field %1 must not hold control characters.").arg(field));
    }
    const QString action = auditActionName(entry.action);
    if (action.isEmpty())
        return invalid(QStringLiteral("action"), QStringLiteral("Unknown audit action."));

    // The no-op UPDATE takes the head row's lock before anything is read:
    // a second appender (another connection, another instance) waits here
    // until this transaction ends and then reads the head it left.
    Result<QSqlQuery> head = db.exec(QStringLiteral("UPDATE audit_chain_head SET entries = entries WHERE id = 1 "
                                                    "RETURNING entries, last_hash"));
    if (!head)
        return head.error();
    if (!head->next())
        return Error::make(shared::ErrorCode::DatabaseCorrupt, QStringLiteral("The audit chain has no head row."));
    AuditRecord record;
    record.id = head->value(0).toLongLong() + 1;
    record.prevHash = head->value(1).toString();
    head->finish();
    record.at = shared::Timestamp::format(shared::Clock::instance().now());
    record.actorId = entry.actorId;
    record.action = action;
    record.subjectTable = entry.subjectTable;
    record.subjectId = entry.subjectId;
    record.details = canonicalDetails(entry.details);
    record.hash = hashOf(record);
    // The id is the head's count plus one, never a sequence: a rolled-back
    // append leaves no gap that verify() would take for a deleted entry.
    if (VoidResult r
        = db.run(QStringLiteral("INSERT INTO audit_chain(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns),
                 { record.id, record.at, record.actorId, record.action, record.subjectTable, record.subjectId,
                   record.details, record.prevHash, record.hash });
        !r)
        return r.error();
    if (VoidResult r = db.run(QStringLiteral("UPDATE audit_chain_head SET entries = ?, last_hash = ? WHERE id = 1"),
                              { record.id, record.hash });
        !r)
        return r.error();
    return record;
}

Result<AuditVerification> AuditChain::verify(shared::Database &db)
{
    // One snapshot: an append committed meanwhile would otherwise show as
    // rows beyond the head (or a head beyond the rows).
    if (VoidResult r = db.run(db.dialect().beginSnapshot()); !r)
        return r.error();
    auto walk = [&db]() -> Result<AuditVerification> {
        Result<QSqlQuery> head
            = db.exec(QStringLiteral("SELECT entries, last_hash FROM audit_chain_head WHERE id = 1"));
        if (!head)
            return head.error();
        if (!head->next())
            return Error::make(shared::ErrorCode::DatabaseCorrupt, QStringLiteral("The audit chain has no head row."));
        const qint64 headEntries = head->value(0).toLongLong();
        const QString headHash = head->value(1).toString();

        AuditVerification v;
        QString prev = genesisHash();
        qint64 after = std::numeric_limits<qint64>::min();
        for (;;) {
            Result<QSqlQuery> page
                = db.exec(QStringLiteral("SELECT %1 FROM audit_chain WHERE id > ? ORDER BY id LIMIT ?").arg(kColumns),
                          { after, kPage });
            if (!page)
                return page.error();
            int read = 0;
            while (page->next()) {
                ++read;
                const AuditRecord r = recordAt(*page);
                const AuditVerification::Problem problem = problemOf(r, v.entries + 1, prev);
                if (problem != AuditVerification::Problem::None) {
                    v.problem = problem;
                    v.badId = qMin(r.id, v.entries + 1);
                    return v;
                }
                prev = r.hash;
                v.entries = r.id;
                after = r.id;
            }
            if (read < kPage)
                break;
        }
        v.headHash = prev;
        if (headEntries > v.entries) {
            v.problem = AuditVerification::Problem::MissingTail;
            v.badId = v.entries + 1;
        } else if (headEntries < v.entries || headHash != prev) {
            v.problem = AuditVerification::Problem::HeadMismatch;
            v.badId = headEntries < v.entries ? headEntries + 1 : v.entries;
        }
        return v;
    };
    Result<AuditVerification> result = walk();
    if (VoidResult r = db.run(QStringLiteral("COMMIT")); !r)
        return r.error();
    return result;
}

Result<QList<AuditRecord>> AuditChain::latest(shared::Database &db, int limit)
{
    Result<QSqlQuery> q = db.exec(
        QStringLiteral("SELECT %1 FROM (SELECT %1 FROM audit_chain ORDER BY id DESC LIMIT ?) last ORDER BY id")
            .arg(kColumns),
        { qMax(0, limit) });
    if (!q)
        return q.error();
    QList<AuditRecord> records;
    while (q->next())
        records << recordAt(*q);
    return records;
}

} // namespace quire::server
