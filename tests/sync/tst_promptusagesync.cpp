// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/prompts/core/promptstore.h"
#include "server/prompts/promptfetchusage.h"
#include "shared/database.h"
#include "shared/synctable.h"
#include "tests/support/testdatabase.h"
#include "tests/sync/syncpeer.h"

#include <QTest>

#include <algorithm>

using namespace quire;
using namespace quire::test;
using desktop::SyncEngine;

namespace {

QString countOn(SyncPeer &peer, const QString &rowId)
{
    const auto row = peer.ws().content().get(*shared::SyncSchema::find(QStringLiteral("prompt_usage")), rowId);
    return row ? fieldOf(*row, "count") : QStringLiteral("?");
}

qint64 fetchedRowsOn(SyncPeer &peer, const QString &source)
{
    const auto rows = peer.ws().content().list(*shared::SyncSchema::find(QStringLiteral("prompt_usage")));
    if (!rows)
        return -1;
    return std::count_if(rows->cbegin(), rows->cend(),
                         [&](const nlohmann::json &row) { return fieldOf(row, "source") == source; });
}

} // namespace

// Programs' fetches as the server flushes them (PromptFetchUsage) reach the
// owner's replicas as one usage row per key, version and UTC day, whose
// count grows in place: each flush moves the row's rev, so a replica that
// already holds the row receives the new count, and holds no second row.
class TestPromptUsageSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aReplicaReceivesTheGrowingCount()
    {
        ReplicaPair pair;
        const QString error = pair.start({ { QStringLiteral("alice@example.org"), QStringLiteral("author") } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer &a = *pair.a;
        SyncPeer &b = *pair.b;
        const QString me = a.ws().accountId();
        desktop::PromptStore store(a.ws().content(), a.ws().replica().database());
        const auto prompt = store.create({ { "title", "Summary" }, { "name", "summary" }, { "content", "Hi." } }, me);
        QVERIFY(prompt);
        const auto version = store.saveVersion(*prompt, QStringLiteral("first"), me);
        QVERIFY(version);
        QCOMPARE(a.sync(), SyncEngine::State::Idle);

        // The server's own flush, on its database while it runs.
        auto db = TestDatabase::open(pair.server);
        QVERIFY(db);
        server::Principal who;
        who.userId = me;
        who.role = shared::Role::Author;
        who.apiKeyId = QStringLiteral("key-of-the-app");
        who.apiKeyName = QStringLiteral("app server");
        server::PromptFetchUsage &usage = server::PromptFetchUsage::instance();
        const QDateTime morning(QDate(2026, 3, 4), QTime(9, 0), Qt::UTC);
        const QString rowId = server::PromptFetchUsage::dayRowId(who.apiKeyId, *prompt, *version, morning);
        const int rounds[] = { 2, 3, 4 };
        int total = 0;
        for (int i = 0; i < 3; ++i) {
            for (int n = 0; n < rounds[i]; ++n)
                usage.record(who, *prompt, *version);
            total += rounds[i];
            qint64 seq = 0;
            QVERIFY((usage.flush(**db, morning.addSecs(i * 3600), seq)));
            QVERIFY(seq > 0);
            QCOMPARE(a.sync(), SyncEngine::State::Idle);
            QCOMPARE(countOn(a, rowId), QString::number(total));
        }
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(countOn(b, rowId), QStringLiteral("9"));
        QCOMPARE(fetchedRowsOn(a, who.apiKeyName), 1);
        QCOMPARE(fetchedRowsOn(b, who.apiKeyName), 1);
    }
};

QTEST_MAIN(TestPromptUsageSync)
#include "tst_promptusagesync.moc"
