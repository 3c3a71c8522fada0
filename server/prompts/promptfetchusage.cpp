// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptfetchusage.h"

#include "server/serverlogging.h"
#include "server/sync/syncpush.h"
#include "shared/promptnames.h"
#include "shared/uuid.h"

namespace quire::server {

PromptFetchUsage &PromptFetchUsage::instance()
{
    static PromptFetchUsage usage;
    return usage;
}

void PromptFetchUsage::record(const Principal &who, const QString &promptId, const QString &versionId)
{
    const QString key = who.apiKeyId + QLatin1Char('/') + versionId + QLatin1Char('/') + promptId;
    QMutexLocker lock(&m_mutex);
    Tally &t = m_tallies[key];
    if (t.count == 0) {
        t.who = who;
        t.promptId = promptId;
        t.versionId = versionId;
    }
    ++t.count;
}

shared::VoidResult PromptFetchUsage::flush(shared::Database &db, const QString &epoch, qint64 &lastSeq)
{
    QHash<QString, Tally> taken;
    {
        QMutexLocker lock(&m_mutex);
        taken.swap(m_tallies);
    }
    lastSeq = 0;
    const QStringList keys = taken.keys();
    for (const QString &key : keys) {
        const Tally t = taken.value(key);
        shared::SyncProtocol::Mutation m;
        m.table = QStringLiteral("prompt_usage");
        m.rowId = shared::Uuid::createV7();
        m.op = shared::SyncProtocol::Operation::Upsert;
        m.fields = { { "prompt_id", t.promptId.toStdString() },
                     { "use", shared::kPromptUses.name(shared::PromptUse::Fetched).toStdString() },
                     { "source", t.who.apiKeyName.toStdString() },
                     { "count", QString::number(t.count).toStdString() } };
        if (!t.versionId.isEmpty())
            m.fields["version_id"] = t.versionId.toStdString();
        SyncPush push(db, t.who, epoch);
        qint64 seq = 0;
        shared::Result<shared::SyncProtocol::MutationResult> applied = push.applyOne(m, std::nullopt, seq);
        if (!applied) {
            // Put back what is not written yet, this one included: the next flush tries again.
            QMutexLocker lock(&m_mutex);
            for (auto it = taken.cbegin(); it != taken.cend(); ++it) {
                Tally &now = m_tallies[it.key()];
                if (now.count == 0)
                    now = *it;
                else
                    now.count += it->count;
            }
            return applied.error();
        }
        if (applied->outcome == shared::SyncProtocol::Outcome::Rejected)
            qCWarning(lcServer) << "fetch usage of an API key not recorded:"
                                << (applied->reason ? applied->reason->message : QString());
        if (seq > 0)
            lastSeq = seq;
        taken.remove(key);
    }
    return shared::VoidResult::success();
}

} // namespace quire::server
