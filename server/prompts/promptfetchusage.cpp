// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptfetchusage.h"

#include "server/prompts/promptsharedaccess.h"
#include "server/serverlogging.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/errorcode.h"
#include "shared/permissions.h"
#include "shared/promptnames.h"
#include "shared/prompttables.h"
#include "shared/sqldialect.h"
#include "shared/synctable.h"
#include "shared/timestamp.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <optional>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

namespace {

const QString kUsageTable = shared::promptUsageTable();

// The day's row: a new one with this flush's count, or the count added to
// the row there (brought back with just this count if its owner deleted
// it). Server-owned, so the replica-push checks (merging, immutability)
// do not apply; its rev moves, so replicas pull the new count. No
// sync_revisions entry: no replica ever edits a usage row (immutable), so
// no merge needs its earlier values, and a delete based on an older count
// is settled as a conflict as for any row changed since.
QString upsertSql(const shared::SyncTable &table)
{
    const QStringList columns = table.columnNames();
    const QString placeholders = QStringLiteral("?, ").repeated(columns.size() + 1) + QStringLiteral("?");
    return QStringLiteral("INSERT INTO %1 (id, %2, rev, deleted, deleted_at) VALUES (%3, 0, NULL) "
                          "ON CONFLICT(id) DO UPDATE SET "
                          "count = CASE WHEN %1.deleted = 0 THEN CAST(CAST(%1.count AS INTEGER) "
                          "+ CAST(excluded.count AS INTEGER) AS TEXT) ELSE excluded.count END, "
                          "created_at = CASE WHEN %1.deleted = 0 THEN %1.created_at ELSE excluded.created_at END, "
                          "source = excluded.source, updated_at = excluded.updated_at, rev = excluded.rev, "
                          "deleted = 0, deleted_at = NULL")
        .arg(table.name, columns.join(QLatin1String(", ")), placeholders);
}

// What a flushed row's column is filled with, in the table's column order.
enum class Field { Prompt, Version, Use, Source, Count, Owner, Time, Default };

QList<Field> fieldsOf(const shared::SyncTable &table)
{
    static const QHash<QString, Field> known {
        { QStringLiteral("prompt_id"), Field::Prompt }, { QStringLiteral("version_id"), Field::Version },
        { QStringLiteral("use"), Field::Use },          { QStringLiteral("source"), Field::Source },
        { QStringLiteral("count"), Field::Count },      { QStringLiteral("owner_id"), Field::Owner },
        { QStringLiteral("created_at"), Field::Time },  { QStringLiteral("updated_at"), Field::Time },
    };
    QList<Field> fields;
    for (const shared::SyncColumn &c : table.columns)
        fields << known.value(c.name, Field::Default);
    return fields;
}

// The first two columns of `sql`'s first row, through a statement prepared
// once on the flush's connection; no row: an empty list.
Result<QVariantList> preparedRow(shared::Database &db, const QString &sql, const QVariantList &binds)
{
    Result<std::shared_ptr<QSqlQuery>> prepared = db.prepared(sql);
    if (!prepared)
        return prepared.error();
    QSqlQuery &q = **prepared;
    for (qsizetype i = 0; i < binds.size(); ++i)
        q.bindValue(int(i), db.forBinding(binds[i]));
    if (!q.exec()) {
        const shared::Error error = shared::Error::make(shared::ErrorCode::Internal, q.lastError().text());
        q.finish();
        return error;
    }
    QVariantList row;
    if (q.next()) {
        for (int i = 0; i < 2; ++i)
            row << q.value(i);
    }
    q.finish();
    return row;
}

// What a client's push of the row would be checked for
// (PromptPersonalAccess with aboutReadablePrompt): the owner's role may keep
// usage, the prompt is there and the owner may read it, and the version is
// one of its versions. Looked up once per prompt and version per batch.
class Reach
{
public:
    explicit Reach(shared::Database &db)
        : m_db(db)
    { }

    Result<bool> allows(const Principal &who, const QString &promptId, const QString &versionId)
    {
        if (!shared::hasPermission(who.role, shared::Permission::SaveItems))
            return false;
        auto prompt = m_prompts.constFind(promptId);
        if (prompt == m_prompts.cend()) {
            Result<QVariantList> row = preparedRow(
                m_db, QStringLiteral("SELECT owner_id, readers FROM prompts WHERE id = ? AND deleted = 0"),
                { promptId });
            if (!row)
                return row.error();
            std::optional<nlohmann::json> scope;
            if (!row->isEmpty())
                scope = nlohmann::json { { "owner_id", row->at(0).toString().toStdString() },
                                         { "readers", row->at(1).toString().toStdString() } };
            prompt = m_prompts.insert(promptId, scope);
        }
        if (!*prompt || !PromptSharedAccess::canRead(who.userId, **prompt))
            return false;
        if (versionId.isEmpty())
            return true;
        auto version = m_versions.constFind(versionId);
        if (version == m_versions.cend()) {
            Result<QVariantList> row = preparedRow(
                m_db, QStringLiteral("SELECT prompt_id, id FROM prompt_versions WHERE id = ? AND deleted = 0"),
                { versionId });
            if (!row)
                return row.error();
            version = m_versions.insert(versionId, row->isEmpty() ? QString() : row->at(0).toString());
        }
        return *version == promptId;
    }

private:
    shared::Database &m_db;
    QHash<QString, std::optional<nlohmann::json>> m_prompts; // id: owner and readers, or gone
    QHash<QString, QString> m_versions; // id: its prompt, or empty when gone
};

} // namespace

QString PromptFetchUsage::keyOf(const Principal &who, const QString &promptId, const QString &versionId)
{
    return who.apiKeyId + QLatin1Char('/') + versionId + QLatin1Char('/') + promptId;
}

QString PromptFetchUsage::dayRowId(const QString &keyId, const QString &promptId, const QString &versionId,
                                   const QDateTime &at)
{
    // A UUIDv7 (what synced rows carry) whose time is the day's start and
    // whose other bits are a hash of what the row counts.
    const QDateTime day(at.toUTC().date(), QTime(0, 0), Qt::UTC);
    const QString what = keyId + QLatin1Char('/') + promptId + QLatin1Char('/') + versionId + QLatin1Char('/')
        + day.date().toString(Qt::ISODate);
    QByteArray bytes = QCryptographicHash::hash(what.toUtf8(), QCryptographicHash::Sha256).left(16);
    const qint64 ms = day.toMSecsSinceEpoch();
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((ms >> (8 * (5 - i))) & 0xff);
    bytes[6] = char((uchar(bytes[6]) & 0x0f) | 0x70); // version 7
    bytes[8] = char((uchar(bytes[8]) & 0x3f) | 0x80); // RFC 9562 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

PromptFetchUsage &PromptFetchUsage::instance()
{
    static PromptFetchUsage usage;
    return usage;
}

void PromptFetchUsage::record(const Principal &who, const QString &promptId, const QString &versionId)
{
    const QString key = keyOf(who, promptId, versionId);
    QMutexLocker lock(&m_mutex);
    Tally &t = m_tallies[key];
    if (t.count == 0) {
        t.who = who;
        t.promptId = promptId;
        t.versionId = versionId;
    }
    ++t.count;
}

void PromptFetchUsage::putBack(const QList<Tally> &tallies)
{
    QMutexLocker lock(&m_mutex);
    for (const Tally &t : tallies) {
        Tally &now = m_tallies[keyOf(t.who, t.promptId, t.versionId)];
        if (now.count == 0)
            now = t;
        else
            now.count += t.count;
    }
}

VoidResult PromptFetchUsage::flush(shared::Database &db, qint64 &lastSeq)
{
    return flush(db, shared::Clock::instance().now(), lastSeq);
}

VoidResult PromptFetchUsage::flush(shared::Database &db, const QDateTime &now, qint64 &lastSeq)
{
    QHash<QString, Tally> taken;
    {
        QMutexLocker lock(&m_mutex);
        taken.swap(m_tallies);
    }
    lastSeq = 0;
    QList<Tally> tallies = taken.values();
    // In the order of their rows, so that a transaction adds to neighbouring
    // pages of the table rather than to one page per row all over the file.
    for (Tally &t : tallies)
        t.rowId = dayRowId(t.who.apiKeyId, t.promptId, t.versionId, now);
    std::sort(tallies.begin(), tallies.end(), [](const Tally &a, const Tally &b) { return a.rowId < b.rowId; });
    const shared::SyncTable &table = *shared::SyncSchema::find(kUsageTable);
    static const QString upsert = upsertSql(table);
    static const QList<Field> fields = fieldsOf(table);
    const QString at = shared::Timestamp::format(now);
    const QString fetched = shared::kPromptUses.name(shared::PromptUse::Fetched);
    qsizetype refused = 0;
    for (qsizetype from = 0; from < tallies.size(); from += kRowsPerTransaction) {
        const qsizetype to = std::min(tallies.size(), from + kRowsPerTransaction);
        qint64 seq = 0;
        qsizetype refusedHere = 0;
        VoidResult written = db.transaction([&]() -> VoidResult {
            Reach reach(db);
            QList<const Tally *> allowed;
            allowed.reserve(to - from);
            for (qsizetype i = from; i < to; ++i) {
                Result<bool> ok = reach.allows(tallies[i].who, tallies[i].promptId, tallies[i].versionId);
                if (!ok)
                    return ok.error();
                if (*ok)
                    allowed << &tallies[i];
                else
                    ++refusedHere;
            }
            if (allowed.isEmpty())
                return VoidResult::success();
            // One change number for each row, taken at once.
            Result<QVariant> last = db.scalar(db.dialect().takeChangeNumbers(), { allowed.size() });
            if (!last)
                return last.error();
            seq = last->toLongLong() - allowed.size();
            for (const Tally *t : std::as_const(allowed)) {
                ++seq;
                QVariantList binds { t->rowId };
                for (qsizetype c = 0; c < table.columns.size(); ++c) {
                    switch (fields.at(c)) {
                    case Field::Prompt:
                        binds << t->promptId;
                        break;
                    case Field::Version:
                        binds << t->versionId;
                        break;
                    case Field::Use:
                        binds << fetched;
                        break;
                    case Field::Source:
                        binds << t->who.apiKeyName;
                        break;
                    case Field::Count:
                        binds << QString::number(t->count);
                        break;
                    case Field::Owner:
                        binds << t->who.userId;
                        break;
                    case Field::Time:
                        binds << at;
                        break;
                    case Field::Default:
                        binds << table.columns.at(c).defaultValue;
                        break;
                    }
                }
                binds << seq;
                if (VoidResult r = db.run(upsert, binds); !r)
                    return r;
            }
            return VoidResult::success();
        });
        if (!written) {
            // Put back what is not written yet: the next flush tries again.
            putBack(tallies.mid(from));
            return written.error();
        }
        refused += refusedHere;
        if (seq > 0)
            lastSeq = seq;
    }
    if (refused > 0)
        qCWarning(lcServer) << refused
                            << "counted fetches not recorded: their prompt is gone or out of the key owner's reach";
    return VoidResult::success();
}

} // namespace quire::server
